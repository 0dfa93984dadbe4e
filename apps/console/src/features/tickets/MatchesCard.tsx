import type { ReactNode } from 'react';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import type { TicketMatch } from '../../api/types';
import { formatTime } from '../../format/time';
import { describeMatchFacts, MATCH_STATUS_COLORS, MATCH_STATUS_LABELS, matchReasons } from './ticket-labels';

/**
 * 服务机构匹配: every proposal and match of the ticket, newest first, with the reasons the
 * ranking stored (a hand match has none) and how it was answered. `actions` renders a
 * role's buttons on a match (the desk's 代为接受 / 代为拒绝 on the open proposal).
 */
export function MatchesCard({ matches, actions }: { matches: TicketMatch[]; actions?: (match: TicketMatch) => ReactNode }) {
  const newestFirst = [...matches].sort((a, b) => b.proposedAt.localeCompare(a.proposedAt));
  return (
    <Card title="服务机构匹配">
      {newestFirst.length === 0 ? (
        <Empty description="尚未推荐服务机构" />
      ) : (
        <List
          dataSource={newestFirst}
          renderItem={(m) => (
            <List.Item aria-label={`${m.providerName}（${MATCH_STATUS_LABELS[m.status]}）`} actions={actions ? [actions(m)].filter(Boolean) : undefined}>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{m.providerName}</span>
                    <Tag color={MATCH_STATUS_COLORS[m.status]}>{MATCH_STATUS_LABELS[m.status]}</Tag>
                    <Tag>{m.origin === 'manual' ? '人工匹配' : '系统推荐'}</Tag>
                  </Space>
                }
                description={<MatchDetails match={m} />}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function MatchDetails({ match }: { match: TicketMatch }) {
  const reasons = describeMatchFacts(matchReasons(match));
  return (
    <Space orientation="vertical" size={2}>
      {reasons.length > 0 && <span>推荐理由：{reasons.join(' · ')}</span>}
      <Typography.Text type="secondary">
        推荐于 {formatTime(match.proposedAt)}
        {match.status === 'proposed' && match.expiresAt && `，答复期限 ${formatTime(match.expiresAt)}`}
        {match.answeredAt && `，${match.answeredVia === 'staff' ? '窗口代为答复' : '服务机构答复'}于 ${formatTime(match.answeredAt)}`}
      </Typography.Text>
      {match.declineReason && <span>拒绝原因：{match.declineReason}</span>}
    </Space>
  );
}

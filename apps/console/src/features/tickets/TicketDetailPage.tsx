import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { Card, Descriptions, Empty, Flex, List, Space, Tag, Timeline, Typography } from 'antd';
import type { TicketWithHistory } from '../../api/types';
import { currentSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { PageTitle } from '../../components/PageTitle';
import { useApi } from '../../components/useApi';
import { formatTime } from '../../format/time';
import { ACTIVITY_KIND_LABELS, SERVICE_TYPE_LABELS } from '../../labels/labels';
import { describeHistory, historyColor } from './history-labels';
import { SlaBadge } from './SlaBadge';
import { StatusTag } from './StatusTag';
import { loadTicketView, providerNameOf, ticketName, type TicketView } from './ticket-api';
import { TicketProblemCard } from '../problems/TicketProblemCard';
import { TicketTemplatesCard } from '../templates/TicketTemplatesCard';
import { SimilarTicketsCard } from './SimilarTicketsCard';
import { PRIORITY_LABELS } from './ticket-labels';
import { useTicketChanges } from './useTicketChanges';

/** The first number of "0551-63571234转8012、139…" as a phone dials it. */
function dialable(phone: string): string {
  return phone.split(/[转、,，;；/]/)[0].replace(/[^0-9+]/g, '');
}

interface TicketDetailPageProps {
  /** The role's buttons, next to the title. */
  actions?: (ticket: TicketWithHistory, reload: () => void, view: TicketView) => ReactNode;
  /** The role's own cards, after the ticket's facts (e.g. the desk's matches with their answers). */
  sections?: (view: TicketView, reload: () => void) => ReactNode;
  /** Keep the page current by itself (useTicketChanges): for people the ticket moves under, e.g. a proposal arriving. */
  live?: boolean;
}

/**
 * 工单详情, shared by every role: what the ticket is, where it stands (status, SLA), who serves
 * it, similar tickets of other zones (staff and viewers), its timeline and service activities.
 * `actions` renders the role's own buttons.
 */
export function TicketDetailPage({ actions, sections, live = false }: TicketDetailPageProps) {
  const { id = '' } = useParams();
  const state = useApi((signal) => loadTicketView(id, signal), [id]);
  useTicketChanges(state.reload, state.loading, live);
  if (!state.data) return state.error ? <ApiErrorAlert error={state.error} /> : <PageLoading />;
  const view = state.data;
  const { ticket } = view;
  return (
    <>
      <PageTitle title={ticket.title} extra={<Space wrap>{actions?.(ticket, state.reload, view)}</Space>} />
      <ApiErrorAlert error={state.error} />
      <Flex vertical gap={16}>
        <Card>
          <Space wrap style={{ marginBottom: 12 }}>
            <StatusTag status={ticket.status} />
            <SlaBadge sla={ticket.sla} />
          </Space>
          <TicketFacts view={view} />
        </Card>
        {sections?.(view, state.reload)}
        <TicketProblemCard key={`problem-${ticket.id}`} ticket={ticket} onChanged={state.reload} />
        {/* A zone manager sees only their zone: similar tickets and templates come from all of them. */}
        {currentSession()?.user.role !== 'zone_manager' && <SimilarTicketsCard key={ticket.id} ticketId={ticket.id} />}
        {currentSession()?.user.role !== 'zone_manager' && <TicketTemplatesCard key={`templates-${ticket.id}`} ticket={ticket} onChanged={state.reload} />}
        <Card title="办理进程">
          <Timeline
            items={ticket.history.map((entry) => ({
              color: historyColor(entry),
              content: (
                <>
                  <div>{describeHistory(entry)}</div>
                  <Typography.Text type="secondary">{formatTime(entry.at)}</Typography.Text>
                </>
              ),
            }))}
          />
        </Card>
        <Card title="服务活动">
          {view.activities.length === 0 ? (
            <Empty description="暂无服务活动" />
          ) : (
            <List
              dataSource={view.activities}
              renderItem={(a) => (
                <List.Item>
                  <List.Item.Meta title={`${a.date} · ${ACTIVITY_KIND_LABELS[a.kind]}`} description={a.notes} />
                </List.Item>
              )}
            />
          )}
        </Card>
      </Flex>
    </>
  );
}

function TicketFacts({ view }: { view: TicketView }) {
  const { ticket } = view;
  const provider = providerNameOf(view);
  return (
    <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
      <Descriptions.Item label="服务类型">{ticketName(ticket, 'deskName') ?? SERVICE_TYPE_LABELS[ticket.type]}</Descriptions.Item>
      {ticketName(ticket, 'zoneName') && <Descriptions.Item label="园区">{ticketName(ticket, 'zoneName')}</Descriptions.Item>}
      <Descriptions.Item label="服务机构">{provider ?? (ticket.providerId ? '已匹配' : '尚未匹配')}</Descriptions.Item>
      <Descriptions.Item label="经办人">{ticketName(ticket, 'assigneeName') ?? (ticket.assigneeId ? (ticket.assigneeId === currentSession()?.user.id ? '我' : '已指派') : '未指派')}</Descriptions.Item>
      <Descriptions.Item label="期望完成">{ticket.desiredBy ?? '—'}</Descriptions.Item>
      {(ticket.contactName || ticket.contactPhone) && (
        <Descriptions.Item label="园区联系人">
          {ticket.contactName}
          {ticket.contactPhone && <a href={`tel:${dialable(ticket.contactPhone)}`} style={{ marginLeft: 8 }}>{ticket.contactPhone}</a>}
        </Descriptions.Item>
      )}
      <Descriptions.Item label="优先级">{ticket.priority ? PRIORITY_LABELS[ticket.priority] : '—'}</Descriptions.Item>
      <Descriptions.Item label="提交时间">{formatTime(ticket.createdAt)}</Descriptions.Item>
      {ticket.tags.length > 0 && (
        <Descriptions.Item label="标签">
          {ticket.tags.map((t) => (
            <Tag key={t}>{t}</Tag>
          ))}
        </Descriptions.Item>
      )}
      {ticket.outcome && <Descriptions.Item label="办理结果">{ticket.outcome}</Descriptions.Item>}
      {ticket.rating !== null && <Descriptions.Item label="园区评分">{`${ticket.rating} 星`}</Descriptions.Item>}
      {ticket.description && (
        <Descriptions.Item label="需求说明" span="filled">
          {ticket.description}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

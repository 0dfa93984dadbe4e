import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import type { CalendarYear } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { PageTitle } from '../../components/PageTitle';
import { useApi } from '../../components/useApi';
import { NoticeForm } from './NoticeForm';
import { YearView } from './YearView';

type CalendarStatus = components['schemas']['CalendarStatusResponse'];
type YearStatus = components['schemas']['CalendarYearStatusResponse'];

const STATUS_SOURCE: Record<YearStatus['source'], { label: string; color: string }> = {
  official: { label: '国务院通知（随系统提供）', color: 'green' },
  published: { label: '协调员已发布', color: 'blue' },
  missing: { label: '缺失', color: 'red' },
};

const YEAR_SOURCE: Record<CalendarYear['source'], string> = {
  package: '国务院通知（随系统提供）',
  published: '协调员发布',
  'package+overrides': '国务院通知，含协调员更正',
  missing: '尚无该年数据',
};

/**
 * 日历: the working-day calendar every deadline counts on — this year's and next year's
 * state, a year's holidays and make-up working days, and the yearly routine of pasting the
 * State Council's notice.
 */
export function CalendarPage() {
  const status = useApi((signal) => unwrap(api.GET('/api/v1/calendar/status', { signal })), []);
  const [chosen, setChosen] = useState<number>();
  const thisYear = status.data ? Number(status.data.today.slice(0, 4)) : undefined;
  const year = chosen ?? thisYear;
  const calendar = useApi(async (signal) => (year ? unwrap(api.GET('/api/v1/calendar/{year}', { params: { path: { year } }, signal })) : null), [year]);

  if (!status.data || !year || !thisYear) return status.error ? <ApiErrorAlert error={status.error} /> : <PageLoading />;
  const published = (y: number) => {
    status.reload();
    calendar.reload();
    setChosen(y);
  };
  return (
    <>
      <PageTitle title="日历" />
      <Flex vertical gap={16}>
        <StatusCard status={status.data} />
        <Card
          title={
            <Space>
              <Button size="small" aria-label="上一年" onClick={() => setChosen(year - 1)}>
                ‹
              </Button>
              <span>{year} 年</span>
              <Button size="small" aria-label="下一年" onClick={() => setChosen(year + 1)}>
                ›
              </Button>
            </Space>
          }
          extra={calendar.data && <Typography.Text type="secondary">来源：{YEAR_SOURCE[calendar.data.source]}</Typography.Text>}
        >
          <ApiErrorAlert error={calendar.error} />
          {calendar.data?.year === year && !calendar.data.known && (
            <Alert type="warning" showIcon title={`${year} 年的节假日安排尚未发布：截止日期落在该年的时限暂不计算。`} style={{ marginBottom: 16 }} />
          )}
          {calendar.data?.year === year ? <YearView calendar={calendar.data} /> : <PageLoading />}
        </Card>
        <NoticeForm defaultYear={status.data.nextYearDue ? thisYear + 1 : thisYear} onPublished={published} />
      </Flex>
    </>
  );
}

function StatusCard({ status }: { status: CalendarStatus }) {
  const missing = status.years.filter((y) => y.source === 'missing');
  return (
    <Card title="日历状态">
      {status.nextYearDue && missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`${missing.map((y) => y.year).join('、')} 年的节假日安排尚未发布`}
          description="国务院办公厅通常在每年 11 月前后发布下一年的节假日安排：发布后请将通知全文粘贴到下方，预览无误后发布。"
          style={{ marginBottom: 16 }}
        />
      )}
      <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
        <Descriptions.Item label="今天">{status.today}</Descriptions.Item>
        {status.years.map((y) => (
          <Descriptions.Item key={y.year} label={`${y.year} 年`}>
            <Tag color={STATUS_SOURCE[y.source].color}>{STATUS_SOURCE[y.source].label}</Tag>
            {y.ticketsWaiting ? `${y.ticketsWaiting} 件工单的时限等待该年日历` : null}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}

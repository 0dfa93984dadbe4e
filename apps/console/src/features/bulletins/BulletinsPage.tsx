import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Select, Space, Table, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { saveDownload } from '../../api/download';
import { errorMessage } from '../../api/errors';
import type { components } from '../../api/schema';
import { useSession } from '../../auth/useSession';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useApi } from '../../components/useApi';
import { PageLoading } from '../../components/PageLoading';
import { recentPeriods } from '../rankings/report-period';

type Bulletin = components['schemas']['BulletinSummaryResponse'];

/** Months and quarters offered for a draft or an issue, newest first, from the server's today (the clock that decides what has ended). */
function bulletinPeriods(today: string): { value: string; label: string }[] {
  return [...recentPeriods(today, 'month', 12), ...recentPeriods(today, 'quarter', 4)];
}

function useDownload() {
  const { message } = App.useApp();
  return (file: string, fallback: string) => {
    // One route answers JSON, .docx or .xlsx by the file's suffix; asked for a file, it is a blob.
    const call = api.GET('/api/v1/bulletins/{file}', { params: { path: { file } }, parseAs: 'blob' }) as Promise<{ data?: Blob; error?: unknown; response: Response }>;
    saveDownload(call, fallback).catch((e: unknown) => message.error(errorMessage(e), 8));
  };
}

/**
 * 通报: the monthly and quarterly bulletins issued (一月一通报、一季一评比), each as Word and Excel.
 * Coordinators also draft any month or quarter and issue an ended one by hand (idempotent).
 */
export function BulletinsPage() {
  const { user } = useSession();
  const list = useApi((signal) => unwrap(api.GET('/api/v1/bulletins', { signal })), []);
  const download = useDownload();
  return (
    <>
      <PageTitle title="通报" />
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          每月（季度）第一个工作日 09:00 自动印发上月（上季度）通报，并以邮件（附 Word 文件）发送给开发区处、厅领导与协会及各园区管理员。
        </Typography.Paragraph>
        <ApiErrorAlert error={list.error} />
        <Card size="small" title="已印发的通报">
          <Table<Bulletin>
            rowKey="period"
            size="small"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: '暂无已印发的通报' }}
            columns={[
              { title: '通报', dataIndex: 'title' },
              { title: '类型', dataIndex: 'kind', render: (k: string) => (k === 'quarter' ? '季度评比' : '月度通报') },
              { title: '印发时间', dataIndex: 'issuedAt', render: (at: string) => new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) },
              {
                title: '下载',
                render: (_: unknown, b) => (
                  <Space>
                    <Button size="small" onClick={() => download(`${b.period}.docx`, `通报-${b.period}.docx`)}>
                      Word
                    </Button>
                    <Button size="small" onClick={() => download(`${b.period}.xlsx`, `通报-${b.period}.xlsx`)}>
                      Excel
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
        {user.role === 'coordinator' && <DraftAndIssue onIssued={list.reload} />}
      </Flex>
    </>
  );
}

function DraftAndIssue({ onIssued }: { onIssued: () => void }) {
  const today = useApi(async (signal) => (await unwrap(api.GET('/api/v1/calendar/status', { signal }))).today, []);
  if (!today.data) return today.error ? <ApiErrorAlert error={today.error} /> : <PageLoading />;
  return <DraftAndIssueForm periods={bulletinPeriods(today.data)} onIssued={onIssued} />;
}

function DraftAndIssueForm({ periods, onIssued }: { periods: { value: string; label: string }[]; onIssued: () => void }) {
  const [period, setPeriod] = useState(periods[1].value);
  const [busy, setBusy] = useState<'preview' | 'issue' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [issued, setIssued] = useState<components['schemas']['IssuedBulletinResponse'] | null>(null);

  async function run(action: 'preview' | 'issue') {
    setBusy(action);
    setError(null);
    setIssued(null);
    try {
      if (action === 'preview') {
        await saveDownload(api.GET('/api/v1/bulletins/preview.docx', { params: { query: { period } }, parseAs: 'blob' }), `通报草稿-${period}.docx`);
      } else {
        setIssued(await unwrap(api.POST('/api/v1/bulletins', { body: { period } })));
        onIssued();
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card size="small" title="预览与印发">
      <Form layout="inline">
        <Form.Item label="期间">
          <Select aria-label="通报期间" value={period} onChange={setPeriod} options={periods} style={{ minWidth: 180 }} />
        </Form.Item>
        <Button onClick={() => void run('preview')} loading={busy === 'preview'}>
          预览草稿
        </Button>
        <Button type="primary" onClick={() => void run('issue')} loading={busy === 'issue'} style={{ marginLeft: 8 }}>
          印发
        </Button>
      </Form>
      <div style={{ marginTop: 12 }}>
        <ApiErrorAlert error={error} />
        {issued && <Alert type="success" showIcon title={issued.created ? `已印发《${issued.title}》，邮件发送中` : `《${issued.title}》此前已印发，未重复发送`} />}
      </div>
    </Card>
  );
}

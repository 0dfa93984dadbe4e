import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Select, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { readAllPages } from '../../api/pages';
import type { components } from '../../api/schema';
import type { User } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { PageTitle } from '../../components/PageTitle';
import { useApi } from '../../components/useApi';
import { ROLE_LABELS } from '../../labels/labels';
import { recentWeeks, type WeekOption } from './iso-week';

type DigestRun = components['schemas']['DigestRunResponse'];

const WEEKS_BACK = 12;

/** Everyone who may get a digest (a province has hundreds of accounts, not tens of thousands). */
async function loadAllUsers(signal: AbortSignal): Promise<User[]> {
  return (await readAllPages((cursor) => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 200, cursor } }, signal })))).items;
}

/**
 * 周报: any person's digest for a week as they would get it, and 生成并发送 for a week that has
 * ended (idempotent: a week already planned is not sent twice). Weeks follow the server's
 * today (GET /calendar/status), the same clock that decides which weeks have ended.
 */
export function DigestsPage() {
  const today = useApi(async (signal) => (await unwrap(api.GET('/api/v1/calendar/status', { signal }))).today, []);
  const users = useApi(loadAllUsers, []);
  if (!today.data || !users.data) return today.error || users.error ? <ApiErrorAlert error={today.error ?? users.error} /> : <PageLoading />;
  const weeks = recentWeeks(today.data, WEEKS_BACK);
  return (
    <>
      <PageTitle title="周报" />
      <Flex vertical gap={16}>
        <RunWeek weeks={weeks.slice(1)} />
        <PreviewDigest weeks={weeks} users={users.data} />
      </Flex>
    </>
  );
}

function RunWeek({ weeks }: { weeks: WeekOption[] }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DigestRun | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function run({ week }: { week: string }) {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await unwrap(api.POST('/api/v1/digests/runs', { body: { week } })));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="生成并发送周报">
      <Typography.Paragraph type="secondary">
        每周一 08:00 自动发送上一周的周报。补发或重发某一周时在此运行：已生成过的收件人不会重复发送。
      </Typography.Paragraph>
      <Form layout="inline" initialValues={{ week: weeks[0]?.value }} onFinish={run}>
        <Form.Item name="week" label="周次" rules={[{ required: true, message: '请选择周次' }]}>
          <Select options={weeks} style={{ minWidth: 280 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          生成并发送
        </Button>
      </Form>
      <div style={{ marginTop: 16 }}>
        <ApiErrorAlert error={error} />
        {result && (
          <Alert
            type="success"
            showIcon
            role="status"
            title={`${result.week}：新生成 ${result.planned} 份（其中 ${result.skipped} 份因收件人退订或地址停用不发送），${result.alreadyPlanned} 份此前已生成`}
          />
        )}
      </div>
    </Card>
  );
}

function PreviewDigest({ weeks, users }: { weeks: WeekOption[]; users: User[] }) {
  const [busy, setBusy] = useState(false);
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const options = users.map((u) => ({ value: u.id, label: `${u.name}（${ROLE_LABELS[u.role]}，${u.email}）` }));

  async function preview(query: { userId: string; week: string }) {
    setBusy(true);
    setError(null);
    try {
      setHtml(await unwrap(api.GET('/api/v1/digests/preview', { params: { query }, parseAs: 'text' })));
    } catch (e) {
      setError(e);
      setHtml(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="预览周报">
      <Form layout="inline" initialValues={{ week: weeks[1]?.value }} onFinish={preview}>
        <Form.Item name="userId" label="收件人" rules={[{ required: true, message: '请选择收件人' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={options} placeholder="输入姓名或邮箱" style={{ minWidth: 320 }} />
        </Form.Item>
        <Form.Item name="week" label="周次" rules={[{ required: true, message: '请选择周次' }]}>
          <Select options={weeks} style={{ minWidth: 280 }} />
        </Form.Item>
        <Button htmlType="submit" loading={busy}>
          预览
        </Button>
      </Form>
      <div style={{ marginTop: 16 }}>
        <ApiErrorAlert error={error} />
        {/* The digest's own HTML, isolated: no scripts, no access to the console's page or session. */}
        {html && <iframe title="周报预览" srcDoc={html} sandbox="" style={{ width: '100%', height: 720, border: '1px solid #f0f0f0', borderRadius: 8, background: '#fff' }} />}
      </div>
    </Card>
  );
}

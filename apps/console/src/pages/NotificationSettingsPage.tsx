import { useState } from 'react';
import { App, Button, Card, Form, Switch } from 'antd';
import { api, unwrap } from '../api/client';
import { errorMessage } from '../api/errors';
import type { MailPreferences } from '../api/types';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageLoading } from '../components/PageLoading';
import { PageTitle } from '../components/PageTitle';
import { useApi } from '../components/useApi';

type Categories = Omit<MailPreferences, 'userId' | 'updatedAt'>;

/** What each mail category means to the person choosing; a category the API adds later shows under its key until named here. */
const CATEGORY_LABELS: Record<string, { label: string; help: string }> = {
  notifications: { label: '通知邮件', help: '需要您处理的事项：补充信息、待确认办结、服务推荐、催办与督办' },
  digest: { label: '每周周报', help: '每周一 08:00 发送上一周的工作汇总' },
  assignments: { label: '指派通知', help: '有工单指派给您时发送邮件' },
};

/** 通知设置: which emails the signed-in person receives (their own preferences only). */
export function NotificationSettingsPage() {
  const { message } = App.useApp();
  const state = useApi((signal) => unwrap(api.GET('/api/v1/users/me/mail-preferences', { signal })), []);
  const [saving, setSaving] = useState(false);

  async function save(values: Categories) {
    setSaving(true);
    try {
      await unwrap(api.PUT('/api/v1/users/me/mail-preferences', { body: values }));
      message.success('通知设置已保存');
      state.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  if (!state.data) return state.error ? <ApiErrorAlert error={state.error} /> : <PageLoading />;
  const { userId: _userId, updatedAt: _updatedAt, ...categories } = state.data;
  return (
    <>
      <PageTitle title="通知设置" />
      <Card>
        <Form<Categories> layout="vertical" initialValues={categories} onFinish={save}>
          {Object.keys(categories).map((key) => (
            <Form.Item key={key} name={key} label={CATEGORY_LABELS[key]?.label ?? key} help={CATEGORY_LABELS[key]?.help} valuePropName="checked">
              <Switch checkedChildren="接收" unCheckedChildren="不接收" />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
        </Form>
      </Card>
    </>
  );
}

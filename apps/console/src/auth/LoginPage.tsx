import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { api, unwrap } from '../api/client';
import { errorMessage } from '../api/errors';
import { usePageTitle } from '../components/usePageTitle';
import { startSession } from './session';

interface Credentials {
  email: string;
  password: string;
}

/** Only a path of this console: `next` must not send a person to another site after sign-in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  usePageTitle('登录');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function signIn(values: Credentials) {
    setBusy(true);
    setError(null);
    try {
      const session = await unwrap(api.POST('/api/v1/auth/login', { body: values }));
      startSession({ token: session.accessToken, user: session.user });
      await navigate(safeNext(params.get('next')), { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login-page">
      <Card className="login-card">
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>
          进园区服务平台
        </Typography.Title>
        {params.get('expired') === '1' && !error && <Alert type="warning" showIcon title="登录已过期，请重新登录" style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form<Credentials> layout="vertical" onFinish={signIn} requiredMark={false}>
          <Form.Item label="邮箱" name="email" rules={[{ required: true, message: '请输入邮箱' }, { type: 'email', message: '邮箱格式不正确' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}

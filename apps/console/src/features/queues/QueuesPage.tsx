import { Button, Card, Typography } from 'antd';
import { sessionToken } from '../../auth/session';
import { PageTitle } from '../../components/PageTitle';

/**
 * 队列监控: bull-board, served by the API at /admin/queues for coordinators. A new tab cannot
 * carry this tab's bearer token, so the link hands it over once in the address; the API moves
 * it into a cookie for that path only and drops it from the address.
 */
export function QueuesPage() {
  const href = `/admin/queues?access_token=${encodeURIComponent(sessionToken() ?? '')}`;
  return (
    <>
      <PageTitle title="队列监控" />
      <Card>
        <Typography.Paragraph>
          查看分派、匹配、办结、通知、邮件、周报、Webhook 和定时器各队列中等待、执行中、延迟和失败的任务，以及失败任务的错误信息。
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          默认只读：重试、清理和暂停需要在服务端设置 QUEUE_DASHBOARD_WRITE=true。运行指标（Prometheus 格式）见 /metrics。
        </Typography.Paragraph>
        <Button type="primary" href={href} target="_blank" rel="noopener noreferrer">
          打开队列监控
        </Button>
      </Card>
    </>
  );
}

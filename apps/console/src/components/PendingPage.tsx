import { Result } from 'antd';
import { PageTitle } from './PageTitle';

/** A page of the role's menu that this version of the console does not have yet (said plainly, not faked). */
export function PendingPage({ title }: { title: string }) {
  return (
    <>
      <PageTitle title={title} />
      <Result status="info" title="该页面尚未开放" subTitle="此功能正在建设中，可暂时通过 API（/api/docs）完成。" />
    </>
  );
}

import { Link } from 'react-router';
import { Result } from 'antd';
import { usePageTitle } from './usePageTitle';

export function NotFoundPage() {
  usePageTitle('页面不存在');
  return <Result status="404" title="页面不存在" subTitle="您访问的页面不存在，或您的角色无权查看。" extra={<Link to="/">返回首页</Link>} />;
}

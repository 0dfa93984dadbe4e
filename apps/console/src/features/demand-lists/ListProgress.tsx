import { Progress, Space, Typography } from 'antd';
import type { ListProgress as Progressed } from './demand-list-api';

/** 已办结 x / y with its bar. */
export function ListProgress({ progress }: { progress: Progressed }) {
  const percent = progress.total ? Math.round((progress.closed / progress.total) * 100) : 0;
  return (
    <Space orientation="vertical" size={0} style={{ minWidth: 140 }}>
      <Typography.Text>
        已办结 {progress.closed} / {progress.total}
      </Typography.Text>
      <Progress percent={percent} size="small" showInfo={false} aria-label={`已办结 ${progress.closed} / ${progress.total}`} />
    </Space>
  );
}

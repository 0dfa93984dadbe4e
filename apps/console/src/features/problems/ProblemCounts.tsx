import { Space, Tag } from 'antd';
import type { Problem } from '../../api/types';
import { SERVICE_TYPE_LABELS } from '../../labels/labels';

/** 涉及园区 with their ticket counts (a zone manager's own zone only: the API counts no more for them). */
export function ZoneCounts({ problem }: { problem: Problem }) {
  return (
    <Space wrap size={4}>
      {problem.byZone.map((z) => (
        <Tag key={z.zoneId} color="blue">{`${z.zoneName} ${z.count}`}</Tag>
      ))}
    </Space>
  );
}

export function TypeCounts({ problem }: { problem: Problem }) {
  return (
    <Space wrap size={4}>
      {problem.byType.map((t) => (
        <Tag key={t.type}>{`${SERVICE_TYPE_LABELS[t.type]} ${t.count}`}</Tag>
      ))}
    </Space>
  );
}

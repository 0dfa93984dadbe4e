import { Form, Input, Select } from 'antd';
import { api, unwrap } from '../../api/client';
import type { ServiceType } from '../../api/types';
import { ActionFormModal } from '../tickets/ActionFormModal';
import { SERVICE_TYPE_OPTIONS } from '../../labels/options';

/** 改派: the coordinator's ruling on a returned (or misrouted) ticket — the desk it goes to, and why. */
export function RerouteButton({ ticketId, suggestedType, onDone, size }: { ticketId: string; suggestedType?: ServiceType; onDone: () => void; size?: 'small' }) {
  return (
    <ActionFormModal<{ type: ServiceType; reason: string }>
      label="改派"
      primary
      size={size}
      initialValues={{ type: suggestedType }}
      onSubmit={(body) => unwrap(api.POST('/api/v1/tickets/{id}/reroute', { params: { path: { id: ticketId } }, body }))}
      onDone={onDone}
    >
      <Form.Item name="type" label="改派至" extra="选择原服务类型即退回原窗口重新受理" rules={[{ required: true, message: '请选择改派的服务类型' }]}>
        <Select options={SERVICE_TYPE_OPTIONS} />
      </Form.Item>
      <Form.Item name="reason" label="改派说明" rules={[{ required: true, whitespace: true, message: '请填写改派说明' }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </ActionFormModal>
  );
}

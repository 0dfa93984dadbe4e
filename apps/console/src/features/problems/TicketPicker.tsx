import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { api, unwrap } from '../../api/client';

interface TicketPickerProps {
  value?: string[];
  onChange?: (ids: string[]) => void;
}

/** Tickets chosen by searching their titles (GET /tickets?q=), several at once. */
export function TicketPicker({ value, onChange }: TicketPickerProps) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      unwrap(api.GET('/api/v1/tickets', { params: { query: { q: q || undefined, limit: 20 } }, signal: controller.signal })).then(
        (page) => setOptions(page.items.map((t) => ({ value: t.id, label: `${t.zoneName ?? ''} · ${t.title}` }))),
        () => undefined,
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  return <Select mode="multiple" aria-label="工单" placeholder="输入需求名称搜索工单" showSearch={{ filterOption: false, onSearch: setQ }} options={options} value={value} onChange={onChange} style={{ width: '100%' }} />;
}

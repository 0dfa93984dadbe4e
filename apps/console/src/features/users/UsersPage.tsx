import { useState } from 'react';
import { Card, Flex, Select, Space, Tag } from 'antd';
import { api, unwrap } from '../../api/client';
import type { Role, ServiceType, User } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ListTable } from '../../components/ListTable';
import { PageTitle } from '../../components/PageTitle';
import { useApi } from '../../components/useApi';
import { useCursorPages } from '../../components/useCursorPages';
import { formatTime } from '../../format/time';
import { ROLE_LABELS, SERVICE_TYPE_LABELS } from '../../labels/labels';
import { ROLE_OPTIONS, SERVICE_TYPE_OPTIONS } from '../../labels/options';
import { loadAllZones, zoneNames } from '../zones/zone-api';
import { CreateUserButton } from './CreateUserButton';
import { EditUserButton } from './EditUserButton';
import { ResetPasswordButton } from './ResetPasswordButton';

/** 用户: every account, filtered by role and desk; 新建用户, and per account 编辑 (incl. 停用) and 重置密码. */
export function UsersPage() {
  const { user: me } = useSession();
  const [role, setRole] = useState<Role>();
  const [desk, setDesk] = useState<ServiceType>();
  const zones = useApi(loadAllZones, []);
  const names = zoneNames(zones.data);
  const page = useCursorPages(
    (cursor, signal) => unwrap(api.GET('/api/v1/users', { params: { query: { role, desk, limit: 50, cursor } }, signal })),
    [role, desk],
  );
  return (
    <>
      <PageTitle title="用户" extra={<CreateUserButton zones={zones.data ?? []} onDone={page.reload} />} />
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={12}>
          <Select aria-label="角色" placeholder="角色" allowClear options={ROLE_OPTIONS} value={role} onChange={setRole} style={{ minWidth: 140 }} />
          <Select aria-label="服务台" placeholder="服务台" allowClear options={SERVICE_TYPE_OPTIONS} value={desk} onChange={setDesk} style={{ minWidth: 160 }} />
        </Flex>
      </Card>
      <ApiErrorAlert error={page.error ?? zones.error} />
      <Card>
        <ListTable<User>
          loading={page.loading}
          rows={page.data?.items}
          empty="暂无用户"
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '邮箱', dataIndex: 'email' },
            { title: '角色', dataIndex: 'role', render: (r: Role) => ROLE_LABELS[r] },
            { title: '园区', dataIndex: 'zoneId', render: (id: string | null) => (id ? (names.get(id) ?? '—') : '—') },
            { title: '服务台', dataIndex: 'desks', render: (desks: ServiceType[]) => (desks.length ? desks.map((d) => <Tag key={d}>{SERVICE_TYPE_LABELS[d]}</Tag>) : '—') },
            { title: '状态', dataIndex: 'active', render: (active: boolean) => (active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>) },
            { title: '创建时间', dataIndex: 'createdAt', responsive: ['lg'], render: formatTime },
            {
              title: '操作',
              key: 'actions',
              render: (_, u) => (
                <Space>
                  <EditUserButton user={u} zones={zones.data ?? []} self={u.id === me.id} onDone={page.reload} />
                  <ResetPasswordButton user={u} />
                </Space>
              ),
            },
          ]}
        />
        {page.pager}
      </Card>
    </>
  );
}

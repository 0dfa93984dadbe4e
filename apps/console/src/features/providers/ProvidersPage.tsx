import { useState } from 'react';
import { Card, Flex, Select, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import type { ServiceType } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ListTable } from '../../components/ListTable';
import { PageTitle } from '../../components/PageTitle';
import { useCursorPages } from '../../components/useCursorPages';
import { SERVICE_TYPE_LABELS } from '../../labels/labels';
import { SERVICE_TYPE_OPTIONS } from '../../labels/options';
import { kindLabel, type Provider } from './provider-api';
import { CreateProviderButton, EditProviderButton } from './ProviderForm';

/** 服务机构: the providers matching proposes, their load and ratings; 新建 and 编辑 (incl. 停用). */
export function ProvidersPage() {
  const [serviceType, setServiceType] = useState<ServiceType>();
  const page = useCursorPages(
    (cursor, signal) => unwrap(api.GET('/api/v1/providers', { params: { query: { serviceType, limit: 50, cursor } }, signal })),
    [serviceType],
  );
  return (
    <>
      <PageTitle title="服务机构" extra={<CreateProviderButton onDone={page.reload} />} />
      <Card style={{ marginBottom: 16 }}>
        <Select aria-label="服务类型" placeholder="服务类型" allowClear options={SERVICE_TYPE_OPTIONS} value={serviceType} onChange={setServiceType} style={{ minWidth: 180 }} />
      </Card>
      <ApiErrorAlert error={page.error} />
      <Card>
        <ListTable<Provider>
          loading={page.loading}
          rows={page.data?.items}
          empty="暂无服务机构"
          columns={[
            {
              title: '机构',
              dataIndex: 'name',
              render: (name: string, p) => (
                <Flex vertical>
                  <span>{name}</span>
                  <Typography.Text type="secondary">{p.email}</Typography.Text>
                </Flex>
              ),
            },
            { title: '类别', dataIndex: 'kind', render: kindLabel },
            { title: '服务类型', dataIndex: 'serviceTypes', render: (types: ServiceType[]) => types.map((t) => <Tag key={t}>{SERVICE_TYPE_LABELS[t]}</Tag>) },
            { title: '在办 / 容量', key: 'load', render: (_, p) => `${p.activeMatches} / ${p.capacity}` },
            { title: '服务城市', dataIndex: 'cities', responsive: ['lg'], render: (cities: string[]) => (cities.length ? cities.join('、') : '全省') },
            { title: '评分', key: 'rating', responsive: ['md'], render: (_, p) => (p.ratingAverage === null ? '—' : `${p.ratingAverage.toFixed(1)}（${p.ratingCount} 次）`) },
            { title: '状态', dataIndex: 'active', render: (active: boolean) => (active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
            { title: '操作', key: 'edit', render: (_, p) => <EditProviderButton provider={p} onDone={page.reload} /> },
          ]}
        />
        {page.pager}
      </Card>
    </>
  );
}

import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Table, Tag, Typography, Upload } from 'antd';
import { api, unwrap } from '../../api/client';
import { saveDownload } from '../../api/download';
import { ApiError, errorMessage } from '../../api/errors';
import type { DemandListImportPreview, DemandListWithTickets, ErrorDetail, ImportedItem } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { SERVICE_TYPE_LABELS } from '../../labels/labels';
import { newIdempotencyKey } from './idempotency-key';

const GUIDE =
  '上传本园区的需求清单（.xlsx，不超过 5 MiB）。表头放在前 10 行，列名可用"类别""需求名称""具体内容""标签""期望完成时间""联系人""联系电话"或常见的同义写法；' +
  '表头上方的标题行作为清单标题。序号列、空行和末尾的"合计"行不导入。';

/** The largest workbook the API takes. */
const MAX_BYTES = 5 * 1024 * 1024;

interface ImportForm {
  file: string;
  title?: string;
  period?: string;
}

/** The generated type calls the file a string (OpenAPI's binary); in the browser it is the chosen File. */
function formData(body: ImportForm): FormData {
  const form = new FormData();
  if (body.title) form.append('title', body.title);
  if (body.period) form.append('period', body.period);
  form.append('file', body.file as unknown as File);
  return form;
}

/** A refusal that names rows (422 DEMAND_WORKBOOK_INVALID): shown as a table to fix the workbook by. */
function rowProblems(error: unknown): ErrorDetail[] | null {
  return error instanceof ApiError && error.code === 'DEMAND_WORKBOOK_INVALID' ? error.details : null;
}

/**
 * 从 Excel 导入: the zone uploads its own workbook, sees what would be filed (a dry run: items,
 * columns left out, or every bad row), and confirms to file it. One Idempotency-Key per chosen
 * file, so a double click or a retry files the list once.
 */
export function ImportFromExcel() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const [title, setTitle] = useState('');
  const [period, setPeriod] = useState('');
  const [preview, setPreview] = useState<DemandListImportPreview | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function choose(chosen: File) {
    setFile(chosen);
    setKey(newIdempotencyKey());
    setPreview(null);
    setRefusal(chosen.size > MAX_BYTES ? new Error('文件超过 5 MiB，请只保留需求清单所在的工作表后再上传') : null);
  }

  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setRefusal(null);
    try {
      const answer = await unwrap(
        api.POST('/api/v1/demand-lists/import', {
          params: { query: dryRun ? { dryRun: true } : {}, header: dryRun ? {} : { 'Idempotency-Key': key } },
          body: { file: file as unknown as string, title: title.trim() || undefined, period: period.trim() || undefined },
          bodySerializer: formData,
        }),
      );
      if (dryRun) {
        setPreview(answer as DemandListImportPreview);
        return;
      }
      const list = answer as DemandListWithTickets;
      message.success(`需求清单已导入，共 ${list.tickets.length} 项`);
      await navigate(`/demand-lists/${list.id}`, { replace: true });
    } catch (e) {
      setPreview(null);
      setRefusal(e);
    } finally {
      setBusy(false);
    }
  }

  const problems = rowProblems(refusal);
  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Paragraph>
          {GUIDE}
          <Button type="link" onClick={() => void saveDownload(api.GET('/api/v1/demand-lists/template.xlsx', { parseAs: 'blob' }), '需求清单模板.xlsx').catch((e) => message.error(errorMessage(e)))}>
            下载模板
          </Button>
        </Typography.Paragraph>
        <Flex gap={16} wrap align="end">
          <Upload accept=".xlsx" maxCount={1} showUploadList={false} beforeUpload={(chosen) => (choose(chosen), false)}>
            <Button>{file ? '重新选择文件' : '选择 Excel 文件'}</Button>
          </Upload>
          {file && <Typography.Text>{file.name}</Typography.Text>}
        </Flex>
        <Flex gap={16} wrap style={{ marginTop: 16 }}>
          <label style={{ flex: '1 1 280px' }}>
            清单标题
            <Input aria-label="清单标题" maxLength={200} placeholder="不填则用表格的标题行" value={title} onChange={(e) => (setTitle(e.target.value), setPreview(null))} />
          </label>
          <label style={{ flex: '0 1 200px' }}>
            期次
            <Input aria-label="期次" maxLength={50} placeholder="例如：2026-Q4" value={period} onChange={(e) => (setPeriod(e.target.value), setPreview(null))} />
          </label>
        </Flex>
        <Button type="primary" style={{ marginTop: 16 }} disabled={!file} loading={busy && !preview} onClick={() => void send(true)}>
          预览
        </Button>
      </Card>
      {problems ? <ProblemTable message={errorMessage(refusal)} problems={problems} /> : <ApiErrorAlert error={refusal} />}
      {preview && <Preview preview={preview} busy={busy} onConfirm={() => void send(false)} />}
    </Flex>
  );
}

function ProblemTable({ message, problems }: { message: string; problems: ErrorDetail[] }) {
  return (
    <Card title="无法导入" role="region" aria-label="无法导入">
      <Alert type="error" showIcon title={message} style={{ marginBottom: 16 }} />
      <Table<ErrorDetail>
        rowKey={(d) => `${d.row}-${d.column}-${d.field}`}
        size="small"
        pagination={false}
        dataSource={problems}
        columns={[
          { title: '行', dataIndex: 'row', width: 64, render: (row: number | null) => row ?? '—' },
          { title: '列', dataIndex: 'column', width: 64, render: (column: string | null) => column ?? '—' },
          { title: '问题', dataIndex: 'message' },
        ]}
      />
    </Card>
  );
}

function Preview({ preview, busy, onConfirm }: { preview: DemandListImportPreview; busy: boolean; onConfirm: () => void }) {
  return (
    <Card title="导入预览" role="region" aria-label="导入预览">
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="清单标题">{preview.title}</Descriptions.Item>
        <Descriptions.Item label="工作表">{preview.sheet}</Descriptions.Item>
        <Descriptions.Item label="需求">{`${preview.items.length} 项`}</Descriptions.Item>
      </Descriptions>
      {preview.ignoredColumns.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={<>以下列不导入：{preview.ignoredColumns.map((c) => <Tag key={c}>{c}</Tag>)}</>}
        />
      )}
      <Table<ImportedItem>
        rowKey="row"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={preview.items}
        columns={[
          { title: '行', dataIndex: 'row', width: 56 },
          { title: '类别', dataIndex: 'type', render: (t: ImportedItem['type']) => SERVICE_TYPE_LABELS[t] },
          { title: '需求名称', dataIndex: 'title' },
          { title: '具体内容', dataIndex: 'description', ellipsis: true, width: 260, render: (d: string | null) => d ?? '—' },
          { title: '期望完成', dataIndex: 'desiredBy', render: (d: string | null) => d ?? '—' },
          { title: '联系人', key: 'contact', render: (_, i) => [i.contactName, i.contactPhone].filter(Boolean).join(' ') || '—' },
        ]}
      />
      <Button type="primary" style={{ marginTop: 16 }} loading={busy} onClick={onConfirm}>
        {`确认导入（${preview.items.length} 项）`}
      </Button>
    </Card>
  );
}

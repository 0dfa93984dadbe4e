import JSZip from 'jszip';
import { DEMAND_LIST_LIMITS } from '@enterpark/demand';
import { testWorkbook, uploadWorkbook } from '../../libs/testing/src/test-workbooks';
import { MAX_UNPACKED_BYTES } from '../../apps/api/src/xlsx/read-workbook';
import { percentile } from './load';
import { Filer } from './seed';

export interface LargestWorkbook {
  file: Buffer;
  unpackedBytes: number;
}

export interface UploadResult {
  uploads: number;
  /** Answers other than 200, by status (and the connection errors, as 0). */
  failures: Record<number, number>;
  p50Ms: number;
  maxMs: number;
}

async function unpackedSize(file: Buffer): Promise<number> {
  const zip = await JSZip.loadAsync(file);
  const parts = await Promise.all(Object.values(zip.files).filter((e) => !e.dir).map((e) => e.async('nodebuffer')));
  return parts.reduce((sum, part) => sum + part.length, 0);
}

/** A workbook the API accepts that is as heavy to load as it allows. */
function workbookWith(extraRows: number): Promise<Buffer> {
  const list = Array.from({ length: DEMAND_LIST_LIMITS.maxItems }, (_, i) => [
    i + 1, '金融进园区', `对接园区贷融资渠道${i + 1}`, '园区企业有流动资金需求，希望银行提供园区贷产品', '园区贷、流动资金', '2027年1月15日', '张伟', 13905510001 + i,
  ]);
  // A zone's own appendix: many rows of other data in a second sheet, which the import ignores but must load.
  const appendix = Array.from({ length: extraRows }, (_, i) => [i + 1, `园区企业${i}`, `统一社会信用代码9134010${i}`, '合肥经济技术开发区繁华大道', 12_345.67 + i, '2026-12-31']);
  return testWorkbook(
    { name: '需求清单', rows: [['序号', '类别', '需求名称', '具体内容', '标签', '期望完成时间', '联系人', '联系电话'], ...list] },
    { name: '附表', rows: appendix },
  );
}

/**
 * The largest workbook the API accepts: the longest demand list (200 items) and an appendix sheet
 * grown until the package unpacks to within 3 % of the 10 MiB the API allows.
 */
export async function largestAcceptedWorkbook(): Promise<LargestWorkbook> {
  let rows = 20_000;
  for (let attempt = 0; attempt < 8; attempt++) {
    const file = await workbookWith(rows);
    const unpackedBytes = await unpackedSize(file);
    if (unpackedBytes <= MAX_UNPACKED_BYTES && unpackedBytes > 0.97 * MAX_UNPACKED_BYTES) return { file, unpackedBytes };
    rows = Math.floor((rows * 0.985 * MAX_UNPACKED_BYTES) / unpackedBytes);
  }
  throw new Error('could not size a workbook within 3 % under the unpacked limit');
}

/** `uploaders` zone managers upload `file` as dry runs (read and checked, nothing filed), again and again until `until` settles. */
export async function uploadUntil(baseUrl: string, filers: Filer[], uploaders: number, file: Buffer, until: Promise<unknown>): Promise<UploadResult> {
  let done = false;
  const finished = until.finally(() => (done = true));
  const latencies: number[] = [];
  const failures: Record<number, number> = {};
  const uploader = async (filer: Filer) => {
    while (!done) {
      const started = performance.now();
      const status = await uploadWorkbook(baseUrl, file, { token: filer.token, query: '?dryRun=true', fields: { title: '压测工作簿' } }).then((r) => r.status, () => 0);
      latencies.push(performance.now() - started);
      if (status !== 200) failures[status] = (failures[status] ?? 0) + 1;
    }
  };
  await Promise.all([finished, ...Array.from({ length: uploaders }, (_, i) => uploader(filers[i % filers.length]))]);
  return { uploads: latencies.length, failures, p50Ms: percentile(latencies, 0.5), maxMs: Math.max(...latencies) };
}

import type { DataValidation, Worksheet } from 'exceljs';
import { SERVICE_TYPE_LABELS, SERVICE_TYPES } from '@enterpark/common';
import { DEMAND_COLUMNS, DEMAND_LIST_LIMITS as L, DemandColumnField, HEADER_SEARCH_ROWS, TEMPLATE_COLUMNS } from '@enterpark/demand';
import { AnyXlsxSheet, XlsxColumn, XlsxColumnKind, XlsxSheet } from '../xlsx/xlsx-sheet';

/** Rows of the list sheet that offer the type drop-down (well above the item limit). */
const DROP_DOWN_ROWS = 500;

const KINDS: Partial<Record<DemandColumnField | 'seq', XlsxColumnKind>> = { seq: 'number', desiredBy: 'date' };
const WIDTHS: Partial<Record<DemandColumnField | 'seq', number>> = { seq: 6, type: 16, title: 30, description: 44, desiredBy: 14, contactPhone: 16 };

const synonyms = (field: DemandColumnField) => DEMAND_COLUMNS[field].join('、');

const INSTRUCTIONS: { topic: string; text: string }[] = [
  { topic: '用途', text: '本表用于向省商务厅提交"进园区"服务需求清单：每行一项需求，导入后每项生成一张工单。' },
  { topic: '类别', text: `必填。从下拉列表选择：${SERVICE_TYPES.map((t) => SERVICE_TYPE_LABELS[t]).join('、')}；也可写简称（金融、培训…）。` },
  { topic: '需求名称', text: `必填，不超过 ${L.itemTitleLength} 个字。` },
  { topic: '具体内容', text: `选填，不超过 ${L.descriptionLength} 个字。` },
  { topic: '标签', text: `选填，最多 ${L.maxTags} 个，用逗号或顿号分隔，每个不超过 ${L.tagLength} 个字。` },
  { topic: '期望完成时间', text: '选填，日期，如 2026-12-31。' },
  { topic: '联系人、联系电话', text: '选填：窗口人员办理时联系的园区工作人员。' },
  { topic: '清单标题', text: '可在表头上方插入一行标题（如"合肥经开区2026年第四季度需求清单"），导入时作为清单标题；也可在导入时填写。' },
  { topic: '条数', text: `一份清单最多 ${L.maxItems} 项；文件不超过 5 MiB。序号列、空行和末尾的"合计"行不导入。` },
  {
    topic: '使用自己的表格',
    text: `也可直接上传本园区原有的表格：表头须在前 ${HEADER_SEARCH_ROWS} 行，可用的列名有——类别：${synonyms('type')}；需求：${synonyms('title')}；` +
      `内容：${synonyms('description')}；期望完成时间：${synonyms('desiredBy')}；联系人：${synonyms('contactName')}；联系电话：${synonyms('contactPhone')}。其他列不导入。`,
  },
  { topic: '整份校验', text: '任何一行有误，整份不导入，并逐行列出问题（行号即 Excel 左侧的行号），修改后重新上传即可。' },
];

/** The workbook zones download to fill in: the list sheet (a drop-down of the six actions) and the instructions. */
export function demandListTemplate(): AnyXlsxSheet[] {
  const typeColumn = TEMPLATE_COLUMNS.findIndex((c) => c.field === 'type') + 1;
  const listColumns: XlsxColumn<unknown>[] = TEMPLATE_COLUMNS.map((c) => ({ header: c.header, kind: KINDS[c.field], width: WIDTHS[c.field] ?? 12, value: () => null }));
  const list: XlsxSheet<unknown> = {
    name: '需求清单',
    columns: listColumns,
    rows: [],
    formatWholeColumns: true,
    configure: (worksheet) => {
      // One rule over the column's range (the streaming writer has no cells there yet); ExcelJS types only the per-cell form.
      const rules = (worksheet as Worksheet & { dataValidations: { add(range: string, rule: DataValidation): void } }).dataValidations;
      const letter = String.fromCharCode(64 + typeColumn);
      rules.add(`${letter}2:${letter}${DROP_DOWN_ROWS + 1}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${SERVICE_TYPES.map((t) => SERVICE_TYPE_LABELS[t]).join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '类别',
        error: '请从下拉列表中选择六类"进园区"行动之一（也可写简称）',
      });
    },
  };
  const instructions: XlsxSheet<{ topic: string; text: string }> = {
    name: '填写说明',
    columns: [
      { header: '项目', width: 18, value: (r) => r.topic },
      { header: '说明', width: 100, value: (r) => r.text },
    ],
    rows: INSTRUCTIONS,
  };
  return [list, instructions];
}

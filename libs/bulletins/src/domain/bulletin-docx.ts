import type * as Docx from 'docx' with { 'resolution-mode': 'import' };
import { CHART_SIZE } from '@enterpark/charts';
import { SERVICE_TYPE_LABELS } from '@enterpark/common';
import { BulletinContent, figure, percent, ProblemGroup } from './bulletin-content';

/** 公文 fonts and sizes (half-points): title 小标宋 二号, headings 黑体 三号, body 仿宋 三号, tables 仿宋 小四. */
const TITLE = { font: '方正小标宋简体', size: 44 };
const HEADING = { font: '黑体', size: 32 };
const BODY = { font: '仿宋_GB2312', size: 32 };
const CELL = { font: '仿宋_GB2312', size: 24 };

/** The docx library (~15 MB resident), loaded by the first bulletin rather than at boot; every builder below runs after that. */
let docx: typeof Docx;

const body = (text: string) => new docx.Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [new docx.TextRun({ text, ...BODY })] });
const heading = (text: string) => new docx.Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [new docx.TextRun({ text, ...HEADING })] });

function table(head: string[], rows: string[][]): Docx.Table {
  const line = { style: docx.BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, bold = false) =>
    new docx.TableCell({ children: [new docx.Paragraph({ alignment: docx.AlignmentType.CENTER, children: [new docx.TextRun({ text, bold, ...CELL })] })] });
  return new docx.Table({
    width: { size: 100, type: docx.WidthType.PERCENTAGE },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [new docx.TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }), ...rows.map((r) => new docx.TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

function overview(c: BulletinContent): Docx.Paragraph[] {
  const o = c.overview;
  const byAction = c.actions.map((a) => `${a.typeName}${a.submitted}项`).join('、');
  return [
    heading('一、总体情况'),
    body(
      `${c.period.label}，全省各开发区共提交服务需求${o.submitted}项，已办结${o.completed}项，办结率${percent(o.completionRate)}；` +
        `按时办结率${percent(o.onTimeRate)}，满意率${percent(o.satisfactionRate)}，退单率${percent(o.returnRate)}，平均办理${figure(o.avgWorkingDays, '个工作日')}。`,
    ),
    body(`分行动看：${byAction}。`),
  ];
}

function zones(c: BulletinContent): (Docx.Paragraph | Docx.Table)[] {
  const w = c.weights;
  return [
    heading('二、园区排名'),
    body(`按综合得分排名（办结率权重${w.completion}、按时办结率${w.onTime}、满意率${w.satisfaction}、（1−退单率）${w.returns}；无分母的指标不计入，其余权重按比例折算）。`),
    table(
      ['排名', '园区', '提交', '办结', '办结率', '按时办结率', '满意率', '退单率', '平均工作日', '得分'],
      c.zones.map((z) => [figure(z.rank), z.name, String(z.submitted), String(z.completed), percent(z.completionRate), percent(z.onTimeRate), percent(z.satisfactionRate), percent(z.returnRate), figure(z.avgWorkingDays), figure(z.score)]),
    ),
  ];
}

function actions(c: BulletinContent, chart: Buffer): (Docx.Paragraph | Docx.Table)[] {
  return [
    heading('三、各项行动'),
    table(
      ['行动', '提交', '办结', '办结率', '按时办结率', '满意率', '退单率', '平均工作日'],
      c.actions.map((a) => [a.typeName, String(a.submitted), String(a.completed), percent(a.completionRate), percent(a.onTimeRate), percent(a.satisfactionRate), percent(a.returnRate), figure(a.avgWorkingDays)]),
    ),
    new docx.Paragraph({
      alignment: docx.AlignmentType.CENTER,
      children: [new docx.ImageRun({ type: 'png', data: chart, transformation: { width: CHART_SIZE.width, height: CHART_SIZE.height }, altText: { name: 'chart', title: '各项行动提交需求数', description: '各项行动提交需求数' } })],
    }),
  ];
}

const PROBLEM_TITLES: [keyof BulletinContent['problems'], string][] = [
  ['overdue', '超期未办结'],
  ['returned', '退单'],
  ['escalated', '督办（升级）'],
  ['lowestRated', '评价较低'],
];

function problems(c: BulletinContent): (Docx.Paragraph | Docx.Table)[] {
  const out: (Docx.Paragraph | Docx.Table)[] = [heading('四、存在问题')];
  PROBLEM_TITLES.forEach(([key, title], i) => {
    const group: ProblemGroup = c.problems[key];
    out.push(body(`（${['一', '二', '三', '四'][i]}）${title}${group.count}项${group.count > group.items.length ? `，列出前${group.items.length}项` : ''}${group.count === 0 ? '。' : '：'}`));
    if (group.items.length > 0) out.push(table(['园区', '行动', '需求', '说明'], group.items.map((t) => [t.zoneName, SERVICE_TYPE_LABELS[t.type], t.title, t.note])));
  });
  return out;
}

function problemRecords(c: BulletinContent): (Docx.Paragraph | Docx.Table)[] {
  const r = c.problemRecords;
  if (!r || r.lines.length === 0) return [];
  return [
    heading('五、问题归集'),
    body(`本期新归集问题${r.created}个，办结${r.resolved}个，期末尚在办理${r.open}个${r.lines.length < r.resolved + r.open ? `，列出前${r.lines.length}个` : ''}：`),
    table(['问题', '涉及园区（工单数）', '工单数', '状态', '办理结果'], r.lines.map((l) => [l.title, l.zones, String(l.ticketCount), l.status, l.resolution])),
  ];
}

/** The bulletin as a Word document in 公文 style, from the frozen content and its chart. */
export async function renderBulletinDocx(c: BulletinContent, chart: Buffer, draft = false): Promise<Buffer> {
  docx ??= await import('docx');
  const title = new docx.Paragraph({ alignment: docx.AlignmentType.CENTER, spacing: { after: 400 }, children: [new docx.TextRun({ text: draft ? `${c.title}（草稿）` : c.title, ...TITLE })] });
  const doc = new docx.Document({
    title: c.title,
    creator: '省商务厅开发区处',
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children: [title, ...overview(c), ...zones(c), ...actions(c, chart), ...problems(c), ...problemRecords(c)],
      },
    ],
  });
  return docx.Packer.toBuffer(doc);
}

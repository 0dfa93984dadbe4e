import { AlignmentType, BorderStyle, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { CHART_SIZE } from '@enterpark/charts';
import { SERVICE_TYPE_LABELS } from '@enterpark/common';
import { BulletinContent, figure, percent, ProblemGroup } from './bulletin-content';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 公文 fonts and sizes (half-points): title 小标宋 二号, headings 黑体 三号, body 仿宋 三号, tables 仿宋 小四. */
const TITLE = { font: '方正小标宋简体', size: 44 };
const HEADING = { font: '黑体', size: 32 };
const BODY = { font: '仿宋_GB2312', size: 32 };
const CELL = { font: '仿宋_GB2312', size: 24 };

const body = (text: string) => new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [new TextRun({ text, ...BODY })] });
const heading = (text: string) => new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [new TextRun({ text, ...HEADING })] });

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function table(head: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, ...CELL })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: [new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

function overview(c: BulletinContent): Paragraph[] {
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

function zones(c: BulletinContent): (Paragraph | Table)[] {
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

function actions(c: BulletinContent, chart: Buffer): (Paragraph | Table)[] {
  return [
    heading('三、各项行动'),
    table(
      ['行动', '提交', '办结', '办结率', '按时办结率', '满意率', '退单率', '平均工作日'],
      c.actions.map((a) => [a.typeName, String(a.submitted), String(a.completed), percent(a.completionRate), percent(a.onTimeRate), percent(a.satisfactionRate), percent(a.returnRate), figure(a.avgWorkingDays)]),
    ),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new ImageRun({ type: 'png', data: chart, transformation: { width: CHART_SIZE.width, height: CHART_SIZE.height }, altText: { name: 'chart', title: '各项行动提交需求数', description: '各项行动提交需求数' } })],
    }),
  ];
}

const PROBLEM_TITLES: [keyof BulletinContent['problems'], string][] = [
  ['overdue', '超期未办结'],
  ['returned', '退单'],
  ['escalated', '督办（升级）'],
  ['lowestRated', '评价较低'],
];

function problems(c: BulletinContent): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading('四、存在问题')];
  PROBLEM_TITLES.forEach(([key, title], i) => {
    const group: ProblemGroup = c.problems[key];
    out.push(body(`（${['一', '二', '三', '四'][i]}）${title}${group.count}项${group.count > group.items.length ? `，列出前${group.items.length}项` : ''}${group.count === 0 ? '。' : '：'}`));
    if (group.items.length > 0) out.push(table(['园区', '行动', '需求', '说明'], group.items.map((t) => [t.zoneName, SERVICE_TYPE_LABELS[t.type], t.title, t.note])));
  });
  return out;
}

function problemRecords(c: BulletinContent): (Paragraph | Table)[] {
  const r = c.problemRecords;
  if (!r || r.lines.length === 0) return [];
  return [
    heading('五、问题归集'),
    body(`本期新归集问题${r.created}个，办结${r.resolved}个，期末尚在办理${r.open}个${r.lines.length < r.resolved + r.open ? `，列出前${r.lines.length}个` : ''}：`),
    table(['问题', '涉及园区（工单数）', '工单数', '状态', '办理结果'], r.lines.map((l) => [l.title, l.zones, String(l.ticketCount), l.status, l.resolution])),
  ];
}

/** The bulletin as a Word document in 公文 style, from the frozen content and its chart. */
export function renderBulletinDocx(c: BulletinContent, chart: Buffer, draft = false): Promise<Buffer> {
  const title = new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: draft ? `${c.title}（草稿）` : c.title, ...TITLE })] });
  const doc = new Document({
    title: c.title,
    creator: '省商务厅开发区处',
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children: [title, ...overview(c), ...zones(c), ...actions(c, chart), ...problems(c), ...problemRecords(c)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

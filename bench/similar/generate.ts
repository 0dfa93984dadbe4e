import { SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { LabelledDemand, TUNING } from '../../test/fixtures/similar-demands';

export interface GeneratedDemand {
  kind: string;
  type: ServiceType;
  title: string;
  description: string;
  tags: string[];
}

/** What varies between zones and is not their problem: industries, places, sizes. */
const INDUSTRIES = ['汽车零部件', '新能源汽车', '光伏组件', '锂电池', '生物医药', '原料药', '食品加工', '智能家电', '电子信息', '半导体封测', '铜基新材料', '铝基材料', '不锈钢', '精细化工', '装备制造', '纺织服装', '绿色建材', '现代物流', '农副产品加工', '医疗器械', '机器人', '集成电路', '新型显示', '节能环保装备'];
const PLACES = ['合肥', '芜湖', '铜陵', '宁国', '滁州', '六安', '阜阳', '淮北', '马鞍山', '蚌埠', '安庆', '宣城', '池州', '黄山', '亳州', '宿州', '淮南', '临沂', '沂水', '郯城', '兰陵', '莒南', '平邑', '费县', '蒙阴', '沂南', '临沭'];
const OPENINGS = ['近年来园区{i}产业发展较快', '园区现有{i}企业{n}家', '{p}片区{i}项目陆续投产', '园区以{i}为主导产业', '今年以来{i}企业订单增长', '园区新引进{i}项目{n}个'];
const ASKS = ['恳请省厅给予支持', '请省厅帮助协调解决', '希望尽快安排对接', '时间安排在{m}月份', '请相关处室统筹安排', '望予以支持'];

const rnd = (n: number) => Math.floor(Math.random() * n);
const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)];
const fill = (s: string) => s.replace('{i}', pick(INDUSTRIES)).replace('{p}', pick(PLACES)).replace('{n}', String(3 + rnd(120))).replace('{m}', String(1 + rnd(12)));

/**
 * Demands of the tuning part's kinds in other words, as a province would file them over the
 * years: each one's title is a tuning demand's title (or a variant of it), its description a few
 * clauses of the kind's tuning descriptions reshuffled, framed by what differs between zones
 * (industry, place, numbers); 5 % are filed under another service type. The held-out part is
 * never used, so held-out queries meet no copy of themselves.
 */
export class DemandGenerator {
  private readonly kinds: { kind: string; members: LabelledDemand[]; clauses: string[] }[];

  constructor() {
    const byKind = new Map<string, LabelledDemand[]>();
    for (const d of TUNING) byKind.set(d[0], [...(byKind.get(d[0]) ?? []), d]);
    this.kinds = [...byKind].map(([kind, members]) => ({
      kind,
      members,
      clauses: members.flatMap((m) => m[4].split(/[，。；、]/).map((c) => c.trim()).filter((c) => c.length >= 4)),
    }));
  }

  get kindCount(): number {
    return this.kinds.length;
  }

  /** One demand of the kind with this index (0 ≤ k < kindCount). */
  demand(k: number): GeneratedDemand {
    const { kind, members, clauses } = this.kinds[k];
    const base = pick(members);
    const title = [base[3], `关于${base[3]}的需求`, `${pick(PLACES)}${base[3]}`, `${base[3]}（${pick(INDUSTRIES)}）`][rnd(4)];
    const body = Array.from({ length: 2 + rnd(3) }, () => pick(clauses));
    const description = `${fill(pick(OPENINGS))}，${body.join('，')}，${fill(pick(ASKS))}。`;
    const tags = base[5].filter(() => Math.random() < 0.6);
    const type = Math.random() < 0.05 ? pick(SERVICE_TYPES) : base[2];
    return { kind, type, title, description, tags };
  }
}

import { ServiceType } from '@enterpark/common';
import { CreateZoneInput } from '@enterpark/demand';
import { CreateProviderInput } from '@enterpark/matching';

/** Places and providers from the department's source documents (安徽省开发区). */
export const DEMO_ZONES: CreateZoneInput[] = [
  { code: 'hefei-etdz', name: '合肥经开区', level: 'national', city: '合肥市' },
  { code: 'wuhu-etdz', name: '芜湖经开区', level: 'national', city: '芜湖市' },
  { code: 'tongling-etdz', name: '铜陵经开区', level: 'national', city: '铜陵市' },
  { code: 'ningguo-etdz', name: '宁国经开区', level: 'national', city: '宣城市' },
  { code: 'chuzhou-etdz', name: '滁州经开区', level: 'national', city: '滁州市' },
  { code: 'luan-etdz', name: '六安经开区', level: 'national', city: '六安市' },
  { code: 'shushan-etdz', name: '蜀山经开区', level: 'provincial', city: '合肥市' },
  { code: 'changfeng-etdz', name: '长丰(双凤)经开区', level: 'provincial', city: '合肥市' },
  { code: 'taihe-etdz', name: '太和经开区', level: 'provincial', city: '阜阳市' },
  { code: 'suixi-etdz', name: '濉溪经开区', level: 'provincial', city: '淮北市' },
  { code: 'feixi-etdz', name: '肥西经开区', level: 'provincial', city: '合肥市' },
  { code: 'dangtu-etdz', name: '当涂经开区', level: 'provincial', city: '马鞍山市' },
  { code: 'laian-chahe-etdz', name: '来安汊河经开区', level: 'provincial', city: '滁州市' },
  { code: 'suchu-park', name: '苏滁现代产业园', level: 'provincial', city: '滁州市' },
];

/** Two staff members per desk, so least-loaded assignment has a choice. */
export const DEMO_DESK_STAFF: { email: string; name: string; desk: ServiceType }[] = [
  { email: 'media.1@demo.enterpark.cn', name: '王宣', desk: 'media' },
  { email: 'media.2@demo.enterpark.cn', name: '李媒', desk: 'media' },
  { email: 'finance.1@demo.enterpark.cn', name: '赵融', desk: 'finance' },
  { email: 'finance.2@demo.enterpark.cn', name: '钱贷', desk: 'finance' },
  { email: 'training.1@demo.enterpark.cn', name: '孙培', desk: 'training' },
  { email: 'training.2@demo.enterpark.cn', name: '周训', desk: 'training' },
  { email: 'foreign.1@demo.enterpark.cn', name: '吴外', desk: 'foreign_investment' },
  { email: 'foreign.2@demo.enterpark.cn', name: '郑商', desk: 'foreign_investment' },
  { email: 'party.1@demo.enterpark.cn', name: '冯建', desk: 'party_building' },
  { email: 'party.2@demo.enterpark.cn', name: '陈党', desk: 'party_building' },
  { email: 'precision.1@demo.enterpark.cn', name: '褚准', desk: 'precision_service' },
  { email: 'precision.2@demo.enterpark.cn', name: '卫诊', desk: 'precision_service' },
];

export const DEMO_ZONE_MANAGERS: { email: string; name: string; zoneCode: string }[] = [
  { email: 'hefei@demo.enterpark.cn', name: '合肥经开区管委会', zoneCode: 'hefei-etdz' },
  { email: 'wuhu@demo.enterpark.cn', name: '芜湖经开区管委会', zoneCode: 'wuhu-etdz' },
  { email: 'taihe@demo.enterpark.cn', name: '太和经开区管委会', zoneCode: 'taihe-etdz' },
];

export const DEMO_VIEWER = { email: 'leader@demo.enterpark.cn', name: '厅领导' };

export const DEMO_PROVIDERS: CreateProviderInput[] = [
  { name: '安徽日报报业集团', kind: 'media', serviceTypes: ['media'], capacity: 10, cities: ['合肥市'], tags: ['专栏', '宣传'], email: 'media@ahrb.example.cn' },
  { name: '安徽广播电视台', kind: 'media', serviceTypes: ['media'], capacity: 8, cities: ['合肥市'], tags: ['宣传片', '短视频'], email: 'video@ahtv.example.cn' },
  { name: '徽商银行', kind: 'bank', serviceTypes: ['finance'], capacity: 20, cities: ['合肥市', '芜湖市'], tags: ['园区贷'], email: 'park-loan@hsbank.example.cn' },
  { name: '安徽省产业投资基金', kind: 'fund', serviceTypes: ['finance'], capacity: 5, cities: [], tags: ['产业基金'], email: 'fund@ahfund.example.cn' },
  { name: '安徽省融资担保集团', kind: 'guarantor', serviceTypes: ['finance'], capacity: 10, cities: [], tags: ['担保'], email: 'guarantee@ahdb.example.cn' },
  { name: '中国科学技术大学继续教育学院', kind: 'university', serviceTypes: ['training'], capacity: 6, cities: ['合肥市'], tags: ['企业培训'], email: 'training@ustc.example.cn' },
  { name: '安徽省委党校', kind: 'trainer', serviceTypes: ['training', 'party_building'], capacity: 6, cities: ['合肥市'], tags: ['政策宣讲'], email: 'lecture@ahdx.example.cn' },
  { name: '中德(安徽)产业合作促进中心', kind: 'agency', serviceTypes: ['foreign_investment'], capacity: 5, cities: ['合肥市', '芜湖市', '宣城市'], tags: ['中德合作', '圆桌会'], email: 'sino-german@ahinvest.example.cn' },
  { name: '安徽省国际商会', kind: 'chamber', serviceTypes: ['foreign_investment'], capacity: 8, cities: [], tags: ['境外推介', '进博会'], email: 'chamber@ahccoic.example.cn' },
  { name: '园区非公党建指导员队伍', kind: 'instructor', serviceTypes: ['party_building'], capacity: 12, cities: [], tags: ['智慧党建'], email: 'party@ahdj.example.cn' },
  { name: '省开发区专家库', kind: 'expert', serviceTypes: ['precision_service'], capacity: 15, cities: [], tags: ['问诊把脉', '产业规划'], email: 'experts@ahkfq.example.cn' },
  { name: '安徽省经济研究院', kind: 'expert', serviceTypes: ['precision_service', 'training'], capacity: 6, cities: ['合肥市'], tags: ['发展诊断'], email: 'research@aheri.example.cn' },
];

/** Every demo account, in the order the start-up summary lists them. */
export const DEMO_ACCOUNT_EMAILS: string[] = [...DEMO_DESK_STAFF, ...DEMO_ZONE_MANAGERS, DEMO_VIEWER].map((a) => a.email);

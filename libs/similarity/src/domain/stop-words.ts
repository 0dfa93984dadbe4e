/**
 * Words every demand list uses whatever its problem: the requester (园区, 企业, 我区), the ask
 * (希望, 对接, 开展, 协调, 帮助) and the officialese around it. Left in, they make everything
 * look alike; IDF weighting alone leaves them too much weight while the corpus is small.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    '需求', '园区', '企业', '服务', '希望', '对接', '开展', '我区', '本区', '省厅', '协调', '提供', '帮助', '进行', '相关',
    '工作', '问题', '解决', '推动', '提升', '组织', '支持', '方面', '方式', '目前', '较多', '较大', '不足', '开发区',
    '经开区', '需要', '一批', '一次', '通过', '实现', '加强', '进一步', '有关', '以及', '其中', '部分', '现有', '已经',
    '目的', '情况', '各类', '积极', '主要', '重点', '计划', '拟', '请', '给予', '予以', '协助', '推进', '全面', '有效',
    '进园区', '园区内', '区内', '亿元', '万元', '我们', '他们', '一个', '一些', '这些', '这个', '可以', '能够', '没有', '不够', '还是',
  ],
);

import { serviceTypeFromName } from './service-type-names';

describe('serviceTypeFromName', () => {
  it.each([
    ['金融进园区', 'finance'],
    ['金融', 'finance'],
    ['金融服务', 'finance'],
    ['金融服务进园区', 'finance'],
    ['金融进园区行动', 'finance'],
    ['“金融”进园区', 'finance'],
    ['「金融」进园区行动', 'finance'],
    ['金融类', 'finance'],
    ['  金 融 ', 'finance'],
    ['finance', 'finance'],
    ['Finance', 'finance'],
    ['媒体进园区', 'media'],
    ['宣传', 'media'],
    ['培训', 'training'],
    ['培训服务', 'training'],
    ['外商进园区', 'foreign_investment'],
    ['外资', 'foreign_investment'],
    ['foreign_investment', 'foreign_investment'],
    ['非公党建进园区', 'party_building'],
    ['党建', 'party_building'],
    ['精准服务进园区', 'precision_service'],
    ['精准服务', 'precision_service'],
    ['精准', 'precision_service'],
    ['ＦＩＮＡＮＣＥ', 'finance'],
  ])('%j is %s', (name, type) => {
    expect(serviceTypeFromName(name)).toBe(type);
  });

  it.each(['旅游进园区', '', '进园区', '服务', '金融培训', 'fin', '金'])('%j is no type', (name) => {
    expect(serviceTypeFromName(name)).toBeNull();
  });
});

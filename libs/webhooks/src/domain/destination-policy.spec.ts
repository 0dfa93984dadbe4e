import { describeRefusal, judgeAddress } from './destination-policy';

describe('judgeAddress: only global unicast receives webhooks', () => {
  it.each([
    ['93.184.215.14', 'unicast'],
    ['2606:2800:21f:cb07:6820:80da:af6b:8b2c', 'unicast'],
    ['114.114.114.114', 'unicast'],
  ])('allows %s (%s)', (address, range) => {
    expect(judgeAddress(address)).toEqual({ address, range, allowed: true });
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'], // cloud metadata
    ['fe80::1', 'linkLocal'],
    ['fd00:ec2::254', 'uniqueLocal'], // AWS metadata over IPv6
    ['fc00::1', 'uniqueLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.100.100.200', 'carrierGradeNat'], // Alibaba Cloud metadata
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'reserved'],
    ['64:ff9b::a00:1', 'rfc6052'], // NAT64 of 10.0.0.1
    ['2002:a00:1::', '6to4'],
    ['::ffff:127.0.0.1', 'loopback'], // IPv4-mapped: judged as the IPv4 address
    ['::ffff:a9fe:a9fe', 'linkLocal'], // ::ffff:169.254.169.254
    ['::ffff:10.0.0.1', 'private'],
    ['not-an-address', 'invalid'],
  ])('refuses %s (%s)', (address, range) => {
    expect(judgeAddress(address)).toEqual({ address, range, allowed: false });
  });

  it('names the refused range in Chinese for the coordinator', () => {
    expect(describeRefusal(judgeAddress('169.254.169.254'))).toBe('169.254.169.254 属于链路本地地址（含云元数据地址），不允许作为 Webhook 目标');
    expect(describeRefusal(judgeAddress('2002:a00:1::'))).toContain('保留或特殊用途地址');
  });
});

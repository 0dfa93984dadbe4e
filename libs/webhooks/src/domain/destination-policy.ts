import ipaddr from 'ipaddr.js';

export interface AddressVerdict {
  address: string;
  /** ipaddr.js's name for the range the address falls in ('unicast' for the public internet). */
  range: string;
  allowed: boolean;
}

/**
 * Only global unicast addresses may receive webhooks. An allowlist rather than a list of
 * bad ranges: private, loopback, link-local (169.254.169.254, the cloud metadata address),
 * unique-local (fd00:ec2::254), carrier-grade NAT (100.100.100.200, Alibaba Cloud's metadata),
 * multicast, unspecified, reserved and documentation ranges, and the IPv6 transition
 * prefixes that embed an IPv4 address (NAT64, 6to4, Teredo) all fall outside it.
 * An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
 */
export function judgeAddress(address: string): AddressVerdict {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address);
  } catch {
    return { address, range: 'invalid', allowed: false };
  }
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  return { address, range, allowed: range === 'unicast' };
}

const RANGE_NAMES: Record<string, string> = {
  loopback: '回环地址',
  private: '内网地址',
  linkLocal: '链路本地地址（含云元数据地址）',
  uniqueLocal: '唯一本地地址',
  carrierGradeNat: '运营商级 NAT 地址',
  multicast: '组播地址',
  unspecified: '未指定地址',
  broadcast: '广播地址',
  invalid: '无效地址',
};

/** How a refused address is named to a coordinator (error messages, the deliveries log). */
export function describeRefusal(verdict: AddressVerdict): string {
  return `${verdict.address} 属于${RANGE_NAMES[verdict.range] ?? '保留或特殊用途地址'}，不允许作为 Webhook 目标`;
}

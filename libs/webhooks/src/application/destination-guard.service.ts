import { Injectable } from '@nestjs/common';
import { LookupFunction, isIP } from 'node:net';
import { AppConfig } from '@enterpark/config';
import { describeRefusal, judgeAddress } from '../domain/destination-policy';
import { HostResolver, ResolvedAddress } from '../transport/host-resolver';
import { WebhookDestinationRefusedError } from '../webhooks.errors';

/**
 * The SSRF check, at registration and again at send time. At send time it is the connection's
 * own `lookup`: the addresses it vets are the ones the socket connects to, so a DNS answer
 * that changes between the check and the connection (a rebind) has nothing to slip through.
 * WEBHOOK_ALLOW_PRIVATE=true lifts the address rule (on-premise receivers, tests); the name
 * must still resolve.
 */
@Injectable()
export class DestinationGuard {
  constructor(
    private readonly resolver: HostResolver,
    private readonly config: AppConfig,
  ) {}

  /** The addresses `hostname` may be reached at; throws WebhookDestinationRefusedError. */
  async vet(hostname: string): Promise<ResolvedAddress[]> {
    const addresses = await this.resolve(hostname);
    if (!this.config.webhookAllowPrivate) {
      const refused = addresses.map((a) => judgeAddress(a.address)).find((v) => !v.allowed);
      if (refused) throw new WebhookDestinationRefusedError('publicAddress', `url 的主机 ${hostname} 解析为 ${describeRefusal(refused)}`);
    }
    return addresses;
  }

  /** For node's http(s).request: resolves, vets, and hands the socket only vetted addresses. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.vet(hostname).then(
      (addresses) => {
        const family = options.family === 4 || options.family === 6 ? options.family : null;
        const usable = family ? addresses.filter((a) => a.family === family) : addresses;
        if (usable.length === 0) {
          callback(Object.assign(new Error(`${hostname} 没有 IPv${family} 地址`), { code: 'ENOTFOUND' }), '', 0);
        } else if (options.all) {
          callback(null, usable);
        } else {
          callback(null, usable[0].address, usable[0].family);
        }
      },
      (error: Error) => callback(error, '', 0),
    );
  };

  private async resolve(hostname: string): Promise<ResolvedAddress[]> {
    const literal = isIP(hostname);
    if (literal) return [{ address: hostname, family: literal === 6 ? 6 : 4 }];
    let addresses: ResolvedAddress[] = [];
    try {
      addresses = await this.resolver.resolve(hostname);
    } catch {
      // an empty answer below says the same
    }
    if (addresses.length === 0) throw new WebhookDestinationRefusedError('resolvable', `无法解析 url 的主机名 ${hostname}`);
    return addresses;
  }
}

import { Empty, Flex, Form, Radio, Space, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import type { Ticket, TicketMatch, Zone } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useApi } from '../../components/useApi';
import { describeMatchFacts, MATCH_STATUS_LABELS, type MatchFacts } from '../../features/tickets/ticket-labels';

type Provider = components['schemas']['ProviderResponse'];

interface Candidate {
  provider: Provider;
  facts: MatchFacts;
  /** Why it cannot be chosen (the API would refuse it), if so. */
  blocked?: string;
  /** Its earlier proposal for this ticket, if any. */
  earlier?: TicketMatch;
}

const normal = (tag: string) => tag.trim().toLowerCase();

/**
 * The providers serving the ticket's type with the facts the ranking weighs (region, tags,
 * rating, load), ordered the same way for reading; the server checks eligibility again.
 * The open proposal's provider counts its place as free (a hand match withdraws it).
 */
function candidatesFor(ticket: Ticket, zone: Zone, providers: Provider[], matches: TicketMatch[]): Candidate[] {
  const open = matches.find((m) => m.status === 'proposed');
  const tags = new Set(ticket.tags.map(normal));
  const candidates = providers.map((p): Candidate => {
    const used = p.activeMatches - (open?.providerId === p.id ? 1 : 0);
    const facts = {
      regionFit: p.cities.includes(zone.city) ? 2 : p.province === zone.province ? 1 : 0,
      tagOverlap: new Set(p.tags.map(normal).filter((t) => tags.has(t))).size,
      rating: p.ratingAverage,
      load: used / p.capacity,
    };
    const blocked = !p.active ? '已停用' : used >= p.capacity ? `容量已满（${p.activeMatches}/${p.capacity}）` : undefined;
    return { provider: p, facts, blocked, earlier: matches.filter((m) => m.providerId === p.id).at(-1) };
  });
  return candidates.sort(
    (a, b) =>
      Number(Boolean(a.blocked)) - Number(Boolean(b.blocked)) ||
      b.facts.regionFit! - a.facts.regionFit! ||
      b.facts.tagOverlap! - a.facts.tagOverlap! ||
      (b.facts.rating ?? 0) - (a.facts.rating ?? 0) ||
      a.facts.load! - b.facts.load!,
  );
}

async function loadCandidates(ticket: Ticket, matches: TicketMatch[], signal: AbortSignal): Promise<{ candidates: Candidate[]; more: boolean }> {
  const [zone, providers] = await Promise.all([
    unwrap(api.GET('/api/v1/zones/{id}', { params: { path: { id: ticket.zoneId } }, signal })),
    unwrap(api.GET('/api/v1/providers', { params: { query: { serviceType: ticket.type, limit: 200 } }, signal })),
  ]);
  return { candidates: candidatesFor(ticket, zone, providers.items, matches), more: providers.nextCursor !== null };
}

/** 服务机构: a radio choice of the providers for the 匹配 form (the field `providerId`). */
export function ProviderChoice({ ticket, matches }: { ticket: Ticket; matches: TicketMatch[] }) {
  const state = useApi((signal) => loadCandidates(ticket, matches, signal), [ticket.id]);
  if (!state.data) return state.error ? <ApiErrorAlert error={state.error} /> : <PageLoading />;
  const { candidates, more } = state.data;
  if (candidates.length === 0) return <Empty description="没有提供该类服务的服务机构" />;
  return (
    <Form.Item name="providerId" label="服务机构" rules={[{ required: true, message: '请选择服务机构' }]} extra={more ? '仅列出前 200 家服务机构' : undefined}>
      <Radio.Group style={{ width: '100%' }}>
        <Flex vertical gap={10}>
          {candidates.map((c) => (
            <Radio key={c.provider.id} value={c.provider.id} disabled={Boolean(c.blocked)}>
              <CandidateLabel candidate={c} />
            </Radio>
          ))}
        </Flex>
      </Radio.Group>
    </Form.Item>
  );
}

function CandidateLabel({ candidate: { provider, facts, blocked, earlier } }: { candidate: Candidate }) {
  return (
    <Space orientation="vertical" size={0}>
      <Space wrap size={4}>
        <span>{provider.name}</span>
        {blocked && <Tag color="default">{blocked}</Tag>}
        {earlier && <Tag color="orange">{earlier.status === 'proposed' ? '当前推荐（待答复）' : `曾推荐：${MATCH_STATUS_LABELS[earlier.status]}`}</Tag>}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[...describeMatchFacts({ ...facts, load: undefined }), `在办 ${provider.activeMatches}/${provider.capacity}`].join(' · ')}
      </Typography.Text>
    </Space>
  );
}

import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@enterpark/config';
import { QUEUE_NAMES } from '@enterpark/events';
import { AccountStatusCache } from '@enterpark/identity';
import { AccessTokenService } from '../auth/access-token.service';
import { ErrorResponse } from '../errors/error-body';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'ep_queues';

function refuse(reply: FastifyReply, statusCode: 401 | 403, code: string, message: string): FastifyReply {
  const body: ErrorResponse = { statusCode, error: statusCode === 401 ? 'Unauthorized' : 'Forbidden', code, message };
  return reply.code(statusCode).header('cache-control', 'no-store').send(body);
}

/**
 * bull-board at /admin/queues, for coordinators only. A browser cannot send the console's
 * bearer token on a page load, so the console opens `/admin/queues?access_token=…` once: the
 * token moves into an HttpOnly, SameSite=Strict cookie scoped to this path (never readable by
 * scripts, never sent elsewhere) and the address is replaced by one without it. Read-only
 * unless QUEUE_DASHBOARD_WRITE=true: bull-board then refuses every action on a queue, and so
 * do we, for any method but GET.
 */
export async function serveQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const config = app.get(AppConfig);
  const tokens = app.get(AccessTokenService);
  const statuses = app.get(AccountStatusCache);
  const board = new BullBoardFastifyAdapter();
  const readOnlyMode = !config.queueDashboardWrite;
  createBullBoard({
    queues: QUEUE_NAMES.map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }), { readOnlyMode })),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: '进园区 · 队列监控', locale: { lng: 'zh-CN' } } },
  });
  board.setBasePath(QUEUE_DASHBOARD_PATH);

  async function admit(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
    const query = request.query as Record<string, unknown> | undefined;
    const fromQuery = typeof query?.access_token === 'string' ? query.access_token : null;
    const header = request.headers.authorization?.match(/^Bearer (.+)$/)?.[1] ?? null;
    const token = header ?? fromQuery ?? parseCookies(request.headers.cookie ?? '')[COOKIE] ?? null;
    const verified = token ? await tokens.verify(token) : null;
    // As the API's guard: a deactivated or changed account's older tokens no longer count.
    if (!verified || !(await statuses.accepts(verified.actor.id, verified.version))) return refuse(reply, 401, 'UNAUTHORIZED', '缺少有效的访问令牌：请从控制台的“队列监控”打开');
    if (verified.actor.role !== 'coordinator') return refuse(reply, 403, 'FORBIDDEN', '只有协调员可以查看队列监控');
    if (readOnlyMode && request.method !== 'GET') return refuse(reply, 403, 'QUEUE_DASHBOARD_READ_ONLY', '队列监控为只读（QUEUE_DASHBOARD_WRITE=false）');
    if (fromQuery && !header) {
      const maxAge = Math.max(0, Math.floor((verified.expiresAt.getTime() - Date.now()) / 1000));
      const cookie = serializeCookie(COOKIE, fromQuery, { httpOnly: true, sameSite: 'strict', path: QUEUE_DASHBOARD_PATH, maxAge, secure: request.protocol === 'https' });
      const rest = new URLSearchParams(request.url.split('?')[1]);
      rest.delete('access_token');
      const target = request.url.split('?')[0] + (rest.size ? `?${rest}` : '');
      return reply.header('set-cookie', cookie).header('cache-control', 'no-store').redirect(target, 303);
    }
  }

  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', admit);
    await scope.register(board.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
}

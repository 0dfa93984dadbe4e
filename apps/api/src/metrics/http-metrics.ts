import type { FastifyInstance } from 'fastify';
import { Metrics } from '@enterpark/metrics';

/**
 * Times every response by its route pattern (`/api/v1/tickets/:id`, never the raw URL, so the
 * label set stays small); a request that matched no route is counted as `unmatched`.
 */
export function recordHttpMetrics(fastify: FastifyInstance, metrics: Metrics): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
}

import { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * For `npm run bench:lookup` only (BENCH_FLOOR_ROUTE=true): a route in the same server that
 * answers a constant JSON body of the requested size, so GraphQL lookups can be compared with
 * what this framework and machine can do at all.
 */
export function registerBenchFloor(app: NestFastifyApplication): void {
  const bodies = new Map<number, string>();
  app
    .getHttpAdapter()
    .getInstance()
    .get('/bench/floor', (request, reply) => {
      const bytes = Math.min(Math.max(Number((request.query as { bytes?: string }).bytes) || 0, 2), 1_000_000);
      let body = bodies.get(bytes);
      if (!body) {
        body = `"${'x'.repeat(bytes - 2)}"`;
        bodies.set(bytes, body);
      }
      return reply.type('application/json').send(body);
    });
}

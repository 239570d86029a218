import { Injectable, OnModuleInit } from '@nestjs/common';
import { ReadinessRegistry } from '@denialmap/server/core';
import { OutboxRepository } from '@denialmap/server/denials/data-access';

/** Reports keep being accepted without a worker, but stats stop moving: say so (degraded, not failing). */
const STALE_SECONDS = 60;

@Injectable()
export class PipelineReadiness implements OnModuleInit {
  constructor(
    private readonly registry: ReadinessRegistry,
    private readonly outbox: OutboxRepository,
  ) {}

  onModuleInit(): void {
    this.registry.add({
      name: 'denialReports',
      check: async () => {
        const { events, oldestSeconds } = await this.outbox.backlog();
        if (events > 0 && oldestSeconds !== null && oldestSeconds > STALE_SECONDS) {
          return {
            ok: true,
            degraded: true,
            detail: `${events} report event(s) waiting for aggregation, the oldest for ${Math.round(oldestSeconds)} s: is a worker running? Reports are safe in PostgreSQL; stats will catch up.`,
          };
        }
        return { ok: true, detail: events === 0 ? 'Every report is in the stats' : `${events} report event(s) being aggregated` };
      },
    });
  }
}

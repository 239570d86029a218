import { Injectable, OnModuleInit } from '@nestjs/common';
import { ReadinessRegistry } from '@denialmap/server/core';
import { DataFreshnessService } from './data-freshness.service';

/**
 * /health/ready names the reference tables behind CMS's calendar, degraded but never failing:
 * stale data is still served (with a banner), and restarting or draining the api would not fix it.
 * A failed check is reported the same way; the database check already fails readiness for that.
 */
@Injectable()
export class DataFreshnessReadiness implements OnModuleInit {
  constructor(
    private readonly registry: ReadinessRegistry,
    private readonly freshness: DataFreshnessService,
  ) {}

  onModuleInit(): void {
    this.registry.add({
      name: 'referenceDataFreshness',
      check: async () => {
        try {
          const { checkedOn, stale } = await this.freshness.freshness();
          if (stale.length === 0) return { ok: true, detail: `Every reference table has its current CMS release (checked ${checkedOn})` };
          return {
            ok: true,
            degraded: true,
            detail: `Behind CMS's publication calendar on ${checkedOn}: ${stale.map((s) => `${s.dataset} (expected ${s.expected}; loaded ${s.loadedId ?? 'none'})`).join(', ')}. Load them with a staff upload or npm run data:import.`,
            info: { checkedOn, stale: stale.map(({ dataset, expected, loadedId, loadedEffectiveFrom, since }) => ({ dataset, expected, loadedId, loadedEffectiveFrom, since })) },
          };
        } catch (error) {
          return { ok: true, degraded: true, detail: `Could not compare the reference data with CMS's calendar: ${error instanceof Error ? error.message : String(error)}` };
        }
      },
    });
  }
}

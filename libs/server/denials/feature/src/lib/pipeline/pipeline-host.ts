import type { AppConfig } from '@denialmap/server/core';

/** Which process the module runs in: the outbox relay and sweeper run in workers, or in the api when there is no Redis. */
export const PIPELINE_HOST = Symbol('PIPELINE_HOST');
export type PipelineHost = 'api' | 'worker';

export function runsPipeline(host: PipelineHost, config: AppConfig): boolean {
  return host === 'worker' || config.JOBS_MODE === 'inline';
}

export const sleep = (ms: number, signal?: { wake?: () => void }) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    if (signal) {
      signal.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }
  });

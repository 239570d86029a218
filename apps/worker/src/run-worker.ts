import { Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@denialmap/server/core';
import { WorkerModule } from './worker.module';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

export async function runWorker(): Promise<void> {
  const config = loadConfig(process.env);
  if (config.JOBS_MODE === 'inline') {
    throw new Error('JOBS_MODE=inline means the api runs jobs itself; the worker needs Redis (JOBS_MODE=bullmq).');
  }
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1),
  });
  // SIGTERM/SIGINT close the BullMQ workers, which wait for the jobs in hand to finish.
  app.enableShutdownHooks();
  await app.init();
  Logger.log(`DenialMap worker processing queues under prefix "${config.REDIS_PREFIX}"`, 'Bootstrap');
}

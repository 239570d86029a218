import 'reflect-metadata';
import { Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { APP_CONFIG, AppConfig, ConfigError, loadConfig, API_BODY_LIMIT_BYTES, registerHttpSecurity } from '@denialmap/server/core';
import { AppModule } from './app.module';
import { registerBenchFloor } from './bench-floor';
import { serveWebApp } from './serve-web';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

async function bootstrap(): Promise<void> {
  // Fail fast, listing every bad setting, before anything connects anywhere.
  const config = loadConfig(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    new FastifyAdapter({ bodyLimit: API_BODY_LIMIT_BYTES, trustProxy: config.TRUST_PROXY }),
    { logger: LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1) },
  );
  app.enableShutdownHooks();
  await registerHttpSecurity(app, config);
  if (config.BENCH_FLOOR_ROUTE) {
    registerBenchFloor(app);
  }
  await serveWebApp(app, app.get<AppConfig>(APP_CONFIG).WEB_DIST_DIR);
  await app.listen(config.PORT, config.HOST);
  Logger.log(`DenialMap api listening on http://localhost:${config.PORT} (GraphQL at /graphql)`, 'Bootstrap');
  if (config.JOBS_MODE === 'inline') {
    Logger.warn('JOBS_MODE=inline: no Redis, so background jobs run inside the api and are lost on restart.', 'Bootstrap');
  }
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});

import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './auth/access.guard';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DomainErrorFilter } from './graphql/domain-error.filter';
import { AnswerCacheModule, ReferenceAnswerCache } from './graphql/answer-cache';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthModule } from './health/health.module';
import { LiveEventsModule } from './live/live-events';
import { JobsModule } from './queues/jobs.module';
import { RateLimitModule } from './rate-limit/rate-limiter';
import { RedisModule } from './redis/redis.module';

/** Everything an api process needs besides its features: config, database, Redis, jobs, live events, health, GraphQL, default-deny access. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    RedisModule,
    JobsModule,
    HealthModule,
    LiveEventsModule,
    RateLimitModule,
    AnswerCacheModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [AnswerCacheModule],
      inject: [APP_CONFIG, ReferenceAnswerCache],
      useFactory: (config: AppConfig, answers: ReferenceAnswerCache) => graphqlOptions(config, [answers.plugin()]),
    }),
  ],
  providers: [
    { provide: APP_FILTER, useClass: DomainErrorFilter },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class ApiCoreModule {}

import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import {
  APP_CONFIG,
  AppConfig,
  ConfigModule,
  DatabaseModule,
  DomainErrorFilter,
  graphqlOptions,
  HealthModule,
  JobsModule,
  RedisModule,
} from '@denialmap/server/core';
import { ReferenceDataModule } from '@denialmap/server/reference-data/feature';

/** Wiring only: the api is the GraphQL endpoint, health checks and the web app's files. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    RedisModule,
    JobsModule,
    HealthModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => graphqlOptions(config),
    }),
    ReferenceDataModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
})
export class AppModule {}

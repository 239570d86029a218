import { Global, Module } from '@nestjs/common';
import { CoreReadinessChecks } from './core-readiness';
import { HealthController } from './health.controller';
import { ReadinessRegistry } from './readiness.registry';

@Global()
@Module({
  controllers: [HealthController],
  providers: [ReadinessRegistry, CoreReadinessChecks],
  exports: [ReadinessRegistry],
})
export class HealthModule {}

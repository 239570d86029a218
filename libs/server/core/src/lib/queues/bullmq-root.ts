import { BullModule } from '@nestjs/bullmq';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { redisOptionsFromUrl } from '../redis/redis-options';

/** BullMQ root settings for the worker app, from the validated config. */
export const BullmqRootModule = BullModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({
    connection: redisOptionsFromUrl(config.REDIS_URL),
    prefix: config.REDIS_PREFIX,
  }),
});

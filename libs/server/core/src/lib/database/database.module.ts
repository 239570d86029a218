import { Global, Module } from '@nestjs/common';
import { PostgresPool } from './postgres-pool';
import { PrismaService } from './prisma.service';

@Global()
@Module({ providers: [PrismaService, PostgresPool], exports: [PrismaService, PostgresPool] })
export class DatabaseModule {}

import { Injectable } from '@nestjs/common';
import { PrismaService } from '@denialmap/server/core';
import { toReleaseView, toRvuRowView } from './fee-schedule.mapper';
import { FeeScheduleReleaseView, RvuRowView } from './fee-schedule.types';

/** Reads of fee schedule releases and their RVU rows. The only code here that touches Prisma. */
@Injectable()
export class FeeScheduleRepository {
  constructor(private readonly prisma: PrismaService) {}

  async listReleases(): Promise<FeeScheduleReleaseView[]> {
    const rows = await this.prisma.feeScheduleRelease.findMany({ orderBy: { effectiveFrom: 'asc' } });
    return rows.map(toReleaseView);
  }

  /** The global row and any modifier rows (26, TC, 53) of one code in one release. */
  async findRvuRows(releaseId: string, hcpcs: string): Promise<RvuRowView[]> {
    const rows = await this.prisma.rvuRow.findMany({ where: { releaseId, hcpcs }, orderBy: { modifier: 'asc' } });
    return rows.map(toRvuRowView);
  }
}

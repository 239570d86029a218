import { Injectable } from '@nestjs/common';
import { PrismaService } from '@denialmap/server/core';
import { toReleaseView, toRvuRowView } from './fee-schedule.mapper';
import { FeeScheduleReleaseView, OppsCapView, RvuRowView } from './fee-schedule.types';

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

  /** Which of `codes` have a global row in the release. */
  async codesInRelease(releaseId: string, codes: string[]): Promise<string[]> {
    const rows = await this.prisma.rvuRow.findMany({ where: { releaseId, hcpcs: { in: codes }, modifier: '' }, select: { hcpcs: true } });
    return rows.map((r) => r.hcpcs);
  }

  /** The OPPS-based imaging caps of one code, every modifier row and locality. */
  async oppsCaps(code: string): Promise<OppsCapView[]> {
    const rows = await this.prisma.$queryRaw<{ modifier: string; mac: string; locality_number: string; facility_price: string; non_facility_price: string }[]>`
      SELECT modifier, mac, locality_number, facility_price::text AS facility_price, non_facility_price::text AS non_facility_price
      FROM opps_cap WHERE hcpcs = ${code}`;
    return rows.map((r) => ({ hcpcs: code, modifier: r.modifier, mac: r.mac, localityNumber: r.locality_number, facilityPrice: r.facility_price, nonFacilityPrice: r.non_facility_price }));
  }
}

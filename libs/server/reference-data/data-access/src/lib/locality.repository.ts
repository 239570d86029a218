import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@denialmap/server/core';

export interface LocalityView {
  year: number;
  mac: string;
  localityNumber: string;
  state: string;
  name: string;
  workGpci: string;
  workGpciWithoutFloor: string | null;
  peGpci: string;
  mpGpci: string;
  feeScheduleAreas: string[];
  counties: string[];
  anesthesiaConversionFactor: string | null;
  anesthesiaQualifyingApmConversionFactor: string | null;
}

export interface ZipLocalityView {
  zip: string;
  state: string;
  carrier: string;
  localityNumber: string;
  ruralIndicator: string | null;
  yearQuarter: string;
}

type Row = {
  year: number;
  mac: string;
  locality_number: string;
  state: string;
  locality_name: string;
  work_gpci: string;
  work_gpci_without_floor: string | null;
  pe_gpci: string;
  mp_gpci: string;
  areas: string[] | null;
  counties: string[] | null;
  anes_cf: string | null;
  anes_qp_cf: string | null;
};

/** Medicare localities: GPCIs, counties and anesthesia factors by year; ZIP code lookup. */
@Injectable()
export class LocalityRepository {
  constructor(private readonly prisma: PrismaService) {}

  async gpciYears(): Promise<number[]> {
    const rows = await this.prisma.$queryRaw<{ year: number }[]>`SELECT DISTINCT year FROM gpci_locality ORDER BY year`;
    return rows.map((r) => r.year);
  }

  async localities(year: number, filter: { state?: string; mac?: string; localityNumber?: string }): Promise<LocalityView[]> {
    const where: Prisma.Sql[] = [Prisma.sql`g.year = ${year}`];
    if (filter.state) where.push(Prisma.sql`g.state = ${filter.state}`);
    if (filter.mac) where.push(Prisma.sql`g.mac = ${filter.mac}`);
    if (filter.localityNumber) where.push(Prisma.sql`g.locality_number = ${filter.localityNumber}`);
    const rows = await this.prisma.$queryRaw<Row[]>`
      SELECT g.year, g.mac, g.locality_number, g.state, g.locality_name,
             g.work_gpci::text AS work_gpci, g.work_gpci_without_floor::text AS work_gpci_without_floor,
             g.pe_gpci::text AS pe_gpci, g.mp_gpci::text AS mp_gpci,
             (SELECT array_agg(DISTINCT c.fee_schedule_area) FROM locality_county c WHERE c.year = g.year AND c.mac = g.mac AND c.locality_number = g.locality_number) AS areas,
             (SELECT array_agg(DISTINCT c.counties) FROM locality_county c WHERE c.year = g.year AND c.mac = g.mac AND c.locality_number = g.locality_number) AS counties,
             a.conversion_factor::text AS anes_cf, a.qualifying_apm_conversion_factor::text AS anes_qp_cf
      FROM gpci_locality g
      LEFT JOIN anesthesia_cf a ON a.year = g.year AND a.mac = g.mac AND a.locality_number = g.locality_number
      WHERE ${Prisma.join(where, ' AND ')}
      ORDER BY g.state, g.locality_name, g.mac, g.locality_number`;
    return rows.map((r) => ({
      year: r.year,
      mac: r.mac,
      localityNumber: r.locality_number,
      state: r.state,
      name: r.locality_name,
      workGpci: r.work_gpci,
      workGpciWithoutFloor: r.work_gpci_without_floor,
      peGpci: r.pe_gpci,
      mpGpci: r.mp_gpci,
      feeScheduleAreas: r.areas ?? [],
      counties: r.counties ?? [],
      anesthesiaConversionFactor: r.anes_cf,
      anesthesiaQualifyingApmConversionFactor: r.anes_qp_cf,
    }));
  }

  async zip(zip: string): Promise<ZipLocalityView | null> {
    const rows = await this.prisma.$queryRaw<ZipLocalityView[]>`
      SELECT zip, state, carrier, locality_number AS "localityNumber", rural_indicator AS "ruralIndicator", year_quarter AS "yearQuarter"
      FROM zip_locality WHERE zip = ${zip} LIMIT 1`;
    return rows[0] ?? null;
  }
}

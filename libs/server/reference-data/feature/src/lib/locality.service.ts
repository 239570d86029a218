import { Injectable } from '@nestjs/common';
import { LocalityRepository, LocalityView } from '@denialmap/server/reference-data/data-access';
import { InvalidInputError, NotFoundError } from '@denialmap/shared/errors';
import { appliedWorkGpci, parseIsoDate } from '@denialmap/shared/fee-schedule';
import { LocalityObject, ZipLocalityObject } from './graphql/locality.object';

const RURAL: Record<string, string> = { R: 'RURAL', B: 'SUPER_RURAL' };

/** Localities for the calculator's picker and for pricing: by state, by id (MAC-LL) or by ZIP. */
@Injectable()
export class LocalityService {
  constructor(private readonly localities: LocalityRepository) {}

  async byState(rawState: string | null | undefined, rawDate: string | null | undefined): Promise<LocalityObject[]> {
    const state = rawState?.trim().toUpperCase() || undefined;
    if (state !== undefined && !/^[A-Z]{2}$/.test(state)) {
      throw new InvalidInputError('state', `"${rawState}" is not a two-letter state code.`);
    }
    const { year, dateOfService, note } = await this.year(rawDate);
    return (await this.localities.localities(year, { state })).map((l) => toObject(l, dateOfService, note));
  }

  async byId(rawId: string, rawDate: string | null | undefined): Promise<LocalityObject> {
    const match = /^(\d{5})-(\d{2})$/.exec(rawId.trim());
    if (!match) {
      throw new InvalidInputError('id', `"${rawId}" is not a locality id: use MAC-locality, e.g. 01112-05.`);
    }
    const { year, dateOfService, note } = await this.year(rawDate);
    const [found] = await this.localities.localities(year, { mac: match[1], localityNumber: match[2] });
    if (!found) {
      throw new NotFoundError('Locality', rawId.trim(), `No Medicare locality ${rawId.trim()} in the ${year} GPCI file.`);
    }
    return toObject(found, dateOfService, note);
  }

  async byZip(rawZip: string, rawDate: string | null | undefined): Promise<ZipLocalityObject> {
    const zip = rawZip.trim().slice(0, 5);
    if (!/^\d{5}(-?\d{4})?$/.test(rawZip.trim())) {
      throw new InvalidInputError('zip', `"${rawZip}" is not a ZIP code.`);
    }
    const found = await this.localities.zip(zip);
    if (!found) {
      throw new NotFoundError('ZIP code', zip, `ZIP code ${zip} is not in the CMS ZIP-to-locality file.`);
    }
    const locality = await this.byId(`${found.carrier}-${found.localityNumber}`, rawDate);
    return {
      zip,
      state: found.state,
      area: RURAL[found.ruralIndicator ?? ''] ?? 'URBAN',
      locality,
      source: `CMS ZIP5 carrier-locality file, quarter ${found.yearQuarter.slice(0, 4)} Q${found.yearQuarter.slice(4)}`,
    };
  }

  /** The GPCI year for a date of service; the nearest loaded year, said so, when it has none. */
  private async year(rawDate: string | null | undefined): Promise<{ year: number; dateOfService: string; note: string | null }> {
    const dateOfService = rawDate ? parseIsoDate(rawDate, 'dateOfService') : new Date().toISOString().slice(0, 10);
    const wanted = Number(dateOfService.slice(0, 4));
    const years = await this.localities.gpciYears();
    if (years.length === 0) {
      throw new NotFoundError('GPCI', String(wanted), 'No GPCI file is loaded yet.');
    }
    if (years.includes(wanted)) return { year: wanted, dateOfService, note: null };
    const nearest = years.reduce((best, y) => (Math.abs(y - wanted) < Math.abs(best - wanted) ? y : best), years[0]);
    return { year: nearest, dateOfService, note: `No ${wanted} GPCIs are loaded; ${nearest} values are shown.` };
  }
}

function toObject(l: LocalityView, dateOfService: string, yearNote: string | null): LocalityObject {
  const work = appliedWorkGpci({ withFloor: l.workGpci, withoutFloor: l.workGpciWithoutFloor }, dateOfService);
  return {
    id: `${l.mac}-${l.localityNumber}`,
    mac: l.mac,
    localityNumber: l.localityNumber,
    state: l.state,
    name: l.name,
    feeScheduleAreas: l.feeScheduleAreas,
    counties: l.counties,
    gpci: {
      year: l.year,
      work: work.value,
      workWithFloor: l.workGpci,
      workWithoutFloor: l.workGpciWithoutFloor,
      workFloorApplied: work.floorApplied,
      workGpciNote: work.note,
      practiceExpense: l.peGpci,
      malpractice: l.mpGpci,
      source: `CMS PFS Addendum E, final CY ${l.year} GPCIs (GPCI${l.year}.csv)`,
    },
    anesthesiaConversionFactor: l.anesthesiaConversionFactor,
    anesthesiaQualifyingApmConversionFactor: l.anesthesiaQualifyingApmConversionFactor,
    yearNote,
  };
}

import { Injectable } from '@nestjs/common';
import { ConnectionShape, MemoCache, pageRequest, toConnection } from '@denialmap/server/core';
import { CodeSetRepository, DatasetCatalog, ReleaseCatalog } from '@denialmap/server/reference-data/data-access';
import { InvalidInputError, NotFoundError } from '@denialmap/shared/errors';
import { IsoDate, normaliseIcd10Code, parseIsoDate, selectRelease } from '@denialmap/shared/fee-schedule';
import { toDatasetObject } from './dataset-freshness';
import { CodeLevel } from './graphql/code-detail.object';
import { ReferenceDatasetObject } from './graphql/ncci.object';
import {
  AdjustmentCodeObject,
  CodeSearchHitObject,
  GroupCodeObject,
  Icd10Object,
  ModifierObject,
  SearchArgs,
} from './graphql/code-sets.object';

const MAX_QUERY = 100;

/** Code lists for report forms and claim checks, and search over CPT/HCPCS codes. */
@Injectable()
export class CodeSetsService {
  /** Lists and searches keyed by the active editions, so a new import is never served stale. */
  private readonly memo = new MemoCache<unknown>(5_000);

  constructor(
    private readonly codeSets: CodeSetRepository,
    private readonly releases: ReleaseCatalog,
    private readonly editions: DatasetCatalog,
  ) {}

  async adjustmentCode(list: 'carc' | 'rarc', raw: string, today = new Date()): Promise<AdjustmentCodeObject> {
    const code = raw.trim().toUpperCase();
    if (!/^[0-9A-Z]{1,5}$/.test(code)) {
      throw new InvalidInputError('code', `"${raw}" is not a ${list.toUpperCase()} code.`);
    }
    const [found, edition] = await Promise.all([this.codeSets.adjustmentCode(list, code), this.editions.edition(list === 'carc' ? 'X12_CARC' : 'X12_RARC')]);
    if (!found) {
      throw new NotFoundError(list.toUpperCase(), code, `${list.toUpperCase()} ${code} is not in the loaded X12 list.`);
    }
    return {
      ...found,
      active: found.stopDate === null || found.stopDate > today.toISOString().slice(0, 10),
      source: edition ? `${edition.label} (${edition.sourceFile})` : 'X12 code list',
    };
  }

  /** Every loaded edition of every table besides the fee schedule, for data-freshness displays. */
  async datasets(rawDate: string | null | undefined): Promise<ReferenceDatasetObject[]> {
    const dateOfService = rawDate ? parseIsoDate(rawDate, 'dateOfService') : new Date().toISOString().slice(0, 10);
    return (await this.editions.editions()).map((e) => toDatasetObject(e, dateOfService));
  }

  groupCodes(): Promise<GroupCodeObject[]> {
    return this.cached('groups', () => this.codeSets.groupCodes());
  }

  async modifiers(): Promise<ModifierObject[]> {
    const rows = await this.cached('modifiers', () => this.codeSets.modifiers());
    return rows.map((m) => ({ modifier: m.modifier, modifierType: m.modifierType, category: m.category, description: m.description, information: m.informationLevel2 }));
  }

  async icd10(raw: string): Promise<Icd10Object> {
    const code = normaliseIcd10(raw);
    const found = await this.codeSets.icd10(code);
    if (!found) {
      throw new NotFoundError('ICD-10-CM code', code, `${code} is not in the loaded ICD-10-CM code set.`);
    }
    return toIcd10(found);
  }

  async searchIcd10(args: SearchArgs): Promise<ConnectionShape<Icd10Object>> {
    const query = checkedQuery(args.query);
    const request = pageRequest(args);
    const { hits, total } = await this.codeSets.searchIcd10(query, request.offset, request.limit);
    return toConnection(hits.map(toIcd10), request, total);
  }

  async searchCodes(args: SearchArgs): Promise<ConnectionShape<CodeSearchHitObject>> {
    const query = checkedQuery(args.query);
    const request = pageRequest(args);
    const releases = await this.releases.releases();
    // Search the release in force today (or the newest loaded): descriptors rarely change between releases.
    const today = new Date().toISOString().slice(0, 10) as IsoDate;
    const release = releases.some((r) => r.year === Number(today.slice(0, 4))) ? selectRelease(releases, today).release : releases[releases.length - 1];
    const key = `search:${release.id}@${release.importedAt.getTime()}:${query.toLowerCase()}:${request.offset}:${request.limit}`;
    const { hits, total } = await this.cached(key, () => this.codeSets.searchCodes(release.id, query, request.offset, request.limit));
    return toConnection(
      hits.map((h) => ({ ...h, level: h.level === 'CPT' ? CodeLevel.CPT : CodeLevel.HCPCS_LEVEL_II })),
      request,
      total,
    );
  }

  private async cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.memo.get(`${await this.editions.key()}|${key}`, load) as Promise<T>;
  }
}

function checkedQuery(raw: string): string {
  const query = raw.trim();
  if (query.length === 0 || query.length > MAX_QUERY) {
    throw new InvalidInputError('query', `Search for 1 to ${MAX_QUERY} characters.`);
  }
  return query;
}

/** "k115" and "K11.5" both mean K11.5. */
export function normaliseIcd10(raw: string): string {
  const code = normaliseIcd10Code(raw);
  if (!code) {
    throw new InvalidInputError('code', `"${raw}" is not an ICD-10-CM code (a letter, two characters, then up to four more, e.g. K11.5).`);
  }
  return code;
}

function toIcd10(v: { code: string; billable: boolean; description: string; chapterName: string | null; categoryTitle: string | null }): Icd10Object {
  return { code: v.code, billable: v.billable, description: v.description, chapter: v.chapterName, category: v.categoryTitle };
}

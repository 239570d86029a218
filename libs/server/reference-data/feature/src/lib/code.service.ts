import { Injectable } from '@nestjs/common';
import { MemoCache } from '@denialmap/server/core';
import { CodeSetRepository, FeeScheduleReleaseView, FeeScheduleRepository, RvuRowView } from '@denialmap/server/reference-data/data-access';
import { NotFoundError, ServiceUnavailableError } from '@denialmap/shared/errors';
import { hcpcsLevel, IsoDate, parseHcpcsCode, parseIsoDate, selectRelease, statusCodeMeaning } from '@denialmap/shared/fee-schedule';
import { CodeDetailObject, CodeLevel, ReleaseMatch } from './graphql/code-detail.object';
import { FeeScheduleReleaseObject } from './graphql/fee-schedule-release.object';
import { descriptorNotice, releaseLabel, toReleaseObject, toRvuBreakdown } from './code-detail.mapper';

const RELEASES_TTL_MS = 10_000;

/** Fee schedule facts for one code on one date of service, every figure with its source. */
@Injectable()
export class CodeService {
  private releases: { at: number; value: Promise<FeeScheduleReleaseView[]> } | null = null;
  /** RVU rows by release (and its import time, so a re-import is never served stale) and code. */
  private readonly rows = new MemoCache<RvuRowView[]>(20_000);

  constructor(
    private readonly repository: FeeScheduleRepository,
    private readonly codeSets: CodeSetRepository,
  ) {}

  async codeDetail(rawCode: string, rawDate: string | null | undefined, today: () => Date = () => new Date()): Promise<CodeDetailObject> {
    const code = parseHcpcsCode(rawCode, 'code');
    const dateOfService = rawDate ? parseIsoDate(rawDate, 'dateOfService') : (today().toISOString().slice(0, 10) as IsoDate);
    const releases = await this.loadedReleases();
    const choice = selectRelease(releases, dateOfService);
    const release = choice.release;
    const rows = await this.rows.get(`${release.id}@${release.importedAt.getTime()}:${code}`, () => this.repository.findRvuRows(release.id, code));
    const global = rows.find((r) => r.modifier === '');
    if (!global) {
      throw new NotFoundError('Code', code, `${code} is not in the Medicare Physician Fee Schedule release ${release.id} (${release.sourceFile}).`);
    }
    const level = hcpcsLevel(code) === 'CPT' ? CodeLevel.CPT : CodeLevel.HCPCS_LEVEL_II;
    const longDescriptor = level === CodeLevel.HCPCS_LEVEL_II ? await this.codeSets.hcpcsLongDescription(code) : null;
    const breakdowns = rows.map((r) => toRvuBreakdown(r, release));
    const byModifier = (m: string) => breakdowns.find((b) => b.modifier === m) ?? null;
    return {
      code,
      level,
      shortDescriptor: global.description,
      longDescriptor,
      descriptorNotice: descriptorNotice(code, release.notices),
      dateOfService,
      release: toReleaseObject(release),
      releaseMatch: choice.match === 'IN_FORCE' ? ReleaseMatch.IN_FORCE : ReleaseMatch.NEAREST_LOADED,
      releaseNote: choice.note,
      source: `${releaseLabel(release)}, ${release.sourceFile}`,
      status: statusCodeMeaning(global.statusCode),
      rvus: breakdowns[rows.indexOf(global)],
      professionalComponent: byModifier('26'),
      technicalComponent: byModifier('TC'),
      rvuRows: breakdowns,
    };
  }

  async releasesLoaded(): Promise<FeeScheduleReleaseObject[]> {
    return (await this.repository.listReleases()).map(toReleaseObject);
  }

  /** Releases change only when an import commits; a short cache keeps lookups to one query. */
  private async loadedReleases(): Promise<FeeScheduleReleaseView[]> {
    if (!this.releases || Date.now() - this.releases.at > RELEASES_TTL_MS) {
      const value = this.repository.listReleases();
      this.releases = { at: Date.now(), value };
      value.catch(() => (this.releases = null));
    }
    const releases = await this.releases.value;
    if (releases.length === 0) {
      this.releases = null;
      throw new ServiceUnavailableError('No fee schedule release is loaded yet. On a first run the shipped CMS data loads within a minute.');
    }
    return releases;
  }
}

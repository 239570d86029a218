import { Injectable } from '@nestjs/common';
import { MemoCache } from '@denialmap/server/core';
import { CodeSetRepository, FeeScheduleRepository, ReleaseCatalog, RvuRowView } from '@denialmap/server/reference-data/data-access';
import { NotFoundError } from '@denialmap/shared/errors';
import { hcpcsLevel, IsoDate, parseHcpcsCode, parseIsoDate, selectRelease, statusCodeMeaning } from '@denialmap/shared/fee-schedule';
import { CodeDetailObject, CodeLevel, ReleaseMatch, RvuBreakdownObject } from './graphql/code-detail.object';
import { FeeScheduleReleaseObject } from './graphql/fee-schedule-release.object';
import { descriptorNotice, releaseLabel, toReleaseObject, toRvuBreakdown } from './code-detail.mapper';


/** Fee schedule facts for one code on one date of service, every figure with its source. */
@Injectable()
export class CodeService {
  /**
   * RVU rows and their computed breakdowns (amounts, decoded indicators) by release, import time
   * (so a re-import is never served stale) and code: pure functions of read-only data.
   */
  private readonly rows = new MemoCache<{ rows: RvuRowView[]; breakdowns: RvuBreakdownObject[] }>(20_000);

  constructor(
    private readonly repository: FeeScheduleRepository,
    private readonly codeSets: CodeSetRepository,
    private readonly catalog: ReleaseCatalog,
  ) {}

  async codeDetail(rawCode: string, rawDate: string | null | undefined, today: () => Date = () => new Date()): Promise<CodeDetailObject> {
    const code = parseHcpcsCode(rawCode, 'code');
    const dateOfService = rawDate ? parseIsoDate(rawDate, 'dateOfService') : (today().toISOString().slice(0, 10) as IsoDate);
    // Whole answers are cached per release by ReferenceAnswerCache (ReferenceAnswers registers `code`).
    const releases = await this.catalog.releases();
    const choice = selectRelease(releases, dateOfService);
    const release = choice.release;
    const { rows, breakdowns } = await this.rows.get(`${release.id}@${release.importedAt.getTime()}:${code}`, async () => {
      const found = await this.repository.findRvuRows(release.id, code);
      return { rows: found, breakdowns: found.map((r) => toRvuBreakdown(r, release)) };
    });
    const global = rows.find((r) => r.modifier === '');
    if (!global) {
      const levelTwo = hcpcsLevel(code) === 'HCPCS_LEVEL_II' ? await this.codeSets.hcpcsLongDescription(code) : null;
      throw new NotFoundError(
        'Code',
        code,
        levelTwo
          ? `${code} (${levelTwo}) is a HCPCS Level II code that the Medicare Physician Fee Schedule (${release.id}) does not price; Medicare pays it under another fee schedule, such as DMEPOS, or not at all.`
          : `${code} is not in the Medicare Physician Fee Schedule release ${release.id} (${release.sourceFile}).`,
      );
    }
    const level = hcpcsLevel(code) === 'CPT' ? CodeLevel.CPT : CodeLevel.HCPCS_LEVEL_II;
    const longDescriptor = level === CodeLevel.HCPCS_LEVEL_II ? await this.codeSets.hcpcsLongDescription(code) : null;
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
}

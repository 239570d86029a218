import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shippedFilesAlreadyLoaded, SqlQuery } from './already-loaded';
import { SHIPPED_REFERENCE_FILES } from './shipped-files';

const DIR = join(__dirname, '../../../../../../data/reference');
const shas = SHIPPED_REFERENCE_FILES.map((f) => createHash('sha256').update(readFileSync(join(DIR, f.path))).digest('hex'));

/** A database double answering the one query from a list of active editions. */
const database =
  (active: { sha256: string; release_id: string; row_count: number }[]): SqlQuery =>
  async <R,>(_text: string, values: unknown[]) => ({ rows: active.filter((a) => (values[0] as string[]).includes(a.sha256)) as R[] });

describe('shippedFilesAlreadyLoaded', () => {
  const all = shas.map((sha256, i) => ({ sha256, release_id: `R${i}`, row_count: SHIPPED_REFERENCE_FILES[i].rows }));

  it('lists every shipped file when each one is the active edition', async () => {
    const loaded = await shippedFilesAlreadyLoaded(database(all), DIR);
    expect(loaded).toHaveLength(SHIPPED_REFERENCE_FILES.length);
    expect(loaded?.[0]).toEqual({ file: 'PPRRVU2025_Oct.csv', releaseId: 'R0', rows: 19090 });
  });

  it('says no (null) when any one file is not loaded, so the full import runs', async () => {
    expect(await shippedFilesAlreadyLoaded(database(all.slice(1)), DIR)).toBeNull();
  });

  it('says no when the tables are not there yet', async () => {
    const failing: SqlQuery = async () => {
      throw new Error('relation "fee_schedule_release" does not exist');
    };
    expect(await shippedFilesAlreadyLoaded(failing, DIR)).toBeNull();
  });
});

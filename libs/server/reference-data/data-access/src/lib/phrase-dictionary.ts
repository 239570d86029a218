import type { PoolClient } from 'pg';
import { CmsFormatError } from '@denialmap/shared/cms-formats';

/** Where a dataset keeps the phrases of its last column (NCCI PTP: the edit rationale). */
export interface PhraseTable {
  table: string;
  /** The lookup table's text column; its key is `id` (smallint). */
  column: string;
  /** The data table's column that holds the id. */
  idColumn: string;
}

const SMALLINT_MAX = 32_767;

/**
 * A column whose few distinct values repeat on every row, stored once in a lookup table: the
 * import sends each row's phrase id instead of its text. Ids are never reused or renumbered, so
 * archived editions keep resolving. Loaded once per edition under the import's advisory lock; the
 * new phrases are saved in the transaction that makes the edition's rows visible.
 */
export class PhraseDictionary {
  private readonly ids = new Map<string, number>();
  private readonly added: { id: number; phrase: string }[] = [];
  private nextId = 1;

  private constructor(private readonly lookup: PhraseTable) {}

  static async load(client: PoolClient, lookup: PhraseTable): Promise<PhraseDictionary> {
    const dictionary = new PhraseDictionary(lookup);
    const { rows } = await client.query<{ id: number; phrase: string }>(`SELECT id, ${lookup.column} AS phrase FROM ${lookup.table}`);
    for (const { id, phrase } of rows) {
      dictionary.ids.set(phrase, id);
      dictionary.nextId = Math.max(dictionary.nextId, id + 1);
    }
    return dictionary;
  }

  /** The phrase's id (a new one for a phrase not seen before); blank is no phrase. */
  idFor(raw: string | null, file: string, lineNumber: number): number | null {
    const phrase = raw?.trim() ?? '';
    if (phrase === '') return null;
    const known = this.ids.get(phrase);
    if (known !== undefined) return known;
    if (this.nextId > SMALLINT_MAX) {
      throw new CmsFormatError(file, lineNumber, null, `more than ${SMALLINT_MAX} different phrases in the last column; it should hold one of a few dozen`);
    }
    const id = this.nextId++;
    this.ids.set(phrase, id);
    this.added.push({ id, phrase });
    return id;
  }

  /** Stores the phrases this file introduced. */
  async saveNew(client: PoolClient): Promise<void> {
    if (this.added.length === 0) return;
    await client.query(`INSERT INTO ${this.lookup.table} (id, ${this.lookup.column}) SELECT * FROM unnest($1::smallint[], $2::text[])`, [
      this.added.map((a) => a.id),
      this.added.map((a) => a.phrase),
    ]);
  }
}

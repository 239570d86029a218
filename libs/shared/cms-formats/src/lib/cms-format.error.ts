/**
 * A file that does not match the CMS format it claims to be. Always says where: the importer
 * refuses the whole file and the operator needs file, line and column to look at it.
 */
export class CmsFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number | null,
    readonly problem: string,
  ) {
    super(`${file}:${line}${column === null ? '' : `:${column}`}: ${problem}`);
    this.name = 'CmsFormatError';
  }
}

import { CmsFormatError } from './cms-format.error';

/** Test helpers shared by the parser specs (not exported from the library). */
export interface LineParser<R> {
  push(line: string, lineNumber: number): R | null;
  finish(lastLine: number): void;
}

/** Feeds lines (numbered from 1) and returns the data rows, after finish() has accepted the file. */
export function parseLines<R>(parser: LineParser<R>, lines: readonly string[]): R[] {
  const rows = lines.map((line, i) => parser.push(line, i + 1)).filter((row): row is R => row !== null);
  parser.finish(lines.length);
  return rows;
}

/** The CmsFormatError a parse must end in; fails the test if the file is accepted. */
export function refusalOf(run: () => unknown): CmsFormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof CmsFormatError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

/** A file's lines as the importers feed them: latin1, split on \n, a trailing \r dropped, nothing after the last line end. */
export function linesOf(bytes: Buffer): string[] {
  const lines = bytes.toString('latin1').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

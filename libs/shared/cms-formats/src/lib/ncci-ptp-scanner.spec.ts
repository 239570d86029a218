import { NcciPtpScanner } from './ncci-ptp-scanner';

const HEADER = 'column_1,column_2,deletion_date,modifier_indicator,ptp_edit_rationale';

/** Runs text through the scanner in chunks of `size` bytes; slow lines come back tagged. */
function scan(text: string, size = 7): { out: string; slow: [number, string][]; phrases: string[]; plain: number; lines: number } {
  const slow: [number, string][] = [];
  const phrases: string[] = [];
  const scanner = new NcciPtpScanner(
    (line, n) => {
      slow.push([n, line]);
      return n === 1 ? null : `SLOW:${line}\n`;
    },
    (phrase) => {
      if (phrase === '') return null;
      if (!phrases.includes(phrase)) phrases.push(phrase);
      return phrases.indexOf(phrase) + 1;
    },
  );
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(scanner.push(bytes.subarray(i, i + size)));
  parts.push(scanner.end());
  return { out: Buffer.concat(parts).toString('utf8'), slow, phrases, plain: scanner.plainRowCount, lines: scanner.lines };
}

describe('NcciPtpScanner', () => {
  it('rewrites plain rows with the phrase id, in any chunking, and hands the header to the slow path', () => {
    const text = `${HEADER}\n0001A,0591T,20231231,1,Misuse of Column Two code\n70390,76000,,1,Standards of practice\n70390,77001,,0,Misuse of Column Two code\n`;
    for (const size of [1, 3, 7, 64, 4096]) {
      const result = scan(text, size);
      expect(result.out).toBe('0001A,0591T,20231231,1,1\n70390,76000,,1,2\n70390,77001,,0,1\n');
      expect(result.slow).toEqual([[1, HEADER]]);
      expect(result.phrases).toEqual(['Misuse of Column Two code', 'Standards of practice']);
      expect(result.plain).toBe(3);
      expect(result.lines).toBe(4);
    }
  });

  it('treats CRLF like LF and reads a last line without a newline', () => {
    expect(scan(`${HEADER}\r\n70390,76000,,9,A\r\n70390,76001,20181231,1,B`).out).toBe('70390,76000,,9,1\n70390,76001,20181231,1,2\n');
  });

  it('writes a blank rationale as no phrase', () => {
    expect(scan(`${HEADER}\n70390,76000,,1,\n70390,76001,,1,\n`).out).toBe('70390,76000,,1,\n70390,76001,,1,\n');
  });

  it.each([
    ['a quoted rationale', '70390,76000,,1,"Text, with a comma"'],
    ['a rationale with non-ASCII text', '70390,76000,,1,Café rule'],
    ['an impossible date', '70390,76000,20230229,1,A'],
    ['a short date', '70390,76000,2023123,1,A'],
    ['a bad modifier indicator', '70390,76000,,2,A'],
    ['a lower-case code', '70390,7600a,,1,A'],
    ['a missing field', '70390,76000,1,A'],
    ['an extra field', '70390,76000,,1,A,B'],
    ['a tab-separated row', '70390\t76000\t\t1\tA'],
    ['a blank line', ''],
  ])('hands %s to the slow path with its line number', (_name, line) => {
    const result = scan(`${HEADER}\n70390,76000,,1,A\n${line}\n70390,77001,,1,A\n`);
    expect(result.slow).toEqual([
      [1, HEADER],
      [3, line],
    ]);
    expect(result.out).toBe(`70390,76000,,1,1\nSLOW:${line}\n70390,77001,,1,1\n`);
    expect(result.plain).toBe(2);
  });

  it('never takes a data row in place of the header', () => {
    const result = scan('70390,76000,,1,A\n70390,77001,,1,A\n');
    expect(result.slow).toEqual([[1, '70390,76000,,1,A']]);
    expect(result.plain).toBe(1);
  });

  it('accepts every real calendar date and no other', () => {
    expect(scan(`${HEADER}\n70390,76000,20240229,1,A\n`).plain).toBe(1);
    expect(scan(`${HEADER}\n70390,76000,21000229,1,A\n`).plain).toBe(0);
    expect(scan(`${HEADER}\n70390,76000,20241301,1,A\n`).plain).toBe(0);
  });
});

describe('NcciPtpScanner writing one COPY input per partition', () => {
  /** Partitions below and from '36000', as the table's; in chunks of `size`. */
  function partitioned(text: string, size: number) {
    const slow: number[] = [];
    const scanner = new NcciPtpScanner(
      (line, n) => {
        slow.push(n);
        return n === 1 ? null : `${line.replace(/^"(\w+)"/, '$1').split(',').slice(0, 2).join(',')},slow\n`;
      },
      () => 1,
    );
    scanner.partitionAt(['36000']);
    const outs: string[][] = [[], []];
    const bytes = Buffer.from(text, 'utf8');
    for (let i = 0; i < bytes.length; i += size) scanner.pushParts(bytes.subarray(i, i + size)).forEach((b, k) => outs[k].push(b.toString()));
    scanner.endParts().forEach((b, k) => outs[k].push(b.toString()));
    return { partitions: outs.map((o) => o.join('')), slow, plain: scanner.plainRowCount };
  }
  const rows = (...codes: string[]) => codes.map((c) => `${c},76000,,1,A\n`).join('');

  it('puts each row in the partition of its column 1, byte by byte, in any chunking and any order', () => {
    const text = `${HEADER}\n${rows('0001A', '35999', '36000', 'G0101', '10021', '3600')}`;
    for (const size of [1, 5, 16, 4096]) {
      const result = partitioned(text, size);
      expect(result.partitions).toEqual([
        // "3600" is no code: the slow path has it (the real parser refuses it); it sorts before "36000".
        '0001A,76000,,1,1\n35999,76000,,1,1\n10021,76000,,1,1\n3600,76000,slow\n',
        '36000,76000,,1,1\nG0101,76000,,1,1\n',
      ]);
      expect(result.plain).toBe(5);
      expect(result.slow).toEqual([1, 7]);
    }
  });

  it('routes a row the slow path rewrote by the first field it wrote', () => {
    // As bytes '"36001"' sorts before '36000'; the row it becomes belongs to partition 1.
    expect(partitioned(`${HEADER}\n${rows('0001A')}"36001",76000,,1,A\n`, 64).partitions).toEqual(['0001A,76000,,1,1\n', '36001,76000,slow\n']);
  });

  it('refuses bounds out of order, and push() on a partitioned scan', () => {
    const scanner = new NcciPtpScanner(() => null, () => 1);
    expect(() => scanner.partitionAt(['50000', '36000'])).toThrow('ascend');
    scanner.partitionAt(['36000']);
    expect(() => scanner.push(Buffer.from(`${HEADER}\n`))).toThrow('pushParts');
  });
});

import { join } from 'node:path';
import { detectReferenceFile } from './detect-file';
import { SHIPPED_REFERENCE_FILES } from '@denialmap/server/reference-data/shipped-files';

const DATA = join(__dirname, '../../../../../../data/reference');

describe('detectReferenceFile (by content, never by name)', () => {
  it.each(SHIPPED_REFERENCE_FILES.map((f) => [f.path, f.kind]))('%s is %s', async (path, kind) => {
    expect(await detectReferenceFile(join(DATA, path))).toBe(kind);
  });

  it.each(['rvu/RVU25D_layout.txt', 'gpci/ZIP5_layout.txt', 'SOURCES.md'])('%s is not a reference file', async (path) => {
    expect(await detectReferenceFile(join(DATA, path))).toBeNull();
  });
});

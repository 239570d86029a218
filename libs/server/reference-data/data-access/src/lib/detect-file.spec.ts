import { join } from 'node:path';
import { detectReferenceFile } from './detect-file';
import { SHIPPED_REFERENCE_FILES } from '@denialmap/server/reference-data/shipped-files';

const DATA = join(__dirname, '../../../../../../data/reference');

describe('detectReferenceFile (by content, never by name)', () => {
  it.each(SHIPPED_REFERENCE_FILES.map((f) => [f.path, f.kind]))('%s is %s', async (path, kind) => {
    expect(await detectReferenceFile(join(DATA, path))).toEqual({ kind, format: 'shipped' });
  });

  it.each([
    ['official-format-samples/ncci-ptp/ccipra-v322r0-f1.TXT', 'ncci-ptp'],
    ['official-format-samples/ncci-mue/MCR_MUE_PractitionerServices_Eff_07-01-2026.csv', 'ncci-mue'],
  ])('%s is CMS\'s own %s layout', async (path, kind) => {
    expect(await detectReferenceFile(join(DATA, path))).toEqual({ kind, format: 'cms' });
  });

  it.each(['rvu/RVU25D_layout.txt', 'official-format-samples/README.md', 'official-format-samples/hcpcs/HCPCS2019_recordlayout.txt', 'gpci/ZIP5_layout.txt', 'SOURCES.md'])('%s is not a reference file', async (path) => {
    expect(await detectReferenceFile(join(DATA, path))).toBeNull();
  });
});

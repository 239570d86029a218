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
    // The fixed-width .txt members of the RVU zip (RVU25D), before the shipped layouts whose GPCI
    // and LOCCO title tests they would also pass.
    ['official-format-samples/rvu/PPRRVU2025_Oct.txt', 'pprrvu'],
    ['official-format-samples/rvu/GPCI2025.txt', 'gpci'],
    ['official-format-samples/rvu/25LOCCO.txt', 'locality-counties'],
    ['official-format-samples/rvu/ANES2025.txt', 'anesthesia-cf'],
    ['official-format-samples/rvu/OPPSCAP_Oct.txt', 'opps-cap'],
    // HCPCS Level II, 320-character records: after the disclaimers (only modifier records in this
    // excerpt: recognised, and refused on import for holding no procedure code)...
    ['official-format-samples/hcpcs/HCPC2019_CONTR_ANWEB.txt', 'hcpcs-level2'],
    // ...and an excerpt with no preamble at all: the records are the layout, the disclaimers are not needed.
    ['official-format-samples/hcpcs/HCPC2019_CONTR_ANWEB.lines535-734.txt', 'hcpcs-level2'],
  ])('%s is CMS\'s own %s layout', async (path, kind) => {
    expect(await detectReferenceFile(join(DATA, path))).toEqual({ kind, format: 'cms' });
  });

  it.each([
    'rvu/RVU25D_layout.txt',
    'official-format-samples/README.md',
    'official-format-samples/hcpcs/HCPCS2019_recordlayout.txt',
    'official-format-samples/hcpcs/HCPC2019_README.txt',
    // A third party's CSV export of CMS's .xlsx: not a layout CMS publishes, nor the shipped one.
    'official-format-samples/hcpcs/HCPC2026_OCT_ANWEB.xlsx-export.csv',
    'gpci/ZIP5_layout.txt',
    'SOURCES.md',
  ])('%s is not a reference file', async (path) => {
    expect(await detectReferenceFile(join(DATA, path))).toBeNull();
  });
});

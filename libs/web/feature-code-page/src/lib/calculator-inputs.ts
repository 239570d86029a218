/**
 * The payment calculator's inputs live in the URL (so a result can be shared) and are read back
 * defensively: anything malformed falls back to a default rather than breaking the page.
 */
export interface CalculatorInputs {
  placeOfService: string;
  locality: string;
  zip: string;
  modifiers: string[];
  units: number;
  participating: boolean;
  nonPhysicianPractitioner: boolean;
}

export const DEFAULT_INPUTS: CalculatorInputs = {
  placeOfService: '11',
  locality: '',
  zip: '',
  modifiers: [],
  units: 1,
  participating: true,
  nonPhysicianPractitioner: false,
};

/** "26, tc" or "26 TC" -> ["26", "TC"]: at most four two-character modifiers, as typed. */
export function parseModifiers(text: string): string[] {
  return text
    .toUpperCase()
    .split(/[\s,;]+/)
    .map((m) => m.trim())
    .filter((m) => m !== '')
    .slice(0, 4);
}

export function readInputs(params: URLSearchParams): CalculatorInputs {
  const units = Number(params.get('units'));
  const pos = params.get('pos') ?? '';
  const locality = params.get('loc') ?? '';
  const zip = params.get('zip') ?? '';
  return {
    placeOfService: /^\d{2}$/.test(pos) ? pos : DEFAULT_INPUTS.placeOfService,
    locality: /^\d{5}-\d{2}$/.test(locality) ? locality : '',
    zip: /^\d{5}$/.test(zip) ? zip : '',
    modifiers: parseModifiers(params.get('mod') ?? ''),
    units: Number.isInteger(units) && units >= 1 && units <= 999 ? units : 1,
    participating: params.get('par') !== '0',
    nonPhysicianPractitioner: params.get('npp') === '1',
  };
}

/** Writes the inputs that differ from the defaults; other parameters (e.g. dos) are kept. */
export function writeInputs(params: URLSearchParams, inputs: CalculatorInputs): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string, fallback: string) => (value === fallback ? next.delete(key) : next.set(key, value));
  set('pos', inputs.placeOfService, DEFAULT_INPUTS.placeOfService);
  set('loc', inputs.locality, '');
  set('zip', inputs.zip, '');
  set('mod', inputs.modifiers.join(','), '');
  set('units', String(inputs.units), '1');
  set('par', inputs.participating ? '1' : '0', '1');
  set('npp', inputs.nonPhysicianPractitioner ? '1' : '0', '0');
  return next;
}

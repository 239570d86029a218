/** NCCI medically unlikely edit (MUE) adjudication indicators (CMS MUE documentation). */
export interface MueAdjudication {
  indicator: '1' | '2' | '3';
  label: string;
  meaning: string;
  /** Whether units above the MUE can be paid on appeal. */
  appealable: boolean;
}

const MAI: Record<string, MueAdjudication> = {
  '1': {
    indicator: '1',
    label: 'Line edit',
    meaning: 'Applied per claim line: units above the limit on one line are denied; medically necessary extra units may be reported on separate lines with modifiers (e.g. 76, 77, anatomic).',
    appealable: true,
  },
  '2': {
    indicator: '2',
    label: 'Date of service edit: policy',
    meaning: 'Applied to all lines for the date of service, based on policy: units above the limit are never paid, and an appeal cannot succeed.',
    appealable: false,
  },
  '3': {
    indicator: '3',
    label: 'Date of service edit: clinical',
    meaning: 'Applied to all lines for the date of service, based on clinical judgment: units above the limit are denied but may be paid on appeal with documentation of medical necessity.',
    appealable: true,
  },
};

export function mueAdjudication(indicator: string): MueAdjudication {
  const known = MAI[indicator];
  if (!known) {
    throw new Error(`Unknown MUE adjudication indicator "${indicator}" (CMS defines 1, 2 and 3).`);
  }
  return known;
}

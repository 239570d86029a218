/** NCCI add-on code edit types (CMS add-on code edit files). */
export interface AddOnEditType {
  type: '1' | '2' | '3';
  meaning: string;
}

const TYPES: Record<string, AddOnEditType> = {
  '1': { type: '1', meaning: 'Paid only with one of the listed primary codes; billed without one, the add-on is denied.' },
  '2': { type: '2', meaning: 'CMS lists no specific primary codes; the MAC decides which primary services qualify.' },
  '3': { type: '3', meaning: 'Some primary codes are listed; the MAC may also allow others it deems appropriate.' },
};

/** CMS's placeholder primary code for type 2 add-on codes. */
export const NO_SPECIFIC_PRIMARY = 'CCCCC';

export function addOnEditType(type: string): AddOnEditType {
  const known = TYPES[type];
  if (!known) {
    throw new Error(`Unknown add-on code edit type "${type}" (CMS defines 1, 2 and 3).`);
  }
  return known;
}

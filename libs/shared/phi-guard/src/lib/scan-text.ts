import { AMBIGUOUS_GIVEN_NAMES, GIVEN_NAMES, NOT_NAMES, SURNAMES_SET } from './names';

/**
 * HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)) this guard looks for in free text. Billing
 * tokens (CPT/HCPCS, ICD-10, CARC/RARC, modifiers, dollar amounts, RVUs, years) are not
 * identifiers and are never reported.
 */
export type PhiKind =
  | 'NAME'
  | 'DATE'
  | 'AGE_OVER_89'
  | 'PHONE'
  | 'FAX'
  | 'EMAIL'
  | 'SSN'
  | 'MRN'
  | 'MEMBER_ID'
  | 'CLAIM_NUMBER'
  | 'ACCOUNT_NUMBER'
  | 'ADDRESS'
  | 'ZIP'
  | 'URL'
  | 'IP_ADDRESS';

export interface PhiFinding {
  kind: PhiKind;
  /** UTF-16 offsets into the text, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** Plain words for the form, e.g. "Looks like a date of service or birth; give the year only." */
  message: string;
}

const MESSAGES: Record<PhiKind, string> = {
  NAME: "Looks like a person's name. Describe the role instead (the patient, the surgeon).",
  DATE: 'Looks like a full date. Give the year (and quarter) only.',
  AGE_OVER_89: 'Ages over 89 identify a patient. Say "over 89" instead.',
  PHONE: 'Looks like a phone number.',
  FAX: 'Looks like a fax number.',
  EMAIL: 'Looks like an email address.',
  SSN: 'Looks like a Social Security number.',
  MRN: 'Looks like a medical record number.',
  MEMBER_ID: 'Looks like a member, subscriber or Medicare beneficiary ID.',
  CLAIM_NUMBER: 'Looks like a claim or internal control number.',
  ACCOUNT_NUMBER: 'Looks like an account or other identifying number.',
  ADDRESS: 'Looks like a street address.',
  ZIP: 'Looks like a ZIP code.',
  URL: 'Looks like a web address.',
  IP_ADDRESS: 'Looks like an IP address.',
};

interface Rule {
  kind: PhiKind;
  pattern: RegExp;
  /** Which capture group is the identifier (0 = the whole match). */
  group?: number;
  /** Return false to drop a match (e.g. an impossible date). */
  accept?: (match: RegExpExecArray, text: string) => boolean;
}

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const ID = '([A-Z0-9][A-Z0-9-]{3,}[0-9][A-Z0-9-]*|[0-9][A-Z0-9-]{4,})';
const LABEL_SEP = '\\s*(?:(?:#|no\\.?|num(?:ber)?|id|:)\\s*)*';

const validMonthDay = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;

const RULES: Rule[] = [
  { kind: 'EMAIL', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  { kind: 'URL', pattern: /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+[^\s<>"')\].,;:!?]/gi },
  { kind: 'URL', pattern: /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|io|health|us)\/[^\s<>"')\]]*[^\s<>"')\].,;:!?]/gi },
  { kind: 'IP_ADDRESS', pattern: /\b(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\b/g },
  {
    kind: 'IP_ADDRESS',
    pattern: /(?<![\w:.])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])/gi,
    // Times (10:30:00) have no hex letters and no "::"; an address has one or the other.
    accept: (m) => (/[a-f]/i.test(m[0]) || m[0].includes('::')) && m[0].replace(/:/g, '').length >= 3,
  },
  { kind: 'SSN', pattern: /\b\d{3}-\d{2}-\d{4}\b/g },
  { kind: 'SSN', pattern: /\b(?:ssn|social security(?: number| no\.?| #)?)\s*[:#]?\s*(\d{9}|\d{3}[ -]\d{2}[ -]\d{4})\b/gi, group: 1 },
  { kind: 'FAX', pattern: /\bfax(?:ed)?(?:\s+(?:number|no\.?|#|to|at|line))*\s*[:#]?\s*((?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4})\b/gi, group: 1 },
  { kind: 'PHONE', pattern: /(?<![\w-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/g },
  // Medicare Beneficiary Identifier: 11 characters, fixed letter/digit positions, dashes optional.
  { kind: 'MEMBER_ID', pattern: /\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b/g },
  { kind: 'MRN', pattern: new RegExp(`\\b(?:mrn|(?:medical |patient |health )?record(?:\\s+(?:number|no\\.?|#))?|med rec|chart(?:\\s+(?:number|no\\.?|#))?)${LABEL_SEP}${ID}`, 'gi'), group: 1 },
  {
    kind: 'MEMBER_ID',
    pattern: new RegExp(`\\b(?:member(?:\\s+id)?|sub(?:scriber)?(?:\\s+id)?|id|mbi|hicn|medicare (?:number|id)|medicaid (?:number|id)|policy(?:\\s+(?:number|no\\.?|#))?|insurance id|id card)${LABEL_SEP}${ID}`, 'gi'),
    group: 1,
  },
  {
    kind: 'CLAIM_NUMBER',
    pattern: new RegExp(`\\b(?:claim(?:\\s+(?:number|no\\.?|#|id|control number))?|icn|dcn|tcn|internal control number|reference(?:\\s+(?:number|no\\.?|#))?|ref)${LABEL_SEP}([0-9][0-9A-Z-]{7,})`, 'gi'),
    group: 1,
  },
  { kind: 'ACCOUNT_NUMBER', pattern: new RegExp(`\\b(?:(?:patient\\s+)?account|acct|a/c)${LABEL_SEP}${ID}`, 'gi'), group: 1 },
  { kind: 'ACCOUNT_NUMBER', pattern: new RegExp(`\\b(?:(?:patient\\s+)?account|acct)${LABEL_SEP}([0-9]{4,})`, 'gi'), group: 1 },
  // Dates: numeric (m/d/y, m-d-y, y-m-d), month names with a day, and "the 14th of March".
  {
    kind: 'DATE',
    pattern: /(?<![\w/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?![\w/-]|\.\d)/g,
    accept: (m) => validMonthDay(Number(m[1]), Number(m[2])) || validMonthDay(Number(m[2]), Number(m[1])),
  },
  { kind: 'DATE', pattern: /(?<![\w/-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w/-])/g, accept: (m) => validMonthDay(Number(m[2]), Number(m[3])) },
  { kind: 'DATE', pattern: new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b`, 'gi') },
  { kind: 'DATE', pattern: new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\b\\.?(?:,?\\s+\\d{4})?`, 'gi') },
  { kind: 'DATE', pattern: new RegExp(`\\bthe\\s+\\d{1,2}(?:st|nd|rd|th)\\s+of\\s+(?:${MONTHS})\\b(?:,?\\s+\\d{4})?`, 'gi') },
  // m/d without a year, only with a date cue before it.
  {
    kind: 'DATE',
    pattern: /\b(?:dob|d\.o\.b\.|dos|born|on|date(?: of (?:birth|service))?|admitted|discharged|seen|visit)\s*[:]?\s*(\d{1,2}\/\d{1,2})(?![\d/])/gi,
    group: 1,
    accept: (m) => {
      const [month, day] = m[1].split('/').map(Number);
      return validMonthDay(month, day);
    },
  },
  {
    kind: 'DATE',
    pattern: new RegExp(
      `\\b(?:the\\s+)?(?:(?:twenty|thirty)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)\\s+of\\s+(?:${MONTHS})\\b(?:,?\\s+\\d{4})?`,
      'gi',
    ),
  },
  { kind: 'DATE', pattern: new RegExp(`\\b(?:${MONTHS})\\.?\\s+the\\s+\\d{1,2}(?:st|nd|rd|th)\\b`, 'gi') },
  // Identifier-shaped tokens whatever their label: letters then 6+ digits, 6+ digits then a letter,
  // and any run of 8 or more digits (no code, amount or RVU is that long).
  { kind: 'MEMBER_ID', pattern: /\b[A-Z]{2,4}\d{6,}[A-Z0-9]*\b/g },
  { kind: 'MEMBER_ID', pattern: /\b\d{6,}[A-Z]\b/g },
  { kind: 'ACCOUNT_NUMBER', pattern: /(?<![\d.,$/-])\d{8,}(?!\d|[.,/]\d)/g },
  { kind: 'AGE_OVER_89', pattern: /\b(?:9\d|1[0-2]\d)[\s-]*(?:years?|yrs?|y\/?o)(?:[\s-]*old)?\b/gi },
  { kind: 'AGE_OVER_89', pattern: /\b(?:age[ds]?|aged)\s*(?:of\s+)?(?:9\d|1[0-2]\d)\b/gi },
  // Street addresses: a number, a street name and a suffix, an optional unit; PO boxes.
  {
    kind: 'ADDRESS',
    pattern:
      /\b\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\.?\s+){1,3}(?:St(?:reet)?|Ave(?:nue)?|R(?:oa)?d|Blvd|Boulevard|L(?:a)?ne?|Ln|Dr(?:ive)?|C(?:our)?t|Way|Pl(?:ace)?|Terr(?:ace)?|Pkwy|Parkway|Hwy|Highway|Cir(?:cle)?|Trail|Trl|Sq(?:uare)?|Loop|Row|Pike)\b\.?(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|#)\.?\s*[A-Z0-9-]+)?/g,
  },
  { kind: 'ADDRESS', pattern: /\b(?:P\.?\s?O\.?\s+Box|Post Office Box)\s+\d+\b/gi },
  // ZIP codes: ZIP+4 anywhere; five digits only after a state, a ZIP label or an address.
  { kind: 'ZIP', pattern: /(?<![\w-])\d{5}-\d{4}(?![\w-])/g },
  { kind: 'ZIP', pattern: /\b(?:zip(?:\s*code)?|postal code)\s*[:#]?\s*(\d{5}(?:-\d{4})?)\b/gi, group: 1 },
  {
    kind: 'ZIP',
    pattern:
      /\b(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]|PR)\s+(\d{5}(?:-\d{4})?)\b/g,
    group: 1,
  },
];

/** Titles that make the next capitalised word(s) a name. */
const TITLED = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Doctor|Prof|Nurse|Sr|Sra)\.?\s+([A-Z][a-zA-Z'-]+(?:\s+[A-Z][a-zA-Z'-]+)?)/g;
/** Cues after which a capitalised word is a person: "patient Lopez", "for Maria", "named Okafor". */
const CUED =
  /\b(?:patient|pt\.?|member|subscriber|beneficiary|named|name(?:\s+is)?|for|husband|wife|son|daughter|mother|father|spouse|guardian|caregiver|mom|dad|niece|nephew|aunt|uncle|sister|brother|grandson|granddaughter|grandmother|grandfather|friend|neighbor)\s*,?\s+([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)/g;
/** Lower-case names after "pt"/"patient" count only when they are known names. */
const CUED_LOWER = /\b(?:patient|pt\.?)\s+([a-z][a-z'-]+)\b/g;
/** Two capitalised words right before a date of birth: "Yusuf Demir (DOB ...". */
const BEFORE_DOB = /\b([A-Z][a-z'-]+\s+[A-Z][a-z'-]+)\s*(?:\(|,)?\s*(?:dob|d\.o\.b\.|born)\b/gi;
const CAPITALISED = /\b[A-Z][a-z'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'-]+){0,2}\b/g;

function nameFindings(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const lower = (w: string) => w.toLowerCase().replace(/'s$/, '');
  for (const m of text.matchAll(TITLED)) {
    const start = (m.index ?? 0) + m[0].indexOf(m[1]);
    spans.push([m.index ?? 0, start + m[1].length]);
  }
  for (const m of text.matchAll(CUED)) {
    const parts = m[1].split(/\s+/);
    const first = lower(parts[0]);
    if (NOT_NAMES.has(first)) continue;
    const known = GIVEN_NAMES.has(first) || SURNAMES_SET.has(first) || AMBIGUOUS_GIVEN_NAMES.has(first);
    if (!known && parts.length === 1) continue;
    if (!known && !parts.slice(1).some((p) => SURNAMES_SET.has(lower(p)) || GIVEN_NAMES.has(lower(p)))) continue;
    const start = (m.index ?? 0) + m[0].lastIndexOf(m[1]);
    const words = parts.filter((p, i) => i === 0 || !NOT_NAMES.has(lower(p)));
    const end = start + m[1].indexOf(words[words.length - 1]) + words[words.length - 1].length;
    spans.push([start, end]);
  }
  for (const m of text.matchAll(CUED_LOWER)) {
    const word = m[1];
    if ((SURNAMES_SET.has(word) || GIVEN_NAMES.has(word)) && !AMBIGUOUS_GIVEN_NAMES.has(word) && !NOT_NAMES.has(word)) {
      const start = (m.index ?? 0) + m[0].lastIndexOf(word);
      spans.push([start, start + word.length]);
    }
  }
  for (const m of text.matchAll(BEFORE_DOB)) {
    if (m[1].split(/\s+/).some((w) => NOT_NAMES.has(lower(w)))) continue;
    const start = m.index ?? 0;
    spans.push([start, start + m[1].length]);
  }
  for (const m of text.matchAll(CAPITALISED)) {
    const base = m.index ?? 0;
    const words = [...m[0].matchAll(/\S+/g)].map((w) => ({ word: w[0], start: base + (w.index ?? 0) }));
    // Walk the capitalised run: a given name starts a name; following capitalised words extend it.
    for (let i = 0; i < words.length; i++) {
      const word = lower(words[i].word);
      if (NOT_NAMES.has(word)) continue;
      const next = words[i + 1]?.word;
      const nextIsName = next !== undefined && !NOT_NAMES.has(lower(next)) && /^[A-Z]/.test(next);
      const given = GIVEN_NAMES.has(word) && !AMBIGUOUS_GIVEN_NAMES.has(word);
      const ambiguousWithSurname = AMBIGUOUS_GIVEN_NAMES.has(word) && nextIsName && SURNAMES_SET.has(lower(next));
      const surnamePair = SURNAMES_SET.has(word) && nextIsName && GIVEN_NAMES.has(lower(next));
      if (!given && !ambiguousWithSurname && !surnamePair) continue;
      let j = i;
      while (j + 1 < words.length && !NOT_NAMES.has(lower(words[j + 1].word)) && /^[A-Z]/.test(words[j + 1].word)) j++;
      spans.push([words[i].start, words[j].start + words[j].word.replace(/'s$/, '').length]);
      i = j;
    }
  }
  return spans;
}

/** Words before a five-digit number that make it a procedure code, not a ZIP. */
const CODE_CUE = /(?:the|code|cpt|hcpcs|billed|bill|billing|with|and|or|plus|of|for|to)\s+$/i;

/**
 * Once a sentence has said "ZIP", a later five-digit number is a ZIP code unless it reads as a
 * procedure code ("the 99203", "70390-26").
 */
function zipsAfterMention(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const sentence of text.matchAll(/(?:[^.!?]|\.\d)+/g)) {
    const mention = /\bzip\b/i.exec(sentence[0]);
    if (!mention) continue;
    const base = sentence.index ?? 0;
    for (const n of sentence[0].matchAll(/(?<![\w$.-])\d{5}(?![\w.]|-[0-9A-Z]{2}\b)/g)) {
      const at = n.index ?? 0;
      if (at < mention.index || CODE_CUE.test(sentence[0].slice(Math.max(0, at - 12), at))) continue;
      spans.push([base + at, base + at + 5]);
    }
  }
  return spans;
}

/**
 * Finds Safe Harbor identifiers in free text. Overlapping findings are merged, the longer span
 * (then the earlier rule) winning, so each character is reported once.
 */
export function scanText(text: string): PhiFinding[] {
  const raw: PhiFinding[] = [];
  const add = (kind: PhiKind, start: number, end: number) => {
    const value = text.slice(start, end).replace(/[\s.,;:]+$/, '');
    if (value.trim() === '') return;
    raw.push({ kind, start, end: start + value.length, text: value, message: MESSAGES[kind] });
  };
  for (const rule of RULES) {
    for (const m of text.matchAll(new RegExp(rule.pattern.source, rule.pattern.flags))) {
      if (rule.accept && !rule.accept(m as RegExpExecArray, text)) continue;
      const value = m[rule.group ?? 0];
      const start = (m.index ?? 0) + (rule.group ? m[0].lastIndexOf(value) : 0);
      add(rule.kind, start, start + value.length);
    }
  }
  for (const [start, end] of nameFindings(text)) add('NAME', start, end);
  for (const [start, end] of zipsAfterMention(text)) add('ZIP', start, end);

  // Keep the longest of overlapping findings (ties: the first rule listed).
  const kept: PhiFinding[] = [];
  for (const f of [...raw].sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

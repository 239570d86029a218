import { BillingTip } from './billing-tip';

/** A specialty's common codes, to start a toolkit without typing them. */
export interface ToolkitPreset {
  id: string;
  name: string;
  codes: readonly string[];
}

export const TOOLKIT_PRESETS: readonly ToolkitPreset[] = [
  { id: 'radiology-head-neck', name: 'Radiology: head and neck imaging', codes: ['70390', '70450', '70486', '70487', '70551', '70553', '76536'] },
  { id: 'orthopedics-knee', name: 'Orthopedics: knee', codes: ['27447', '29881', '29880', '20610', '73721', '73562'] },
  { id: 'primary-care', name: 'Primary care office visits', codes: ['99203', '99204', '99213', '99214', 'G2211', '96372', '36415'] },
  { id: 'cardiology-diagnostics', name: 'Cardiology: diagnostic tests', codes: ['93000', '93306', '93015', '93880', '93922'] },
];

export const MAX_TOOLKIT_CODES = 25;

export function toolkitPreset(id: string): ToolkitPreset | undefined {
  return TOOLKIT_PRESETS.find((p) => p.id === id);
}

/** One NCCI pair among the chosen codes, in force on the date of service. */
export interface ToolkitConflict {
  column1: string;
  column2: string;
  modifierIndicator: string;
  rationale: string | null;
}

/** What the toolkit says about one code, from its billing tips and NCCI facts. */
export interface ToolkitCodeInput {
  code: string;
  descriptor: string;
  /** National non-facility amount, or the reason there is none. */
  nationalAmount: string | null;
  tips: readonly BillingTip[];
  communityUnlocked: boolean;
  reportersNeeded: number;
}

export interface ToolkitSection {
  code: string;
  descriptor: string;
  nationalAmount: string | null;
  /** The MUE tip, if the code has an MUE. */
  unitLimit: BillingTip | null;
  /** Rule-derived and editors' tips about modifiers, bundling, global periods and payment rules. */
  pitfalls: BillingTip[];
  /** Community tips (only for codes 5+ billers have reported). */
  denialTriggers: BillingTip[];
  communityNote: string;
}

export interface ToolkitContent {
  title: string;
  dateOfService: string;
  generatedOn: string;
  /** Every data source with its release or edition, for the first page. */
  sources: string[];
  conflicts: { pair: string; advice: string }[];
  sections: ToolkitSection[];
  notices: string[];
}

const MODIFIER_INDICATOR_ADVICE: Record<string, string> = {
  '0': 'no modifier bypasses it: do not bill both',
  '1': 'an NCCI-associated modifier (59, XE, XS, XP, XU, anatomic) on the column-2 code bypasses it when the services were truly separate',
  '9': 'the edit no longer applies',
};

/**
 * The toolkit's content, in the order the PDF prints it: sources, bundling conflicts among the
 * chosen codes, then per code its unit limit, pitfalls and (where unlocked) denial triggers.
 */
export function toolkitContent(input: {
  title: string;
  dateOfService: string;
  generatedOn: string;
  sources: string[];
  conflicts: readonly ToolkitConflict[];
  codes: readonly ToolkitCodeInput[];
  notices: string[];
}): ToolkitContent {
  return {
    title: input.title,
    dateOfService: input.dateOfService,
    generatedOn: input.generatedOn,
    sources: input.sources,
    notices: input.notices,
    conflicts: [...input.conflicts]
      .sort((a, b) => a.column1.localeCompare(b.column1) || a.column2.localeCompare(b.column2))
      .map((c) => ({
        pair: `${c.column1} + ${c.column2}`,
        advice: `${c.column2} is bundled into ${c.column1} (modifier indicator ${c.modifierIndicator}: ${MODIFIER_INDICATOR_ADVICE[c.modifierIndicator] ?? 'see the NCCI table'})${c.rationale ? `. CMS rationale: ${c.rationale}` : ''}.`,
      })),
    sections: input.codes.map((c) => ({
      code: c.code,
      descriptor: c.descriptor,
      nationalAmount: c.nationalAmount,
      unitLimit: c.tips.find((t) => t.key === 'rule:mue') ?? null,
      pitfalls: c.tips.filter((t) => t.kind !== 'COMMUNITY' && t.key !== 'rule:mue'),
      denialTriggers: c.tips.filter((t) => t.kind === 'COMMUNITY'),
      communityNote: c.communityUnlocked
        ? 'From DenialMap community reports (every group shown has at least 5 billers).'
        : `No community data yet: ${c.reportersNeeded} more biller${c.reportersNeeded === 1 ? '' : 's'} must report ${c.code} before its denial patterns are published.`,
    })),
  };
}

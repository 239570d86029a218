import { InvalidInputError } from '@denialmap/shared/errors';
import { isHcpcsCode } from '@denialmap/shared/fee-schedule';
import { MAX_TOOLKIT_CODES, toolkitPreset } from '@denialmap/shared/guidance';

/** The sentence a visitor agrees to by ticking the box; stored with the address, word for word. */
export const TOOLKIT_CONSENT_TEXT =
  'I agree that DenialMap may keep this email address to send me updates to the Revenue Protection Toolkit and DenialMap news. It is stored apart from everything else and I can ask for it to be deleted.';

export interface ToolkitRequestInput {
  preset?: string | null;
  codes?: readonly string[] | null;
  email?: string | null;
  emailConsent?: boolean | null;
}

export interface CheckedToolkitRequest {
  preset: string | null;
  codes: string[];
  email: string | null;
}

/** Which codes (a preset's, or the visitor's list), and an email only with explicit consent. */
export function checkToolkitRequest(input: ToolkitRequestInput): CheckedToolkitRequest {
  const preset = input.preset?.trim() || null;
  let codes: string[];
  if (preset) {
    const known = toolkitPreset(preset);
    if (!known) throw new InvalidInputError('input.preset', `Unknown preset "${preset}".`);
    codes = [...known.codes];
  } else {
    codes = [...new Set((input.codes ?? []).map((c) => c.trim().toUpperCase()).filter(Boolean))];
    if (codes.length === 0) throw new InvalidInputError('input.codes', 'Choose a specialty preset or list at least one CPT/HCPCS code.');
    const bad = codes.find((c) => !isHcpcsCode(c));
    if (bad) throw new InvalidInputError('input.codes', `"${bad}" is not a CPT/HCPCS code (5 letters or digits, e.g. 70390).`);
    if (codes.length > MAX_TOOLKIT_CODES) throw new InvalidInputError('input.codes', `At most ${MAX_TOOLKIT_CODES} codes in one toolkit.`);
  }
  const email = input.email?.trim().toLowerCase() || null;
  if (email && (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) throw new InvalidInputError('input.email', 'Enter an email address like name@example.org, or leave it empty.');
  if (email && input.emailConsent !== true) throw new InvalidInputError('input.emailConsent', 'Tick the consent box to leave an email address, or leave the address empty.');
  if (!email && input.emailConsent) throw new InvalidInputError('input.email', 'Enter the email address you agree to leave, or untick the box.');
  return { preset, codes, email };
}

import { useQuery } from '@apollo/client/react';
import { PhiFindingFieldsFragment, ScanTextQuery } from '@denialmap/web/data-access';
import { findingsStillIn } from './highlight-spans';
import { useDebouncedValue } from './useDebouncedValue';

const SCAN_DEBOUNCE_MS = 300;

export interface PatientInformationScan {
  /** The story as it will be sent (trimmed): finding offsets index into it. */
  text: string;
  findings: readonly PhiFindingFieldsFragment[];
  /** True while what is typed is still waiting for its scan. */
  checking: boolean;
  problem: unknown;
}

/**
 * scanText over the story as it is typed, once per pause. The API's patient-information guard is
 * the one the server applies on submit, so a warning here is a refusal there. Until the next scan
 * answers, the last findings are kept only where their words are still in the text.
 */
export function usePatientInformationScan(story: string): PatientInformationScan {
  const text = story.trim();
  const settled = useDebouncedValue(text, SCAN_DEBOUNCE_MS);
  const { data, previousData, loading, error } = useQuery(ScanTextQuery, { variables: { text: settled }, skip: settled === '' });
  const findings = text === '' ? [] : findingsStillIn(text, (data ?? previousData)?.scanText.findings ?? []);
  return { text, findings, checking: text !== '' && (text !== settled || loading), problem: error ?? null };
}

import type { AppConfig, RateRule } from '@denialmap/server/core';

/** The limits on submitting, from the validated config. Subjects are submitter hashes, never addresses. */
export function reportRateRules(config: AppConfig, submitterHash: string, code: string): RateRule[] {
  return [
    { name: 'reports-per-minute', subject: 'everyone', limit: config.REPORTS_PER_MINUTE, windowSeconds: 60 },
    { name: 'reports-per-hour', subject: submitterHash, limit: config.REPORTS_PER_SUBMITTER_PER_HOUR, windowSeconds: 3600 },
    { name: 'reports-per-code-per-day', subject: `${submitterHash}:${code}`, limit: config.REPORTS_PER_SUBMITTER_PER_CODE_PER_DAY, windowSeconds: 86_400 },
  ];
}

export function flagRateRules(config: AppConfig, flaggerHash: string): RateRule[] {
  return [{ name: 'flags-per-hour', subject: flaggerHash, limit: config.FLAGS_PER_SUBMITTER_PER_HOUR, windowSeconds: 3600 }];
}

const RATE_MESSAGES: Record<string, (retry: number) => string> = {
  'reports-per-minute': (s) => `DenialMap is receiving an unusual number of reports; please try again in ${s} seconds.`,
  'reports-per-hour': (s) => `That is the most reports one person can send in an hour; please try again in ${Math.ceil(s / 60)} minutes.`,
  'reports-per-code-per-day': () => 'You have already reported a denial for this code today. One report per code per day keeps the numbers honest.',
  'flags-per-hour': (s) => `That is the most flags one person can send in an hour; please try again in ${Math.ceil(s / 60)} minutes.`,
};

export function rateLimitMessage(rule: string, retryAfterSeconds: number): string {
  return (RATE_MESSAGES[rule] ?? ((s: number) => `Too many requests; try again in ${s} seconds.`))(retryAfterSeconds);
}

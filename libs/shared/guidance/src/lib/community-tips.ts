import { REPORT_FIXES } from '@denialmap/shared/denial-reports';
import type { DenialStats } from '@denialmap/shared/denial-stats';
import { BillingTip } from './billing-tip';

const SOURCE = 'DenialMap community reports';

/**
 * Tips from a code's published denial stats (all payers). Only cells the stats already publish
 * are used, so the anonymity rules hold here as on the page: a locked code gives no tips, and a
 * withheld cell is never named or counted.
 */
export function communityTips(code: string, stats: DenialStats | null, carcDescriptions: Readonly<Record<string, string>> = {}): BillingTip[] {
  if (!stats || stats.status !== 'UNLOCKED') return [];
  const tips: BillingTip[] = [];
  const detail = (what: string) => `${stats.reports} published reports for ${code} (every group shown has at least ${stats.threshold} billers): ${what}`;

  const reasons = stats.reasons.cells.slice(0, 3);
  if (reasons.length > 0) {
    const words = reasons.map((r) => {
      const carc = r.key.split('-')[1] ?? r.key;
      const description = carcDescriptions[carc];
      return `${r.key}${description ? ` (${shorten(description)})` : ''} in ${r.reports} of ${stats.reports}`;
    });
    tips.push({
      key: 'community:reasons',
      kind: 'COMMUNITY',
      topic: 'DENIAL_PATTERN',
      title: `Most reported denial: ${reasons[0].key}`,
      advice: `Billers reported these reasons most often for ${code}: ${words.join('; ')}.${stats.reasons.suppressed ? ` ${stats.reasons.suppressed} smaller group${stats.reasons.suppressed === 1 ? ' is' : 's are'} not shown.` : ''}`,
      source: { label: SOURCE, detail: detail('denial reasons (group code and CARC)') },
      moneyAtStake: null,
      reports: reasons[0].reports,
    });
  }

  const fixes = stats.fixes.cells.filter((c) => c.key !== 'NOTHING_WORKED' && c.key !== 'OTHER').slice(0, 3);
  if (fixes.length > 0) {
    const label = (key: string) => REPORT_FIXES[key as keyof typeof REPORT_FIXES] ?? key;
    const outcome =
      stats.successRate !== null ? ` ${stats.successRate}% of the resolved reports ended paid or partly paid${stats.medianDaysToResolution !== null ? `, in a median of ${stats.medianDaysToResolution} days` : ''}.` : '';
    tips.push({
      key: 'community:fixes',
      kind: 'COMMUNITY',
      topic: 'DENIAL_PATTERN',
      title: `What fixed it most often: ${label(fixes[0].key).toLowerCase()}`,
      advice: `${fixes.map((f) => `${label(f.key)}: ${f.reports} report${f.reports === 1 ? '' : 's'}`).join('; ')}.${outcome}`,
      source: { label: SOURCE, detail: detail('what fixed the denial, and outcomes') },
      moneyAtStake: null,
      reports: fixes[0].reports,
    });
  }

  const appeals = stats.appealLevels.cells.filter((c) => c.successRate !== null);
  if (appeals.length > 0) {
    tips.push({
      key: 'community:appeals',
      kind: 'COMMUNITY',
      topic: 'DENIAL_PATTERN',
      title: 'How appeals went',
      advice: `${appeals.map((a) => `Level ${a.level}: ${a.successRate}% of ${a.appeals} resolved appeal${a.appeals === 1 ? '' : 's'} paid`).join('; ')}${stats.appealRate !== null ? ` (${stats.appealRate}% of reports were appealed)` : ''}.`,
      source: { label: SOURCE, detail: detail('appeal levels and outcomes') },
      moneyAtStake: null,
      reports: appeals.reduce((sum, a) => sum + a.appeals, 0),
    });
  }
  return tips;
}

/** The first sentence of an X12 description, cut at a word if it runs past 160 characters. */
function shorten(description: string): string {
  const first = description.split(/(?<=\.)\s/)[0].replace(/\.$/, '');
  return first.length > 160 ? `${first.slice(0, 157).replace(/\s+\S*$/, '')}...` : first;
}

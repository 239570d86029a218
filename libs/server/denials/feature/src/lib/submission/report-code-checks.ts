import type { ReportCodeFacts } from '@denialmap/server/reference-data/data-access';
import type { FieldProblem, NormalisedReport } from '@denialmap/shared/denial-reports';

const quarterStart = (year: number, quarter: number) => `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;

/**
 * Checks a normalised report's codes against the loaded reference tables: the code is priced or
 * listed, modifiers exist, the CARC and RARCs exist and had not been deactivated before the
 * service quarter began, and diagnoses are billable ICD-10-CM codes.
 */
export function reportCodeProblems(report: NormalisedReport, facts: ReportCodeFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const started = quarterStart(report.serviceYear, report.serviceQuarter);
  if (!facts.codeKnown) problems.push({ field: 'code', message: `${report.code} is not in the loaded CMS fee schedule or HCPCS Level II files.` });
  report.modifiers.forEach((m, i) => {
    if (!facts.knownModifiers.includes(m)) problems.push({ field: `modifiers[${i}]`, message: `${m} is not a CPT or HCPCS modifier.` });
  });
  if (!facts.carc) problems.push({ field: 'carc', message: `CARC ${report.carc} is not in the X12 list.` });
  else if (facts.carc.stopDate !== null && facts.carc.stopDate <= started)
    problems.push({ field: 'carc', message: `CARC ${report.carc} was deactivated on ${facts.carc.stopDate}, before ${report.serviceYear} Q${report.serviceQuarter}.` });
  report.rarcs.forEach((code, i) => {
    const found = facts.rarcs.find((r) => r.code === code);
    if (!found) problems.push({ field: `rarcs[${i}]`, message: `RARC ${code} is not in the X12 list.` });
    else if (found.stopDate !== null && found.stopDate <= started)
      problems.push({ field: `rarcs[${i}]`, message: `RARC ${code} was deactivated on ${found.stopDate}, before ${report.serviceYear} Q${report.serviceQuarter}.` });
  });
  report.icd10Codes.forEach((code, i) => {
    const found = facts.icd10.find((d) => d.code === code);
    if (!found) problems.push({ field: `icd10Codes[${i}]`, message: `${code} is not in the loaded ICD-10-CM code set.` });
    else if (!found.billable) problems.push({ field: `icd10Codes[${i}]`, message: `${code} is a category header; claims carry a billable code under it.` });
  });
  return problems;
}

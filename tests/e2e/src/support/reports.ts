import { graphql } from './stack';

const now = new Date();
/** Reports are for this quarter: the form and the stats show it. */
export const SERVICE_YEAR = now.getUTCFullYear();
export const SERVICE_QUARTER = Math.floor(now.getUTCMonth() / 3) + 1;

const SUBMIT = `mutation ($input: DenialReportInput!) {
  submitDenialReport(input: $input) { __typename ... on DenialReportReceipt { status reportId } ... on DenialReportRefusal { reason message } }
}`;

/**
 * One published report of an appealed bundling denial, from a distinct anonymous submitter: the
 * user agent tells submitters apart (e2e trusts no proxy header). Returns the report's id.
 */
export async function publishReport(report: { code: string; icd10: string; submitter: string; narrative: string | null; days: number }): Promise<string> {
  const input = {
    code: report.code,
    modifiers: ['26'],
    serviceYear: SERVICE_YEAR,
    serviceQuarter: SERVICE_QUARTER,
    payerType: 'MEDICARE_FFS',
    groupCode: 'CO',
    carc: '97',
    rarcs: ['N290'],
    icd10Codes: [report.icd10],
    denialCategory: 'BUNDLING',
    actionTaken: 'APPEALED',
    appealLevel: 1,
    fix: 'ADDED_DOCUMENTATION',
    outcome: 'PAID',
    daysToResolution: report.days,
    narrative: report.narrative,
  };
  const answer = await graphql<{ submitDenialReport: { __typename: string; status?: string; reportId?: string } }>(SUBMIT, { input }, { 'user-agent': report.submitter });
  expect(answer.errors).toBeUndefined();
  expect(answer.data?.submitDenialReport).toEqual({ __typename: 'DenialReportReceipt', status: 'PUBLISHED', reportId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  return answer.data?.submitDenialReport.reportId as string;
}

import { eventually, ReportStack } from './testing/report-stack.testing';

/** `npm start` on a machine without Redis: the api relays and aggregates by itself. */
describe('denial reports without Redis (JOBS_MODE=inline)', () => {
  let stack: ReportStack;
  beforeAll(async () => {
    stack = await ReportStack.start({}, 'inline');
  }, 180_000);
  afterAll(() => stack?.stop());

  it('accepts a report, limits the next one in the process, and updates the stats', async () => {
    const SUBMIT = `mutation ($input: DenialReportInput!) { submitDenialReport(input: $input) { __typename ... on DenialReportReceipt { status } ... on DenialReportRefusal { reason } } }`;
    const input = { code: '99214', serviceYear: 2025, serviceQuarter: 2, payerType: 'COMMERCIAL', groupCode: 'CO', carc: '16', denialCategory: 'DOCUMENTATION', actionTaken: 'CORRECTED_AND_RESUBMITTED', outcome: 'PAID' };
    const headers = { 'user-agent': 'inline biller' };
    expect((await stack.graphql(SUBMIT, { input }, headers)).data).toEqual({ submitDenialReport: { __typename: 'DenialReportReceipt', status: 'PUBLISHED' } });
    expect((await stack.graphql(SUBMIT, { input: { ...input, serviceQuarter: 1 } }, headers)).data).toEqual({ submitDenialReport: { __typename: 'DenialReportRefusal', reason: 'RATE_LIMITED' } });
    const stats = await eventually(async () => {
      const answer = await stack.graphql<{ denialStats: { status: string; reports: number } }>(`{ denialStats(code: "99214") { status reports } }`);
      if (answer.data?.denialStats.reports !== 1) throw new Error(JSON.stringify(answer));
      return answer.data.denialStats;
    });
    expect(stats).toEqual({ status: 'LOCKED', reports: 1 });
  });
});

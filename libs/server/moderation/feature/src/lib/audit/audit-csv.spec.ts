import { auditCsvLine } from './audit-csv';

describe('audit CSV', () => {
  it('writes an empty cell for null and one CRLF-terminated line per entry', () => {
    const line = auditCsvLine({
      id: '7',
      at: new Date('2026-12-02T10:00:00Z'),
      actorId: null,
      actorEmail: 'cli',
      action: 'STAFF_CREATED_BY_CLI',
      reason: null,
      reportId: null,
      code: null,
      targetId: 'a1b2',
      details: { role: 'ADMIN' },
    });
    expect(line).toBe('7,2026-12-02T10:00:00.000Z,,cli,STAFF_CREATED_BY_CLI,,,,a1b2,"{""role"":""ADMIN""}"\r\n');
  });
});

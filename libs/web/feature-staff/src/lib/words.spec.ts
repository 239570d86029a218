import { auditCsvHref, dayAfter, detailWords, excerpt, invitationTokenFrom, queueReasonWords, retryWords, when } from './words';

describe('staff words', () => {
  it('says why a report is queued, with the new flags and the check that held it', () => {
    expect(queueReasonWords({ queueReasons: ['FLAGGED'], unseenFlags: 1 })).toEqual(['Flagged by readers (1 new flag)']);
    expect(queueReasonWords({ queueReasons: ['HELD_BY_CHECKS', 'FLAGGED'], holdReason: 'NEAR_DUPLICATE', unseenFlags: 3 })).toEqual([
      'Held by an automated check: its story closely matches another recent report',
      'Flagged by readers (3 new flags)',
    ]);
    expect(queueReasonWords({ queueReasons: ['HELD_BY_CHECKS'], holdReason: 'SOME_NEW_CHECK', unseenFlags: 0 })).toEqual(['Held by an automated check: some new check']);
    expect(queueReasonWords({ queueReasons: ['SAMPLED'], unseenFlags: 0 })).toEqual(['Picked at random for a second look']);
  });

  it('cuts a story at a whole word', () => {
    expect(excerpt('Short story.')).toBe('Short story.');
    expect(excerpt('  The MAC   bundled it\nwith the visit  ')).toBe('The MAC bundled it with the visit');
    expect(excerpt('one two three four five six seven', 20)).toBe('one two three four…');
    expect(excerpt('averyveryverylongwordwithoutanyspaces', 10)).toBe('averyveryv…');
    expect(excerpt(null)).toBe('');
  });

  it('sends the day after an inclusive "to" date, in the CSV link as in the query', () => {
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    expect(auditCsvHref({ action: '', from: '', to: '' })).toBe('/exports/audit-log.csv');
    expect(auditCsvHref({ action: 'REPORT_REJECTED', from: '2026-12-01', to: '2026-12-02' })).toBe('/exports/audit-log.csv?action=REPORT_REJECTED&from=2026-12-01&to=2026-12-03');
    expect(auditCsvHref({ action: '', from: 'yesterday', to: '' })).toBe('/exports/audit-log.csv');
  });

  it('reads the invitation token from the fragment only', () => {
    expect(invitationTokenFrom('#token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(invitationTokenFrom('#token=')).toBeNull();
    expect(invitationTokenFrom('')).toBeNull();
  });

  it('says when to try again after a lockout, and dates in words', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(retryWords(900, now)).toBe('in 15 minutes (at 10:15)');
    expect(retryWords(61, now)).toBe('in 2 minutes (at 10:01)');
    expect(retryWords(30, now)).toBe('in 30 seconds (at 10:00)');
    expect(when(null)).toBe('never');
    expect(when('2026-12-01T10:05:00Z')).toBe('1 Dec 2026, 10:05');
  });

  it('puts the details of an audit entry in short words', () => {
    expect(detailWords('{"email":"mo@example.org","role":"MODERATOR"}')).toBe('email: mo@example.org; role: MODERATOR');
    expect(detailWords('{"status":"PUBLISHED","beforeSha256":"0123456789abcdef0123","removedCharacters":12}')).toBe('status: PUBLISHED; before SHA-256: 0123456789ab…; removed characters: 12');
    const sha = 'f1fc2bae96427d12f589c040d4a5ed7ebae523d5349e877f1d89ad9d2abdbace';
    expect(detailWords(JSON.stringify({ files: `ccipra-v322r0-f1.TXT (11956 bytes, sha256 ${sha})` }))).toBe('files: ccipra-v322r0-f1.TXT (11956 bytes, sha256 f1fc2bae9642…)');
    expect(detailWords('{"blockedUntil":"2026-12-31T10:05:00.000Z","expiresAt":null}')).toBe('blocked until: 31 Dec 2026, 10:05');
    expect(detailWords('{}')).toBe('');
    expect(detailWords('not json')).toBe('not json');
  });
});

import { duePeriod, localTime, periodKey, signUnsubscribeToken, verifyUnsubscribeToken } from '../../core/digests/index.ts';

const secret = 'a test secret that is long enough!!';

describe('unsubscribe tokens', () => {
  it('carry the member and purpose, signed', () => {
    const token = signUnsubscribeToken(secret, 42, 'digest', 1_800_000_000);
    expect(token).toMatch(/^42\.digest\.1800000000\.[A-Za-z0-9_-]{43}$/);
    expect(verifyUnsubscribeToken(secret, token)).toEqual({ userId: 42, purpose: 'digest', issuedAt: 1_800_000_000 });
  });

  it('reject any change, another secret, and every spelling of the signature but the one', () => {
    const token = signUnsubscribeToken(secret, 42, 'digest', 1_800_000_000);
    const sig = token.split('.')[3]!;
    expect(verifyUnsubscribeToken(secret, token.replace('42.', '43.'))).toBeNull();
    expect(verifyUnsubscribeToken(secret, token.replace('.digest.', '.all.'))).toBeNull();
    expect(verifyUnsubscribeToken(secret, token.replace('.1800000000.', '.1800000001.'))).toBeNull();
    expect(verifyUnsubscribeToken('another secret that is long enough', token)).toBeNull();
    // base64url's last character carries spare bits: a sibling spelling decodes to the same bytes
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = sig.slice(0, -1) + alphabet[alphabet.indexOf(sig.at(-1)!) ^ 1];
    expect(Buffer.from(sibling, 'base64url').equals(Buffer.from(sig, 'base64url'))).toBe(true);
    expect(verifyUnsubscribeToken(secret, token.replace(sig, sibling))).toBeNull();
    expect(verifyUnsubscribeToken(secret, `${token}x`)).toBeNull();
    expect(verifyUnsubscribeToken(secret, '')).toBeNull();
  });
});

describe('digest periods', () => {
  it('are keyed by the member’s local date and ISO week', () => {
    const at = new Date(Date.UTC(2026, 10, 22, 20, 0)); // Sunday 20:00 UTC = Monday 04:00 in Shanghai
    expect(periodKey('daily', at, 'UTC')).toBe('daily:2026-11-22');
    expect(periodKey('weekly', at, 'UTC')).toBe('weekly:2026-W47');
    expect(periodKey('daily', at, 'Asia/Shanghai')).toBe('daily:2026-11-23');
    expect(periodKey('weekly', at, 'Asia/Shanghai')).toBe('weekly:2026-W48');
    expect(localTime(new Date(Date.UTC(2027, 0, 1, 12)), 'UTC').isoWeek).toBe('2026-W53');
    expect(localTime(new Date(Date.UTC(2025, 11, 29, 12)), 'UTC').isoWeek).toBe('2026-W01');
    expect(localTime(at, 'Not/AZone').date).toBe('2026-11-22');
  });

  it('are due from the chosen hour, once', () => {
    const monday = (h: number) => new Date(Date.UTC(2026, 10, 23, h, 5));
    const daily = { digest: 'daily' as const, digestHour: 8, lastDigestPeriod: null };
    expect(duePeriod(daily, monday(7), 'UTC')).toBeNull();
    expect(duePeriod(daily, monday(8), 'UTC')).toBe('daily:2026-11-23');
    expect(duePeriod({ ...daily, lastDigestPeriod: 'daily:2026-11-23' }, monday(9), 'UTC')).toBeNull();
    expect(duePeriod({ ...daily, lastDigestPeriod: 'daily:2026-11-22' }, monday(9), 'UTC')).toBe('daily:2026-11-23');
    // moving to a zone further behind never repeats a day
    expect(duePeriod({ ...daily, lastDigestPeriod: 'daily:2026-11-23' }, monday(9), 'Pacific/Honolulu')).toBeNull();
    // switching from weekly to daily is a fresh start
    expect(duePeriod({ ...daily, lastDigestPeriod: 'weekly:2026-W48' }, monday(9), 'UTC')).toBe('daily:2026-11-23');

    const weekly = { digest: 'weekly' as const, digestHour: 8, lastDigestPeriod: 'weekly:2026-W47' };
    expect(duePeriod(weekly, monday(7), 'UTC')).toBeNull();
    expect(duePeriod(weekly, monday(8), 'UTC')).toBe('weekly:2026-W48');
    expect(duePeriod(weekly, new Date(Date.UTC(2026, 10, 25, 3)), 'UTC')).toBe('weekly:2026-W48');
    expect(duePeriod({ ...weekly, digest: 'none' }, monday(9), 'UTC')).toBeNull();
  });
});

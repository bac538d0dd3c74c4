import { KeptValue } from '../../core/cache/kept-value.ts';

describe('a kept value', () => {
  it('is read once for everyone, answers from memory while fresh, and is read again behind the answer once it is not', async () => {
    let reads = 0;
    let release: ((value: string) => void) | undefined;
    const kept = new KeptValue(1000, () => new Promise<string>((resolve) => (reads++, (release = resolve))));
    const first = Promise.all([kept.get('db', 0), kept.get('db', 0)]);
    expect(kept.ifHeld(0)).toBeUndefined();
    release!('one');
    expect(await first).toEqual(['one', 'one']);
    expect(reads).toBe(1);
    // held from the time its read began
    expect(kept.ifHeld(999)).toEqual({ value: 'one' });
    expect(reads).toBe(1);

    // expired: answered at once with what is held, while one read runs behind it
    expect(await kept.get('db', 1200)).toBe('one');
    expect(kept.ifHeld(1300)).toEqual({ value: 'one' });
    expect(reads).toBe(2);
    release!('two');
    await Promise.resolve();
    expect(kept.ifHeld(1300)).toEqual({ value: 'two' });
    expect(reads).toBe(2);
  });

  it('waits for a read when what is held is more than twice its lifetime old, or was cleared', async () => {
    let value = 'before';
    const kept = new KeptValue(1000, async () => value);
    const now = Date.now();
    expect(await kept.get('db', now)).toBe('before');
    value = 'after';
    expect(kept.ifHeld(now + 2500)).toBeUndefined();
    expect(await kept.get('db', now + 2500)).toBe('after');
    value = 'cleared';
    kept.clear();
    expect(kept.ifHeld(now)).toBeUndefined();
    expect(await kept.get('db', now)).toBe('cleared');
  });

  it('keeps nothing a clear overtook, and tries again after a failed read', async () => {
    let release: ((value: string) => void) | undefined;
    let fail = false;
    const kept = new KeptValue(60_000, (source: string) => (fail ? Promise.reject(new Error(`${source} is down`)) : new Promise<string>((resolve) => (release = resolve))));
    const overtaken = kept.get('db');
    kept.clear();
    release!('stale');
    expect(await overtaken).toBe('stale');
    expect(kept.ifHeld()).toBeUndefined();
    fail = true;
    await expect(kept.get('db')).rejects.toThrow('db is down');
    fail = false;
    const again = kept.get('db');
    release!('fresh');
    expect(await again).toBe('fresh');
    expect(kept.ifHeld()).toEqual({ value: 'fresh' });
  });
});

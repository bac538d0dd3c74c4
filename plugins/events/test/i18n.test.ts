import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import en from '../locales/en.ts';
import zhCN from '../locales/zh-CN.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'test' || name === 'migrations' ? [] : sources(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

describe('events strings', () => {
  it('every key exists in en and zh-CN, with the same placeholders, and none is empty', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of Object.entries(en)) {
      expect(value.trim(), key).not.toBe('');
      expect(zhCN[key as keyof typeof en].trim(), key).not.toBe('');
      expect(params(zhCN[key as keyof typeof en]), key).toEqual(params(value));
    }
  });

  it('every literal events.* key used in the code is defined', () => {
    const used = new Set(sources(root).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'(events\.[a-zA-Z.]+[a-zA-Z])'/g)].map((m) => m[1]!)));
    // hook names and slot keys share the prefix
    const identifiers = new Set(['events.rsvped', 'events.attended', 'events.calendar', 'events.thread', 'events.composer', 'events.badge', 'events.css']);
    const missing = [...used].filter((key) => !(key in en) && !identifiers.has(key));
    expect(missing).toEqual([]);
  });
});

import { crc32, inflateRawSync } from 'node:zlib';
import { compressPatchable, FINAL_BLOCK, makeStandIn, runCrc, tokenDifference, type PatchableRun } from '../../../core/http/member-pages/patchable-deflate.ts';

function withToken(run: PatchableRun, token: Buffer): Buffer {
  const copy = Buffer.from(run.data);
  for (const offset of run.offsets) token.copy(copy, offset);
  return copy;
}

describe('deflate compressed once, with a token written in per member', () => {
  const post = (n: number) => `<article class="post" id="post-${n}"><p>回复 ${n}: the same markup again and again</p><form action="/p/${n}/like"><input name="_csrf" value="`;
  const texts = [...Array.from({ length: 20 }, (_, n) => `${n ? '"/></form></article>' : '<main>'}${post(n)}`), '"/></form></article></main>'];

  it('inflates to the text with each member’s own token in every place, with the right CRC', () => {
    const standIn = makeStandIn();
    const run = (compressPatchable(texts, standIn))!;
    expect(run.offsets).toHaveLength(texts.length - 1);
    for (const token of ['abcdefghijklmnopqrstuvwxyz234567', 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz']) {
      const bytes = Buffer.from(token);
      const expected = Buffer.from(texts.join(token));
      expect(inflateRawSync(Buffer.concat([withToken(run, bytes), FINAL_BLOCK]))).toEqual(expected);
      expect(runCrc(run, tokenDifference(standIn, bytes))).toBe(crc32(expected));
      expect(run.length).toBe(expected.length);
    }
    // one stream: later posts refer back to earlier ones, so it is far smaller than the text
    expect(run.data.length).toBeLessThan(Buffer.byteLength(texts.join('x'.repeat(32))) / 2);
  });

  it('holds tokens at the start, at the end and side by side', () => {
    const standIn = makeStandIn();
    const edges = ['', '<input value="', '', '"><p>回复</p><input value="', ''];
    const run = compressPatchable(edges, standIn)!;
    expect(run.offsets).toHaveLength(4);
    const token = Buffer.from('abcdefghijklmnopqrstuvwxyz234567');
    const expected = Buffer.from(edges.join(token.toString()));
    expect(inflateRawSync(Buffer.concat([withToken(run, token), FINAL_BLOCK]))).toEqual(expected);
    expect(runCrc(run, tokenDifference(standIn, token))).toBe(crc32(expected));
  });

  it('refers back past deflate’s window without breaking the stream', () => {
    const standIn = makeStandIn();
    // 40 KB of varied text before the last token: the dictionary holds only the last 32 KB
    const long = Array.from({ length: 2000 }, (_, n) => `<li>${n} ${(n * 7919) % 1000}</li>`).join('');
    const parts = [long, long.slice(0, 5000), '</ul>'];
    const run = compressPatchable(parts, standIn)!;
    const token = Buffer.from('zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz');
    expect(inflateRawSync(Buffer.concat([withToken(run, token), FINAL_BLOCK])).toString()).toBe(parts.join(token.toString()));
  });

  it('compresses a run without tokens too', () => {
    const run = (compressPatchable(['<p>no forms here</p>'], makeStandIn()))!;
    expect(run.offsets).toEqual([]);
    expect(inflateRawSync(Buffer.concat([run.data, FINAL_BLOCK])).toString()).toBe('<p>no forms here</p>');
    expect(runCrc(run, 12345)).toBe(crc32('<p>no forms here</p>'));
  });

  it('declines text holding the control characters stand-ins are made of', () => {
    expect(compressPatchable(['<p>a\u0002b</p>', '</p>'], makeStandIn())).toBeUndefined();
  });
});

import { inflateRawSync } from 'node:zlib';
import { compressedRun, RUN_STAND_IN } from '../../../core/http/member-pages/compressed-runs.ts';
import { FINAL_BLOCK } from '../../../core/http/member-pages/patchable-deflate.ts';

describe('compressed runs kept by their text', () => {
  it('compresses a run once however many templates hold the same text, and each text apart', () => {
    const texts = ['<form><input name="_csrf" value="', '"></form><p>same page, new template</p>'];
    const first = compressedRun(texts)!;
    expect(compressedRun([...texts])).toBe(first);
    const other = compressedRun([texts[0]!, '"></form><p>a post was edited</p>'])!;
    expect(other).not.toBe(first);
    // the pieces are told apart, not just their concatenation
    const split = compressedRun(['<p>ab', 'c</p>'])!;
    expect(compressedRun(['<p>a', 'bc</p>'])).not.toBe(split);
    const inflated = inflateRawSync(Buffer.concat([first.data, FINAL_BLOCK]));
    expect(inflated.toString('latin1')).toBe(texts.join(RUN_STAND_IN.toString('latin1')));
  });
});

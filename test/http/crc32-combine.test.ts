import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Combine, zerosOperator } from '../../core/http/crc32-combine.ts';

describe('crc32Combine', () => {
  it('gives the CRC-32 of a concatenation from the CRCs of its parts, for lengths from 0 to 70,000 bytes', () => {
    for (const [a, b] of [[0, 0], [0, 5], [7, 0], [1, 1], [32, 4_600], [25_000, 32], [70_000, 12_345], [3, 65_537]] as const) {
      const left = randomBytes(a);
      const right = randomBytes(b);
      const combined = crc32Combine(crc32(left), crc32(right), zerosOperator(b));
      expect(combined, `${a} + ${b} bytes`).toBe(crc32(Buffer.concat([left, right])));
    }
  });
});

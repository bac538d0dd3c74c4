/**
 * CRC-32 of a concatenation from the CRCs of its parts (zlib's crc32_combine), so a cached page's
 * checksum costs a few XORs per request instead of a pass over all its bytes. Appending `n` zero bytes
 * to a CRC register is a linear map over GF(2); it is built once per length as a 32×32 bit matrix
 * (32 columns of 32 bits) and applied per request.
 */
export type ZerosOperator = Uint32Array;

const POLYNOMIAL = 0xedb88320;

function times(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  for (let i = 0; vector !== 0; i++, vector >>>= 1) if (vector & 1) sum ^= matrix[i]!;
  return sum >>> 0;
}

function product(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(32);
  for (let n = 0; n < 32; n++) out[n] = times(a, b[n]!);
  return out;
}

/** Appending one zero byte: eight times one zero bit (shift right, XOR the polynomial when the low bit falls out). */
const ONE_ZERO_BYTE: Uint32Array = (() => {
  let bit: Uint32Array = new Uint32Array(32);
  bit[0] = POLYNOMIAL;
  for (let n = 1; n < 32; n++) bit[n] = (1 << (n - 1)) >>> 0;
  for (let i = 0; i < 3; i++) bit = product(bit, bit);
  return bit;
})();

const IDENTITY: Uint32Array = Uint32Array.from({ length: 32 }, (_, n) => (1 << n) >>> 0);

/** The operator that appends `length` zero bytes to a CRC-32 register (by squaring: log2(length) products). */
export function zerosOperator(length: number): ZerosOperator {
  let power = ONE_ZERO_BYTE;
  let result: Uint32Array | undefined;
  for (let remaining = length; remaining > 0; remaining = Math.floor(remaining / 2)) {
    if (remaining % 2 === 1) result = result ? product(power, result) : power;
    if (remaining > 1) power = product(power, power);
  }
  return result ?? IDENTITY;
}

/** CRC-32 of A followed by B, from crc(A), crc(B) and the operator for B's length. */
export function crc32Combine(crcA: number, crcB: number, zerosOfB: ZerosOperator): number {
  return (times(zerosOfB, crcA) ^ crcB) >>> 0;
}

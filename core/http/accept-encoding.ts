const codings = {
  gzip: /(?:^|,)\s*(?:gzip|\*)\s*(?:;\s*q\s*=\s*([0-9.]+))?/i,
  br: /(?:^|,)\s*br\s*(?:;\s*q\s*=\s*([0-9.]+))?/i,
};

/** Whether the client takes the coding (`gzip;q=0` is a refusal; `*` stands for gzip, never for brotli). */
function accepts(acceptEncoding: string | undefined, coding: keyof typeof codings): boolean {
  if (!acceptEncoding) return false;
  const match = codings[coding].exec(acceptEncoding);
  return match !== null && (match[1] === undefined || Number(match[1]) > 0);
}

export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return accepts(acceptEncoding, 'gzip');
}

export function acceptsBrotli(acceptEncoding: string | undefined): boolean {
  return accepts(acceptEncoding, 'br');
}

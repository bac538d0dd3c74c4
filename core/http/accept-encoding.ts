/** Whether the client takes gzip (`gzip;q=0` is a refusal). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  const match = /(?:^|,)\s*(?:gzip|\*)\s*(?:;\s*q\s*=\s*([0-9.]+))?/i.exec(acceptEncoding);
  return match !== null && (match[1] === undefined || Number(match[1]) > 0);
}

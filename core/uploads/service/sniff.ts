import { fileTypeFromBuffer } from 'file-type';

/** The image types members may upload, by the type their bytes reveal, with the extension we store them under. */
export const acceptedImageTypes = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
} as const;

export type AcceptedImageType = keyof typeof acceptedImageTypes;

/**
 * The real type of a file, read from its first bytes. The name and the browser's MIME type are not consulted:
 * an HTML page called photo.png is HTML. SVG (script-capable XML) never matches.
 */
export async function sniffImageType(bytes: Uint8Array): Promise<AcceptedImageType | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return null;
  return detected.mime in acceptedImageTypes ? (detected.mime as AcceptedImageType) : null;
}

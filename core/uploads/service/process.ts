import type { Sharp } from 'sharp';
import { acceptedImageTypes, type AcceptedImageType } from './sniff.ts';

/** Decompression bombs: a 1 MB file can claim billions of pixels. 100 MP covers any phone camera. */
const maxInputPixels = 100_000_000;

export interface ProcessedFile {
  name: string;
  suffix: string;
  body: Buffer;
  contentType: string;
  width: number;
  height: number;
}

export interface ProcessedImage {
  width: number;
  height: number;
  files: ProcessedFile[];
}

/** Widths of the resized copies (never enlarged); a square crop for avatars. */
const widths = [320, 1024] as const;
const avatarSize = 256;

type SharpFactory = typeof import('sharp')['default'];

/** libvips costs about 26 MB of memory once loaded: a forum that never receives an upload never loads it. */
let loading: Promise<SharpFactory> | undefined;
function loadSharp(): Promise<SharpFactory> {
  loading ??= import('sharp').then((module) => module.default);
  return loading;
}

function open(sharp: SharpFactory, bytes: Buffer, type: AcceptedImageType): Sharp {
  // rotate() applies the EXIF orientation to the pixels; output without withMetadata() carries no EXIF, GPS or XMP
  return sharp(bytes, { animated: type === 'image/gif' || type === 'image/webp', limitInputPixels: maxInputPixels, failOn: 'error' }).rotate();
}

function encodeSameFormat(image: Sharp, type: AcceptedImageType): Sharp {
  switch (type) {
    case 'image/jpeg':
      return image.jpeg({ quality: 85, mozjpeg: true });
    case 'image/png':
      return image.png();
    case 'image/webp':
      return image.webp({ quality: 85 });
    case 'image/gif':
      return image.gif();
  }
}

async function render(name: string, suffix: string, image: Sharp, contentType: string): Promise<ProcessedFile> {
  const { data, info } = await image.toBuffer({ resolveWithObject: true });
  // animated images report the height of all frames stacked; pageHeight is one frame
  const height = info.pageHeight ?? info.height;
  return { name, suffix, body: data, contentType, width: info.width, height };
}

/**
 * Decodes the image (refusing what sharp cannot read), strips its metadata and makes the stored files:
 * the full-size image in its own format, webp copies 320 and 1024 wide, and for avatars a 256 px square.
 */
export async function processImage(bytes: Buffer, type: AcceptedImageType, options: { avatar?: boolean } = {}): Promise<ProcessedImage> {
  const sharp = await loadSharp();
  const full = await render('full', `.${acceptedImageTypes[type]}`, encodeSameFormat(open(sharp, bytes, type), type), type);
  const files = [full];
  let previous = 0;
  for (const width of widths) {
    // a copy is skipped only when the smaller one already holds every pixel: a 900 px image gets w320 and a 900 px w1024
    if (previous >= full.width) break;
    previous = width;
    files.push(await render(`w${width}`, `-w${width}.webp`, open(sharp, bytes, type).resize({ width, withoutEnlargement: true }).webp({ quality: 80 }), 'image/webp'));
  }
  if (options.avatar) {
    const square = sharp(bytes, { limitInputPixels: maxInputPixels }).rotate().resize(avatarSize, avatarSize, { fit: 'cover', position: 'centre' });
    files.push(await render('a256', '-a256.webp', square.webp({ quality: 85 }), 'image/webp'));
  }
  return { width: full.width, height: full.height, files };
}

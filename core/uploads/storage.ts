import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where upload files live. Names are `<32 hex>[-variant].<ext>`, unique and never rewritten, so a store
 * may cache them forever. The local disk is the default; an S3-compatible store implements the same three calls.
 */
export interface UploadStorage {
  put(file: string, body: Buffer, contentType: string): Promise<void>;
  /** The bytes, or null when there is no such file. */
  get(file: string): Promise<Buffer | null>;
  delete(file: string): Promise<void>;
}

const fileName = /^[a-f0-9]{32}(?:-[a-z0-9]+)?\.(?:jpg|png|webp|gif)$/;

export function isUploadFileName(file: string): boolean {
  return fileName.test(file);
}

/** Files under `<DATA_DIR>/uploads/ab/cd/<file>`: two levels of fan-out keep directories small. */
export class LocalDiskStorage implements UploadStorage {
  constructor(readonly root: string) {}

  private pathOf(file: string): string {
    if (!isUploadFileName(file)) throw new Error(`not an upload file name: ${file}`);
    return path.join(this.root, file.slice(0, 2), file.slice(2, 4), file);
  }

  async put(file: string, body: Buffer): Promise<void> {
    const target = this.pathOf(file);
    await mkdir(path.dirname(target), { recursive: true });
    // write then rename: a reader never sees half a file
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, body);
    await rename(temporary, target);
  }

  async get(file: string): Promise<Buffer | null> {
    if (!isUploadFileName(file)) return null;
    try {
      return await readFile(this.pathOf(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(file: string): Promise<void> {
    await rm(this.pathOf(file), { force: true });
  }
}

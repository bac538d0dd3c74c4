import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { User } from '../../accounts/schema.ts';
import type { Db } from '../../db/index.ts';
import { canAct, isStaffViewer } from '../../forum/permissions.ts';
import { UserError } from '../../http/errors.tsx';
import { uploads, type Upload, type UploadVariant } from '../schema.ts';
import type { UploadStorage } from '../storage.ts';
import { uploadUrls } from '../urls.ts';
import { processImage } from './process.ts';
import { assertWithinQuota, type UploadQuota } from './quota.ts';
import { sniffImageType } from './sniff.ts';
import { formatSize } from '../size.ts';

export interface UploadLimits extends UploadQuota {
  maxBytes: number;
}

export interface UploadContext {
  db: Db;
  storage: UploadStorage;
  limits: UploadLimits;
}

/** A file as it arrives from a form (a web File) or from code. */
export interface IncomingFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface StoredUpload extends Upload {
  urls: { thumb: string; display: string; full: string };
}

export type UploadOwner = Pick<User, 'id' | 'role' | 'status' | 'statusUntil' | 'silencedAt' | 'silencedUntil'>;

/** 'post', 'avatar' or 'plugin:<id>:<word>'. */
const purposeShape = /^(?:post|avatar|plugin:[a-z0-9-]+:[a-z0-9-]+)$/;

export function withUrls(upload: Upload): StoredUpload {
  return { ...upload, urls: uploadUrls(upload) };
}

/**
 * Takes one image from a member: checks who they are, the size, the real type and the daily quota, then
 * stores a cleaned copy and its resized variants. The same file uploaded again by the same member is reused.
 */
export async function acceptUpload(ctx: UploadContext, input: { owner: UploadOwner; file: IncomingFile; purpose: string }): Promise<StoredUpload> {
  const { owner, file, purpose } = input;
  if (!purposeShape.test(purpose)) throw new Error(`invalid upload purpose: ${purpose}`);
  if (!canAct(owner)) throw new UserError(403, 'uploads.error.forbidden');
  const maxMb = formatSize(ctx.limits.maxBytes);
  if (file.size > ctx.limits.maxBytes) throw new UserError(413, 'uploads.error.tooLarge', { max: maxMb });
  if (file.size === 0) throw new UserError(400, 'uploads.error.empty');
  const bytes = Buffer.from(await file.arrayBuffer());
  if (bytes.length > ctx.limits.maxBytes) throw new UserError(413, 'uploads.error.tooLarge', { max: maxMb });

  const type = await sniffImageType(bytes);
  if (!type) throw new UserError(415, 'uploads.error.type');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const avatar = purpose === 'avatar';

  const [existing] = await ctx.db
    .select()
    .from(uploads)
    .where(and(eq(uploads.ownerId, owner.id), eq(uploads.sha256, sha256)))
    .limit(1);
  if (existing && (!avatar || existing.variants.some((v) => v.name === 'a256'))) return withUrls(existing);

  const exempt = isStaffViewer(owner);
  if (!exempt) await assertWithinQuota(ctx.db, owner.id, bytes.length, ctx.limits);

  let processed;
  try {
    processed = await processImage(bytes, type, { avatar });
  } catch {
    throw new UserError(400, 'uploads.error.unreadable');
  }
  const key = randomBytes(16).toString('hex');
  const variants: UploadVariant[] = processed.files.map((f) => ({
    name: f.name,
    file: `${key}${f.suffix}`,
    contentType: f.contentType,
    width: f.width,
    height: f.height,
    bytes: f.body.length,
  }));
  await Promise.all(processed.files.map((f, i) => ctx.storage.put(variants[i]!.file, f.body, f.contentType)));

  try {
    const row = await ctx.db.transaction(async (tx) => {
      // one upload at a time per member, so parallel requests cannot all slip under the quota
      await tx.execute(sql`select id from users where id = ${owner.id} for update`);
      if (!exempt) await assertWithinQuota(tx, owner.id, bytes.length, ctx.limits);
      const [inserted] = await tx
        .insert(uploads)
        .values({
          key,
          ownerId: owner.id,
          purpose,
          originalName: file.name.slice(0, 200),
          contentType: type,
          byteSize: bytes.length,
          sha256,
          width: processed.width,
          height: processed.height,
          variants,
        })
        .returning();
      return inserted!;
    });
    return withUrls(row);
  } catch (error) {
    await Promise.all(variants.map((v) => ctx.storage.delete(v.file).catch(() => {})));
    throw error;
  }
}

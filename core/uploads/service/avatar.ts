import { eq } from 'drizzle-orm';
import { users } from '../../accounts/schema.ts';
import type { Db } from '../../db/index.ts';
import { acceptUpload, type IncomingFile, type StoredUpload, type UploadContext, type UploadOwner } from './accept.ts';

/** Uploads a picture and makes it the member's avatar (replacing the generated initials). */
export async function uploadAvatar(ctx: UploadContext, owner: UploadOwner, file: IncomingFile): Promise<StoredUpload> {
  const upload = await acceptUpload(ctx, { owner, file, purpose: 'avatar' });
  await ctx.db.update(users).set({ avatarKey: upload.key }).where(eq(users.id, owner.id));
  return upload;
}

/** Back to the generated avatar. The old file stays: posts and caches may still show it. */
export async function removeAvatar(db: Db, userId: number): Promise<void> {
  await db.update(users).set({ avatarKey: null }).where(eq(users.id, userId));
}

/** Image uploads: the public surface other domains and the plugin API use. */
import path from 'node:path';
import type { Config } from '../config/index.ts';
import type { Db } from '../db/index.ts';
import type { UploadContext } from './service/accept.ts';
import { LocalDiskStorage, type UploadStorage } from './storage.ts';

export { acceptUpload, withUrls, type IncomingFile, type StoredUpload, type UploadContext, type UploadLimits, type UploadOwner } from './service/accept.ts';
export { uploadsByIds } from './service/lookup.ts';
export { LocalDiskStorage, type UploadStorage } from './storage.ts';
export { uploads, type Upload, type UploadVariant } from './schema.ts';
export { uploadUrls, avatarFileUrl } from './urls.ts';
export { uploadMessages } from './messages.ts';
export { uploadFileRoutes, uploadRoutes } from './routes.tsx';
export { registerUploadSlots } from './slots.tsx';
export { requestBodyLimit } from './body-limit.ts';

/** Storage and limits from the configuration: files under DATA_DIR/uploads on the local disk. */
export function createUploads(db: Db, config: Config, storage?: UploadStorage): UploadContext {
  return {
    db,
    storage: storage ?? new LocalDiskStorage(path.resolve(config.DATA_DIR, 'uploads')),
    limits: { maxBytes: config.UPLOAD_MAX_BYTES, dailyCount: config.UPLOAD_DAILY_COUNT, dailyBytes: config.UPLOAD_DAILY_BYTES },
  };
}

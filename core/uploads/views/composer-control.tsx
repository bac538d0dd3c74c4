import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';

/**
 * The composer's image button. uploads.js turns the file input into "upload and insert ![](url) at the
 * cursor"; without JavaScript the link opens the plain upload form in a new tab.
 */
export const ComposerImageControl: FC<{ vc: ViewContext; target: string }> = ({ vc, target }) => (
  <div class="upload-control" data-upload-target={target} data-uploading={vc.t('uploads.composer.uploading')} data-inserted={vc.t('uploads.composer.inserted')}>
    <label class="button upload-button">
      {vc.t('uploads.composer.button')}
      <input type="file" class="upload-input visually-hidden" accept="image/jpeg,image/png,image/webp,image/gif" multiple />
    </label>
    <a class="upload-fallback" href="/uploads/new" target="_blank" rel="noopener">
      {vc.t('uploads.composer.fallback')}
    </a>
    <span class="upload-status muted" role="status" aria-live="polite"></span>
  </div>
);

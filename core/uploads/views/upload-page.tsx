import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';

export interface UploadPageProps {
  vc: ViewContext;
  maxMb: string;
  /** After a successful upload: what to paste into a post. */
  done?: { markdown: string; thumb: string };
  error?: string;
}

/** The plain-form way to upload an image for a post, for browsers without JavaScript. */
export const UploadPage: FC<UploadPageProps> = ({ vc, maxMb, done, error }) => (
  <section class="stack upload-page">
    <h1>{vc.t('uploads.page.title')}</h1>
    <p class="muted">{vc.t('uploads.page.intro', { max: maxMb })}</p>
    {error ? (
      <div class="flash error" role="alert">
        {error}
      </div>
    ) : null}
    {done ? (
      <div class="flash success stack" role="status">
        <p>{vc.t('uploads.page.done')}</p>
        <input type="text" readonly value={done.markdown} aria-label={vc.t('uploads.page.done')} class="upload-markdown" />
        <img src={done.thumb} alt={vc.t('uploads.page.preview')} />
      </div>
    ) : null}
    <form class="stack" method="post" action="/uploads" enctype="multipart/form-data">
      <input type="hidden" name="_csrf" value={vc.csrfToken} />
      <div class="field">
        <label for="f-upload-file">{vc.t('uploads.page.file')}</label>
        <input id="f-upload-file" type="file" name="file" accept="image/jpeg,image/png,image/webp,image/gif" required />
      </div>
      <div class="form-actions">
        <button type="submit" class="primary">
          {vc.t('uploads.page.submit')}
        </button>
      </div>
    </form>
  </section>
);

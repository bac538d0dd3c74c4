import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';

/** On the member's own profile: upload a picture, or go back to the generated one. */
export const AvatarForm: FC<{ vc: ViewContext; maxMb: string; hasUpload: boolean }> = ({ vc, maxMb, hasUpload }) => (
  <section class="avatar-upload stack" aria-labelledby="avatar-upload-title">
    <h2 id="avatar-upload-title">{vc.t('uploads.avatar.title')}</h2>
    <form class="stack" method="post" action="/uploads/avatar" enctype="multipart/form-data">
      <input type="hidden" name="_csrf" value={vc.csrfToken} />
      <div class="field">
        <label for="f-avatar-file">{vc.t('uploads.page.file')}</label>
        <input id="f-avatar-file" type="file" name="file" accept="image/jpeg,image/png,image/webp,image/gif" required aria-describedby="f-avatar-file-help" />
        <small id="f-avatar-file-help" class="help">
          {vc.t('uploads.avatar.help', { max: maxMb })}
        </small>
      </div>
      <div class="form-actions">
        <button type="submit">{vc.t('uploads.avatar.submit')}</button>
      </div>
    </form>
    {hasUpload ? (
      <form method="post" action="/uploads/avatar/remove">
        <input type="hidden" name="_csrf" value={vc.csrfToken} />
        <button type="submit" class="link-button">
          {vc.t('uploads.avatar.remove')}
        </button>
      </form>
    ) : null}
  </section>
);

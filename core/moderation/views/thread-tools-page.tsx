import type { FC } from 'hono/jsx';
import type { Category, Post, Thread } from '../../forum/schema.ts';
import type { FieldErrors } from '../../http/validation.ts';
import { excerpt } from '../../markdown/index.ts';
import type { ViewContext } from '../../ui/view-context.ts';

export interface ThreadToolsProps {
  vc: ViewContext;
  thread: Thread;
  categories: Category[];
  replies: Post[];
  errors?: FieldErrors;
}

const Csrf: FC<{ vc: ViewContext }> = ({ vc }) => <input type="hidden" name="_csrf" value={vc.csrfToken} />;

const Reason: FC<{ vc: ViewContext; id: string }> = ({ vc, id }) => (
  <label for={id}>
    {vc.t('moderation.thread.reason')} <input id={id} name="reason" maxlength={500} />
  </label>
);

const ErrorText: FC<{ vc: ViewContext; error?: string }> = ({ vc, error }) =>
  error ? (
    <small class="error-text" role="alert">
      {vc.t(error)}
    </small>
  ) : null;

/** Move, merge, split and unlist: each a plain form, so they work without JavaScript. */
export const ThreadToolsPage: FC<ThreadToolsProps> = ({ vc, thread, categories, replies, errors }) => {
  const { t } = vc;
  const base = `/t/${thread.id}`;
  return (
    <section class="thread-tools">
      <h1>{t('moderation.thread.toolsTitle', { title: thread.title })}</h1>
      <form method="post" action={`${base}/move`} class="stack">
        <Csrf vc={vc} />
        <h2>{t('moderation.thread.move')}</h2>
        <select name="categoryId" aria-label={t('moderation.thread.move')}>
          {categories.map((c) => (
            <option value={String(c.id)} selected={c.id === thread.categoryId}>
              {c.name}
            </option>
          ))}
        </select>
        <ErrorText vc={vc} error={errors?.categoryId} />
        <Reason vc={vc} id="move-reason" />
        <button type="submit">{t('moderation.thread.moveSubmit')}</button>
      </form>
      <form method="post" action={`${base}/merge`} class="stack">
        <Csrf vc={vc} />
        <h2>{t('moderation.thread.merge')}</h2>
        <label for="merge-target">{t('moderation.thread.mergeTarget')}</label>
        <input id="merge-target" name="target" required aria-invalid={errors?.targetId ? 'true' : undefined} />
        <ErrorText vc={vc} error={errors?.targetId} />
        <Reason vc={vc} id="merge-reason" />
        <button type="submit" class="danger" data-confirm={t('moderation.thread.confirmMerge')}>
          {t('moderation.thread.mergeSubmit')}
        </button>
      </form>
      <form method="post" action={`${base}/split`} class="stack">
        <Csrf vc={vc} />
        <h2>{t('moderation.thread.split')}</h2>
        <fieldset>
          {replies.map((p) => (
            <label class="checkbox">
              <input type="checkbox" name="postIds" value={String(p.id)} /> #{p.number} {excerpt(p.raw, 80)}
            </label>
          ))}
        </fieldset>
        <ErrorText vc={vc} error={errors?.postIds} />
        <label for="split-title">{t('moderation.thread.splitTitle')}</label>
        <input id="split-title" name="title" required maxlength={200} />
        <ErrorText vc={vc} error={errors?.title} />
        <select name="categoryId" aria-label={t('moderation.thread.move')}>
          {categories.map((c) => (
            <option value={String(c.id)} selected={c.id === thread.categoryId}>
              {c.name}
            </option>
          ))}
        </select>
        <Reason vc={vc} id="split-reason" />
        <button type="submit">{t('moderation.thread.splitSubmit')}</button>
      </form>
      <form method="post" action={`${base}/unlist`} class="stack">
        <Csrf vc={vc} />
        <input type="hidden" name="unlisted" value={thread.unlisted ? '0' : '1'} />
        <Reason vc={vc} id="unlist-reason" />
        <button type="submit">{thread.unlisted ? t('moderation.thread.list') : t('moderation.thread.unlist')}</button>
      </form>
    </section>
  );
};

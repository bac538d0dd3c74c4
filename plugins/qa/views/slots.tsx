import { perView, type Category, type Post, type SlotProps, type Thread, type ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { solvedAmong } from '../service/listing.ts';
import { canAccept } from '../service/permissions.ts';
import { qaPageData } from '../service/structured-data.ts';
import { threadData } from '../service/thread-data.ts';
import type { QaApi } from '../settings.ts';
import { JsonLd } from './jsonld.tsx';
import { AcceptedMark, PostControls } from './post-controls.tsx';

type Props<N extends keyof SlotProps> = SlotProps[N] & { vc: ViewContext };

const viewerId = (vc: ViewContext) => vc.user?.id ?? null;

/** The thread's Q&A data, loaded once per page view; slot preloads start it before the page renders. */
const warm = (api: QaApi, vc: ViewContext, places: readonly { thread: Thread }[]) =>
  places[0] ? threadData(api.db, vc, places[0].thread.id, viewerId(vc)).then(() => undefined) : Promise.resolve();

/** Registers the plugin's UI: every slot renders only in categories where Q&A is on (the runtime checks). */
export function registerSlots(api: QaApi): void {
  api.slot('head', 'qa.css', () => <link rel="stylesheet" href={api.assetUrl('qa.css')} />, { shared: true });

  api.slot('thread.header', 'qa.status', async ({ vc, thread, category }: Props<'thread.header'>) => {
    const data = await threadData(api.db, vc, thread.id, viewerId(vc));
    const solved = !!data.question?.acceptedPostId;
    return (
      <p class="qa-status">
        <span class="badge qa-question">{vc.t('qa.question')}</span>{' '}
        {solved ? <span class="badge qa-solved">✓ {vc.t('qa.solved')}</span> : <span class="badge qa-unsolved">{vc.t('qa.unsolved')}</span>}{' '}
        <a class="small" href={paths.questions(category.id)}>
          {vc.t('qa.browse')}
        </a>
      </p>
    );
  });

  const structuredData = perView((vc: ViewContext, thread: Thread, firstPost: Post) =>
    threadData(api.db, vc, thread.id, viewerId(vc)).then((data) =>
      qaPageData(api.db, { origin: vc.origin, thread, question: firstPost, acceptedPostId: data.question?.acceptedPostId ?? null, scores: data.scores }),
    ),
  );
  api.slot(
    'thread.belowFirstPost',
    'qa.answers',
    async ({ vc, thread, firstPost }: Props<'thread.belowFirstPost'>) => {
      const structured = await structuredData(vc, thread, firstPost);
      const count = Number((structured.mainEntity as { answerCount: number }).answerCount);
      return (
        <>
          <JsonLd data={structured} />
          <h2 class="qa-answers-heading" id="qa-answers">
            {vc.t(count === 1 ? 'qa.answers.count.one' : 'qa.answers.count', { count: vc.tr.number(count) })}
            {count > 1 ? <span class="muted small"> · {vc.t('qa.answers.sorted')}</span> : null}
          </h2>
        </>
      );
    },
    { preload: ({ vc, places }) => (places[0] ? structuredData(vc, places[0].thread, places[0].firstPost).then(() => undefined) : Promise.resolve()) },
  );

  api.slot(
    'post.byline',
    'qa.accepted',
    async ({ vc, post, thread }: Props<'post.byline'>) => {
      const data = await threadData(api.db, vc, thread.id, viewerId(vc));
      return data.question?.acceptedPostId === post.id && post.number > 1 ? <AcceptedMark vc={vc} /> : null;
    },
    { preload: ({ vc, places }) => warm(api, vc, places) },
  );

  api.slot(
    'post.footer',
    'qa.controls',
    async ({ vc, post, thread }: { vc: ViewContext; post: Post; thread: Thread; category: Category }) => {
      const [data, settings] = await Promise.all([threadData(api.db, vc, thread.id, viewerId(vc)), api.settings(thread.categoryId)]);
      return <PostControls vc={vc} thread={thread} post={post} data={data} mayAccept={canAccept(vc.user, thread, settings)} />;
    },
    {
      preload: async ({ vc, places }) => {
        await Promise.all([warm(api, vc, places), places[0] ? api.settings(places[0].thread.categoryId) : undefined]);
      },
    },
  );

  // thread lists: one query for all rows rendered together; the same for every viewer of the list
  const solvedMemo = new WeakMap<object, Promise<Set<number>>>();
  api.slot(
    'thread.listItem',
    'qa.solved',
    async ({ vc, thread, listThreadIds }: Props<'thread.listItem'>) => {
      let solved = solvedMemo.get(listThreadIds);
      if (!solved) solvedMemo.set(listThreadIds, (solved = solvedAmong(api.db, listThreadIds)));
      return (await solved).has(thread.id) ? <span class="badge qa-solved">✓ {vc.t('qa.solved')}</span> : null;
    },
    { shared: true },
  );

  api.slot('category.header', 'qa.filters', ({ vc, category }: Props<'category.header'>) => (
    <nav class="qa-category-links" aria-label={vc.t('qa.listing.filters')}>
      <span class="badge qa-question">{vc.t('qa.name')}</span> <a href={paths.questions(category.id, { show: 'unanswered' })}>{vc.t('qa.show.unanswered')}</a>
      {' · '}
      <a href={paths.questions(category.id, { show: 'unsolved' })}>{vc.t('qa.show.unsolved')}</a>
      {' · '}
      <a href={paths.questions(category.id, { show: 'solved' })}>{vc.t('qa.show.solved')}</a>
      {' · '}
      <a href={paths.questions(category.id, { sort: 'votes' })}>{vc.t('qa.sort.votes')}</a>
    </nav>
  ), { shared: true });

  // the new-thread composer renders extras before a category is chosen: hint only where Q&A is on
  api.slot('composer.extras', 'qa.hint', ({ vc, mode, category }: Props<'composer.extras'>) =>
    category && api.enabledIn(category.id) ? (
      <p class="qa-composer-hint muted small">{vc.t(mode === 'thread' ? 'qa.composer.askHint' : 'qa.composer.answerHint')}</p>
    ) : null,
    { shared: true },
  );
}

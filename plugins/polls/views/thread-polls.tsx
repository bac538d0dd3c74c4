import type { FC } from 'hono/jsx';
import { perView, type Category, type SlotPreload, type Thread, type ViewContext } from '../../../core/plugins/api.ts';
import { createKinds, paths } from '../paths.ts';
import { loadGiveaways } from '../service/load-giveaways.ts';
import { loadPolls } from '../service/load-polls.ts';
import { canCreate } from '../service/permissions.ts';
import type { PollsApi } from '../settings.ts';
import { GiveawayBlock } from './giveaway-block.tsx';
import { PollBlock } from './poll-block.tsx';

/**
 * The thread.belowFirstPost slot: every poll and giveaway of the thread (a fixed number of queries,
 * see loadPolls and loadGiveaways) and, for members allowed to, links to add one. The preload starts
 * those queries with the thread page's own, so the render does not wait on them.
 */
export function threadPolls(api: PollsApi): {
  render: FC<{ vc: ViewContext; thread: Thread; category: Category }>;
  preload: SlotPreload<'thread.belowFirstPost'>;
} {
  const once = perView((vc: ViewContext, thread: Thread, category: Category) => loadBlock(api, vc, thread, category));
  return {
    preload: ({ vc, places }) => (places[0] ? once(vc, places[0].thread, places[0].category).then(() => undefined) : Promise.resolve()),
    render: renderWith(once),
  };
}

function loadBlock(api: PollsApi, vc: ViewContext, thread: Thread, category: Category) {
  return Promise.all([
    api.settings(category.id),
    loadPolls(api.db, { threadId: thread.id, viewerId: vc.user?.id ?? null }),
    loadGiveaways(api.db, { threadId: thread.id }),
  ]);
}

function renderWith(data: (vc: ViewContext, thread: Thread, category: Category) => ReturnType<typeof loadBlock>) {
  return async function ThreadPolls({ vc, thread, category }: { vc: ViewContext; thread: Thread; category: Category }) {
    const [settings, polls, giveaways] = await data(vc, thread, category);
    const creatable = canCreate(vc.user, thread, settings) && !thread.deletedAt;
    if (polls.length === 0 && giveaways.length === 0 && !creatable) return null;
    return (
      <div class="polls-thread">
        {polls.map((view) => (
          <PollBlock vc={vc} view={view} thread={thread} />
        ))}
        {giveaways.map((view) => (
          <GiveawayBlock vc={vc} view={view} threadId={thread.id} />
        ))}
        {creatable ? (
          <nav class="polls-add" aria-label={vc.t('polls.add.label')}>
            {createKinds.map((kind) => (
              <a class="button small" href={paths.create(thread.id, kind)}>
                {vc.t(`polls.add.${kind}`)}
              </a>
            ))}
          </nav>
        ) : null}
      </div>
    );
  };
}

import type { FC } from 'hono/jsx';
import type { ScopedThread, ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import type { GiveawayView } from '../service/load-giveaways.ts';

export interface Recheck {
  hashMatches: boolean;
  winnersMatch: boolean;
}

/** Node.js, standard library only: re-derives the winners from the published seed and list. */
const verifyScript = (seed: string, count: number) => `const { createHash, createHmac } = require('node:crypto');
const seed = '${seed}';
const ids = [/* paste the eligible list */].sort((a, b) => a - b);
console.log('sha256', createHash('sha256').update(ids.join(',')).digest('hex'));
let counter = 0;
const next = (bound) => {
  const limit = 2 ** 32 - (2 ** 32 % bound);
  for (;;) {
    const v = createHmac('sha256', Buffer.from(seed, 'hex')).update(String(counter++)).digest().readUInt32BE(0);
    if (v < limit) return v % bound;
  }
};
const list = [...ids];
for (let i = 0; i < Math.min(${count}, list.length); i++) {
  const j = i + next(list.length - i);
  [list[i], list[j]] = [list[j], list[i]];
}
console.log('winners', list.slice(0, ${count}));`;

/** "Verify this draw": everything needed to recompute the winners independently. */
export const VerifyPage: FC<{ vc: ViewContext; thread: ScopedThread; view: GiveawayView; recheck: Recheck | null }> = ({ vc, thread, view, recheck }) => {
  const { giveaway, draw, winners } = view;
  return (
    <section class="polls-verify stack">
      <p>
        <a href={paths.giveawayAnchor(thread.id, giveaway.id)}>{vc.t('polls.backToThread', { title: thread.title })}</a>
      </p>
      <h1>{vc.t('polls.verify.heading', { title: giveaway.title })}</h1>
      {!draw ? (
        <p class="empty">{vc.t('polls.verify.notDrawn')}</p>
      ) : (
        <>
          {recheck ? (
            <p class={`flash ${recheck.hashMatches && recheck.winnersMatch ? 'success' : 'error'}`} role="status">
              {vc.t(recheck.hashMatches && recheck.winnersMatch ? 'polls.verify.ok' : 'polls.verify.mismatch')}
            </p>
          ) : null}
          <dl class="polls-facts">
            <dt>{vc.t('polls.verify.drawnAt')}</dt>
            <dd>
              <time datetime={draw.drawnAt.toISOString()}>{vc.tr.date(draw.drawnAt, 'long')}</time>
            </dd>
            <dt>{vc.t('polls.verify.algorithm')}</dt>
            <dd>
              <code>{draw.algorithm}</code>
            </dd>
            <dt>{vc.t('polls.verify.seed')}</dt>
            <dd>
              <code class="polls-hex">{draw.seed}</code>
            </dd>
            <dt>{vc.t('polls.verify.hash')}</dt>
            <dd>
              <code class="polls-hex">{draw.listHash}</code>
            </dd>
            <dt>{vc.t('polls.verify.eligibleCount')}</dt>
            <dd>{vc.tr.number(draw.eligibleIds.length)}</dd>
            <dt>{vc.t('polls.verify.winners')}</dt>
            <dd>
              {winners.length
                ? winners.map((w, i) => (
                    <>
                      {i > 0 ? vc.t('polls.listSeparator') : ''}
                      {`${w.displayName} (#${w.id})`}
                    </>
                  ))
                : vc.t('polls.giveaway.nobody')}
            </dd>
          </dl>
          <h2>{vc.t('polls.verify.stepsHeading')}</h2>
          <ol class="polls-steps">
            <li>{vc.t('polls.verify.step1')}</li>
            <li>{vc.t('polls.verify.step2')}</li>
            <li>{vc.t('polls.verify.step3')}</li>
            <li>{vc.t('polls.verify.step4', { count: giveaway.winnerCount })}</li>
          </ol>
          <div class="field">
            <label for="polls-eligible">{vc.t('polls.verify.list')}</label>
            <textarea id="polls-eligible" readonly rows={4}>
              {draw.eligibleIds.join(',')}
            </textarea>
          </div>
          <h2>{vc.t('polls.verify.scriptHeading')}</h2>
          <pre>
            <code>{verifyScript(draw.seed, giveaway.winnerCount)}</code>
          </pre>
        </>
      )}
    </section>
  );
};

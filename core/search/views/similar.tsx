import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { SearchHit } from '../query.ts';
import { Parts } from './text-parts.tsx';

/** The inside of the composer's #similar-threads region: threads resembling the title, or nothing. */
export const SimilarThreads: FC<{ vc: ViewContext; hits: SearchHit[] }> = ({ vc, hits }) =>
  hits.length ? (
    <>
      <p class="similar-heading">{vc.t('search.similar.heading')}</p>
      <ul>
        {hits.map((hit) => (
          <li>
            <a href={hit.url} target="_blank" rel="noopener">
              <Parts parts={hit.title} />
            </a>
          </li>
        ))}
      </ul>
    </>
  ) : (
    <></>
  );

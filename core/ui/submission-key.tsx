import { randomBytes } from 'node:crypto';
import type { FC } from 'hono/jsx';

/**
 * A hidden random key that makes a form's submission idempotent (see core/http/idempotency): the
 * same form sent twice (double click, a retry after a network error) creates one post, not two.
 */
export const SubmissionKey: FC = () => <input type="hidden" name="_submission" value={randomBytes(18).toString('base64url')} data-submission-key="" />;

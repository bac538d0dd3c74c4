import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import { generateToken } from '../accounts/service/tokens.ts';
import { MemberPart } from './member-parts.tsx';
import type { ViewContext } from './view-context.ts';

/** Made for every form shown, so written as text: 160 random bits in base32 need no escaping. */
const keyInput = () => raw(`<input type="hidden" name="_submission" value="${generateToken()}" data-submission-key=""/>`);

/**
 * A hidden random key that makes a form's submission idempotent (see core/http/idempotency): the
 * same form sent twice (double click, a retry after a network error) creates one post, not two.
 * Pass `vc` in pages that may be shared by a class of members (core/http/member-pages): each member's
 * copy then gets a key of its own.
 */
export const SubmissionKey: FC<{ vc?: ViewContext }> = ({ vc }) => (vc ? <MemberPart vc={vc} render={keyInput} /> : keyInput());

import type { FC } from 'hono/jsx';
import type { TextPart } from '../query.ts';

/** Highlighted text: hits in <mark>, everything escaped by JSX. */
export const Parts: FC<{ parts: TextPart[] }> = ({ parts }) => (
  <>{parts.map((p) => (p.hit ? <mark>{p.text}</mark> : p.text))}</>
);

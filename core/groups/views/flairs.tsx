import type { FC } from 'hono/jsx';
import type { Flair } from '../flair.ts';

/** Group flairs next to a member's name: short labels coloured from the theme's palette. */
export const Flairs: FC<{ flairs: readonly Flair[] | undefined }> = ({ flairs }) =>
  flairs && flairs.length > 0 ? (
    <>
      {flairs.map((f) => (
        <span class={`flair flair-${f.color}`} title={f.name}>
          {f.label}
        </span>
      ))}
    </>
  ) : null;

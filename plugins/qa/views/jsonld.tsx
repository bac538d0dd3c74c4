import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import { jsonForScript } from '../service/structured-data.ts';

/** Structured data is not script: CSP leaves a JSON block alone, and the JSON is escaped so it cannot end the element. */
export const JsonLd: FC<{ data: unknown }> = ({ data }) => <script type="application/ld+json">{raw(jsonForScript(data))}</script>;

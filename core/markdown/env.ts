import type { Env } from 'markdown-it';

/** What the plugins read and collect during one render. */
export interface RenderState {
  /** Lower-cased names that may become mention links. */
  knownUsernames: ReadonlySet<string>;
  /** Every well-placed @name, linked or not. */
  mentionCandidates: Set<string>;
  mentions: Set<string>;
  quotedPostIds: Set<number>;
  links: Set<string>;
  images: Set<string>;
  /** Quote blocks open around the line being parsed. */
  quoteDepth: number;
  /** Closing line found for an opening line (null: none), so a retried opener is not rescanned. */
  quoteCloses: Map<string, number | null>;
  /** Lines left to scan for closing tags; unclosed openers would otherwise cost lines² on hostile input. */
  quoteScanBudget: number;
}

const states = new WeakMap<Env, RenderState>();

/** A fresh markdown-it env carrying a render state. */
export function createEnv(knownUsernames: ReadonlySet<string> = new Set()): Env {
  const env: Env = {};
  states.set(env, {
    knownUsernames,
    mentionCandidates: new Set(),
    mentions: new Set(),
    quotedPostIds: new Set(),
    links: new Set(),
    images: new Set(),
    quoteDepth: 0,
    quoteCloses: new Map(),
    quoteScanBudget: 200_000,
  });
  return env;
}

export function renderState(env: Env): RenderState {
  const state = states.get(env);
  if (!state) throw new Error('markdown env was not created by createEnv()');
  return state;
}

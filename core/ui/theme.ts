import type { Child, FC } from 'hono/jsx';
import type { ViewContext } from './view-context.ts';

export interface LayoutProps {
  vc: ViewContext;
  title: string;
  /** Meta description and feed links for this page. */
  description?: string;
  feeds?: { title: string; href: string; format?: 'rss' | 'atom' }[];
  canonical?: string;
  /** Extra elements for <head> (structured data, …). */
  head?: Child;
  children?: Child;
}

/** A theme restyles through CSS custom properties and may replace whole layout components. */
export interface Theme {
  name: string;
  stylesheets: string[];
  Layout: FC<LayoutProps>;
}

let active: Theme | undefined;

export function setActiveTheme(theme: Theme): void {
  active = theme;
}

export function activeTheme(): Theme {
  if (!active) throw new Error('No theme is active: call setActiveTheme() before rendering.');
  return active;
}

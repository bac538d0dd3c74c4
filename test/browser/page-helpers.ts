import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Where browser tests leave their screenshots (git-ignored). */
export const screenshotsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

declare global {
  interface Window {
    /** Set before a live update: still there afterwards means the page was not reloaded. */
    __marker?: number;
    /** Counts the 'ready' events of the page's live stream (see watchLiveStream). */
    __liveReady?: number;
  }
}

/** Page errors, blocked scripts or styles (CSP, wrong MIME type) mean the page is broken for members. */
export function watchForPageProblems(page: Page, problems: string[] = []): string[] {
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(`refused: ${message.text()}`);
    }
  });
  return problems;
}

/** The server subscribes a stream before it sends 'ready': only then can an event reach this page live. */
export async function watchLiveStream(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Native = window.EventSource;
    window.EventSource = class extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        this.addEventListener('ready', () => {
          window.__liveReady = (window.__liveReady ?? 0) + 1;
        });
      }
    };
  });
}

export interface Person {
  username: string;
  email: string;
  password: string;
}

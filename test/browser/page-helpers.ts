import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

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

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Waits until the header shows the member as signed in. */
export async function signedInAs(page: Page, username: string): Promise<void> {
  await page.locator('nav.account-nav').getByRole('link', { name: username, exact: true }).waitFor();
}

/** Signs a new member up through /register, as a person would. */
export async function registerMember(page: Page, t: Translate, person: Person): Promise<void> {
  await page.goto('/');
  await page.locator('nav.account-nav').getByRole('link', { name: t('nav.register') }).click();
  await page.waitForURL(/\/register/);
  await page.getByLabel(t('account.username'), { exact: true }).fill(person.username);
  await page.getByLabel(t('account.email'), { exact: true }).fill(person.email);
  await page.getByLabel(t('account.password'), { exact: true }).fill(person.password);
  await page.getByRole('button', { name: t('account.register.submit') }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await signedInAs(page, person.username);
}

export interface BrowserSession {
  pages: Page[];
  contexts: BrowserContext[];
  /** Page errors and CSP refusals seen on any page of the session. */
  problems: string[];
  /** A new browser context (one person) with a page, watched for problems. */
  open(): Promise<Page>;
  /** Names the step in a failure and keeps a screenshot of every open page. */
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** Several people in one test, each in their own browser context. */
export function browserSession(forum: { newPage(locale: string): Promise<{ context: BrowserContext; page: Page }> }, locale: string, label: string): BrowserSession {
  const pages: Page[] = [];
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  return {
    pages,
    contexts,
    problems,
    async open() {
      const { context, page } = await forum.newPage(locale);
      contexts.push(context);
      pages.push(page);
      watchForPageProblems(page, problems);
      return page;
    },
    async step(name, fn) {
      try {
        return await fn();
      } catch (error) {
        const where = pages.map((p) => p.url()).join(' | ');
        if (error instanceof Error) error.message = `[${locale}, step: ${name}] at ${where}: ${error.message}`;
        mkdirSync(screenshotsDir, { recursive: true });
        for (const [i, p] of pages.entries()) {
          const file = `failed-${label}-${locale}-${name.replace(/\W+/g, '-')}-${i}.png`;
          await p.screenshot({ path: path.join(screenshotsDir, file), fullPage: true }).catch(() => {});
        }
        throw error;
      }
    },
  };
}

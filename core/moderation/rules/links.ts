import { renderMarkdown } from '../../markdown/index.ts';
import type { RuleConfig } from '../service/settings.ts';
import { compact } from './text.ts';

export type LinkVerdict =
  | { rule: 'blocked'; domain: string }
  | { rule: 'notAllowed'; domain: string }
  | { rule: 'tooMany'; max: number }
  | { rule: 'linkOnly' }
  | null;

const external = /^(?:https?:)?\/\//i;

export function hostOf(href: string): string | null {
  try {
    return new URL(href, 'https://local.invalid').hostname.replace(/\.$/, '').toLowerCase();
  } catch {
    return null;
  }
}

export function domainMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** Linked hosts of a post: Markdown links, autolinks and images. */
export function linkedHosts(raw: string): string[] {
  const rendered = renderMarkdown(raw);
  return [...rendered.links, ...rendered.images].filter((href) => external.test(href)).flatMap((href) => hostOf(href) ?? []);
}

/** Blocked domains apply to everyone; the link limit, allow-list and link-only hold to new members. */
export function checkLinks(raw: string, config: RuleConfig, newMember: boolean): LinkVerdict {
  const hosts = linkedHosts(raw);
  const blocked = hosts.find((h) => config.blockedDomains.some((d) => domainMatches(h, d)));
  if (blocked) return { rule: 'blocked', domain: blocked };
  if (!newMember || hosts.length === 0) return null;
  if (config.allowedDomains.length) {
    const outside = hosts.find((h) => !config.allowedDomains.some((d) => domainMatches(h, d)));
    if (outside) return { rule: 'notAllowed', domain: outside };
  }
  if (hosts.length > config.newMemberMaxLinks) return { rule: 'tooMany', max: config.newMemberMaxLinks };
  if (config.holdLinkOnly) {
    const withoutUrls = raw.replace(/\[([^\]]*)\]\([^)]*\)/g, '').replace(/(?:https?:)?\/\/\S+/gi, '').replace(/www\.\S+/gi, '');
    if (compact(withoutUrls).text.length < 5) return { rule: 'linkOnly' };
  }
  return null;
}

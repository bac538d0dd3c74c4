/**
 * Reads rendered post HTML back and lists everything it must not contain. The sanitiser escapes every
 * "<" in text, so any "<" outside a recognised tag is itself a finding.
 */

export interface Tag {
  name: string;
  closing: boolean;
  attrs: Record<string, string>;
}

const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'=<>/]+(?:="[^"]*")?)*)\s*\/?>/g;
const attrPattern = /([^\s"'=<>/]+)(?:="([^"]*)")?/g;

const allowedAttributes: Record<string, readonly string[]> = {
  p: [], br: [], h3: [], h4: [], h5: [], h6: [], em: [], strong: [], s: [], ul: [], ol: ['start'], li: [],
  blockquote: [], pre: [], code: ['class'], table: [], thead: [], tbody: [], tr: [], th: ['class'], td: ['class'],
  hr: [], a: ['href', 'title', 'rel', 'class'], img: ['src', 'alt', 'title', 'loading'],
  aside: ['class', 'data-post-id'], div: ['class'],
};

const allowedClass: Record<string, RegExp> = {
  a: /^mention$/,
  aside: /^quote$/,
  div: /^quote-title$/,
  code: /^language-[\w+-]+$/,
  th: /^align-(left|center|right)$/,
  td: /^align-(left|center|right)$/,
};

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, '&');
}

export function parseTags(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of html.matchAll(tagPattern)) {
    const attrs: Record<string, string> = {};
    for (const attr of (match[3] ?? '').matchAll(attrPattern)) attrs[(attr[1] ?? '').toLowerCase()] = decode(attr[2] ?? '');
    tags.push({ name: (match[2] ?? '').toLowerCase(), closing: match[1] === '/', attrs });
  }
  return tags;
}

export function textOf(html: string): string {
  return decode(html.replace(tagPattern, ''));
}

function isSafeHref(href: string): boolean {
  if (/^(https?:|mailto:)/i.test(href)) return true;
  return !/^[^/?#]*:/.test(href) && !/^[\\/]{2}/.test(href);
}

function isSafeSrc(src: string): boolean {
  return /^https:\/\//.test(src) || /^\/(?![\\/])/.test(src);
}

export function findProblems(html: string): string[] {
  const problems: string[] = [];
  if (html.replace(tagPattern, '').includes('<')) problems.push('unrecognised markup');
  for (const tag of parseTags(html)) {
    const allowed = allowedAttributes[tag.name];
    if (!allowed) {
      problems.push(`tag <${tag.name}>`);
      continue;
    }
    for (const [name, value] of Object.entries(tag.attrs)) {
      if (!allowed.includes(name)) problems.push(`attribute ${name} on <${tag.name}>`);
      if (/^on/.test(name) || /^(data-)?hx-/.test(name) || name === 'style' || name === 'id') {
        problems.push(`forbidden attribute ${name}`);
      }
      if (name === 'class' && !allowedClass[tag.name]?.test(value)) problems.push(`class "${value}" on <${tag.name}>`);
      const url = (name === 'href' || name === 'src') && value.replace(/[\s\u0000-\u001f]/g, '');
      if (url && /(java|vb)script:|data:/i.test(url)) problems.push(`script URL in ${name}`);
    }
    if (tag.name === 'a' && tag.attrs.href !== undefined) {
      const href = tag.attrs.href;
      if (!isSafeHref(href)) problems.push(`href ${href}`);
      const absolute = /^(https?:|mailto:)/i.test(href);
      if (absolute && tag.attrs.rel !== 'nofollow ugc noopener') problems.push(`external link without rel: ${href}`);
    }
    if (tag.name === 'img') {
      if (!isSafeSrc(tag.attrs.src ?? '')) problems.push(`img src ${tag.attrs.src}`);
      if (tag.attrs.loading !== 'lazy') problems.push('img without loading=lazy');
    }
  }
  return problems;
}

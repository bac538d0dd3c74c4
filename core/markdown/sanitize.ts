import sanitizeHtml from 'sanitize-html';
import { externalRel } from './links.ts';
import { isAllowedImageSrc, linkKind } from './urls.ts';

const alignClasses = ['align-left', 'align-center', 'align-right'];

/**
 * The last word on what post HTML may contain, applied to the renderer's output. The renderer never emits
 * raw HTML; this allowlist still holds if a plugin or a future change does.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'h3', 'h4', 'h5', 'h6', 'em', 'strong', 's', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'a', 'img', 'aside', 'div',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'class'],
    img: ['src', 'alt', 'title', 'loading'],
    ol: ['start'],
    aside: ['class', 'data-post-id'],
    div: ['class'],
    code: ['class'],
    th: ['class'],
    td: ['class'],
  },
  allowedClasses: {
    a: ['mention'],
    aside: ['quote'],
    div: ['quote-title'],
    code: [/^language-[\w+-]+$/],
    th: alignClasses,
    td: alignClasses,
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math'],
  transformTags: {
    a(tagName, attribs) {
      const kept: sanitizeHtml.Attributes = {};
      const kind = attribs.href === undefined ? null : linkKind(attribs.href);
      if (attribs.class === 'mention' && kind === 'relative') kept.class = 'mention';
      if (attribs.href !== undefined && kind) kept.href = attribs.href;
      if (attribs.title !== undefined) kept.title = attribs.title;
      if (kind === 'absolute') kept.rel = externalRel;
      return { tagName, attribs: kept };
    },
    img(tagName, attribs) {
      const kept: sanitizeHtml.Attributes = {};
      if (attribs.src !== undefined && isAllowedImageSrc(attribs.src)) kept.src = attribs.src;
      if (attribs.alt !== undefined) kept.alt = attribs.alt;
      if (attribs.title !== undefined) kept.title = attribs.title;
      kept.loading = 'lazy';
      return { tagName, attribs: kept };
    },
    aside(tagName, attribs) {
      const kept: sanitizeHtml.Attributes = {};
      if (attribs.class !== undefined) kept.class = attribs.class;
      const postId = attribs['data-post-id'];
      if (postId !== undefined && /^\d+$/.test(postId)) kept['data-post-id'] = postId;
      return { tagName, attribs: kept };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

export function sanitizePostHtml(html: string): string {
  return sanitizeHtml(html, options);
}

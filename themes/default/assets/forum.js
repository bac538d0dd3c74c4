// Small progressive enhancements. Every page works without this file; our CSP allows only
// scripts from our own origin (no inline handlers, no eval, so no hx-on), which is why they live here.
// All listeners are delegated from document, so content swapped in by htmx is covered too.
(() => {
  'use strict';

  document.documentElement.classList.add('js');

  // A <select data-autosubmit> (language, sort order…) submits its form when changed.
  document.addEventListener('change', (event) => {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement) || !select.hasAttribute('data-autosubmit')) return;
    select.form?.requestSubmit();
  });

  // A submit button with data-confirm="Really delete?" asks first; declining cancels the submit.
  document.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('[data-confirm]') : null;
      if (!button) return;
      if (!window.confirm(button.getAttribute('data-confirm') || '')) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true,
  );

  // A quote button (data-quote-target="#reply-raw", and data-quote="text" or data-quote-source="/p/1/quote"
  // to fetch it) adds the quote to the reply box and puts the caret after it, keeping whatever the
  // member already wrote. Plain text is turned into a Markdown blockquote; text that already is one
  // ("> …" or "[quote…") is inserted as it is. If the text cannot be fetched the link is followed: the
  // reply page quotes on the server.
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-quote-target]') : null;
    if (!button) return;
    const textarea = replyBox(button.getAttribute('data-quote-target'));
    if (!textarea) return;
    event.preventDefault();
    const source = button.getAttribute('data-quote-source');
    if (!source) {
      insertQuote(textarea, button.getAttribute('data-quote') || '');
      return;
    }
    fetch(source, { credentials: 'same-origin', headers: { accept: 'text/plain' } })
      .then((response) => {
        if (!response.ok || !(response.headers.get('content-type') || '').startsWith('text/plain')) throw new Error(String(response.status));
        return response.text();
      })
      .then((text) => insertQuote(textarea, text))
      .catch(() => {
        const href = button.getAttribute('href');
        if (href) window.location.assign(href);
      });
  });

  function insertQuote(textarea, text) {
    let quote = text.trim();
    if (!quote) return;
    if (!/^(>|\[quote)/.test(quote)) quote = quote.replace(/^/gm, '> ');
    const before = textarea.value.replace(/\s+$/, '');
    textarea.value = `${before ? `${before}\n\n` : ''}${quote}\n\n`;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    textarea.scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  }

  function replyBox(selector) {
    let target = null;
    try {
      target = selector ? document.querySelector(selector) : null;
    } catch {
      // not a valid selector: fall back to the page's reply box
    }
    if (target instanceof HTMLTextAreaElement) return target;
    const found = (target || document).querySelector('textarea[name="raw"]');
    return found instanceof HTMLTextAreaElement ? found : null;
  }

  function freshKey() {
    const bytes = new Uint8Array(18);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  // A form with data-reset-on-success is emptied once htmx got a 2xx answer for it (the reply box
  // after a reply was appended). Validation errors (4xx) keep the text so nothing is lost.
  document.addEventListener('htmx:after:request', (event) => {
    const ctx = event.detail && event.detail.ctx;
    const status = ctx && ctx.response ? ctx.response.status : 0;
    if (status < 200 || status >= 300) return;
    const source = ctx.sourceElement instanceof Element ? ctx.sourceElement : event.target;
    const form = source instanceof HTMLFormElement ? source : source instanceof Element ? source.closest('form') : null;
    if (!form || !form.hasAttribute('data-reset-on-success')) return;
    form.reset();
    // the next reply is a new submission: give it a key of its own (see core/http/idempotency)
    for (const input of form.querySelectorAll('input[data-submission-key]')) input.value = freshKey();
    for (const el of form.querySelectorAll('.error-text')) el.remove();
    for (const el of form.querySelectorAll('.has-error')) el.classList.remove('has-error');
    for (const el of form.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
  });

  // The bell's dropdown closes on a click elsewhere or on Escape.
  document.addEventListener('click', (event) => {
    for (const menu of document.querySelectorAll('details.bell-menu[open]')) {
      if (!(event.target instanceof Node) || !menu.contains(event.target)) menu.removeAttribute('open');
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    for (const menu of document.querySelectorAll('details.bell-menu[open]')) {
      menu.removeAttribute('open');
      const summary = menu.querySelector('summary');
      if (summary) summary.focus();
    }
  });

  function prefersReducedMotion() {
    return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  }
})();

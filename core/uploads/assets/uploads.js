// Composer image uploads (core/uploads): picks files, posts each to /uploads and inserts ![](url) at the cursor.
// Without this script the composer shows a link to the plain upload form instead.
(function () {
  'use strict';
  document.documentElement.classList.add('js-uploads');

  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute('hx-headers:inherited') || '{}')['X-CSRF-Token'] || '';
    } catch (_) {
      return '';
    }
  }

  function insertAtCursor(textarea, text) {
    var start = textarea.selectionStart == null ? textarea.value.length : textarea.selectionStart;
    var end = textarea.selectionEnd == null ? start : textarea.selectionEnd;
    var before = textarea.value.slice(0, start);
    var after = textarea.value.slice(end);
    var prefix = before && !/\n$/.test(before) ? '\n' : '';
    var suffix = after && !/^\n/.test(after) ? '\n' : '';
    textarea.value = before + prefix + text + suffix + after;
    var caret = (before + prefix + text).length;
    textarea.setSelectionRange(caret, caret);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    textarea.focus();
  }

  async function uploadOne(file) {
    var body = new FormData();
    body.append('file', file);
    var res = await fetch('/uploads', {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrfToken(), Accept: 'application/json' },
    });
    var data = await res.json().catch(function () {
      return { error: res.status + ' ' + res.statusText };
    });
    if (!res.ok) throw new Error(data.error || String(res.status));
    return data;
  }

  document.addEventListener('change', async function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.classList.contains('upload-input')) return;
    var control = input.closest('.upload-control');
    var form = input.closest('form');
    var textarea = form && form.querySelector('textarea[name="raw"]');
    var status = control && control.querySelector('.upload-status');
    if (!control || !textarea || !status) return;
    var files = Array.prototype.slice.call(input.files || []);
    status.classList.remove('error-text');
    try {
      for (var i = 0; i < files.length; i++) {
        status.textContent = control.dataset.uploading;
        var data = await uploadOne(files[i]);
        insertAtCursor(textarea, data.markdown);
        status.textContent = control.dataset.inserted;
      }
    } catch (error) {
      status.textContent = error.message;
      status.classList.add('error-text');
    } finally {
      input.value = '';
    }
  });
})();

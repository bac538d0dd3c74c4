// Review queue keys: j/k move between items, a/r/d/e/s press the focused item's button.
(function () {
  'use strict';
  function items() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-queue-item]'));
  }
  function current() {
    var active = document.activeElement;
    return active && active.closest ? active.closest('[data-queue-item]') : null;
  }
  document.addEventListener('keydown', function (event) {
    if (!document.querySelector('[data-review-queue]')) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')) return;
    var list = items();
    if (list.length === 0) return;
    var here = current();
    var index = here ? list.indexOf(here) : -1;
    if (event.key === 'j' || event.key === 'k') {
      var next = event.key === 'j' ? Math.min(list.length - 1, index + 1) : Math.max(0, index - 1);
      list[next].focus();
      list[next].scrollIntoView({ block: 'nearest' });
      event.preventDefault();
      return;
    }
    if (!here) return;
    var button = here.querySelector('[data-queue-key="' + event.key + '"]');
    if (button) {
      event.preventDefault();
      button.click();
    }
  });
  // after an item is handled in place, focus the next one
  document.addEventListener('htmx:after:swap', function () {
    var done = document.querySelector('[data-queue-item].done:not([data-seen])');
    if (!done) return;
    done.setAttribute('data-seen', '1');
    var list = items();
    var next = list[list.indexOf(done) + 1];
    (next || done).focus();
  });
})();

// Live updates for open pages: new replies in a thread, the notification bell, new activity on listings.
// Uses Server-Sent Events; when a proxy blocks them, it falls back to polling. Served from our origin.
(function () {
  'use strict';
  if (!window.fetch) return;
  // the last page of a thread carries data-live; every page of a signed-in member has the bell
  var root = document.querySelector('[data-live]');
  var listing = document.querySelector('[data-live-listing]');
  if (!root && !listing && !document.querySelector('.bell')) return;
  var thread = root ? root.getAttribute('data-live-thread') : null;
  var last = root ? Number(root.getAttribute('data-live-last') || '0') : 0;

  function shownLast() {
    var numbers = root ? root.querySelectorAll('[data-post-number]') : [];
    var n = numbers.length ? Number(numbers[numbers.length - 1].getAttribute('data-post-number')) : 0;
    return Math.max(last, n);
  }
  var pending = 0;
  var failures = 0;
  var source;

  function bar() {
    var el = document.getElementById('live-bar');
    if (!el) {
      el = document.createElement('button');
      el.id = 'live-bar';
      el.type = 'button';
      el.className = 'live-bar';
      el.setAttribute('aria-live', 'polite');
      el.addEventListener('click', showNew);
      root.parentNode.insertBefore(el, root.nextSibling);
    }
    return el;
  }

  function announce(count) {
    if (count <= 0) return;
    var template = root.getAttribute(count === 1 ? 'data-live-one' : 'data-live-many') || '{count}';
    bar().textContent = template.replace('{count}', String(count));
  }

  function showNew() {
    var url = root.getAttribute('data-live-after');
    if (!url) return location.reload();
    fetch(url + last, { headers: { 'HX-Request': 'true' }, credentials: 'same-origin' })
      .then(function (res) { return res.ok ? res.text() : Promise.reject(res.status); })
      .then(function (html) {
        root.insertAdjacentHTML('beforeend', html);
        var numbers = root.querySelectorAll('[data-post-number]');
        if (numbers.length) last = Number(numbers[numbers.length - 1].getAttribute('data-post-number'));
        pending = 0;
        var el = document.getElementById('live-bar');
        if (el) el.remove();
        if (window.htmx && window.htmx.process) window.htmx.process(root);
      })
      .catch(function () { location.reload(); });
  }

  function setBell(count) {
    var bell = document.querySelector('.bell');
    if (!bell) return;
    var template = bell.getAttribute('data-label-template');
    if (template) bell.setAttribute('aria-label', template.replace('{count}', String(count)));
    var badge = bell.querySelector('.count');
    if (count > 0) {
      if (!badge) {
        badge = document.createElement('span');
        badge.className = 'count';
        bell.appendChild(badge);
      }
      badge.textContent = String(count);
    } else if (badge) badge.remove();
  }

  function onPost(data) {
    // the member's own reply is already on the page (htmx appended it)
    last = shownLast();
    if (thread && String(data.threadId) === thread && data.number > last) {
      pending = data.number - last;
      announce(pending);
    }
  }

  function poll() {
    var url = '/live/poll?after=' + last + (thread ? '&thread=' + encodeURIComponent(thread) : '');
    fetch(url, { credentials: 'same-origin' })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (data) {
        if (!data) return;
        if (typeof data.unreadNotifications === 'number') setBell(data.unreadNotifications);
        last = shownLast();
        if (data.lastNumber > last) announce(data.lastNumber - last);
      })
      .catch(function () {})
      .then(function () { setTimeout(poll, 30000); });
  }

  function onActivity() {
    if (!listing || document.getElementById('live-activity')) return;
    var el = document.createElement('button');
    el.id = 'live-activity';
    el.type = 'button';
    el.className = 'live-bar';
    el.setAttribute('aria-live', 'polite');
    el.textContent = listing.getAttribute('data-live-activity') || '↻';
    el.addEventListener('click', function () { location.reload(); });
    listing.insertBefore(el, listing.firstChild);
  }

  function connect() {
    if (!window.EventSource) return poll();
    source = new EventSource('/live' + (thread ? '?thread=' + encodeURIComponent(thread) : ''));
    source.addEventListener('ready', function () { failures = 0; });
    source.addEventListener('post', function (e) { onPost(JSON.parse(e.data)); });
    source.addEventListener('notifications', function (e) { setBell(JSON.parse(e.data).unread); });
    source.addEventListener('activity', onActivity);
    source.onerror = function () {
      failures += 1;
      if (failures >= 3) {
        source.close();
        poll();
      }
    };
  }

  connect();
})();

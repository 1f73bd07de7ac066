// Lesson page: reading heartbeats. The server measures the engaged reading time; this script only
// says "still reading" every data-interval seconds while the page is visible (Page Visibility API)
// and the reader has done something (scrolled, moved the pointer, typed, touched) in the last
// 90 seconds. When counting starts again (page loaded, shown again, reader back) it sends
// resume=true, which credits nothing and makes the next heartbeat count from then.
(function () {
  var ACTIVE_MS = 90000;

  function start(el) {
    var url = el.getAttribute('data-url');
    var token = el.getAttribute('data-token');
    var lesson = el.getAttribute('data-lesson');
    var interval = Math.max(5, parseInt(el.getAttribute('data-interval'), 10) || 15) * 1000;
    var lastActive = Date.now();
    var counting = false;

    function send(resume) {
      var p = new URLSearchParams();
      p.append('lesson', lesson);
      if (resume) { p.append('resume', 'true'); }
      return fetch(url, {
        method: 'POST', credentials: 'same-origin', body: p,
        headers: { 'X-Servicecraft-Token': token, 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' }
      }).then(function (res) {
        return res.ok ? res.json() : null;
      }).then(function (body) {
        if (body) {
          el.textContent = body.status;
          el.setAttribute('data-left', body.left);
        }
      }).catch(function () { /* the next heartbeat tries again */ });
    }

    function visible() { return document.visibilityState !== 'hidden'; }

    function resume() {
      if (!counting && visible()) {
        counting = true;
        send(true);
      }
    }

    ['scroll', 'wheel', 'mousemove', 'pointerdown', 'keydown', 'touchstart'].forEach(function (type) {
      window.addEventListener(type, function () {
        lastActive = Date.now();
        resume();
      }, { passive: true });
    });
    document.addEventListener('visibilitychange', function () {
      if (visible()) {
        lastActive = Date.now();
        resume();
      } else {
        counting = false;
      }
    });
    setInterval(function () {
      if (!visible() || Date.now() - lastActive > ACTIVE_MS) {
        counting = false;
      } else if (counting) {
        send(false);
      } else {
        resume();
      }
    }, interval);
    resume();
  }

  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('readingStatus');
    if (el && window.fetch) { start(el); }
  });
})();

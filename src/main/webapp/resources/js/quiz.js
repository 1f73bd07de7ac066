// Attempt page helpers: countdown from the server's deadline, the listening-game passage shown once,
// and the "not saved" warning (or "not saved, retrying" while the server is unreachable). No answer logic
// lives here; the server decides everything.
(function () {
  function pad(n) { return (n < 10 ? '0' : '') + n; }

  window.scSaveFailed = function () {
    var w = document.getElementById('saveWarning');
    if (w) { w.hidden = false; }
  };
  window.scSaveOk = function () {
    var w = document.getElementById('saveWarning');
    if (w) { w.hidden = true; }
  };

  // Autosave: every change in #answerArea is posted to /learn/autosave at once (typing: 0.7 s after the
  // last key). Saves go out one after another in the order they were made; window.scPendingSaves
  // counts those still on their way.
  var queue = Promise.resolve();
  var typingTimer;
  window.scPendingSaves = 0;

  function answerParams(area) {
    var p = new URLSearchParams();
    p.append('attempt', area.getAttribute('data-attempt'));
    p.append('position', area.getAttribute('data-position'));
    var type = area.getAttribute('data-type');
    if (type === 'single-choice' || type === 'true-false' || type === 'inference') {
      var checked = area.querySelector('input[type=radio]:checked');
      if (checked) { p.append('v', checked.value); }
    } else if (type === 'multiple-choice') {
      area.querySelectorAll('input[type=checkbox]:checked').forEach(function (c) { p.append('v', c.value); });
    } else if (type === 'free-text') {
      p.append('v', area.querySelector('textarea').value);
    } else if (type === 'matching') {
      area.querySelectorAll('[data-left]').forEach(function (cell) {
        var select = cell.querySelector('select');
        if (select && select.value) { p.append('p.' + cell.getAttribute('data-left'), select.value); }
      });
    } else if (type === 'self-rating') {
      area.querySelectorAll('[data-statement]').forEach(function (cell) {
        var rating = cell.querySelector('input[type=radio]:checked');
        if (rating) { p.append('p.' + cell.getAttribute('data-statement'), rating.value); }
      });
    } else {
      return null;
    }
    return p;
  }

  function showStatus(text, failed) {
    var status = document.getElementById('saveStatus');
    if (status) {
      status.textContent = text;
      status.classList.toggle('sc-save-failed', failed);
    }
  }

  // While the server cannot store the answer (503 with "retry", or no answer at all) the same save is
  // sent again, after 1, 2, 4, 8 then every 15 seconds, until the server acknowledges it; the page says
  // "not saved, retrying" meanwhile and later saves wait behind it, so the order stays.
  function send(url, token, params, position, retryingText, tries) {
    tries = tries || 0;
    function retry(message) {
      showStatus(message || retryingText, true);
      var delay = Math.min(15000, 1000 * Math.pow(2, tries));
      return new Promise(function (resolve) { setTimeout(resolve, delay); })
        .then(function () { return send(url, token, params, position, retryingText, tries + 1); });
    }
    return fetch(url, {
      method: 'POST', credentials: 'same-origin', body: params,
      headers: { 'X-Servicecraft-Token': token, 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' }
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (body) {
        if (res.ok) {
          window.scSaveOk();
          if (body.status) { showStatus(body.status, false); }
          var button = document.querySelectorAll('.sc-navigator button')[position];
          if (button) { button.classList.toggle('sc-answered', !!body.answered); }
        } else if (res.status === 503 || body.retry) {
          return retry(body.message);
        } else {
          window.scSaveFailed();
          if (body.message) { showStatus(body.message, true); }
        }
      });
    }, function () { return retry(null); }).catch(function () { window.scSaveFailed(); });
  }

  window.scAutosave = function () {
    clearTimeout(typingTimer);
    var area = document.getElementById('answerArea');
    var params = area && answerParams(area);
    if (!params) { return; }
    var url = area.getAttribute('data-url');
    var token = area.getAttribute('data-token');
    var position = parseInt(area.getAttribute('data-position'), 10);
    var retryingText = area.getAttribute('data-retrying');
    window.scPendingSaves += 1;
    // Until the save is through, moving to another question or submitting waits (CSS: .sc-saving).
    document.body.classList.add('sc-saving');
    queue = queue.then(function () { return send(url, token, params, position, retryingText); })
      .then(function () {
        window.scPendingSaves -= 1;
        if (window.scPendingSaves === 0) { document.body.classList.remove('sc-saving'); }
      });
  };

  window.scAutosaveSoon = function () {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(window.scAutosave, 700);
  };

  // Matching: under each row whose answer is also chosen on another row, name those rows (each answer fits
  // one row). Only the trainee's own choices are compared; the hint is tied to the row's control.
  window.scMatchingHints = function () {
    var table = document.querySelector('.sc-matching');
    if (!table) { return; }
    var template = table.getAttribute('data-twice') || '{0}';
    var cells = Array.prototype.slice.call(table.querySelectorAll('[data-left]'));
    function chosen(cell) {
      var select = cell.querySelector('select');
      return select && select.value ? select.value : null;
    }
    function rowName(cell) {
      var th = cell.parentNode.querySelector('th');
      return th ? th.textContent.trim() : '';
    }
    cells.forEach(function (cell) {
      var value = chosen(cell);
      var others = value ? cells.filter(function (c) { return c !== cell && chosen(c) === value; }) : [];
      var hint = cell.querySelector('.sc-match-twice');
      if (!hint) { return; }
      var text = others.length ? template.replace('{0}', others.map(function (c) { return '“' + rowName(c) + '”'; }).join(', ')) : '';
      if (hint.textContent !== text) { hint.textContent = text; }
      cell.classList.toggle('sc-match-repeated', others.length > 0);
      cell.querySelectorAll('select, [role=combobox]').forEach(function (control) {
        if (others.length) { control.setAttribute('aria-describedby', hint.id); } else { control.removeAttribute('aria-describedby'); }
      });
    });
  };

  function startCountdown() {
    var el = document.getElementById('countdown');
    if (!el) { return; }
    var end = Date.now() + parseInt(el.getAttribute('data-remaining'), 10) * 1000;
    function tick() {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      el.textContent = pad(Math.floor(left / 60)) + ':' + pad(left % 60);
      el.classList.toggle('sc-countdown-low', left <= 60);
      if (left === 0) {
        var up = document.getElementById('attemptForm:timeUp');
        if (up && !up.getAttribute('data-sent')) { up.setAttribute('data-sent', '1'); up.click(); }
        return;
      }
      setTimeout(tick, 500);
    }
    tick();
  }

  function startPassage() {
    var p = document.getElementById('passage');
    if (!p) { return; }
    var left = parseInt(p.getAttribute('data-seconds'), 10);
    var counter = document.getElementById('passageLeft');
    var form = document.getElementById('attemptForm');
    var timer;
    function hide() {
      clearInterval(timer);
      if (p.parentNode) { p.parentNode.removeChild(p); }
      if (form) { form.classList.remove('sc-waiting-for-passage'); }
    }
    timer = setInterval(function () {
      left -= 1;
      if (counter) { counter.textContent = left; }
      if (left <= 0) { hide(); }
    }, 1000);
    var done = document.getElementById('passageDone');
    if (done) { done.addEventListener('click', hide); }
  }

  document.addEventListener('DOMContentLoaded', function () {
    startCountdown();
    startPassage();
    window.scMatchingHints();
    // Moving to another question re-renders the form by ajax.
    if (window.jQuery) { window.jQuery(document).on('pfAjaxComplete', window.scMatchingHints); }
  });
})();

// Every page: the menu button of layout.xhtml, and two repairs of PrimeFaces markup (below).
// On a narrow screen (below 720 px, as in app.css)
// the menu bar folds behind the button; the button says whether it is open (aria-expanded) and
// Escape closes it again. Without this script the button stays hidden and the menu stays open.
(function () {
  function init() {
    var button = document.getElementById('menuToggle');
    var header = button ? button.closest('.sc-header') : null;
    if (!header) {
      return;
    }
    function setOpen(open) {
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      header.classList.toggle('sc-menu-open', open);
    }
    button.hidden = false;
    header.classList.add('sc-menu-foldable');
    setOpen(false);
    button.addEventListener('click', function () {
      setOpen(button.getAttribute('aria-expanded') !== 'true');
    });
    header.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && header.classList.contains('sc-menu-open') && button.offsetParent !== null) {
        setOpen(false);
        button.focus();
      }
    });
  }

  // PrimeFaces marks each message <li> role="alert" inside a list whose container is already a
  // polite live region (a list may only hold list items); names a file upload's choose button,
  // a <span> without a role, with aria-labelledby (allowed on its file input only); and draws a
  // select-one-button's choices as role="radio" without aria-checked, each holding a hidden radio
  // input that assistive technology would reach as a second control (inert keeps it in the form
  // but out of the focus order and the accessibility tree). Repaired on load and after every
  // ajax update or choice.
  function repair(root) {
    root.querySelectorAll('.ui-selectonebutton > [role="radio"]').forEach(function (choice) {
      var checked = choice.classList.contains('ui-state-active') ? 'true' : 'false';
      if (choice.getAttribute('aria-checked') !== checked) {
        choice.setAttribute('aria-checked', checked);
      }
      choice.querySelectorAll('input').forEach(function (input) {
        if (!input.inert) {
          input.inert = true;
        }
      });
    });
    root.querySelectorAll('.ui-messages ul > li[role="alert"]').forEach(function (li) {
      li.removeAttribute('role');
    });
    root.querySelectorAll('.ui-fileupload-choose[aria-labelledby]:not([role])').forEach(function (span) {
      var input = span.querySelector('input[type="file"]');
      if (input && !input.hasAttribute('aria-labelledby')) {
        input.setAttribute('aria-labelledby', span.getAttribute('aria-labelledby'));
      }
      span.removeAttribute('aria-labelledby');
    });
  }

  function start() {
    init();
    repair(document);
    new MutationObserver(function () { repair(document); }).observe(document.body,
        { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();

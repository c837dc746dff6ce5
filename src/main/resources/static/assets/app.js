// AI Bookkeeper dashboard: small progressive enhancements. Every page works without this file; the CSP allows no
// inline script, so all behaviour lives here.
(function () {
  'use strict';

  function cookie(name) {
    const match = document.cookie.split('; ').find(function (c) { return c.indexOf(name + '=') === 0; });
    return match ? decodeURIComponent(match.substring(name.length + 1)) : null;
  }

  // htmx requests carry the CSRF token the way the API expects it: the XSRF-TOKEN cookie echoed in a header.
  document.addEventListener('htmx:configRequest', function (event) {
    const token = cookie('XSRF-TOKEN');
    if (token) {
      event.detail.headers['X-XSRF-TOKEN'] = token;
    }
  });

  // A rejected htmx request (409 decided already, 422 unknown account, ...) shows its message in the alert area.
  document.addEventListener('htmx:beforeSwap', function (event) {
    if (event.detail.xhr.status >= 400) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
      event.detail.target = document.getElementById('alerts');
      event.detail.swapOverride = 'innerHTML';
    }
  });

  // After a decision replaced a queue item, keep the keyboard where the reviewer works: on the next open item.
  document.addEventListener('htmx:afterSwap', function (event) {
    const decided = event.detail.target && event.detail.target.id ? document.getElementById(event.detail.target.id) : null;
    const alerts = document.getElementById('alerts');
    if (alerts && event.detail.target !== alerts && event.detail.xhr.status < 400) {
      alerts.innerHTML = '';
    }
    if (decided && decided.classList.contains('decided')) {
      const next = nextOpenItem(decided);
      if (next) {
        focusItem(next);
      }
    }
  });

  function openItems() {
    return Array.prototype.slice.call(document.querySelectorAll('.queue-item:not(.decided)'));
  }

  function nextOpenItem(from) {
    let el = from.nextElementSibling;
    while (el && el.classList.contains('decided')) {
      el = el.nextElementSibling;
    }
    if (el) {
      return el;
    }
    const items = openItems();
    return items.length ? items[items.length - 1] : null;
  }

  function focusItem(item) {
    document.querySelectorAll('.queue-item.current').forEach(function (el) { el.classList.remove('current'); });
    item.classList.add('current');
    item.focus();
    item.scrollIntoView({ block: 'nearest' });
  }

  function currentItem() {
    const active = document.activeElement && document.activeElement.closest ? document.activeElement.closest('.queue-item') : null;
    return active || document.querySelector('.queue-item.current:not(.decided)');
  }

  function typing(target) {
    if (!target || !target.matches) {
      return false;
    }
    return target.matches('textarea, select, [contenteditable], input:not([type=checkbox]):not([type=radio]):not([type=submit]):not([type=button])');
  }

  // Review queue shortcuts: j/k move, a approve, r reject, c change account.
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    const items = openItems();
    if (!items.length) {
      return;
    }
    const current = currentItem();
    const index = current ? items.indexOf(current) : -1;
    let form;
    switch (event.key) {
      case 'j':
        focusItem(items[Math.min(index + 1, items.length - 1)]);
        break;
      case 'k':
        focusItem(items[Math.max(index - 1, 0)]);
        break;
      case 'a':
        form = current && current.querySelector('form.approve');
        if (form && !form.querySelector('.approve-button').disabled) {
          form.requestSubmit(form.querySelector('.approve-button'));
        } else if (current && current.querySelector('form.change input[list]')) {
          // nothing suggested: there is nothing to approve as it stands, so pick the account instead
          current.querySelector('form.change input[list]').focus();
        }
        break;
      case 'r':
        form = current && current.querySelector('form.reject');
        if (form) {
          form.requestSubmit();
        }
        break;
      case 'c':
        form = current && current.querySelector('form.change input[list]');
        if (form) {
          form.focus();
        }
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  document.addEventListener('change', function (event) {
    if (event.target.id === 'select-all') {
      document.querySelectorAll('input[form=bulk][name=entry]').forEach(function (box) {
        box.checked = event.target.checked;
      });
    }
  });
})();

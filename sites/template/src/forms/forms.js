/*
 * PBGDPL public forms — progressive enhancement, no framework, no outside requests but the CMS.
 * Without this script a form posts as plain HTML and the CMS answers with a redirect (303) to the
 * site's confirmation page or a Vietnamese error page. With it: a fresh form token is fetched
 * just before sending, the form is sent as JSON, and the answer — the tracking code, or what to
 * fix, field by field — is shown in place. Contract: docs/forms.md.
 */
(function () {
  'use strict';
  if (!window.fetch || !window.FormData || !document.querySelectorAll) return;

  function tokenUrl(form) {
    var action = new URL(form.action, document.baseURI);
    return action.origin + '/api/submissions/token?site=' + encodeURIComponent(form.elements.site.value);
  }

  function text(node, value) {
    node.textContent = value;
  }

  function clearErrors(form) {
    var invalid = form.querySelectorAll('[aria-invalid="true"]');
    for (var i = 0; i < invalid.length; i++) invalid[i].removeAttribute('aria-invalid');
    var summary = form.querySelector('[data-pbgdpl-summary]');
    if (summary) {
      summary.hidden = true;
      text(summary, '');
    }
  }

  function showErrors(form, error) {
    var summary = form.querySelector('[data-pbgdpl-summary]');
    var problems = (error.details && error.details.errors) || [];
    if (summary) {
      summary.hidden = false;
      text(summary, '');
      var list = document.createElement('ul');
      var messages = problems.length ? problems : [{ message: error.message, path: [] }];
      for (var i = 0; i < messages.length; i++) {
        var item = document.createElement('li');
        text(item, messages[i].message);
        list.appendChild(item);
      }
      summary.appendChild(list);
      summary.focus();
    }
    for (var j = 0; j < problems.length; j++) {
      var field = form.elements[problems[j].path && problems[j].path[0]];
      if (field && field.setAttribute) field.setAttribute('aria-invalid', 'true');
    }
  }

  function showReceipt(form, data) {
    var returnTo = form.elements.returnTo && form.elements.returnTo.value;
    if (returnTo) {
      var url = new URL(returnTo);
      url.searchParams.set('ma', data.trackingCode);
      window.location.assign(url.toString());
      return;
    }
    var result = form.querySelector('[data-pbgdpl-result]');
    if (result) text(result, 'Đã gửi. Mã tra cứu của bạn: ' + data.formattedCode + '. Hãy ghi lại mã này để theo dõi.');
    form.reset();
  }

  function send(form) {
    var button = form.querySelector('[type="submit"]');
    if (button) button.disabled = true;
    clearErrors(form);
    return fetch(tokenUrl(form), { headers: { Accept: 'application/json' }, credentials: 'omit' })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (fresh) {
        if (fresh && fresh.data && fresh.data.token) form.elements.token.value = fresh.data.token;
        var body = {};
        new FormData(form).forEach(function (value, key) {
          body[key] = value;
        });
        return fetch(form.action, {
          method: 'POST',
          credentials: 'omit',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(body),
        });
      })
      .then(function (res) {
        return res.json().then(function (json) {
          if (res.ok) showReceipt(form, json.data);
          else showErrors(form, json.error || { message: 'Chưa gửi được. Hãy thử lại.' });
        });
      })
      .catch(function () {
        showErrors(form, { message: 'Chưa gửi được do lỗi kết nối. Nội dung vẫn còn trên trang: hãy thử gửi lại.' });
      })
      .then(function () {
        if (button) button.disabled = false;
      });
  }

  var forms = document.querySelectorAll('form[data-pbgdpl-form]');
  for (var i = 0; i < forms.length; i++) {
    // A page may include this script twice (a dialogue's form and the report form): send once.
    if (forms[i].hasAttribute('data-pbgdpl-ready')) continue;
    forms[i].setAttribute('data-pbgdpl-ready', '');
    forms[i].addEventListener('submit', function (event) {
      event.preventDefault();
      send(event.currentTarget);
    });
  }

  // The confirmation page: show the tracking code the CMS put in the address (?ma=…).
  var slot = document.querySelector('[data-pbgdpl-tracking-code]');
  var code = new URLSearchParams(window.location.search).get('ma');
  if (slot && code && /^[0-9A-Za-z]{10}$/.test(code)) {
    text(slot, code.slice(0, 5).toUpperCase() + '-' + code.slice(5).toUpperCase());
  }
})();

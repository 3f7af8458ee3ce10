// The staff console works without this script (plain forms and links); it only adds comforts.
"use strict";
(function () {
  // Buttons with data-confirm ask first (sending a campaign, closing a conversation…).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  });

  // Parts of a page marked data-refresh="<ms>" reload themselves (an import's progress, a campaign's counts).
  function refresh(el) {
    var every = Number(el.getAttribute("data-refresh"));
    if (!every) return;
    setTimeout(function () {
      fetch(window.location.href, { credentials: "same-origin", headers: { "x-requested-with": "console" } })
        .then(function (res) { return res.ok ? res.text() : null; })
        .then(function (html) {
          if (!html) return refresh(el);
          var doc = new DOMParser().parseFromString(html, "text/html");
          var fresh = el.id ? doc.getElementById(el.id) : null;
          if (!fresh) return;
          el.replaceWith(fresh);
          refresh(fresh);
        })
        .catch(function () { refresh(el); });
    }, every);
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-refresh]").forEach(refresh);
  });
})();

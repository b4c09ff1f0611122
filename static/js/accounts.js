/* Accounts pages: "get SMS code" buttons with countdown, account-type toggle, captcha refresh.
   No inline scripts (CSP): behaviour is attached through data attributes. */
(function () {
  "use strict";

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  /* The button's words come from the page, in the page's language (data-words-* attributes);
     {n} in a word is replaced by a number. */
  function words(button, name, n) {
    var key = "words" + name.charAt(0).toUpperCase() + name.slice(1);
    return (button.dataset[key] || "").replace("{n}", n);
  }

  function countdown(button, seconds) {
    var label = button.dataset.label || button.textContent;
    button.dataset.label = label;
    button.disabled = true;
    var left = seconds;
    var timer = setInterval(function () {
      left -= 1;
      button.textContent = words(button, "wait", left);
      if (left <= 0) {
        clearInterval(timer);
        button.disabled = false;
        button.textContent = label;
      }
    }, 1000);
    button.textContent = words(button, "wait", left);
  }

  function bindSmsButton(button) {
    button.addEventListener("click", function () {
      var row = button.closest(".form-row");
      var status = row ? row.querySelector(".sms-status") : null;
      var mobileInput = document.getElementById(button.dataset.mobileField || "id_mobile");
      var mobile = mobileInput ? mobileInput.value.trim() : "";
      if (!mobile) {
        if (status) { status.textContent = words(button, "noMobile"); }
        if (mobileInput) { mobileInput.focus(); }
        return;
      }
      var body = new URLSearchParams({ mobile: mobile, purpose: button.dataset.purpose });
      button.disabled = true;
      fetch(button.dataset.url, {
        method: "POST",
        headers: { "X-CSRFToken": csrfToken(), "Content-Type": "application/x-www-form-urlencoded" },
        body: body,
        credentials: "same-origin"
      }).then(function (response) {
        return response.json().catch(function () { return { ok: false, message: words(button, "busy") }; });
      }).then(function (data) {
        if (status) { status.textContent = data.message || ""; }
        if (data.ok) { countdown(button, data.wait || 60); } else { button.disabled = false; }
      }).catch(function () {
        if (status) { status.textContent = words(button, "offline"); }
        button.disabled = false;
      });
    });
  }

  function bindAccountType() {
    var radios = document.querySelectorAll("[data-account-type]");
    var section = document.querySelector("[data-org-section]");
    if (!radios.length || !section) { return; }
    function update() {
      var checked = document.querySelector("[data-account-type]:checked");
      var type = checked ? checked.value : "individual";
      section.hidden = type === "individual";
      section.querySelectorAll("[data-org-field]").forEach(function (row) {
        row.hidden = row.dataset.orgField !== type;
      });
    }
    radios.forEach(function (radio) { radio.addEventListener("change", update); });
    update();
  }

  function bindOrgKind() {
    var select = document.getElementById("id_org_kind");
    if (!select) { return; }
    function update() {
      document.querySelectorAll("[data-org-field]").forEach(function (row) {
        row.hidden = row.dataset.orgField !== select.value;
      });
    }
    select.addEventListener("change", update);
    update();
  }

  function bindCaptcha() {
    document.querySelectorAll("[data-captcha-refresh]").forEach(function (button) {
      button.addEventListener("click", function () {
        var img = button.parentElement.querySelector("[data-captcha]");
        if (img) { img.src = img.src.split("?")[0] + "?t=" + Date.now(); }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-sms-send]").forEach(bindSmsButton);
    bindAccountType();
    bindOrgKind();
    bindCaptcha();
  });
})();

/* Suggestions as you type for any search input with data-suggest-url and data-suggest-target.
   Without this file the search still works: the form submits to the results page. */
(function () {
  "use strict";

  function attach(input) {
    var target = document.querySelector(input.getAttribute("data-suggest-target"));
    var url = input.getAttribute("data-suggest-url");
    if (!target || !url || input.dataset.suggestAttached) { return; }
    input.dataset.suggestAttached = "1";
    var timer = null;
    var controller = null;
    var active = -1;

    function options() { return Array.prototype.slice.call(target.querySelectorAll("[role=option]")); }
    function close() { target.innerHTML = ""; active = -1; input.setAttribute("aria-expanded", "false"); }
    function mark(index) {
      var items = options();
      items.forEach(function (el, i) {
        el.setAttribute("aria-selected", i === index ? "true" : "false");
        if (!el.id) { el.id = target.id + "-opt-" + i; }
      });
      active = index;
      if (index >= 0 && items[index]) { input.setAttribute("aria-activedescendant", items[index].id); }
      else { input.removeAttribute("aria-activedescendant"); }
    }
    function load() {
      if (controller) { controller.abort(); }
      controller = new AbortController();
      fetch(url + "?q=" + encodeURIComponent(input.value), { signal: controller.signal, headers: { "X-Requested-With": "fetch" } })
        .then(function (r) { return r.ok ? r.text() : ""; })
        .then(function (html) {
          target.innerHTML = html;
          active = -1;
          input.setAttribute("aria-expanded", options().length ? "true" : "false");
        })
        .catch(function () { /* aborted by a newer keystroke */ });
    }

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-expanded", "false");
    if (input.hasAttribute("hx-get") && window.htmx) {
      // htmx fetches the suggestions; this script only adds keyboard navigation.
      target.addEventListener("htmx:afterSwap", function () {
        active = -1;
        input.setAttribute("aria-expanded", options().length ? "true" : "false");
      });
    } else {
      input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(load, 180);
      });
      input.addEventListener("focus", function () { if (!input.value) { load(); } });
    }
    input.addEventListener("keydown", function (event) {
      var items = options();
      if (event.key === "ArrowDown" && items.length) { event.preventDefault(); mark((active + 1) % items.length); }
      else if (event.key === "ArrowUp" && items.length) { event.preventDefault(); mark(active <= 0 ? items.length - 1 : active - 1); }
      else if (event.key === "Enter" && active >= 0 && items[active]) { event.preventDefault(); window.location.href = items[active].href; }
      else if (event.key === "Escape") { close(); }
    });
    document.addEventListener("click", function (event) {
      if (event.target !== input && !target.contains(event.target)) { close(); }
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest-url][data-suggest-target]"), attach);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();

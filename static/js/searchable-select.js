// Searchable pickers (taxonomy.widgets): every <select data-searchable> becomes a type-to-search
// box, the chosen items shown as removable chips (Tom Select, vendored in static/vendor/tom-select).
// Progressive enhancement: without this file the plain select works. The library is fetched only
// on pages that have such a select; new ones arriving by htmx are set up too. No inline script (CSP).
(function () {
  "use strict";
  var SELECTOR = "select[data-searchable]";
  var script = document.currentScript;
  var english = (document.documentElement.lang || "").indexOf("en") === 0;
  var TEXT = english
    ? { noResults: "No matches", remove: "Remove", placeholder: "Type to search" }
    : { noResults: "没有匹配的选项", remove: "移除", placeholder: "输入文字或拼音搜索" };
  var loading = null;

  function library() {
    if (window.TomSelect) return Promise.resolve(window.TomSelect);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = script && script.dataset.library;
        tag.onload = function () { resolve(window.TomSelect); };
        tag.onerror = reject;
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  function removeButton() {
    var button = document.createElement("span");
    button.className = "remove";
    button.setAttribute("role", "button");
    button.setAttribute("aria-label", TEXT.remove);
    button.title = TEXT.remove;
    button.textContent = "×";
    return button;
  }

  function settings(select) {
    var multiple = select.multiple;
    return {
      // Options may carry data-search (pinyin, initials, the other language's name, the code).
      searchField: ["text", "search"],
      maxOptions: null,
      allowEmptyOption: !multiple,
      hidePlaceholder: multiple,
      placeholder: multiple ? TEXT.placeholder : undefined,
      closeAfterSelect: !multiple,
      plugins: multiple ? { remove_button: { html: removeButton } } : {},
      render: {
        no_results: function () {
          var div = document.createElement("div");
          div.className = "no-results";
          div.textContent = TEXT.noResults;
          return div;
        },
      },
    };
  }

  function enhance(root) {
    var selects = Array.prototype.filter.call((root || document).querySelectorAll(SELECTOR), function (select) {
      return !select.tomselect;
    });
    if (!selects.length) return;
    library().then(function (TomSelect) {
      selects.forEach(function (select) {
        if (select.tomselect) return;
        new TomSelect(select, settings(select));
        // The label now names Tom Select's input; the original select only carries the value
        // to the server, so assistive technology should not meet it a second time, unnamed.
        select.setAttribute("aria-hidden", "true");
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  } else {
    enhance(document);
  }
  document.addEventListener("htmx:load", function (event) { enhance(event.target); });
})();

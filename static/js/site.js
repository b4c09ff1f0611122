// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  var root = document.documentElement;
  // With scripts on, the phone header folds its tools and columns behind the menu button.
  root.classList.add("js");
  var header = document.querySelector(".site-header");
  var menuToggle = document.querySelector("[data-menu-toggle]");
  if (header && menuToggle) menuToggle.hidden = false;

  function setMenu(open) {
    header.classList.toggle("menu-open", open);
    menuToggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  document.addEventListener("click", function (event) {
    if (menuToggle && event.target.closest("[data-menu-toggle]")) {
      setMenu(!header.classList.contains("menu-open"));
      return;
    }
    var errorLink = event.target.closest("[data-error-summary] a[href^='#']");
    if (errorLink) {
      var field = document.getElementById(errorLink.getAttribute("href").slice(1));
      if (field) {
        event.preventDefault();
        field.scrollIntoView({ block: "center" });
        field.focus();
      }
      return;
    }
    var toggle = event.target.closest("[data-toggle-elder]");
    if (!toggle) return;
    var on = !root.classList.contains("elder");
    root.classList.toggle("elder", on);
    document.cookie = "elder_mode=" + (on ? "1" : "0") + ";path=/;max-age=31536000;SameSite=Lax";
    toggle.setAttribute("aria-pressed", on ? "true" : "false");
  });

  // Drawers (the search filters on a phone): a button opens its panel, × or Escape closes it.
  Array.prototype.forEach.call(document.querySelectorAll("[data-drawer-toggle]"), function (button) {
    button.hidden = false;
  });
  function closeDrawers() {
    Array.prototype.forEach.call(document.querySelectorAll(".drawer.open"), function (drawer) {
      drawer.classList.remove("open");
      var opener = document.querySelector("[data-drawer-toggle='" + drawer.id + "']");
      if (opener) { opener.setAttribute("aria-expanded", "false"); opener.focus(); }
    });
  }
  document.addEventListener("click", function (event) {
    var opener = event.target.closest("[data-drawer-toggle]");
    if (opener) {
      var drawer = document.getElementById(opener.getAttribute("data-drawer-toggle"));
      if (!drawer) return;
      drawer.classList.add("open");
      opener.setAttribute("aria-expanded", "true");
      var first = drawer.querySelector("select, input:not([type=hidden]), button");
      if (first) first.focus();
    } else if (event.target.closest("[data-drawer-close]")) {
      closeDrawers();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeDrawers();
  });

  // Data tables: give each cell its column heading, so that on a phone a row reads as a card.
  Array.prototype.forEach.call(document.querySelectorAll("main table.data"), function (table) {
    if (table.hasAttribute("data-no-stack") || !table.tHead) return;
    var headings = Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) {
      return cell.textContent.trim();
    });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        var column = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          if (headings[column] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", headings[column]);
          column += cell.colSpan || 1;
        });
      });
    });
    table.classList.add("stacked");
  });

  // A form came back with errors: take keyboard and screen-reader users to the summary at its top.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && header && header.classList.contains("menu-open")) {
      setMenu(false);
      menuToggle.focus();
    }
  });
})();

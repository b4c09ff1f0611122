// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-toggle-elder]");
    if (!toggle) return;
    var on = !document.documentElement.classList.contains("elder");
    document.documentElement.classList.toggle("elder", on);
    document.cookie = "elder_mode=" + (on ? "1" : "0") + ";path=/;max-age=31536000;SameSite=Lax";
    toggle.setAttribute("aria-pressed", on ? "true" : "false");
  });
})();

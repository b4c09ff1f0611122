// 湘企名录 filters: choosing an industry, country or city runs the query at once
// (the 查询 button still works without JavaScript).
(function () {
  "use strict";
  document.querySelectorAll("form[data-dir-autosubmit]").forEach(function (form) {
    form.querySelectorAll("select").forEach(function (select) {
      select.addEventListener("change", function () {
        var page = form.querySelector("input[name=page]");
        if (page) { page.remove(); }
        form.requestSubmit ? form.requestSubmit() : form.submit();
      });
    });
  });
})();

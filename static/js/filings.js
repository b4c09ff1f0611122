// Review queue: "select all" checkbox for the bulk export (no inline handlers; CSP).
document.addEventListener("change", (event) => {
  const box = event.target.closest("[data-select-all]");
  if (!box) return;
  const name = box.dataset.selectAll;
  box.form.querySelectorAll(`input[type=checkbox][name="${name}"]`).forEach((el) => { el.checked = box.checked; });
});

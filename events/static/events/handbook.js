document.getElementById("print-handbook")?.addEventListener("click", () => window.print());

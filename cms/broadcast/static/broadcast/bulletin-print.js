// The print page of the radio bulletin: the "Print" button, and printing at once when
// the page was opened by the admin's "Print" button (?autoprint=1).
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-bulletin-print]")) {
    button.addEventListener("click", () => window.print());
  }
  if (new URLSearchParams(window.location.search).has("autoprint")) {
    window.print();
  }
});

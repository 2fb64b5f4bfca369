// Progressive enhancement only: the portal works without JavaScript (htmx adds live updates).
document.addEventListener("DOMContentLoaded", () => {
  // Move focus to an error summary so screen-reader users hear what to fix.
  const summary = document.querySelector(".portaal-foutsamenvatting");
  if (summary) summary.focus();
});

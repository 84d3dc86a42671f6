// The host page's own script: a counter, to check that the embedded demos
// leave the page's own behaviour alone.
window.hostState = { clicks: 0 };
document.getElementById("host-counter").addEventListener("click", (e) => {
  window.hostState.clicks++;
  e.target.textContent = `Clicked ${window.hostState.clicks} times`;
});

// The partner page's analytics, as a host would write them: every widget
// event with its detail, in order, for the tests to read (window.__events).
window.__events = [];
for (const type of ["aa-widget-ready", "aa-widget-failed", "aa-checker-answered", "aa-form-step", "aa-form-sent", "aa-form-failed"]) {
  document.addEventListener(type, (event) => {
    window.__events.push({ type, kind: event.target.getAttribute("data-aa-widget"), detail: event.detail });
  });
}

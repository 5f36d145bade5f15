// Injected by the e2e harness as the first child of <head> (served from
// 'self', so the shipped CSP allows it). Collects everything that would show
// up as an error or warning in the browser console into window.__e2eErrors,
// an array of strings the tests read back over WebDriver.
(function () {
  "use strict";
  if (window.__e2eErrors) return;
  var errors = [];
  window.__e2eErrors = errors;

  function describe(value) {
    try {
      if (value instanceof Error) return value.name + ": " + value.message;
      if (value && typeof value === "object") return JSON.stringify(value);
    } catch (_) {
      /* fall through */
    }
    return String(value);
  }

  ["error", "warn"].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      errors.push("console." + level + ": " + Array.prototype.map.call(arguments, describe).join(" "));
      return original.apply(console, arguments);
    };
  });

  // Capture phase: resource load failures (<script>, <link>, <img>) do not
  // bubble, but are seen by window listeners in the capture phase.
  window.addEventListener(
    "error",
    function (event) {
      var target = event.target;
      if (target && target !== window && target.tagName) {
        errors.push(
          "failed to load <" + target.tagName.toLowerCase() + "> " + (target.currentSrc || target.src || target.href || "")
        );
      } else {
        errors.push(
          "uncaught " + describe(event.error || event.message) + " at " + event.filename + ":" + event.lineno
        );
      }
    },
    true
  );

  window.addEventListener("unhandledrejection", function (event) {
    errors.push("unhandled rejection: " + describe(event.reason));
  });

  document.addEventListener(
    "securitypolicyviolation",
    function (event) {
      errors.push(
        "CSP violation: " + event.violatedDirective + " blocked " + (event.blockedURI || "(inline)") +
          (event.sourceFile ? " from " + event.sourceFile + ":" + event.lineNumber : "")
      );
    },
    true
  );
})();

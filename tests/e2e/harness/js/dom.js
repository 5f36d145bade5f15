// Accessibility-flavoured DOM queries for the e2e harness (page.rs prepends
// this to scripts it executes; nothing is left behind in the page).
//
// Roles: the explicit role attribute (first token) or the implicit role of
// the HTML element, as in HTML-AAM, for the roles tests use. Names: a
// simplified accname: aria-labelledby, aria-label, <label>s of form
// controls, alt, then (for roles not named only by authors) the rendered
// text of the element, whitespace-normalised.
//
// Open shadow roots (the partner widgets') are searched too, as assistive
// technology sees through them: an element's parent is its host at the top
// of a shadow tree, and ids resolve in the element's own tree.
var __e2e = (function () {
  "use strict";

  function norm(s) {
    return (s || "").replace(/\s+/g, " ").trim();
  }

  // Elements outside the accessibility tree: hidden, aria-hidden, display
  // none, visibility hidden, or inside a closed <details>. Options of a
  // collapsed <select> have no box but are in the tree: judge the select.
  function parentOf(n) {
    if (n.parentElement) return n.parentElement;
    var root = n.getRootNode();
    return root && root.host ? root.host : null;
  }

  function isHidden(el) {
    if ((el.localName === "option" || el.localName === "optgroup") && el.closest("select")) {
      el = el.closest("select");
    }
    for (var n = el; n && n.nodeType === 1; n = parentOf(n)) {
      if (n.hidden || n.getAttribute("aria-hidden") === "true") return true;
      if (getComputedStyle(n).display === "none") return true;
    }
    var style = getComputedStyle(el);
    if (style.visibility !== "visible") return true;
    if (style.display !== "contents" && el.checkVisibility && !el.checkVisibility()) return true;
    return false;
  }

  var SCOPING = "article,aside,main,nav,section,[role=article],[role=complementary],[role=main],[role=navigation],[role=region]";

  function inputRole(el) {
    var type = (el.getAttribute("type") || "text").toLowerCase();
    switch (type) {
      case "button": case "submit": case "reset": case "image": return "button";
      case "checkbox": return "checkbox";
      case "radio": return "radio";
      case "range": return "slider";
      case "number": return "spinbutton";
      case "hidden": return null;
      case "search": return el.hasAttribute("list") ? "combobox" : "searchbox";
      default: return el.hasAttribute("list") ? "combobox" : "textbox";
    }
  }

  function implicitRole(el) {
    var tag = el.localName;
    switch (tag) {
      case "a": case "area": return el.hasAttribute("href") ? "link" : null;
      case "button": return "button";
      // Browsers expose a <details>' summary as a (disclosure) button.
      case "summary": return el.parentElement && el.parentElement.localName === "details" ? "button" : null;
      case "h1": case "h2": case "h3": case "h4": case "h5": case "h6": return "heading";
      case "nav": return "navigation";
      case "main": return "main";
      case "header": return el.parentElement && el.parentElement.closest(SCOPING) ? null : "banner";
      case "footer": return el.parentElement && el.parentElement.closest(SCOPING) ? null : "contentinfo";
      case "section": return authorName(el) ? "region" : null;
      case "aside": return "complementary";
      case "article": return "article";
      case "form": return authorName(el) ? "form" : null;
      case "ul": case "ol": case "menu": return "list";
      case "li": return "listitem";
      case "textarea": return "textbox";
      case "select": return el.multiple || el.size > 1 ? "listbox" : "combobox";
      case "datalist": return "listbox";
      case "option": return "option";
      case "dialog": return "dialog";
      case "output": return "status";
      case "img": return el.getAttribute("alt") === "" ? "presentation" : "img";
      case "table": return "table";
      case "details": return "group";
      case "input": return inputRole(el);
      default: return null;
    }
  }

  function roleOf(el) {
    var explicit = norm(el.getAttribute("role")).split(" ")[0];
    return explicit || implicitRole(el);
  }

  function levelOf(el) {
    var level = parseInt(el.getAttribute("aria-level"), 10);
    if (level > 0) return level;
    var m = /^h([1-6])$/.exec(el.localName);
    return m ? parseInt(m[1], 10) : null;
  }

  // Rendered text of a subtree: alt text for images, values for text
  // fields, spaces around block boxes, hidden parts skipped.
  function textOf(node) {
    if (node.nodeType === 3) return node.data;
    if (node.nodeType !== 1) return "";
    if (node.getAttribute("aria-hidden") === "true") return "";
    var style = getComputedStyle(node);
    if (style.display === "none") return "";
    var tag = node.localName;
    if (tag === "img") return " " + (node.getAttribute("alt") || "") + " ";
    if (tag === "br") return " ";
    if (tag === "input" || tag === "textarea") return " " + (node.value || "") + " ";
    var parts = [];
    for (var c = node.firstChild; c; c = c.nextSibling) parts.push(textOf(c));
    var text = parts.join("");
    return style.display.indexOf("inline") === 0 || style.display === "contents" ? text : " " + text + " ";
  }

  // aria-labelledby / aria-label: names that only authors give.
  function authorName(el) {
    var ids = norm(el.getAttribute("aria-labelledby"));
    if (ids) {
      var text = ids.split(" ").map(function (id) {
        var ref = el.getRootNode().getElementById(id);
        return ref ? textOf(ref) : "";
      }).join(" ");
      if (norm(text)) return norm(text);
    }
    return norm(el.getAttribute("aria-label"));
  }

  // Roles whose name never comes from their content.
  var AUTHOR_ONLY = ["navigation", "banner", "contentinfo", "main", "region", "complementary", "form", "article",
    "list", "listbox", "textbox", "searchbox", "combobox", "spinbutton", "slider", "dialog", "table", "group", "img"];

  function nameOf(el, role) {
    var name = authorName(el);
    if (name) return name;
    var tag = el.localName;
    if (tag === "input") {
      var type = (el.getAttribute("type") || "").toLowerCase();
      if (type === "button" || type === "submit" || type === "reset") {
        return norm(el.value) || (type === "submit" ? "Submit" : type === "reset" ? "Reset" : "");
      }
      if (type === "image") return norm(el.getAttribute("alt"));
    }
    if (el.labels && el.labels.length) {
      var labelled = Array.prototype.map.call(el.labels, function (label) {
        // The control's own value is not part of its label's text (only
        // when the label wraps the control; a <label for> merely sharing a
        // word with the value, like "Phone call" and value "call", keeps it).
        return label.contains(el) ? textOf(label).replace(textOf(el), " ") : textOf(label);
      }).join(" ");
      if (norm(labelled)) return norm(labelled);
    }
    if (tag === "img" || tag === "area") return norm(el.getAttribute("alt")) || norm(el.getAttribute("title"));
    if (AUTHOR_ONLY.indexOf(role) < 0) {
      var text = norm(textOf(el));
      if (text) return text;
    }
    return norm(el.getAttribute("title")) || norm(el.getAttribute("placeholder"));
  }

  function matches(name, want) {
    if (!want || want.kind === "any") return true;
    switch (want.kind) {
      case "exact": return name === norm(want.value);
      case "contains": return name.toLowerCase().indexOf(norm(want.value).toLowerCase()) >= 0;
      case "regex": return new RegExp(want.value, want.flags || "").test(name);
      default: throw new Error("unknown name match kind " + want.kind);
    }
  }

  // Every element under `root`, those of open shadow roots after their host.
  function descendants(root, out) {
    var all = root.querySelectorAll("*");
    for (var i = 0; i < all.length; i++) {
      out.push(all[i]);
      if (all[i].shadowRoot) descendants(all[i].shadowRoot, out);
    }
    return out;
  }

  function scope(within) {
    var out = descendants(within || document, []);
    if (within && within.shadowRoot) descendants(within.shadowRoot, out);
    return out;
  }

  // q: {role, name: {kind, value, flags}, level, hidden}; within: an
  // element to search inside, or null for the document.
  function query(q, within) {
    return scope(within).filter(function (el) {
      if (roleOf(el) !== q.role) return false;
      if (q.level && levelOf(el) !== q.level) return false;
      if (!q.hidden && isHidden(el)) return false;
      return matches(nameOf(el, q.role), q.name);
    });
  }

  // Everything of q's role (ignoring the name), for error messages.
  function candidates(q, within) {
    return scope(within).filter(function (el) {
      return roleOf(el) === q.role && (!q.level || levelOf(el) === q.level) && (q.hidden || !isHidden(el));
    }).slice(0, 40).map(function (el) {
      return describe(el);
    });
  }

  function describe(el) {
    if (!el || el.nodeType !== 1) return "(none)";
    var role = roleOf(el);
    var level = levelOf(el);
    var name = nameOf(el, role);
    return (role || "<" + el.localName + ">") + (role === "heading" && level ? "[" + level + "]" : "") +
      (name ? ' "' + name + '"' : "");
  }

  // The deepest visible elements whose text (as in names: no CSS
  // text-transform) matches.
  function byText(want, within) {
    var hits = scope(within || document.body).filter(function (el) {
      if (el.localName === "script" || el.localName === "style") return false;
      if (!matches(norm(el.textContent), { kind: "contains", value: want.value }) && want.kind !== "regex") return false;
      return !isHidden(el) && matches(norm(textOf(el)), want);
    });
    return hits.filter(function (el) {
      return !hits.some(function (other) {
        return other !== el && el.contains(other);
      });
    });
  }

  function info(el) {
    if (!el || el.nodeType !== 1) return null;
    var role = roleOf(el);
    return { role: role, name: nameOf(el, role), level: levelOf(el), tag: el.localName, description: describe(el) };
  }

  return {
    norm: norm,
    isHidden: isHidden,
    roleOf: roleOf,
    nameOf: nameOf,
    query: query,
    candidates: candidates,
    byText: byText,
    describe: describe,
    info: info,
    focused: function () {
      var el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      return info(el);
    }
  };
})();

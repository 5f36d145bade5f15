//! The browser side of [`super::handover`]: reads the pre-render's focus
//! and fields before the mount, and gives them to the live part after it.

use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, Event, EventInit, FocusOptions, HtmlElement, HtmlInputElement,
    HtmlTextAreaElement, ShadowRoot,
};

use super::handover::{edits, equivalent, Control, Edit, Field};

/// What can take focus inside a part (the forms have no `select` and no
/// positive `tabindex`; `tabindex="-1"` headings are focus targets too).
const FOCUSABLE: &str = "a[href], button, input:not([type=hidden]), textarea, select, [tabindex]";

/// The pre-render's state, read just before it is replaced.
pub struct Snapshot {
    /// The focused control's place among [`FOCUSABLE`], and all of them.
    focus: Option<(usize, Vec<Control>)>,
    edits: Vec<Edit>,
}

impl Snapshot {
    /// Reads where focus is (if inside `root`) and what was typed or ticked.
    pub fn take(root: &HtmlElement) -> Snapshot {
        let focus = active_element(root)
            .filter(|active| root.contains(Some(active)))
            .and_then(|active| {
                let all = focusables(root);
                let at = all.iter().position(|(el, _)| *el == active)?;
                Some((at, all.into_iter().map(|(_, c)| c).collect()))
            });
        Snapshot {
            focus,
            edits: edits(&fields(root)),
        }
    }

    /// Puts the visitor's changes into the live part and, if focus was in
    /// the pre-render, on the live part's equivalent control (its first
    /// control when none is alike), without scrolling.
    pub fn give(self, root: &HtmlElement) {
        for edit in &self.edits {
            apply(root, edit);
        }
        let Some((at, before)) = self.focus else {
            return;
        };
        let live = focusables(root);
        let controls: Vec<Control> = live.iter().map(|(_, c)| c.clone()).collect();
        let target = equivalent(&before, at, &controls)
            .and_then(|i| live.get(i))
            .or_else(|| live.first())
            .map(|(el, _)| el.clone());
        if let Some(target) = target.and_then(|el| el.dyn_into::<HtmlElement>().ok()) {
            let options = FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = target.focus_with_options(&options);
        }
    }
}

/// The focused element of `root`'s document or shadow root.
fn active_element(root: &HtmlElement) -> Option<Element> {
    let node = root.get_root_node();
    if let Some(shadow) = node.dyn_ref::<ShadowRoot>() {
        return shadow.active_element();
    }
    node.dyn_ref::<Document>()?.active_element()
}

fn focusables(root: &HtmlElement) -> Vec<(Element, Control)> {
    elements(root, FOCUSABLE)
        .into_iter()
        .map(|el| {
            let text = el.text_content().unwrap_or_default();
            let control = Control {
                tag: el.tag_name().to_ascii_lowercase(),
                id: el.id(),
                href: el.get_attribute("href").unwrap_or_default(),
                text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            };
            (el, control)
        })
        .collect()
}

fn fields(root: &HtmlElement) -> Vec<Field> {
    elements(root, "input, textarea")
        .into_iter()
        .filter_map(|el| {
            if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
                return Some(Field::Text {
                    id: area.id(),
                    value: area.value(),
                    default: area.default_value().unwrap_or_default(),
                });
            }
            let input = el.dyn_ref::<HtmlInputElement>()?;
            match input.type_().as_str() {
                "checkbox" | "radio" => Some(Field::Check {
                    id: input.id(),
                    checked: input.checked(),
                    default: input.default_checked(),
                }),
                "hidden" | "submit" | "button" | "reset" | "image" | "file" => None,
                _ => Some(Field::Text {
                    id: input.id(),
                    value: input.value(),
                    default: input.default_value(),
                }),
            }
        })
        .collect()
}

/// Gives the live control the change as a visitor would have made it, so
/// the component's own handlers take it in: typing fires `input`; a box is
/// clicked (which fires `input` and `change`) when it differs.
fn apply(root: &HtmlElement, edit: &Edit) {
    let (Edit::Text { id, .. } | Edit::Check { id, .. }) = edit;
    let Some(el) = elements(root, "input, textarea")
        .into_iter()
        .find(|el| el.id() == *id)
    else {
        return;
    };
    match edit {
        Edit::Text { value, .. } => {
            if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
                input.set_value(value);
            } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
                area.set_value(value);
            }
            let init = EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = Event::new_with_event_init_dict("input", &init) {
                let _ = el.dispatch_event(&event);
            }
        }
        Edit::Check { checked, .. } => {
            if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
                if input.checked() != *checked {
                    input.click();
                }
            }
        }
    }
}

fn elements(root: &HtmlElement, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

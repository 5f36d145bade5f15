//! The widget modules' work (`src/bin/widgets.rs`, `src/bin/widgets_forms.rs`):
//! mount a kind into the element `embed.js` made in the partner element's
//! shadow root, with the contexts every widget's components read, and the
//! partner's `CustomEvent`s as their reports.

use leptos::prelude::*;

use super::kind::{Kind, Module, WidgetError};
use super::view::{BookOfferWidget, CallUs, CheckerWidget, ContactFormWidget, FaqWidget};

/// What a widget's kind needs to be shown, read from its element.
pub struct Setup {
    pub kind: Kind,
    /// Prefix of its element ids, unique on the page.
    pub id: String,
    /// The app's page (the directory of `embed.js`), absolute.
    pub base: String,
    /// The FAQ's [`super::kind::QUESTIONS_ATTR`].
    pub questions: Option<String>,
}

/// What a widget shows, decided from its element before anything is
/// mounted, so a bad attribute leaves the partner's fallback alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    Checker {
        id: String,
        page_url: String,
    },
    /// The chosen questions, as indexes into `faq.toml`.
    Faq(Vec<usize>),
    CallUs,
    ContactForm,
    BookOffer,
}

/// The plan for `setup` in the module `module` (`faq_ids`: the ids of
/// `faq.toml`, in order), or why it cannot be shown there.
pub fn plan(setup: Setup, faq_ids: &[&str], module: Module) -> Result<Plan, WidgetError> {
    Ok(match setup.kind {
        Kind::InsuranceChecker => Plan::Checker {
            id: format!("{}-checker", setup.id),
            page_url: setup.base,
        },
        Kind::Faq => Plan::Faq(super::kind::chosen_questions(
            faq_ids,
            setup.questions.as_deref(),
        )?),
        Kind::CallUs => Plan::CallUs,
        Kind::ContactForm | Kind::BookOffer if module == Module::Widgets => {
            return Err(WidgetError::WrongModule(setup.kind.id()))
        }
        Kind::ContactForm => Plan::ContactForm,
        Kind::BookOffer => Plan::BookOffer,
    })
}

/// The widget's view.
pub fn widget_view(plan: Plan) -> AnyView {
    match plan {
        Plan::Checker { id, page_url } => {
            view! { <CheckerWidget id=id page_url=page_url/> }.into_any()
        }
        Plan::Faq(questions) => view! { <FaqWidget questions=questions/> }.into_any(),
        Plan::CallUs => view! { <CallUs/> }.into_any(),
        Plan::ContactForm => view! { <ContactFormWidget/> }.into_any(),
        Plan::BookOffer => view! { <BookOfferWidget/> }.into_any(),
    }
}

#[cfg(all(feature = "widget", target_arch = "wasm32"))]
pub use imp::{mount, mount_forms, MountForms, Mounted};

#[cfg(all(feature = "widget", target_arch = "wasm32"))]
mod imp {
    use std::any::Any;
    use std::cell::Cell;
    use std::rc::Rc;

    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::HtmlElement;

    use super::{plan, widget_view, Module, Setup};
    use crate::content::{ContentCtx, WIDGET_CONTENT};
    use crate::forms::context::ConfigUrl;
    use crate::forms::io::CONFIG_URL;
    use crate::loader::parts::PART_ATTR;
    use crate::platform::host_events::{Detail, HostEvent, HostEvents};
    use crate::widgets::kind::{Kind, WidgetError, QUESTIONS_ATTR};

    thread_local! {
        /// Numbers the widgets of this instance, for unique element ids.
        static COUNT: Cell<u32> = const { Cell::new(0) };
    }

    /// A mounted widget: `embed.js` keeps it, and frees it to unmount.
    #[wasm_bindgen]
    pub struct Mounted {
        _handles: Vec<Box<dyn Any>>,
    }

    /// Mounts the forms' placeholders under a widget's root, with the
    /// widget's contexts. A function the module with the forms passes to
    /// [`mount`], so the small module does not link the forms at all.
    pub type MountForms = fn(&HtmlElement, Rc<dyn Fn()>) -> Vec<Box<dyn Any>>;

    /// Mounts the widget `kind` of the partner element `host` into `root`;
    /// `forms` is [`mount_forms`] in the module that has them.
    pub fn mount(
        host: &HtmlElement,
        root: HtmlElement,
        kind: &str,
        base: String,
        forms: Option<MountForms>,
    ) -> Result<Mounted, WidgetError> {
        let module = if forms.is_some() {
            Module::WidgetsForms
        } else {
            Module::Widgets
        };
        let kind = Kind::from_id(kind)?;
        let number = COUNT.with(|count| {
            count.set(count.get() + 1);
            count.get()
        });
        let setup = Setup {
            kind,
            id: format!("aa-w{number}"),
            base,
            questions: host.get_attribute(QUESTIONS_ATTR),
        };
        let config_url = format!("{}{CONFIG_URL}", setup.base);
        let faq_ids: Vec<&str> = WIDGET_CONTENT.faq.iter().map(|item| item.id).collect();
        let plan = plan(setup, &faq_ids, module)?;
        let target = host.clone();
        let contexts: Rc<dyn Fn()> = Rc::new(move || {
            provide_context(ContentCtx(&WIDGET_CONTENT));
            provide_context(ConfigUrl(config_url.clone()));
            let target = StoredValue::new_local(target.clone());
            provide_context(HostEvents(Callback::new(move |event: HostEvent| {
                target.with_value(|host| dispatch(host, &event));
            })));
        });
        let with = contexts.clone();
        let handle = leptos::mount::mount_to(root.clone(), move || {
            with();
            widget_view(plan)
        });
        let mut handles: Vec<Box<dyn Any>> = vec![Box::new(handle)];
        if let Some(forms) = forms {
            handles.extend(forms(&root, contexts));
        }
        Ok(Mounted { _handles: handles })
    }

    /// The forms mount into their placeholders, as on the page.
    pub fn mount_forms(root: &HtmlElement, contexts: Rc<dyn Fn()>) -> Vec<Box<dyn Any>> {
        let Ok(parts) = root.query_selector_all(&format!("[{PART_ATTR}]")) else {
            return Vec::new();
        };
        (0..parts.length())
            .filter_map(|i| parts.item(i)?.dyn_into::<HtmlElement>().ok())
            .filter_map(|part| {
                let with = contexts.clone();
                match crate::loader::mount::mount_part(part, move || with()) {
                    Ok(handle) => handle,
                    Err(error) => {
                        web_sys::console::error_1(&error.to_string().into());
                        None
                    }
                }
            })
            .collect()
    }

    #[wasm_bindgen]
    impl Mounted {
        /// Removes the widget (`embed.js` then shows the fallback again).
        pub fn unmount(self) {}
    }

    fn dispatch(host: &HtmlElement, event: &HostEvent) {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        let detail = js_sys::Object::new();
        for (name, value) in event.detail() {
            let value = match value {
                Detail::Text(text) => JsValue::from_str(text),
                Detail::Number(number) => JsValue::from(number),
                Detail::Null => JsValue::NULL,
            };
            let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(name), &value);
        }
        init.set_detail(&detail);
        if let Ok(custom) = web_sys::CustomEvent::new_with_event_init_dict(event.name(), &init) {
            let _ = host.dispatch_event(&custom);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup(kind: Kind, questions: Option<&str>) -> Setup {
        Setup {
            kind,
            id: "aa-w1".into(),
            base: "https://app.example/".into(),
            questions: questions.map(String::from),
        }
    }

    const IDS: [&str; 2] = ["faq-a", "faq-b"];

    #[test]
    fn the_small_module_refuses_the_forms() {
        for kind in [Kind::ContactForm, Kind::BookOffer] {
            assert_eq!(
                plan(setup(kind, None), &IDS, Module::Widgets),
                Err(WidgetError::WrongModule(kind.id()))
            );
            assert!(plan(setup(kind, None), &IDS, Module::WidgetsForms).is_ok());
        }
    }

    #[test]
    fn plans_carry_what_the_view_needs() {
        assert_eq!(
            plan(setup(Kind::InsuranceChecker, None), &IDS, Module::Widgets),
            Ok(Plan::Checker {
                id: "aa-w1-checker".into(),
                page_url: "https://app.example/".into()
            })
        );
        assert_eq!(
            plan(setup(Kind::Faq, Some("b")), &IDS, Module::Widgets),
            Ok(Plan::Faq(vec![1]))
        );
        assert!(matches!(
            plan(setup(Kind::Faq, Some("zz")), &IDS, Module::Widgets),
            Err(WidgetError::UnknownQuestion(..))
        ));
    }
}

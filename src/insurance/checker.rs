//! "Who is your insurance with?": the insurance checker. A carrier
//! combobox (`combobox.rs`) that answers while the visitor types; the
//! matching is `matcher.rs`, the wording `carriers.toml`.

use std::time::Duration;

use leptos::prelude::*;

use super::choice::CarrierChoice;
use super::combobox::CarrierCombobox;
use super::matcher::{self, Directory, Outcome, MAX_QUERY_CHARS};
use crate::content::template::fill;
use crate::content::{use_content, Carrier, CheckerText, Href};
use crate::platform::host_events::{self, CheckerOutcome, HostEvent};
use crate::platform::{dom, timer};

/// Where "Verify my coverage" goes: the contact form.
const CONTACT: Href = Href::Anchor("contact");

/// How long the live region waits for typing to pause before it speaks,
/// so a screen reader is not talked over at every key.
const ANNOUNCE_AFTER: Duration = Duration::from_millis(400);

/// The checker: a labelled text field with suggestions, a polite live
/// region and the answer below. Pre-rendered as a plain, empty field of the
/// same size, so nothing moves when it hydrates.
#[component]
pub fn CarrierChecker(
    /// Prefix of the ids of its elements, unique on the page.
    #[prop(into)]
    id: String,
    /// "Verify my coverage" was followed for this insurer; returns whether
    /// it was taken care of in place (then the link is not followed).
    on_verify: Callback<CarrierChoice, bool>,
    /// Where "Verify my coverage" links for this insurer: the page's
    /// contact form (`#contact`) when absent. A widget links to the app's
    /// page, which fills its form in from the address.
    #[prop(optional)]
    verify_href: Option<Callback<CarrierChoice, String>>,
) -> impl IntoView {
    let content = use_content();
    let text = content.checker.text;
    let directory = Directory::new(content.carriers, &content.checker);

    let query = RwSignal::new(String::new());
    let outcome = Memo::new(move |_| query.with(|q| matcher::check(q, &directory)));
    let options = Memo::new(move |_| outcome.with(|o| matcher::options(o.as_ref())));

    let input_id = format!("{id}-input");
    let hint_id = format!("{id}-hint");

    // The live region speaks once typing pauses.
    let said = Memo::new(move |_| {
        let count = options.with(Vec::len);
        query.with(|q| outcome.with(|o| matcher::announcement(o.as_ref(), q, count, &text)))
    });
    let announced = RwSignal::new(String::new());
    let host = host_events::use_host_events();
    let reported = StoredValue::new(None::<HostEvent>);
    // A widget's host hears the answer when the visitor does (only widget
    // builds have a host: the page's module leaves this out).
    let report = move || {
        if host.is_none() || !cfg!(feature = "widget") {
            return;
        }
        let Some(event) = outcome.with_untracked(|o| o.as_ref().map(answered)) else {
            return;
        };
        if reported.with_value(|last| last.as_ref() != Some(&event)) {
            reported.set_value(Some(event.clone()));
            host_events::emit(host, event);
        }
    };
    Effect::new(move |pending: Option<Option<timer::Timer>>| {
        let next = said.get();
        if let Some(Some(pending)) = pending {
            pending.cancel();
        }
        timer::after(ANNOUNCE_AFTER, move || {
            announced.set(next);
            report();
        })
    });

    let field = StoredValue::new(input_id.clone());
    let pick = move |carrier: &'static Carrier| {
        query.set(carrier.name.to_string());
        field.with_value(|id| dom::focus(id));
    };
    let verify = move || {
        let choice = outcome.with_untracked(|o| {
            o.as_ref()
                .map(|o| query.with_untracked(|q| choice_of(o, q)))
        });
        choice.is_some_and(|choice| on_verify.run(choice))
    };
    let answer = move || {
        let typed = query.get();
        outcome.get().map(|outcome| {
            let href = match verify_href {
                Some(href) => href.run(choice_of(&outcome, &typed)),
                None => use_content().site.resolve(CONTACT),
            };
            answer_view(outcome, typed, text, href, pick, verify)
        })
    };

    view! {
        <div class="aa-checker">
            <label class="aa-checker__label" for=input_id.clone()>{text.label}</label>
            <p class="aa-checker__hint" id=hint_id.clone()>{text.hint}</p>
            <CarrierCombobox
                id=input_id
                value=query
                on_input=Callback::new(move |v| query.set(v))
                options=options
                listbox_label=text.suggestions
                input_class="aa-input"
                describedby=Signal::derive(move || Some(hint_id.clone()))
                maxlength=MAX_QUERY_CHARS
            />
            <p class="aa-checker__status" role="status">{move || announced.get()}</p>
            <div class="aa-checker__answer">{answer}</div>
        </div>
    }
    // Erased, so the page's view type stays within the compiler's limits.
    .into_any()
}

/// The insurer as the contact form should receive it.
fn choice_of(outcome: &Outcome, typed: &str) -> CarrierChoice {
    CarrierChoice {
        name: outcome.insurer_name(typed),
        carrier_id: match outcome {
            Outcome::InNetwork { carrier, .. } => Some(carrier.id),
            Outcome::NotListed { .. } | Outcome::Unclear { .. } => None,
        },
    }
}

/// What a widget's host hears of an answer: its kind and the carrier's id,
/// never what was typed.
fn answered(outcome: &Outcome) -> HostEvent {
    let (outcome, carrier) = match outcome {
        Outcome::InNetwork { carrier, .. } => (CheckerOutcome::InNetwork, Some(carrier.id)),
        Outcome::NotListed { .. } => (CheckerOutcome::NotInNetwork, None),
        Outcome::Unclear { .. } => (CheckerOutcome::CouldNotTell, None),
    };
    HostEvent::CheckerAnswered { outcome, carrier }
}

/// The answer: a heading, what it means, and what to do next.
fn answer_view(
    outcome: Outcome,
    typed: String,
    text: CheckerText,
    verify_href: String,
    pick: impl Fn(&'static Carrier) + Copy + Send + Sync + 'static,
    verify: impl Fn() -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let site = use_content().site;
    let heading = outcome.heading(&text, &typed);
    let typed = matcher::typed(&typed).to_string();
    // What was typed and how it was read, why (a note), then what it means.
    let (modifier, alias, note, body, candidates, call) = match &outcome {
        Outcome::InNetwork { carrier, via_alias } => {
            let values = [("typed", typed.as_str()), ("carrier", carrier.name)];
            let alias = via_alias.map(|_| fill(text.in_network_alias, &values));
            let note = via_alias.and_then(|alias| alias.note);
            let body = fill(text.in_network.body, &values);
            ("in-network", alias, note, body, Vec::new(), false)
        }
        Outcome::NotListed { insurer } => {
            let body = fill(text.not_listed.body, &[("typed", &typed)]);
            let note = insurer.and_then(|insurer| insurer.note);
            ("not-listed", None, note, body, Vec::new(), true)
        }
        Outcome::Unclear { candidates, note } => {
            let body = fill(text.unclear.body, &[("typed", &typed)]);
            ("unclear", None, *note, body, candidates.clone(), true)
        }
    };
    let choices = (!candidates.is_empty()).then(|| {
        let buttons = candidates
            .into_iter()
            .map(|carrier| {
                view! {
                    <li>
                        <button type="button" class="aa-checker__choice" on:click=move |_| pick(carrier)>
                            {carrier.name}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="aa-checker__choices">{buttons}</ul> }
    });
    let call = call.then(|| {
        view! {
            <a class="aa-button aa-button--secondary" href=site.resolve(Href::Call)>
                {site.call_label} " " {site.phone.display}
            </a>
        }
    });
    view! {
        <div class=format!("aa-checker__outcome aa-checker__outcome--{modifier}")>
            <h3 class="aa-checker__verdict">{heading}</h3>
            {alias.map(|alias| view! { <p>{alias}</p> })}
            {note.map(|note| view! { <p class="aa-checker__note">{note}</p> })}
            <p>{body}</p>
            {choices}
            <p class="aa-checker__actions">
                <a class="aa-button" href=verify_href on:click=move |event| {
                    if verify() {
                        event.prevent_default();
                    }
                }>
                    {text.verify}
                </a>
                {call}
            </p>
        </div>
    }
    .into_any()
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use leptos::prelude::*;

    use super::CarrierChecker;
    use crate::content::load::fixture;
    use crate::content::ContentCtx;

    /// The checker as pre-rendered: what hydration must find unchanged.
    fn checker_html() -> String {
        let html = Owner::new().with(|| {
            provide_context(ContentCtx(fixture()));
            let verify = Callback::new(|_| false);
            view! { <CarrierChecker id="verify-insurance-checker" on_verify=verify/> }.to_html()
        });
        // `<!>` are hydration markers (where they fall depends on Leptos'
        // build cfgs), not markup under test.
        html.replace("<!>", "")
    }

    #[test]
    fn pre_renders_a_labelled_collapsed_combobox() {
        let html = checker_html();
        for fragment in [
            "<label for=\"verify-insurance-checker-input\" class=\"aa-checker__label\">Who is your insurance with?</label>",
            "<input id=\"verify-insurance-checker-input\" type=\"text\" role=\"combobox\"",
            "aria-autocomplete=\"list\"",
            "aria-controls=\"verify-insurance-checker-input-listbox\"",
            "aria-describedby=\"verify-insurance-checker-hint\"",
            "aria-expanded=\"false\"",
            "maxlength=\"100\"",
            "<ul id=\"verify-insurance-checker-input-listbox\" role=\"listbox\" aria-label=\"Matching insurers\" hidden",
            "<p role=\"status\" class=\"aa-checker__status\">",
        ] {
            assert!(html.contains(fragment), "missing {fragment:?} in\n{html}");
        }
        // No answer and no active option before anything is typed.
        assert!(!html.contains("aria-activedescendant"), "{html}");
        assert!(!html.contains("aa-checker__outcome"), "{html}");
        assert!(!html.contains("role=\"option\""), "{html}");
    }
}

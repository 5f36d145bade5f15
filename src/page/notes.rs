//! The notes a health page carries: where to get help in a crisis, that the
//! page is information and not medical advice, and who wrote and reviewed
//! it. All content data (`[crisis]`, `[disclaimer]`, `[article]` review
//! fields of `site.toml`, their labels in `ui.toml`), all plain HTML that
//! reads without the wasm.

use leptos::prelude::*;

use crate::content::{use_content, Review, UiReviewText};
use crate::rich_text::blocks::Blocks;

/// "If you are thinking about suicide…": call or text 988, 911 in an
/// emergency. A `role="note"` with a name, so a screen reader says what it
/// is before reading it, without adding a landmark each time it appears.
#[component]
pub fn CrisisNote() -> impl IntoView {
    let content = use_content();
    view! {
        <div class="aa-crisis" role="note" aria-label=content.ui.crisis.label>
            <Blocks blocks=content.crisis/>
        </div>
    }
}

/// "This page is general information, not medical advice."
#[component]
pub fn Disclaimer() -> impl IntoView {
    view! {
        <div class="aa-disclaimer">
            <Blocks blocks=use_content().disclaimer/>
        </div>
    }
}

/// "Written by … · Medically reviewed by … · Last reviewed …": only what
/// the content fills in, nothing when it is all empty.
#[component]
pub fn ReviewLine() -> impl IntoView {
    let content = use_content();
    let parts = review_parts(content.article.review, content.ui.review);
    (!parts.is_empty()).then(|| {
        let items = parts
            .into_iter()
            .map(|part| match part {
                Part::Person(label, name) => {
                    view! { <li>{label} " " <span class="aa-review__name">{name}</span></li> }
                        .into_any()
                }
                Part::Date(label, iso, shown) => {
                    view! { <li>{label} " " <time datetime=iso>{shown}</time></li> }.into_any()
                }
            })
            .collect_view();
        view! { <ul class="aa-review">{items}</ul> }
    })
}

/// One item of the review line.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    /// A label and a person's name.
    Person(&'static str, &'static str),
    /// A label, the date as `YYYY-MM-DD` and as people read it.
    Date(&'static str, &'static str, String),
}

fn review_parts(review: Review, text: UiReviewText) -> Vec<Part> {
    let mut parts = Vec::new();
    if !review.author.is_empty() {
        parts.push(Part::Person(text.written_by, review.author));
    }
    if !review.reviewer.is_empty() {
        parts.push(Part::Person(text.reviewed_by, review.reviewer));
    }
    if let Some(shown) = readable_date(review.reviewed, text) {
        parts.push(Part::Date(text.last_reviewed, review.reviewed, shown));
    }
    parts
}

/// `2026-11-20` as `ui.toml [review] date` writes it ("November 20, 2026");
/// `None` when empty or not a date (the compiler allows only real ones).
pub fn readable_date(iso: &str, text: UiReviewText) -> Option<String> {
    let mut parts = iso.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let months = [
        text.january,
        text.february,
        text.march,
        text.april,
        text.may,
        text.june,
        text.july,
        text.august,
        text.september,
        text.october,
        text.november,
        text.december,
    ];
    let month = months.get(month.parse::<usize>().ok()?.checked_sub(1)?)?;
    let day = day.parse::<u8>().ok()?.to_string();
    Some(
        text.date
            .replace("{day}", &day)
            .replace("{month}", month)
            .replace("{year}", year),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::fixture;

    #[test]
    fn dates_read_as_the_content_writes_them() {
        let text = fixture().ui.review;
        let shown = readable_date("2026-03-07", text).unwrap();
        assert!(
            shown.contains(text.march) && shown.contains('7') && shown.contains("2026"),
            "{shown}"
        );
        assert_eq!(readable_date("", text), None);
        assert_eq!(readable_date("2026-13-01", text), None);
    }

    #[test]
    fn only_what_is_filled_in_is_shown() {
        let text = fixture().ui.review;
        let none = Review {
            author: "",
            reviewer: "",
            reviewed: "",
        };
        assert!(review_parts(none, text).is_empty());
        let some = Review {
            author: "",
            reviewer: "Dr. A",
            reviewed: "2026-01-02",
        };
        let parts = review_parts(some, text);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0], Part::Person(text.reviewed_by, "Dr. A"));
    }
}

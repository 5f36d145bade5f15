//! `forms.toml` and `ui.toml`: every key of the schema, no unknown ones,
//! and the `{placeholders}` each text must or must not contain.

use super::*;

fn with_texts(forms: &str, ui: &str) -> Result<Content, Vec<Error>> {
    let mut sources = sources(SITE, ARTICLE, FAQ, OFFERS, CARRIERS);
    sources.forms = SourceFile::new("src/content/forms.toml", forms);
    sources.ui = SourceFile::new("src/content/ui.toml", ui);
    compile(&sources)
}

fn forms_error(forms: &str) -> String {
    let errors = messages(with_texts(forms, UI));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors[0].clone()
}

#[test]
fn the_fixture_word_files_compile() {
    ok(with_texts(FORMS, UI));
}

#[test]
fn a_misspelt_key_is_named_with_its_section() {
    let forms = FORMS.replace("back = \"Back\"", "back = \"Back\"\nbak = \"Back\"");
    let error = forms_error(&forms);
    assert!(error.starts_with("src/content/forms.toml:15:"), "{error}");
    assert!(error.contains("[contact]: unknown key `bak`"), "{error}");
}

#[test]
fn a_missing_text_says_what_it_is() {
    let forms = FORMS.replace("back = \"Back\"\n", "");
    let error = forms_error(&forms);
    assert!(error.contains("[contact] back is missing"), "{error}");
}

#[test]
fn a_required_placeholder_must_stay() {
    let forms = FORMS.replace(
        "progress = \"Step {n} of {total}\"",
        "progress = \"Step {n}\"",
    );
    let error = forms_error(&forms);
    assert!(error.contains("[contact] progress"), "{error}");
    assert!(error.ends_with("must contain `{total}`"), "{error}");
}

#[test]
fn a_placeholder_a_text_does_not_take_is_refused() {
    let forms = FORMS.replace("back = \"Back\"", "back = \"Back to {step}\"");
    let error = forms_error(&forms);
    assert!(
        error.ends_with(
            "`{step}` is not a placeholder of this text: this text takes no placeholders"
        ),
        "{error}"
    );
}

#[test]
fn an_unknown_section_lists_the_known_ones() {
    let ui = format!("{UI}\n[footr]\nlabel = \"x\"\n");
    let errors = messages(with_texts(FORMS, &ui));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains("unknown section `[footr]`: ui.toml has [page], [header]"),
        "{}",
        errors[0]
    );
}

#[test]
fn a_link_text_must_be_a_link() {
    let forms = FORMS.replace(
        "privacy = \"site:privacy\"",
        "privacy = \"site:no-such-page\"",
    );
    let error = forms_error(&forms);
    assert!(
        error.contains("`no-such-page` is not defined in site.toml [links]"),
        "{error}"
    );
}

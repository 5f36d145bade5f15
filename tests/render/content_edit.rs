//! The promise of `src/content/README.md`: the content team edits the
//! files, rebuilds, and the page changes; no Rust is touched. A copy of the
//! tests' content is edited the way an editor would (a heading, a new
//! carrier with an alias, a form label, a new FAQ entry), compiled by the
//! same compiler `build.rs` runs, and each change is looked for on the
//! rendered page.

use std::fs;
use std::path::{Path, PathBuf};

use asana_article::content::load::load;
use asana_article::insurance::matcher::{check, Directory, Outcome};

use super::{html_of, visible_text};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content")
}

/// A copy of the fixture content, removed when dropped.
struct Copy(PathBuf);

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn copy_fixture(name: &str) -> Copy {
    let dir = std::env::temp_dir().join(format!("aa-content-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    for entry in fs::read_dir(fixture_dir()).unwrap().flatten() {
        fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    Copy(dir)
}

/// Replaces `from` (which must be there, once) with `to` in `file`.
fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{file}: {from:?}");
    fs::write(path, text.replace(from, to)).unwrap();
}

fn append(dir: &Path, file: &str, more: &str) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(path, text + more).unwrap();
}

#[test]
fn edited_content_files_change_the_page() {
    let copy = copy_fixture("edit");
    let dir = &copy.0;
    edit(
        dir,
        "article.md",
        "## Introduction: Understanding Ketamine’s Two Faces {#introduction}",
        "## Why Ketamine Has Two Faces {#introduction}",
    );
    append(
        dir,
        "carriers.toml",
        "\n[[carrier]]\nid = \"pelican\"\nname = \"Pelican State Plan\"\naliases = [\"Pelicare\"]\n",
    );
    edit(
        dir,
        "forms.toml",
        "who_legend = \"Who are you asking for?\"",
        "who_legend = \"Who is this message about?\"",
    );
    append(
        dir,
        "faq.toml",
        "\n[[item]]\nid = \"can-i-bring-a-friend\"\nquestion = \"Can I bring a friend to my first visit?\"\nanswer = \"\"\"\nYes, someone you trust is welcome to come along.\n\"\"\"\n",
    );

    let content =
        load(dir).unwrap_or_else(|errors| panic!("the edited copy does not compile:\n{errors}"));
    let html = html_of(content);
    let page = visible_text(&html);

    // The heading, in the article and in the table of contents.
    assert!(html.contains(
        "<h2 id=\"introduction\" class=\"aa-section__heading\">Why Ketamine Has Two Faces</h2>"
    ));
    assert!(!page.contains("Understanding Ketamine’s Two Faces"));
    assert_eq!(
        page.matches("Why Ketamine Has Two Faces").count(),
        3,
        "article, side panel, bar"
    );
    // The carrier, on the list; its alias, understood by the checker.
    assert!(html.contains("<li class=\"aa-carriers__item\">Pelican State Plan</li>"));
    let directory = Directory::new(content.carriers, &content.checker);
    match check("pelicare", &directory) {
        Some(Outcome::InNetwork { carrier, .. }) => assert_eq!(carrier.name, "Pelican State Plan"),
        other => panic!("the alias is not understood: {other:?}"),
    }
    // The form label, in the pre-rendered contact form.
    assert!(page.contains("Who is this message about?"));
    assert!(!page.contains("Who are you asking for?"));
    // The FAQ entry, with its question as a button and its answer.
    assert!(html.contains("id=\"faq-can-i-bring-a-friend-toggle\""));
    assert!(page.contains("Can I bring a friend to my first visit?"));
    assert!(page.contains("someone you trust is welcome to come along"));
}

#[test]
fn a_mistake_in_the_copy_is_reported_with_file_and_line() {
    let copy = copy_fixture("mistake");
    edit(
        &copy.0,
        "forms.toml",
        "progress = \"Step {n} of {total}\"",
        "progress = \"Step {n}\"",
    );
    let errors = load(&copy.0).unwrap_err();
    assert!(errors.contains("forms.toml:"), "{errors}");
    assert!(
        errors.contains("[contact] progress: must contain `{total}`"),
        "{errors}"
    );
}

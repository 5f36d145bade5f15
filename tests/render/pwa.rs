//! The installable app's parts of the page, rendered: the "new version"
//! bar is there from the start but says nothing and offers nothing until
//! the boot script has a new build to offer; the head links the manifest
//! and the icons the build draws.

use asana_article::build::head::{head_html, Inline};
use asana_article::content::load;

use super::fixture_html;

#[test]
fn the_update_bar_is_empty_and_its_button_hidden_until_needed() {
    let html = fixture_html();
    let ui = load::fixture().ui.update;
    let at = html
        .find("data-aa-update=\"\"")
        .expect("the page has no update bar");
    let bar = &html[at..at + html[at..].find("</div>").expect("unclosed bar")];
    let status = &bar[bar.find("<p ").expect("no status line")..];
    let status = &status[..status.find("</p>").expect("unclosed status line") + 4];
    for want in [
        "role=\"status\"".to_string(),
        format!("data-aa-update-text=\"{}\"", ui.available),
    ] {
        assert!(status.contains(&want), "no {want} on {status}");
    }
    assert!(
        status.ends_with("></p>"),
        "the status line must start empty (a live region speaks on change): {status}"
    );
    let button = &bar[bar.find("<button").expect("no button")..];
    assert!(
        button.contains(" hidden") && button.contains(&format!(">{}</button>", ui.reload)),
        "the button must start hidden: {button}"
    );
}

#[test]
fn the_head_links_the_manifest_icons_and_ios_settings() {
    let content = load::fixture();
    let head = head_html(content, Inline { css: "", boot: "" });
    for want in [
        "<noscript data-aa-late-links>".to_string(),
        "<link rel=\"manifest\" href=\"./manifest.webmanifest\">".to_string(),
        "<link rel=\"apple-touch-icon\" href=\"./apple-touch-icon.png\">".to_string(),
        format!(
            "<link rel=\"icon\" href=\"./{}\" type=\"image/svg+xml\">",
            content.app.icon
        ),
        "<meta name=\"apple-mobile-web-app-capable\" content=\"yes\">".to_string(),
        format!(
            "<meta name=\"apple-mobile-web-app-title\" content=\"{}\">",
            content.app.short_name
        ),
        format!(
            "<meta name=\"theme-color\" content=\"{}\" media=\"(prefers-color-scheme: dark)\">",
            content.app.theme_color_dark
        ),
    ] {
        assert!(head.contains(&want), "no {want} in\n{head}");
    }
}

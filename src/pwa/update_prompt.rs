//! The bar that offers a new version of the page. A new build's service
//! worker installs in the background and waits; the boot script shows this
//! bar and, on the visitor's click only, lets the new worker take over and
//! reloads once (`src/loader/boot.js`). Nothing here runs in Rust: the bar
//! is rendered with the page so its words come from the content files and
//! it is in place before the script needs it.

use leptos::prelude::*;

use crate::content::use_content;

/// The bar's element; the boot script finds it by this attribute and sets
/// it to `shown` when there is a new version.
pub const UPDATE_ATTR: &str = "data-aa-update";

/// On the status line: the text the boot script puts into it (a live
/// region is announced only when its content changes, so it starts empty).
pub const UPDATE_TEXT_ATTR: &str = "data-aa-update-text";

/// Set on the bar by the boot script when it shows it (the CSS shows it).
pub const UPDATE_SHOWN_ATTR: &str = "data-aa-update-shown";

/// On the bar's button, hidden until there is a new version.
pub const UPDATE_RELOAD_ATTR: &str = "data-aa-update-reload";

/// "A new version is available — Reload": empty and hidden until the boot
/// script fills it in; invisible without scripts, when there is nothing
/// to offer.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let t = use_content().ui.update;
    view! {
        <div class="aa-update" data-aa-update="">
            <p class="aa-update__text" role="status" data-aa-update-text=t.available></p>
            <button type="button" class="aa-button aa-update__reload" data-aa-update-reload="" hidden>
                {t.reload}
            </button>
        </div>
    }
}

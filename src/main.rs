//! Browser entry point: hydrate the pre-rendered page.

fn main() {
    #[cfg(feature = "hydrate")]
    {
        console_error_panic_hook::set_once();
        leptos::mount::hydrate_body(asana_article::App);
    }
}

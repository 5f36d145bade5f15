//! Browser entry point: hydrate the pre-rendered page.

fn main() {
    #[cfg(feature = "hydrate")]
    {
        console_error_panic_hook::set_once();
        // A task of its own: instantiating the module and hydrating in one
        // task would make one long task of both (blocking input longer).
        leptos::prelude::set_timeout(
            || leptos::mount::hydrate_body(asana_article::App),
            std::time::Duration::ZERO,
        );
    }
}

//! Browser entry point: hydrate the pre-rendered page's interactive parts.

fn main() {
    #[cfg(feature = "hydrate")]
    {
        use asana_article::content::ROOTS_CONTENT;
        use leptos::prelude::*;

        console_error_panic_hook::set_once();
        // A task of its own: instantiating the module and hydrating in one
        // task would make one long task of both (blocking input longer).
        set_timeout(
            || asana_article::page::hydrate::hydrate_page(&ROOTS_CONTENT),
            std::time::Duration::ZERO,
        );
    }
}

//! Browser entry point: hydrate the pre-rendered page.

fn main() {
    #[cfg(feature = "hydrate")]
    {
        use asana_article::content::CONTENT;
        use leptos::prelude::*;

        console_error_panic_hook::set_once();
        // A task of its own: instantiating the module and hydrating in one
        // task would make one long task of both (blocking input longer).
        set_timeout(
            || leptos::mount::hydrate_body(|| view! { <asana_article::App content=&CONTENT/> }),
            std::time::Duration::ZERO,
        );
    }
}

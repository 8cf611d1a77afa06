//! What a link to an unknown screen shows.

use yew::prelude::*;

use crate::i18n::use_texts;

/// What a link to an unknown screen shows.
#[component]
pub fn NotFound() -> Html {
    let texts = use_texts();
    html! {
        <section class="screen screen-not-found">
            <h1>{ texts.not_found }</h1>
            <p class="notice notice-error" role="alert">{ texts.not_found_body }</p>
        </section>
    }
}

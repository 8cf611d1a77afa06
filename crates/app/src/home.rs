//! The start page: what the lecture is about and a card per screen.

use yew::prelude::*;

use crate::i18n::Texts;
use crate::i18n::use_texts;
use crate::screen::Screen;
use crate::screens::ALL;
use crate::screens::tour::TourInvite;

/// The start page.
#[component]
pub fn Home() -> Html {
    let texts = use_texts();
    html! {
        <section class="home">
            <h1>{ texts.app_title }</h1>
            <p class="tagline">{ texts.app_tagline }</p>
            <p class="intro">{ texts.home_intro }</p>
            <TourInvite />
            <h2>{ texts.home_screens }</h2>
            <ul class="cards">
                { for ALL.iter().copied().map(|s| card(s, texts)) }
            </ul>
        </section>
    }
}

fn card(target: &'static Screen, texts: &'static Texts) -> Html {
    let screen = target.text(texts);
    html! {
        <li class={classes!("card", format!("card-{}", target.slug))}>
            <a class="card-link" href={target.href()}>
                <span class="card-section">{ screen.section }</span>
                <span class="card-title">{ screen.name }</span>
                <span class="card-blurb">{ screen.blurb }</span>
                <span class="card-open" aria-hidden="true">{ texts.open_screen }{ " →" }</span>
            </a>
        </li>
    }
}

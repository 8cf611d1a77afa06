//! The guided tour (issue #20): the lecture as one sequence of live screens. A stop is a
//! screen opened from its own share link with `tour=N` after it (see [`place`]), so each
//! screen's link code stays the only thing that sets its state. The app shows
//! [`TourCard`] above the screen and keys the screen on the stop, so every stop mounts
//! fresh. `#/tour` and `#/tour/N` are entry links that open the stop's address.

mod card;
pub mod format;
mod keys;
pub mod place;
mod text;

use yew::prelude::*;

use crate::i18n::use_texts;
pub use card::TourCard;
use format::Tour;
pub use keys::on_key;
use place::Place;
pub use text::{TourTexts, texts};

/// The slug of the entry links (`#/tour`, `#/tour/3`): not a screen of its own.
pub const SLUG: &str = "tour";

/// What the app needs to key the screen on: a new value mounts the screen afresh.
pub fn stop_key(place: Option<&Place>) -> String {
    place.map_or_else(String::new, |p| {
        format!(
            "tour-{}-{}",
            p.index,
            p.source.as_ref().map_or(0, String::len)
        )
    })
}

/// Props of [`TourStop`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct TourStopProps {
    /// The screen.
    pub children: Html,
}

/// The screen of a stop, as it is: given a new `key` per stop, so two stops on one screen
/// are two fresh mounts that each read their own link.
#[component]
pub fn TourStop(props: &TourStopProps) -> Html {
    props.children.clone()
}

/// The `#/tour` entry page: opens the stop the link names (the first by default), or says
/// why a teacher's tour in the link cannot be read.
#[component]
pub fn TourStart() -> Html {
    let t = texts(use_texts().lang);
    let lang = use_texts().lang;
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let (index, source) = place::entry(&hash);
    let tour = place::tour_of(source.as_deref());
    {
        let (tour, source) = (tour.clone(), source.clone());
        use_effect_with(hash.clone(), move |_| {
            if let Ok(tour) = tour {
                let index = index.min(tour.stops.len().saturating_sub(1));
                place::replace(&Place { index, source }, &tour);
            }
        });
    }
    html! {
        <section class="tour-start">
            <h1>{ t.label }</h1>
            { match tour {
                Ok(tour) => html! { <p class="tour-starting">{ t.starting }{ " " }{ title(&tour, lang) }</p> },
                Err(error) => html! {
                    <>
                        <p class="tour-error" role="alert">{ t.broken_link }{ " " }{ error.message(lang) }</p>
                        <p><a class="tour-lecture-link" href="#/tour">{ t.lecture_tour }</a></p>
                    </>
                },
            } }
        </section>
    }
}

fn title(tour: &Tour, lang: crate::i18n::Lang) -> String {
    tour.title.get(lang).to_string()
}

/// The home page's invitation to the tour.
#[component]
pub fn TourInvite() -> Html {
    let t = texts(use_texts().lang);
    html! {
        <p class="tour-invite">
            <a class="tour-take" href="#/tour">{ t.take_tour }{ " →" }</a>
            <span class="tour-invite-blurb">{ t.take_tour_blurb }</span>
        </p>
    }
}

#[cfg(test)]
mod tests;

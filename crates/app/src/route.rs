//! Hash routing: `#/conv` and friends. Static hosts serve the same `index.html` for every
//! screen, so a link to a screen survives reload under any sub-path with no rewrite rules.
//! Whatever follows `?` in the hash belongs to the screen (its shareable state).

use yew::prelude::*;

use crate::home::Home;
use crate::not_found::NotFound;
use crate::screen::{Screen, slug_of_hash};
use crate::screens::ALL;
use crate::screens::tour::{self, TourStart};

/// Where the address points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The start page.
    Home,
    /// One of the screens in [`ALL`].
    Screen(&'static Screen),
    /// An entry link of the guided tour (`#/tour`, `#/tour/3`): it opens the stop.
    Tour,
    /// A hash that names no screen.
    NotFound,
}

impl Route {
    /// The route named by a location hash such as `#/conv?k=…`; an empty hash is home.
    pub fn from_hash(hash: &str) -> Route {
        let slug = slug_of_hash(hash);
        if slug.is_empty() {
            return Route::Home;
        }
        if slug == tour::SLUG {
            return Route::Tour;
        }
        ALL.iter()
            .copied()
            .find(|s| s.slug == slug)
            .map_or(Route::NotFound, Route::Screen)
    }

    /// The screen shown, if the route is one.
    pub fn screen(self) -> Option<&'static Screen> {
        match self {
            Route::Screen(screen) => Some(screen),
            Route::Home | Route::Tour | Route::NotFound => None,
        }
    }

    /// What the page shows for this route.
    pub fn view(self) -> Html {
        match self {
            Route::Home => html! { <Home /> },
            Route::Screen(screen) => (screen.view)(),
            Route::Tour => html! { <TourStart /> },
            Route::NotFound => html! { <NotFound /> },
        }
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn every_screen_round_trips_through_its_link() {
        for &screen in ALL {
            assert_eq!(Route::from_hash(&screen.href()), Route::Screen(screen));
        }
    }

    #[test]
    fn slugs_are_unique_lowercase_ascii() {
        for (i, a) in ALL.iter().enumerate() {
            assert!(!a.slug.is_empty());
            assert!(
                a.slug.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                a.slug
            );
            for b in &ALL[i + 1..] {
                assert_ne!(a.slug, b.slug);
            }
        }
    }

    #[test]
    fn empty_hash_is_home() {
        assert_eq!(Route::from_hash(""), Route::Home);
        assert_eq!(Route::from_hash("#"), Route::Home);
        assert_eq!(Route::from_hash("#/"), Route::Home);
    }

    #[test]
    fn screen_state_after_the_slug_is_ignored_by_routing() {
        let conv = Route::from_hash("#/conv?k=sobel-x&s=3")
            .screen()
            .map(|s| s.slug);
        assert_eq!(conv, Some("conv"));
        let lstm = Route::from_hash("#/lstm/step/4").screen().map(|s| s.slug);
        assert_eq!(lstm, Some("lstm"));
    }

    #[test]
    fn unknown_and_malformed_hashes_are_not_found() {
        assert_eq!(Route::from_hash("#/nope"), Route::NotFound);
        assert_eq!(Route::from_hash("#/%%%"), Route::NotFound);
        assert_eq!(Route::from_hash("#/CONV"), Route::NotFound);
        assert_eq!(Route::from_hash("#/tour/3"), Route::Tour);
        assert_eq!(Route::from_hash("#/tour?tsrc=x"), Route::Tour);
    }
}

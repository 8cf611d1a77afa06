//! Hash routing: `#/conv` and friends. Static hosts serve the same `index.html` for every
//! screen, so a link to a screen survives reload under any sub-path with no rewrite rules.
//! Whatever follows `?` in the hash belongs to the screen (its shareable state).

use crate::i18n::{ScreenText, Texts};

/// A screen of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The start page.
    Home,
    /// Decision boundaries.
    Boundaries,
    /// Backprop on the car example.
    Backprop,
    /// Convolution painter.
    Conv,
    /// Deep networks by layer-wise autoencoder pretraining.
    Deep,
    /// LSTM gates over time.
    Lstm,
    /// Activation functions gallery.
    Activations,
    /// A hash that names no screen.
    NotFound,
}

impl Route {
    /// The screens, in the order the navigation lists them.
    pub const SCREENS: [Route; 6] = [
        Route::Boundaries,
        Route::Backprop,
        Route::Deep,
        Route::Conv,
        Route::Lstm,
        Route::Activations,
    ];

    /// The path segment after `#/`.
    pub fn slug(self) -> &'static str {
        match self {
            Route::Home | Route::NotFound => "",
            Route::Boundaries => "boundaries",
            Route::Backprop => "backprop",
            Route::Conv => "conv",
            Route::Deep => "deep",
            Route::Lstm => "lstm",
            Route::Activations => "activations",
        }
    }

    /// The `href` of a link to this screen, relative to the page (keeps any sub-path).
    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }

    /// The route named by a location hash such as `#/conv?k=…`; an empty hash is home.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let slug = path.split(['?', '/']).next().unwrap_or_default();
        if slug.is_empty() {
            return Route::Home;
        }
        Self::SCREENS
            .into_iter()
            .find(|r| r.slug() == slug)
            .unwrap_or(Route::NotFound)
    }

    /// The screen's strings in the current language (none for home and not-found).
    pub fn text(self, t: &'static Texts) -> Option<&'static ScreenText> {
        match self {
            Route::Home | Route::NotFound => None,
            Route::Boundaries => Some(&t.boundaries),
            Route::Backprop => Some(&t.backprop),
            Route::Conv => Some(&t.conv),
            Route::Deep => Some(&t.deep),
            Route::Lstm => Some(&t.lstm),
            Route::Activations => Some(&t.activations),
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
        for r in Route::SCREENS {
            assert_eq!(Route::from_hash(&r.href()), r);
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
        assert_eq!(Route::from_hash("#/conv?k=sobel-x&s=3"), Route::Conv);
        assert_eq!(Route::from_hash("#/lstm/step/4"), Route::Lstm);
    }

    #[test]
    fn unknown_and_malformed_hashes_are_not_found() {
        assert_eq!(Route::from_hash("#/nope"), Route::NotFound);
        assert_eq!(Route::from_hash("#/%%%"), Route::NotFound);
        assert_eq!(Route::from_hash("#/CONV"), Route::NotFound);
    }
}

//! What the app needs to know of a screen: its link slug, its names in both languages and
//! how to show it. Each screen module declares one [`Screen`] as a `static`; the list in
//! `screens/all.rs` is the only place that names them all, and the router, the navigation
//! and the home page's cards follow that list.

use std::fmt;

use yew::Html;

use crate::i18n::{Lang, ScreenText, Texts};

/// One screen of the app, as the shell sees it.
pub struct Screen {
    /// The path segment after `#/` (lowercase ASCII, unique).
    pub slug: &'static str,
    /// Its names and one-line promise in English.
    pub en: ScreenText,
    /// The same in Chinese.
    pub zh: ScreenText,
    /// Renders the screen's component.
    pub view: fn() -> Html,
}

impl Screen {
    /// The `href` of a link to this screen, relative to the page (keeps any sub-path).
    pub fn href(&self) -> String {
        format!("#/{}", self.slug)
    }

    /// Its strings in `lang`.
    pub fn text_in(&self, lang: Lang) -> &ScreenText {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }

    /// Its strings in the language of `texts` (what [`crate::i18n::use_texts`] returns).
    pub fn text(&self, texts: &Texts) -> &ScreenText {
        self.text_in(texts.lang)
    }
}

/// Two screens are the same when their slugs are: a slug names one screen.
impl PartialEq for Screen {
    fn eq(&self, other: &Self) -> bool {
        self.slug == other.slug
    }
}

impl Eq for Screen {}

impl fmt::Debug for Screen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Screen({})", self.slug)
    }
}

/// The screen slug of a location hash such as `#/conv?k=…` (`conv`); empty for home.
pub fn slug_of_hash(hash: &str) -> &str {
    let path = hash.trim_start_matches('#').trim_start_matches('/');
    path.split(['?', '/']).next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn the_slug_is_what_follows_the_hash_up_to_the_query_or_a_slash() {
        assert_eq!(slug_of_hash("#/conv?k=sobel-x&s=3"), "conv");
        assert_eq!(slug_of_hash("#/lstm/step/4"), "lstm");
        assert_eq!(slug_of_hash("#/deep"), "deep");
        assert_eq!(slug_of_hash(""), "");
        assert_eq!(slug_of_hash("#/"), "");
        assert_eq!(slug_of_hash("#/?p=1"), "");
    }
}

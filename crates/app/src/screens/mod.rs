//! One module per screen, and [`ALL`]: the list the router, the navigation and the home
//! page's cards follow.
//!
//! Every screen has the same shape: a `Model` (plain Rust, tested natively) changed only
//! by `update(Msg)`, pure `view_*` helpers that turn it into Html, and a thin component
//! (`mod.rs`) that owns the model, forwards messages, writes the share link and drives
//! animation with [`crate::widgets::use_frame_loop`]. Pictures go through
//! [`crate::widgets::canvas`], strings through [`crate::i18n::use_texts`], keys through
//! [`crate::shortcuts::use_shortcuts`]. Each declares its [`Screen`] (slug, names in both
//! languages, component) as `pub static SCREEN`. Screens never import `app.rs` or the router.
//!
//! To add a screen: copy a small one (`activations.rs`), give its `SCREEN` a new slug and
//! names, and add two lines here (its `mod` and its place in [`ALL`]). Nothing else.

mod activations;
mod backprop;
mod boundaries;
mod cnn;
mod conv;
mod deep;
mod lstm;
pub mod tour;

use crate::screen::Screen;

/// The component tests mount the deep and CNN screens with data sets of their own.
pub use cnn::CnnScreen;
pub use deep::DeepScreen;

/// The screens, in the order the navigation and the home page list them.
pub static ALL: &[&Screen] = &[
    &boundaries::SCREEN,
    &backprop::SCREEN,
    &deep::SCREEN,
    &conv::SCREEN,
    &cnn::SCREEN,
    &lstm::SCREEN,
    &activations::SCREEN,
];

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::i18n::Lang;

    fn has_chinese(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn every_screen_is_named_in_both_languages() {
        for &screen in ALL {
            let (en, zh) = (&screen.en, &screen.zh);
            for (e, z) in [
                (en.name, zh.name),
                (en.short, zh.short),
                (en.blurb, zh.blurb),
            ] {
                assert!(!e.is_empty() && !has_chinese(e), "{}: {e}", screen.slug);
                assert!(has_chinese(z), "{}: {z}", screen.slug);
            }
            assert_eq!(screen.text(Lang::Zh.texts()).name, zh.name);
            assert_eq!(screen.text(Lang::En.texts()).name, en.name);
        }
    }
}

//! The active language as a Yew context: the app provides it, every component (screens
//! and widgets alike) reads its strings through [`use_texts`].

use yew::prelude::*;

use super::{Lang, Texts};

/// The active language and a way to change it, shared with every component.
#[derive(Debug, Clone, PartialEq)]
pub struct LangContext {
    /// The language shown.
    pub lang: Lang,
    /// Switches (and remembers) the language.
    pub set: Callback<Lang>,
}

/// The strings of the active language (English outside the app shell, e.g. in tests).
#[hook]
pub fn use_texts() -> &'static Texts {
    use_context::<LangContext>()
        .map(|c| c.lang)
        .unwrap_or_default()
        .texts()
}

//! Preferences remembered across visits, kept as JSON in `localStorage`.
//! JSON is parsed by the browser and turned into Rust with serde-wasm-bindgen, so the
//! wasm carries no JSON parser of its own; unreadable values fall back to defaults.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

const KEY: &str = "nnp.prefs.v1";

/// What the app remembers about the visitor's choices.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Prefs {
    /// The interface language.
    pub lang: Lang,
    /// Presenter mode: large type for the back of a lecture hall.
    #[serde(default)]
    pub presenter: bool,
}

impl Prefs {
    /// The saved preferences, or the browser's language when nothing (readable) is saved.
    pub fn load() -> Prefs {
        Self::read_saved().unwrap_or_else(|| Prefs {
            lang: browser_language(),
            presenter: false,
        })
    }

    fn read_saved() -> Option<Prefs> {
        let text = local_storage()?.get_item(KEY).ok()??;
        let value = js_sys::JSON::parse(&text).ok()?;
        serde_wasm_bindgen::from_value(value).ok()
    }

    /// Saves the preferences; storage may be full or disabled, which only costs memory.
    pub fn save(self) {
        let Some(storage) = local_storage() else {
            return;
        };
        let Ok(value) = serde_wasm_bindgen::to_value(&self) else {
            return;
        };
        if let Ok(text) = js_sys::JSON::stringify(&value) {
            let _ = storage.set_item(KEY, &String::from(text));
        }
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn browser_language() -> Lang {
    let tag = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    Lang::from_browser_tag(&tag)
}

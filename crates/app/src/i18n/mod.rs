//! Every string the user reads, one table per language. Adding a field forces both
//! languages to say it, so no screen can show untranslated text.

pub mod backprop;
pub mod boundaries;
pub mod cnn;
mod context;
pub mod conv;
pub mod deep;
pub mod lstm;
mod shell;

pub use context::{LangContext, use_texts};
pub use shell::{EN, ZH};

use serde::{Deserialize, Serialize};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese, the lecture's language.
    Zh,
}

impl Lang {
    /// The other language (the switch offers it).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// The BCP 47 tag, for the page's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The language a browser prefers, from `navigator.language`.
    pub fn from_browser_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// This language's strings.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }
}

/// A screen's name, its one-line promise and the lecture section it brings to life.
#[derive(Debug, PartialEq)]
pub struct ScreenText {
    /// The screen's title.
    pub name: &'static str,
    /// A short name for the navigation bar.
    pub short: &'static str,
    /// One sentence: what the student does there.
    pub blurb: &'static str,
    /// Which part of the lecture it belongs to.
    pub section: &'static str,
}

/// All interface strings of one language.
#[derive(Debug, PartialEq)]
pub struct Texts {
    /// The language these strings are in.
    pub lang: Lang,
    pub app_title: &'static str,
    pub app_tagline: &'static str,
    pub switch_language: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub home: &'static str,
    pub home_intro: &'static str,
    pub home_screens: &'static str,
    pub home_more: &'static str,
    pub open_screen: &'static str,
    pub activations_intro: &'static str,
    pub activation_value: &'static str,
    pub activation_derivative: &'static str,
    pub sign_note: &'static str,
    pub sigmoid_note: &'static str,
    pub tanh_note: &'static str,
    pub relu_note: &'static str,
    pub linear_note: &'static str,
    pub not_found: &'static str,
    pub not_found_body: &'static str,
    pub dismiss: &'static str,
    pub footer: &'static str,
    pub presenter: &'static str,
    pub presenter_title: &'static str,
    pub fullscreen: &'static str,
    /// The small button on a panel in presenter mode.
    pub hide: &'static str,
    /// Its accessible name.
    pub hide_panel: &'static str,
    /// The header chip when panels are hidden: `{}` is how many.
    pub hidden_count: &'static str,
    /// The chip's tooltip.
    pub hidden_title: &'static str,
    pub keys_title: &'static str,
    /// (keys, what they do) rows of the shortcut list.
    pub keys_rows: &'static [(&'static str, &'static str)],
    pub close: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub save_file: &'static str,
    pub save_picture: &'static str,
    pub save_picture_title: &'static str,
    pub open_file: &'static str,
    pub file_opened: &'static str,
    pub file_not_ours: &'static str,
    pub file_other_screen: &'static str,
    pub file_too_big: &'static str,
    pub file_unreadable: &'static str,
    /// "Save weights": the network as a JSON file.
    pub weights_save: &'static str,
    pub weights_save_title: &'static str,
    pub weights_open: &'static str,
    pub weights_opened: &'static str,
    /// `{}`: the JSON parser's words.
    pub weights_not_json: &'static str,
    pub weights_not_ours: &'static str,
    /// `{}`: the other screen.
    pub weights_other_screen: &'static str,
    /// `{}`: what does not fit, and where.
    pub weights_invalid: &'static str,
    /// The decision-boundaries screen's own strings.
    pub boundaries_ui: &'static boundaries::BoundariesTexts,
    /// The backprop screen's own strings.
    pub backprop_ui: &'static backprop::BackpropTexts,
    /// The convolution painter's own strings.
    pub conv_ui: &'static conv::ConvTexts,
    /// The LSTM screen's own strings.
    pub lstm_ui: &'static lstm::LstmTexts,
    /// The deep-networks screen's own strings.
    pub deep_ui: &'static deep::DeepTexts,
    /// The CNN screen's own strings.
    pub cnn_ui: &'static cnn::CnnTexts,
}

/// `template` with each `{}` replaced by the next argument and each `{k}` by argument k.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut next = 0;
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inside = &after[..close];
        let index = if inside.is_empty() {
            next += 1;
            Some(next - 1)
        } else {
            inside.parse::<usize>().ok()
        };
        match index.and_then(|k| args.get(k)) {
            Some(arg) => out.push_str(arg),
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn each_table_knows_its_language() {
        assert_eq!(Lang::En.texts().lang, Lang::En);
        assert_eq!(Lang::Zh.texts().lang, Lang::Zh);
    }

    #[test]
    fn languages_switch_back_and_forth() {
        assert_eq!(Lang::En.other(), Lang::Zh);
        assert_eq!(Lang::Zh.other().other(), Lang::Zh);
    }

    #[test]
    fn browser_tags_pick_the_language() {
        assert_eq!(Lang::from_browser_tag("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_browser_tag("ZH-tw"), Lang::Zh);
        assert_eq!(Lang::from_browser_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_browser_tag(""), Lang::En);
    }

    #[test]
    fn fill_replaces_in_order_and_by_position() {
        assert_eq!(fill("{} of {}", &["3", "20"]), "3 of 20");
        assert_eq!(
            fill("第 {1} 个位置的“{0}”", &["x", "4"]),
            "第 4 个位置的“x”"
        );
    }
}

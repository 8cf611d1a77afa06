//! Strings of the Backprop screen, one table per language.

/// Every string the Backprop screen shows.
#[derive(Debug, PartialEq)]
pub struct BackpropTexts {
    /// Shown while the screen is being built.
    pub under_construction: &'static str,
}

/// English.
pub static EN: BackpropTexts = BackpropTexts {
    under_construction: "This screen is being built.",
};

/// Simplified Chinese.
pub static ZH: BackpropTexts = BackpropTexts {
    under_construction: "这个页面正在建设中。",
};

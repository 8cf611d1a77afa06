//! Strings of the Conv screen, one table per language.

/// Every string the Conv screen shows.
#[derive(Debug, PartialEq)]
pub struct ConvTexts {
    /// Shown while the screen is being built.
    pub under_construction: &'static str,
}

/// English.
pub static EN: ConvTexts = ConvTexts {
    under_construction: "This screen is being built.",
};

/// Simplified Chinese.
pub static ZH: ConvTexts = ConvTexts {
    under_construction: "这个页面正在建设中。",
};

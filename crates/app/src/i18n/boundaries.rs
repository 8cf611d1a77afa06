//! Strings of the Boundaries screen, one table per language.

/// Every string the Boundaries screen shows.
#[derive(Debug, PartialEq)]
pub struct BoundariesTexts {
    /// Shown while the screen is being built.
    pub under_construction: &'static str,
}

/// English.
pub static EN: BoundariesTexts = BoundariesTexts {
    under_construction: "This screen is being built.",
};

/// Simplified Chinese.
pub static ZH: BoundariesTexts = BoundariesTexts {
    under_construction: "这个页面正在建设中。",
};

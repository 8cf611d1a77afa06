//! What a link could not use as written: each key once, the first few named, and numbers
//! moved into their range.

use super::MAX_REPORTED;

/// A part of a link that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkProblem {
    /// The key (or the raw piece, when it has no `=`).
    pub key: String,
    /// Why, in English (for the console and tests; the screen shows a translated summary).
    pub reason: String,
    /// For a number moved into its range: what the link asked and what was used, `7 → 0.5`.
    pub moved: Option<String>,
}

impl LinkProblem {
    /// How a note names it: the key, and for a moved number what became of it
    /// (`noise 0.9 → 0.5`).
    pub fn shown(&self) -> String {
        match &self.moved {
            Some(moved) => format!("{} {moved}", self.key),
            None => self.key.clone(),
        }
    }
}

/// The problems of one link: each key once, the first [`MAX_REPORTED`] named.
#[derive(Default)]
pub(super) struct Report {
    listed: Vec<LinkProblem>,
    more: usize,
}

impl Report {
    /// Reports `key`, whose value `asked` (as the link wrote it, if it had one) could not be
    /// used as written for `reason`.
    pub(super) fn add(&mut self, key: &str, asked: Option<&str>, reason: &str) {
        let key: String = key.chars().take(40).collect();
        if self.listed.iter().any(|p| p.key == key) {
            return;
        }
        if self.listed.len() < MAX_REPORTED {
            let moved = asked
                .zip(used_instead(reason))
                .map(|(asked, used)| format!("{} → {used}", shortened(asked)));
            self.listed.push(LinkProblem {
                key,
                reason: reason.to_string(),
                moved,
            });
        } else {
            // Not deduplicated (that would cost a set of every key): an upper bound.
            self.more += 1;
        }
    }

    pub(super) fn finish(mut self) -> Vec<LinkProblem> {
        if self.more > 0 {
            self.listed.push(LinkProblem {
                key: format!("… {} more", self.more),
                reason: "not listed".to_string(),
                moved: None,
            });
        }
        self.listed
    }
}

/// Puts `value` into `target`, moved into `lo..=hi` when it is outside (the nearest end).
/// A moved value is still used, and reported: `Err` says what was asked and what was used.
pub fn set_clamped<T>(target: &mut T, value: T, lo: T, hi: T) -> Result<(), String>
where
    T: PartialOrd + Copy + std::fmt::Display,
{
    let used = if value < lo {
        lo
    } else if value > hi {
        hi
    } else {
        value
    };
    *target = used;
    if used == value {
        Ok(())
    } else {
        Err(format!("{OUTSIDE}{lo} to {hi}; {used}{USED}"))
    }
}

/// How [`set_clamped`]'s reason begins, and how it ends after the value it used: the
/// two ends [`used_instead`] reads it back by.
const OUTSIDE: &str = "outside ";
const USED: &str = " was used";

/// The value [`set_clamped`] used, if `reason` is its.
fn used_instead(reason: &str) -> Option<&str> {
    let (_, used) = reason.strip_prefix(OUTSIDE)?.split_once("; ")?;
    used.strip_suffix(USED)
}

/// `text` cut to a dozen characters (a link may write a number with hundreds of digits).
fn shortened(text: &str) -> String {
    const MOST: usize = 12;
    if text.chars().count() <= MOST {
        text.to_string()
    } else {
        text.chars().take(MOST - 1).chain(['…']).collect()
    }
}

//! What a link could not use as written: each key once, the first few named, and numbers
//! moved into their range.

use super::{LinkProblem, MAX_REPORTED};

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
        Err(format!("outside {lo} to {hi}; {used}{USED}"))
    }
}

/// The end of [`set_clamped`]'s reason, after the value it used.
const USED: &str = " was used";

/// The value [`set_clamped`] used, if `reason` is its.
fn used_instead(reason: &str) -> Option<&str> {
    let (_, used) = reason.strip_prefix("outside ")?.split_once("; ")?;
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

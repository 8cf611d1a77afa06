//! A tour as data: the JSON a teacher writes (or the lecture's own, `lecture.json`), read
//! with limits and checked stop by stop, so a bad file is refused with a message that says
//! where and why, and never reaches a screen.
//!
//! ```json
//! { "format": "nnp-tour 1",
//!   "title": { "en": "My tour", "zh": "我的导览" },
//!   "stops": [ { "screen": "lstm", "state": "v=rnn&task=remember&dist=40",
//!                "show": ".lstm-heat-panel",
//!                "title": { "en": "…", "zh": "…" }, "text": { "en": "…", "zh": "…" },
//!                "question": { "prompt": { "en": "…", "zh": "…" },
//!                              "choices": [ { "en": "…", "zh": "…" }, { "en": "…", "zh": "…" } ],
//!                              "answer": 1, "explain": { "en": "…", "zh": "…" } } } ] }
//! ```

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::screens::ALL;
use crate::share::{MAX_LINK, global_value};

/// The value of `format` in every tour file.
pub const FORMAT: &str = "nnp-tour 1";
/// Larger tour files are refused before they are parsed.
pub const MAX_TOUR_BYTES: usize = 64 * 1024;
/// The most stops a tour may have.
pub const MAX_STOPS: usize = 40;
/// The longest text of one language in one field.
pub const MAX_TEXT: usize = 1200;
/// The longest `show` selector.
const MAX_SELECTOR: usize = 200;
/// The fewest and most choices of a question.
const CHOICES: (usize, usize) = (2, 4);

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Both {
    /// English.
    pub en: String,
    /// Chinese.
    pub zh: String,
}

impl Both {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// A question asked before the run shows the answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// What the student predicts.
    pub prompt: Both,
    /// Two to four answers to pick from.
    pub choices: Vec<Both>,
    /// The index of the right choice (0 = the first).
    pub answer: usize,
    /// Why, shown with the answer.
    pub explain: Both,
    /// A CSS selector of what the answer points at (a sum, a curve): brought into view and
    /// outlined when the answer is revealed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show: Option<String>,
}

/// One stop: a screen in a set state, with its text and maybe a question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stop {
    /// The screen's slug (`boundaries`, `lstm`, …).
    pub screen: String,
    /// The screen's share-link query (what follows `?` in its link), read by the screen.
    #[serde(default)]
    pub state: String,
    /// A CSS selector of the picture (or control) to bring into view and outline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show: Option<String>,
    /// The stop's heading.
    pub title: Both,
    /// Two to four sentences beside the screen.
    pub text: Both,
    /// A prediction to make before the run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<Question>,
}

/// A whole tour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tour {
    /// Always [`FORMAT`].
    pub format: String,
    /// The tour's name.
    pub title: Both,
    /// The stops, in order.
    pub stops: Vec<Stop>,
}

/// Why a tour file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TourError {
    /// Larger than [`MAX_TOUR_BYTES`].
    TooBig,
    /// Not JSON, or JSON of another shape: the parser's words (line and column).
    NotJson(String),
    /// JSON without `"format": "nnp-tour 1"`.
    NotATour,
    /// No stops, or more than [`MAX_STOPS`].
    StopCount(usize),
    /// The tour's own title has a problem.
    Title(String),
    /// Stop `n` (1-based) has a problem, said in English.
    Stop(usize, String),
}

impl TourError {
    /// The message a teacher reads.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            TourError::TooBig if zh => format!("文件太大（最多 {} KB）。", MAX_TOUR_BYTES / 1024),
            TourError::TooBig => format!(
                "The file is too big (at most {} KB).",
                MAX_TOUR_BYTES / 1024
            ),
            TourError::NotJson(why) if zh => format!("这不是可读的导览 JSON：{why}"),
            TourError::NotJson(why) => format!("This is not a readable tour JSON: {why}"),
            TourError::NotATour if zh => {
                format!("这不是导览文件（缺少 \"format\": \"{FORMAT}\"）。")
            }
            TourError::NotATour => {
                format!("This is not a tour file (no \"format\": \"{FORMAT}\").")
            }
            TourError::StopCount(n) if zh => {
                format!("导览需要 1 到 {MAX_STOPS} 站，这里有 {n} 站。")
            }
            TourError::StopCount(n) => {
                format!("A tour needs 1 to {MAX_STOPS} stops; this one has {n}.")
            }
            TourError::Title(why) if zh => format!("导览标题：{why}"),
            TourError::Title(why) => format!("The tour's title: {why}"),
            TourError::Stop(n, why) if zh => format!("第 {n} 站：{why}"),
            TourError::Stop(n, why) => format!("Stop {n}: {why}"),
        }
    }
}

fn check_both(name: &str, text: &Both, required: bool) -> Result<(), String> {
    for (lang, value) in [("en", &text.en), ("zh", &text.zh)] {
        if required && value.trim().is_empty() {
            return Err(format!("{name}.{lang} is empty"));
        }
        if value.chars().count() > MAX_TEXT {
            return Err(format!(
                "{name}.{lang} is longer than {MAX_TEXT} characters"
            ));
        }
    }
    Ok(())
}

/// A `show` selector, when there is one, is a short non-empty text.
fn check_selector(name: &str, show: Option<&str>) -> Result<(), String> {
    match show {
        Some(show) if show.is_empty() || show.len() > MAX_SELECTOR => Err(format!(
            "{name} is empty or longer than {MAX_SELECTOR} characters"
        )),
        _ => Ok(()),
    }
}

fn check_stop(stop: &Stop) -> Result<(), String> {
    if !ALL.iter().any(|s| s.slug == stop.screen) {
        let known: Vec<&str> = ALL.iter().map(|s| s.slug).collect();
        let name: String = stop.screen.chars().take(30).collect();
        return Err(format!("no screen '{name}' (one of: {})", known.join(", ")));
    }
    if stop.state.len() > MAX_LINK {
        return Err(format!("the state is longer than {MAX_LINK} characters"));
    }
    if stop.state.contains(['#', '?', ' ', '\n']) {
        return Err(
            "the state is the part after '?' of a screen's link: no '#', '?' or spaces".into(),
        );
    }
    if global_value(&stop.state, crate::share::TOUR_KEY).is_some() {
        return Err("the state cannot hold a tour place of its own".into());
    }
    check_selector("show", stop.show.as_deref())?;
    check_both("title", &stop.title, true)?;
    check_both("text", &stop.text, true)?;
    if let Some(q) = &stop.question {
        check_both("question.prompt", &q.prompt, true)?;
        check_both("question.explain", &q.explain, false)?;
        if !(CHOICES.0..=CHOICES.1).contains(&q.choices.len()) {
            return Err(format!(
                "a question needs {} to {} choices",
                CHOICES.0, CHOICES.1
            ));
        }
        for choice in &q.choices {
            check_both("question.choices", choice, true)?;
        }
        check_selector("question.show", q.show.as_deref())?;
        if q.answer >= q.choices.len() {
            return Err(format!(
                "the answer {} is not a choice (0 is the first)",
                q.answer
            ));
        }
    }
    Ok(())
}

impl Tour {
    /// Reads and checks a tour file.
    pub fn parse(text: &str) -> Result<Tour, TourError> {
        if text.len() > MAX_TOUR_BYTES {
            return Err(TourError::TooBig);
        }
        let format = crate::json::format_of(text).map_err(TourError::NotJson)?;
        if format.as_deref() != Some(FORMAT) {
            return Err(TourError::NotATour);
        }
        let tour: Tour = crate::json::read(text).map_err(TourError::NotJson)?;
        tour.check()?;
        Ok(tour)
    }

    /// Checks every stop.
    pub fn check(&self) -> Result<(), TourError> {
        if self.stops.is_empty() || self.stops.len() > MAX_STOPS {
            return Err(TourError::StopCount(self.stops.len()));
        }
        check_both("title", &self.title, true).map_err(TourError::Title)?;
        for (i, stop) in self.stops.iter().enumerate() {
            check_stop(stop).map_err(|why| TourError::Stop(i + 1, why))?;
        }
        Ok(())
    }

    /// The tour as compact JSON (for a link), or pretty (for a file).
    pub fn to_json(&self, pretty: bool) -> String {
        crate::json::write(self, pretty)
    }
}

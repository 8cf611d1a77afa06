//! The weights file: a trained network as readable JSON (`"format": "nnp-weights 1"`), one
//! kind per screen (decision boundaries, LSTM, deep net), written and read back exactly.
//!
//! Every number is written as the shortest decimal that reads back to the same `f64` (the
//! browser's `JSON.stringify`; natively serde_json), so a file opened again gives the same
//! bits. Reading checks the header, then every shape against what the screen can build, and
//! names the first thing that does not fit ("layers[1].weights[3]: expected 4
//! numbers, found 5"); the screen stays as it was.

use serde::{Deserialize, Serialize};

use crate::i18n::{Texts, fill};
use crate::share::store::FileError;

/// The `"format"` line of every weights file.
pub const FORMAT: &str = "nnp-weights 1";

/// Why a weights file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WeightsError {
    /// The text is not JSON (the parser's words).
    NotJson(String),
    /// JSON, but not a weights file of this site.
    NotWeights,
    /// A weights file of another screen (its name).
    OtherScreen(String),
    /// A weights file of this screen that does not fit (what and where).
    Invalid(String),
    /// Larger than a file of ours can be.
    TooBig,
    /// The browser could not read the file.
    Unreadable,
}

impl From<FileError> for WeightsError {
    fn from(error: FileError) -> Self {
        match error {
            FileError::TooBig => Self::TooBig,
            _ => Self::Unreadable,
        }
    }
}

/// What the screen says after opening a weights file.
pub fn say(texts: &Texts, outcome: &Result<(), WeightsError>) -> String {
    match outcome {
        Ok(()) => texts.weights_opened.to_string(),
        Err(WeightsError::NotJson(why)) => fill(texts.weights_not_json, &[why]),
        Err(WeightsError::NotWeights) => texts.weights_not_ours.to_string(),
        Err(WeightsError::OtherScreen(screen)) => fill(texts.weights_other_screen, &[screen]),
        Err(WeightsError::Invalid(why)) => fill(texts.weights_invalid, &[why]),
        Err(WeightsError::TooBig) => texts.file_too_big.to_string(),
        Err(WeightsError::Unreadable) => texts.file_unreadable.to_string(),
    }
}

/// The fields every weights file starts with (read first, to name a file of another kind).
#[derive(Debug, Clone, PartialEq, Deserialize)]
struct Header {
    /// The screen's slug (`boundaries`, `lstm`, `deep`).
    screen: String,
}

/// Reads `text` as `screen`'s weights file `T`: the header first (so a file of another kind
/// is named as such), then the whole body.
pub fn read<T: serde::de::DeserializeOwned>(text: &str, screen: &str) -> Result<T, WeightsError> {
    match crate::json::format_of(text).map_err(WeightsError::NotJson)? {
        Some(format) if format == FORMAT => {}
        _ => return Err(WeightsError::NotWeights),
    }
    let header: Header = crate::json::read(text).map_err(|_| WeightsError::NotWeights)?;
    if header.screen != screen {
        return Err(WeightsError::OtherScreen(header.screen));
    }
    crate::json::read(text).map_err(WeightsError::Invalid)
}

/// `value` as indented JSON.
pub fn write<T: Serialize>(value: &T) -> String {
    crate::json::write(value, true)
}

/// A refusal that names `place`.
pub fn invalid(place: &str, what: impl std::fmt::Display) -> WeightsError {
    WeightsError::Invalid(format!("{place}: {what}"))
}

/// The rows of a `rows × cols` row-major matrix.
pub fn to_rows<F: Copy>(values: &[F], cols: usize) -> Vec<Vec<F>> {
    if cols == 0 {
        return Vec::new();
    }
    values.chunks(cols).map(<[F]>::to_vec).collect()
}

/// The matrix `rows` (named `place`) as row-major values, if it is `want_rows × want_cols`
/// and every value is finite.
pub fn from_rows(
    rows: &[Vec<f64>],
    (want_rows, want_cols): (usize, usize),
    place: &str,
) -> Result<Vec<f64>, WeightsError> {
    if rows.len() != want_rows {
        return Err(invalid(
            place,
            format!("expected {want_rows} rows, found {}", rows.len()),
        ));
    }
    let mut values = Vec::with_capacity(want_rows * want_cols);
    for (r, row) in rows.iter().enumerate() {
        if row.len() != want_cols {
            return Err(invalid(
                &format!("{place}[{r}]"),
                format!("expected {want_cols} numbers, found {}", row.len()),
            ));
        }
        values.extend_from_slice(row);
    }
    finite(&values, place)?;
    Ok(values)
}

/// `values` (named `place`) if there are `want` and all are finite.
pub fn exactly(values: &[f64], want: usize, place: &str) -> Result<Vec<f64>, WeightsError> {
    if values.len() != want {
        return Err(invalid(
            place,
            format!("expected {want} numbers, found {}", values.len()),
        ));
    }
    finite(values, place)?;
    Ok(values.to_vec())
}

fn finite(values: &[f64], place: &str) -> Result<(), WeightsError> {
    match values.iter().position(|v| !v.is_finite()) {
        Some(k) => Err(invalid(place, format!("number {k} is not finite"))),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Serialize, Deserialize)]
    struct Body {
        format: String,
        screen: String,
        values: Vec<f64>,
    }

    #[test]
    fn the_header_is_checked_before_the_body() {
        let body = Body {
            format: FORMAT.into(),
            screen: "deep".into(),
            values: vec![0.1, -2.5e-300, 1.0 / 3.0],
        };
        let text = write(&body);
        let back: Body = read(&text, "deep").unwrap();
        assert_eq!(
            back.values.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            body.values.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            "every number reads back to the same bits"
        );
        assert_eq!(
            read::<Body>(&text, "lstm").unwrap_err(),
            WeightsError::OtherScreen("deep".into())
        );
        assert!(matches!(
            read::<Body>("{", "deep"),
            Err(WeightsError::NotJson(_))
        ));
        assert_eq!(
            read::<Body>(r#"{"format": "nnp-tour 1"}"#, "deep").unwrap_err(),
            WeightsError::NotWeights
        );
        assert_eq!(
            read::<Body>("[1, 2]", "deep").unwrap_err(),
            WeightsError::NotWeights
        );
        let missing = r#"{"format": "nnp-weights 1", "screen": "deep"}"#;
        assert!(matches!(
            read::<Body>(missing, "deep"),
            Err(WeightsError::Invalid(why)) if why.contains("values")
        ));
    }

    #[test]
    fn shapes_are_named_where_they_do_not_fit() {
        let rows = vec![vec![1.0, 2.0], vec![3.0]];
        assert_eq!(
            from_rows(&rows, (2, 2), "layers[0].weights"),
            Err(invalid(
                "layers[0].weights[1]",
                "expected 2 numbers, found 1"
            ))
        );
        assert_eq!(
            from_rows(&rows, (3, 2), "w"),
            Err(invalid("w", "expected 3 rows, found 2"))
        );
        assert_eq!(
            from_rows(&[vec![1.0, f64::INFINITY]], (1, 2), "w"),
            Err(invalid("w", "number 1 is not finite"))
        );
        assert_eq!(
            from_rows(&to_rows(&[1.0, 2.0, 3.0, 4.0], 2), (2, 2), "w"),
            Ok(vec![1.0, 2.0, 3.0, 4.0])
        );
        assert_eq!(
            exactly(&[1.0], 2, "b"),
            Err(invalid("b", "expected 2 numbers, found 1"))
        );
    }
}

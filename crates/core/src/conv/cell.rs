//! Reading the kernel editor's cells: each cell's text must be a finite number `w ∈ ℝ`;
//! a cell whose text is not keeps its last good weight and shows why.

use std::fmt;

/// Why a cell's text is not a usable weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellError {
    /// Nothing typed.
    Empty,
    /// Not a number at all (including "NaN").
    NotANumber(String),
    /// A number too large for the weights (±infinity, or beyond ±3.4·10^38).
    TooLarge(String),
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CellError::Empty => write!(f, "the cell is empty: type a number such as 0, -1 or 0.5"),
            CellError::NotANumber(text) => {
                write!(
                    f,
                    "\"{text}\" is not a number: type digits with an optional sign, dot and exponent, such as -0.5 or 1e-3"
                )
            }
            CellError::TooLarge(text) => {
                write!(
                    f,
                    "\"{text}\" is too large: a weight must be a finite number between -3.4e38 and 3.4e38"
                )
            }
        }
    }
}

impl std::error::Error for CellError {}

/// The weight typed in a cell. Surrounding spaces are ignored and the typographic minus
/// "−" is accepted; empty text, non-numbers, NaN and values that overflow `f32` are errors.
pub fn parse_cell(text: &str) -> Result<f32, CellError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(CellError::Empty);
    }
    let value: f32 = trimmed
        .replace('−', "-")
        .parse()
        .map_err(|_| CellError::NotANumber(trimmed.to_owned()))?;
    if value.is_nan() {
        Err(CellError::NotANumber(trimmed.to_owned()))
    } else if value.is_infinite() {
        Err(CellError::TooLarge(trimmed.to_owned()))
    } else {
        Ok(value)
    }
}

/// Parses `text` into `cell`; on an error `cell` keeps its last good value.
pub fn update_cell(cell: &mut f32, text: &str) -> Result<f32, CellError> {
    let value = parse_cell(text)?;
    *cell = value;
    Ok(value)
}

/// Parses a whole grid of cell texts into `values` (same length), keeping the last good
/// value of every bad cell; returns each cell's error, `None` for good cells.
pub fn parse_grid<S: AsRef<str>>(texts: &[S], values: &mut [f32]) -> Vec<Option<CellError>> {
    assert_eq!(texts.len(), values.len(), "one text per grid cell");
    texts
        .iter()
        .zip(values.iter_mut())
        .map(|(text, cell)| update_cell(cell, text.as_ref()).err())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn numbers_parse() {
        assert_eq!(parse_cell(" 30 "), Ok(30.0));
        assert_eq!(parse_cell("-0.25"), Ok(-0.25));
        assert_eq!(parse_cell("−1"), Ok(-1.0));
        assert_eq!(parse_cell("1e-3"), Ok(1e-3));
        assert_eq!(parse_cell(".5"), Ok(0.5));
    }

    #[test]
    fn bad_cells_are_errors_with_readable_messages() {
        assert_eq!(parse_cell("   "), Err(CellError::Empty));
        assert_eq!(parse_cell("abc"), Err(CellError::NotANumber("abc".into())));
        assert_eq!(parse_cell("1,5"), Err(CellError::NotANumber("1,5".into())));
        assert_eq!(parse_cell("NaN"), Err(CellError::NotANumber("NaN".into())));
        assert_eq!(
            parse_cell("1e400"),
            Err(CellError::TooLarge("1e400".into()))
        );
        assert_eq!(
            parse_cell("-1e39"),
            Err(CellError::TooLarge("-1e39".into()))
        );
        assert_eq!(parse_cell("inf"), Err(CellError::TooLarge("inf".into())));
        let message = parse_cell("1e400")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(message.contains("\"1e400\" is too large"), "{message}");
        let message = parse_cell("")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(message.contains("empty"), "{message}");
    }

    #[test]
    fn bad_cells_keep_the_last_good_value() {
        let mut values = [1.0, 2.0, 3.0, 4.0];
        let errors = parse_grid(&["0.5", "", "nan", "7"], &mut values);
        assert_eq!(values, [0.5, 2.0, 3.0, 7.0]);
        assert_eq!(
            errors,
            vec![
                None,
                Some(CellError::Empty),
                Some(CellError::NotANumber("nan".into())),
                None
            ]
        );
        let mut cell = 9.0;
        assert!(update_cell(&mut cell, "1e400").is_err());
        assert_eq!(cell, 9.0);
    }
}

//! Points in and out as CSV text: one point per line, `x1,x2,label`, a header line allowed,
//! the label `+1`/`−1` or `1`/`0` (0 is the negative class, as many data sets write it).
//! Commas, semicolons or tabs separate the values; blank lines and lines starting with `#`
//! are skipped. An error names the line (1-based) and, where it can, the column.
//!
//! ```
//! use nnp_core::dataset::{Point, csv};
//!
//! let points = csv::read_points("x1,x2,label\n1.5,-2,1\n0,0.25,0\n", 100).unwrap();
//! assert_eq!(points, [Point::new(1.5, -2.0, 1.0), Point::new(0.0, 0.25, -1.0)]);
//! assert_eq!(csv::write_points(&points), "x1,x2,label\n1.5,-2,1\n0,0.25,-1\n");
//! let error = csv::read_points("1,2,1\n3,abc,1\n", 100).unwrap_err();
//! assert_eq!((error.line, error.column), (2, Some(2)));
//! ```

use std::fmt;

use super::{Point, RANGE};

/// What is wrong with a line of a points file.
#[derive(Debug, Clone, PartialEq)]
pub enum CsvProblem {
    /// A value that does not read as a number.
    NotANumber(String),
    /// Not three values on the line.
    WrongCount {
        /// How many values the line has.
        found: usize,
    },
    /// A label that is none of `+1`, `−1`, `1`, `0`.
    BadLabel(String),
    /// A coordinate outside the plane.
    OutsidePlane(f64),
    /// More points than the screen holds.
    TooMany {
        /// The most points allowed.
        limit: usize,
    },
    /// No point at all in the file.
    NoPoints,
}

/// Why a points file cannot be read, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvError {
    /// The line (1-based; 0 for the file as a whole).
    pub line: usize,
    /// The column (1-based), when one value is at fault.
    pub column: Option<usize>,
    /// What is wrong.
    pub problem: CsvProblem,
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CsvProblem::NotANumber(text) => write!(f, "'{text}' is not a number"),
            CsvProblem::WrongCount { found } => {
                write!(f, "3 values expected (x1, x2, label), {found} found")
            }
            CsvProblem::BadLabel(text) => {
                write!(f, "the label '{text}' is none of +1, −1, 1, 0")
            }
            CsvProblem::OutsidePlane(v) => {
                write!(f, "{v} lies outside the plane ({} to {})", RANGE.0, RANGE.1)
            }
            CsvProblem::TooMany { limit } => write!(f, "more than {limit} points"),
            CsvProblem::NoPoints => write!(f, "no points in the file"),
        }
    }
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (0, _) => write!(f, "{}", self.problem),
            (line, Some(column)) => write!(f, "line {line}, column {column}: {}", self.problem),
            (line, None) => write!(f, "line {line}: {}", self.problem),
        }
    }
}

impl std::error::Error for CsvError {}

/// A number as people type it: spaces around it, `−` for minus.
fn number(text: &str) -> Option<f64> {
    let cleaned = text.trim().replace('−', "-");
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn label(text: &str) -> Option<f64> {
    let v = number(text)?;
    if v == 1.0 {
        Some(1.0)
    } else if v == -1.0 || v == 0.0 {
        Some(-1.0)
    } else {
        None
    }
}

/// Reads the points of a CSV text, at most `limit` of them; the first error ends it.
pub fn read_points(text: &str, limit: usize) -> Result<Vec<Point>, CsvError> {
    let mut points = Vec::new();
    let mut first = true;
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = trimmed.split([',', ';', '\t']).collect();
        let header = first && fields.first().is_some_and(|f| number(f).is_none());
        first = false;
        if header {
            continue;
        }
        let fail = |column: Option<usize>, problem| CsvError {
            line,
            column,
            problem,
        };
        if fields.len() != 3 {
            return Err(fail(
                None,
                CsvProblem::WrongCount {
                    found: fields.len(),
                },
            ));
        }
        let coordinate = |column: usize| {
            let text = fields[column - 1].trim();
            let v = number(text)
                .ok_or_else(|| fail(Some(column), CsvProblem::NotANumber(text.to_string())))?;
            if !(RANGE.0..=RANGE.1).contains(&v) {
                return Err(fail(Some(column), CsvProblem::OutsidePlane(v)));
            }
            Ok(v)
        };
        let (x1, x2) = (coordinate(1)?, coordinate(2)?);
        let y = label(fields[2])
            .ok_or_else(|| fail(Some(3), CsvProblem::BadLabel(fields[2].trim().to_string())))?;
        if points.len() == limit {
            return Err(fail(None, CsvProblem::TooMany { limit }));
        }
        points.push(Point::new(x1, x2, y));
    }
    if points.is_empty() {
        return Err(CsvError {
            line: 0,
            column: None,
            problem: CsvProblem::NoPoints,
        });
    }
    Ok(points)
}

/// The points as CSV text with a header, each number in its shortest exact form (the file
/// reads back to the same points).
pub fn write_points(points: &[Point]) -> String {
    let mut out = String::from("x1,x2,label\n");
    for p in points {
        let label = if p.label > 0.0 { "1" } else { "-1" };
        out.push_str(&format!("{},{},{label}\n", p.x1, p.x2));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn written_points_read_back_exactly() {
        let points = vec![
            Point::new(0.1 + 0.2, -5.999999999, 1.0),
            Point::new(6.0, -6.0, -1.0),
            Point::new(1e-300, 3.0, 1.0),
        ];
        assert_eq!(read_points(&write_points(&points), 10), Ok(points));
    }

    #[test]
    fn separators_labels_and_headers_people_use() {
        let text = "# my points\nx;y;class\n1;2;1\n\n3\t4\t0\n−1, 0.5 , +1\n";
        let points = read_points(text, 10).unwrap();
        assert_eq!(
            points,
            [
                Point::new(1.0, 2.0, 1.0),
                Point::new(3.0, 4.0, -1.0),
                Point::new(-1.0, 0.5, 1.0)
            ]
        );
    }

    #[test]
    fn errors_name_the_line_and_the_column() {
        let at = |text: &str| {
            let e = read_points(text, 3).unwrap_err();
            (e.line, e.column, e.problem)
        };
        let head = "x1,x2,label\n1,1,1\n1,1,1\n1,1,1\n1,1,1\n1,1,1\n";
        assert_eq!(
            at(&format!("{head}2,abc,1\n")).2,
            CsvProblem::TooMany { limit: 3 }
        );
        let e = read_points(
            "x1,x2,label\n1,1,1\n\n1,1,1\n1,1,1\n1,1,1\n2,2,1\n1,abc,1\n",
            100,
        )
        .unwrap_err();
        assert_eq!((e.line, e.column), (8, Some(2)));
        assert_eq!(e.to_string(), "line 8, column 2: 'abc' is not a number");
        assert_eq!(at("1,2\n"), (1, None, CsvProblem::WrongCount { found: 2 }));
        assert_eq!(
            at("1,2,3\n"),
            (1, Some(3), CsvProblem::BadLabel("3".into()))
        );
        assert_eq!(at("1,7,1\n"), (1, Some(2), CsvProblem::OutsidePlane(7.0)));
        assert_eq!(at("x1,x2,label\n"), (0, None, CsvProblem::NoPoints));
        assert_eq!(at("1,NaN,1\n").2, CsvProblem::NotANumber("NaN".into()));
        // A header is allowed only on the first line.
        assert_eq!(at("1,1,1\nx1,x2,label\n").1, Some(1));
    }
}

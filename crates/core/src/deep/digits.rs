//! The examples a deep net learns from: the 8×8 handwritten digits (`web/data/digits.csv`,
//! 64 pixels 0..16 then the label 0..9 on each line; pixels scaled to `[0, 1]` by `/16`),
//! or the points of a 2-D dataset with `x ↦ (x + 6) / 12` (the plane `[−6, 6]²` mapped
//! onto `[0, 1]²`) and labels −1, +1 mapped to classes 0, 1.

use std::fmt;

use ndarray::{Array2, Axis};

use crate::dataset::{Point, RANGE};

/// Side of a digit image in pixels (8×8 = 64 inputs).
pub const DIGIT_SIDE: usize = 8;
/// Number of pixels of a digit image.
pub const DIGIT_PIXELS: usize = DIGIT_SIDE * DIGIT_SIDE;
/// Number of digit classes, 0..9.
pub const DIGIT_CLASSES: usize = 10;
/// The largest pixel value in the file (a pixel counts on-bits in a 4×4 block).
pub const DIGIT_MAX: u32 = 16;

/// Why a digits file could not be read: the 1-based line and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigitsError {
    /// 1-based line number (0 when the whole text is at fault).
    pub line: usize,
    /// What is wrong, in words a teacher can read.
    pub message: String,
}

impl fmt::Display for DigitsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "digits file: {}", self.message)
        } else {
            write!(f, "digits file, line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for DigitsError {}

/// Labelled examples as a batch: one row of `inputs` per example, `labels[i] < classes`.
#[derive(Debug, Clone, PartialEq)]
pub struct Examples {
    /// `n × d` inputs, each in `[0, 1]`.
    pub inputs: Array2<f64>,
    /// One class index per row.
    pub labels: Vec<usize>,
    /// Number of classes.
    pub classes: usize,
    /// `Some(side)` when each row is a `side × side` row-major image.
    pub image_side: Option<usize>,
}

/// The handwritten digits: 8×8 images with pixels in `[0, 1]` and labels 0..9.
pub type Digits = Examples;

impl Examples {
    /// Parses the digits file: each non-empty line holds 64 integers 0..16 and a label 0..9,
    /// separated by commas. Pixels are divided by 16.
    pub fn parse_csv(text: &str) -> Result<Digits, DigitsError> {
        let mut pixels = Vec::new();
        let mut labels = Vec::new();
        for (k, line) in text.lines().enumerate() {
            let line_no = k + 1;
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split(',').map(str::trim).collect();
            if fields.len() != DIGIT_PIXELS + 1 {
                return Err(DigitsError {
                    line: line_no,
                    message: format!(
                        "expected {} numbers (64 pixels and a label), found {}",
                        DIGIT_PIXELS + 1,
                        fields.len()
                    ),
                });
            }
            for (i, field) in fields.iter().enumerate() {
                let value: u32 = field.parse().map_err(|_| DigitsError {
                    line: line_no,
                    message: format!("field {} is \"{field}\", not a whole number", i + 1),
                })?;
                if i < DIGIT_PIXELS {
                    if value > DIGIT_MAX {
                        return Err(DigitsError {
                            line: line_no,
                            message: format!(
                                "pixel {} is {value}; pixels go from 0 to {DIGIT_MAX}",
                                i + 1
                            ),
                        });
                    }
                    pixels.push(f64::from(value) / f64::from(DIGIT_MAX));
                } else if value as usize >= DIGIT_CLASSES {
                    return Err(DigitsError {
                        line: line_no,
                        message: format!("the label is {value}; labels go from 0 to 9"),
                    });
                } else {
                    labels.push(value as usize);
                }
            }
        }
        if labels.is_empty() {
            return Err(DigitsError {
                line: 0,
                message: "no images in the text".to_owned(),
            });
        }
        let inputs = Array2::from_shape_vec((labels.len(), DIGIT_PIXELS), pixels)
            .expect("every accepted line adds exactly 64 pixels");
        Ok(Self {
            inputs,
            labels,
            classes: DIGIT_CLASSES,
            image_side: Some(DIGIT_SIDE),
        })
    }

    /// The points of a 2-D dataset: inputs `(x + 6) / 12` in `[0, 1]²`, class 0 for label
    /// −1 and class 1 for +1.
    pub fn from_points(points: &[Point]) -> Self {
        let width = RANGE.1 - RANGE.0;
        let mut inputs = Array2::zeros((points.len(), 2));
        for (mut row, p) in inputs.rows_mut().into_iter().zip(points) {
            row[0] = ((p.x1 - RANGE.0) / width).clamp(0.0, 1.0);
            row[1] = ((p.x2 - RANGE.0) / width).clamp(0.0, 1.0);
        }
        Self {
            inputs,
            labels: points.iter().map(|p| usize::from(p.label > 0.0)).collect(),
            classes: 2,
            image_side: None,
        }
    }

    /// Number of examples.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether there are no examples.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Dimension of one input.
    pub fn dim(&self) -> usize {
        self.inputs.ncols()
    }

    /// Input `i` as plain numbers (an image, row-major, for digits).
    pub fn input(&self, i: usize) -> Vec<f64> {
        self.inputs.row(i).to_vec()
    }

    /// The examples at `indices`, in that order.
    pub fn subset(&self, indices: &[usize]) -> Self {
        Self {
            inputs: self.inputs.select(Axis(0), indices),
            labels: indices.iter().map(|&i| self.labels[i]).collect(),
            classes: self.classes,
            image_side: self.image_side,
        }
    }

    /// How many examples each class has.
    pub fn class_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.classes];
        for &label in &self.labels {
            counts[label] += 1;
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    const DIGITS_CSV: &str = include_str!("../../../../web/data/digits.csv");

    #[test]
    fn the_shipped_digits_parse() {
        let digits = Digits::parse_csv(DIGITS_CSV).expect("the shipped file is valid");
        assert_eq!(digits.len(), 1797);
        assert_eq!(digits.dim(), 64);
        assert_eq!(digits.image_side, Some(8));
        // The first image is a 0 (row 1 of the file: 0,0,5,13,9,1,0,0, …, 0).
        assert_eq!(digits.labels[0], 0);
        assert_eq!(digits.inputs[[0, 2]], 5.0 / 16.0);
        assert_eq!(digits.inputs[[0, 3]], 13.0 / 16.0);
        assert!(digits.inputs.iter().all(|&p| (0.0..=1.0).contains(&p)));
        let counts = digits.class_counts();
        assert_eq!(counts.iter().sum::<usize>(), 1797);
        assert!(
            counts.iter().all(|&c| (170..=190).contains(&c)),
            "{counts:?}"
        );
    }

    fn line(pixel: &str, label: &str) -> String {
        let mut fields = vec!["0"; 63];
        fields.insert(0, pixel);
        fields.push(label);
        fields.join(",")
    }

    #[test]
    fn malformed_lines_are_named() {
        let good = line("3", "7");
        let text = format!("{good}\n\n{}\n", line("3", "x"));
        let err = Digits::parse_csv(&text).unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.to_string().contains("line 3"), "{err}");
        assert!(err.message.contains("\"x\""), "{err}");

        let err = Digits::parse_csv(&format!("{good}\n{}", line("17", "1"))).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("pixel 1 is 17"), "{err}");

        let err = Digits::parse_csv(&line("0", "10")).unwrap_err();
        assert!(err.message.contains("label is 10"), "{err}");

        let err = Digits::parse_csv("1,2,3\n").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.message.contains("found 3"), "{err}");

        let err = Digits::parse_csv(" \n").unwrap_err();
        assert_eq!(err.line, 0);

        let ok = Digits::parse_csv(&format!("{good}\r\n{good}\r\n")).expect("CRLF is fine");
        assert_eq!(ok.labels, vec![7, 7]);
        assert_eq!(ok.inputs[[1, 0]], 3.0 / 16.0);
    }

    #[test]
    fn points_map_onto_the_unit_square() {
        let points = [Point::new(-6.0, 6.0, 1.0), Point::new(0.0, 3.0, -1.0)];
        let ex = Examples::from_points(&points);
        assert_eq!(ex.inputs.row(0).to_vec(), vec![0.0, 1.0]);
        assert_eq!(ex.inputs.row(1).to_vec(), vec![0.5, 0.75]);
        assert_eq!(ex.labels, vec![1, 0]);
        assert_eq!(ex.classes, 2);
        assert_eq!(ex.image_side, None);
        let sub = ex.subset(&[1]);
        assert_eq!(sub.labels, vec![0]);
        assert_eq!(sub.input(0), vec![0.5, 0.75]);
    }
}

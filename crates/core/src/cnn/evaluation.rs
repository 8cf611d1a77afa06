//! How well a network classifies a set: the confusion matrix `C[t][p]` = number of images
//! of true class `t` predicted as `p`, and the accuracy `Σ_t C[t][t] / Σ C`.

use super::data::ImageSet;
use super::network::{Cnn, CnnActivations};

/// Counts of (true class, predicted class) pairs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confusion {
    classes: usize,
    counts: Vec<u32>,
}

impl Confusion {
    /// An all-zero matrix for `classes` classes.
    pub fn new(classes: usize) -> Self {
        Self {
            classes,
            counts: vec![0; classes * classes],
        }
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// How many images of class `actual` were predicted as `predicted`.
    pub fn count(&self, actual: usize, predicted: usize) -> u32 {
        self.counts[actual * self.classes + predicted]
    }

    /// Row `actual`: its images by predicted class.
    pub fn row(&self, actual: usize) -> &[u32] {
        &self.counts[actual * self.classes..(actual + 1) * self.classes]
    }

    /// Records one prediction.
    pub fn add(&mut self, actual: usize, predicted: usize) {
        self.counts[actual * self.classes + predicted] += 1;
    }

    /// Number of images counted.
    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }

    /// The share of images on the diagonal (0 for an empty matrix).
    pub fn accuracy(&self) -> f32 {
        let correct: u32 = (0..self.classes).map(|c| self.count(c, c)).sum();
        match self.total() {
            0 => 0.0,
            total => correct as f32 / total as f32,
        }
    }

    /// The matrix as rows of 10 for the digits (`None` unless there are 10 classes).
    pub fn as_digit_array(&self) -> Option<[[u32; 10]; 10]> {
        (self.classes == 10)
            .then(|| std::array::from_fn(|t| std::array::from_fn(|p| self.count(t, p))))
    }
}

impl Cnn {
    /// The confusion matrix of this network over `set` (labels must be below the number of
    /// classes).
    pub fn confusion(&self, set: &ImageSet) -> Confusion {
        let mut confusion = Confusion::new(self.config().classes);
        let mut acts = CnnActivations::default();
        for i in 0..set.len() {
            let predicted = self.forward_into(set.image(i), &mut acts);
            confusion.add(set.label(i), predicted);
        }
        confusion
    }

    /// The share of `set` classified correctly.
    pub fn accuracy(&self, set: &ImageSet) -> f32 {
        self.confusion(set).accuracy()
    }
}

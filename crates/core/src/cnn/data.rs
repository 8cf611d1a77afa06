//! The images a network learns from, and the way a drawing becomes one.
//!
//! The digits of `web/data/digits.csv` were made from 32×32 black-and-white scans: each
//! non-overlapping 4×4 block was replaced by the number of inked pixels in it, giving an
//! 8×8 image of counts 0..16; the network reads `count / 16`. [`downsample_drawing`] does
//! the same to a drawing, so a digit drawn on the screen looks like the training data.

use crate::deep::Digits;
use crate::rng::Rng;

/// Side of the drawing canvas, in pixels.
pub const DRAWING_SIDE: usize = 32;
/// Side of a block counted into one digit pixel.
pub const BLOCK_SIDE: usize = 4;
/// Side of the down-sampled image.
pub const IMAGE_SIDE: usize = DRAWING_SIDE / BLOCK_SIDE;
/// The largest count, a fully inked block.
pub const MAX_COUNT: u8 = (BLOCK_SIDE * BLOCK_SIDE) as u8;

/// `count(y, x) = #{ inked pixels in rows 4y..4y+3, columns 4x..4x+3 }` of a 32×32 row-major
/// drawing, giving an 8×8 row-major image of counts 0..16.
pub fn downsample_drawing(
    inked: &[bool; DRAWING_SIDE * DRAWING_SIDE],
) -> [u8; IMAGE_SIDE * IMAGE_SIDE] {
    let mut counts = [0u8; IMAGE_SIDE * IMAGE_SIDE];
    for (at, &ink) in inked.iter().enumerate() {
        let (row, col) = (at / DRAWING_SIDE, at % DRAWING_SIDE);
        if ink {
            counts[(row / BLOCK_SIDE) * IMAGE_SIDE + col / BLOCK_SIDE] += 1;
        }
    }
    counts
}

/// The network's input for block counts: `count / 16`, as the training digits are scaled.
pub fn scale_counts(counts: &[u8; IMAGE_SIDE * IMAGE_SIDE]) -> [f32; IMAGE_SIDE * IMAGE_SIDE] {
    counts.map(|c| f32::from(c.min(MAX_COUNT)) / f32::from(MAX_COUNT))
}

/// Labelled images as flat `f32` data: image `i` is `pixels` values at `i · pixels`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImageSet {
    pixels: usize,
    images: Vec<f32>,
    labels: Vec<usize>,
}

impl ImageSet {
    /// Images of `pixels` values each (concatenated) and one label per image.
    pub fn new(pixels: usize, images: Vec<f32>, labels: Vec<usize>) -> Self {
        assert_eq!(
            images.len(),
            pixels * labels.len(),
            "{} images of {pixels} values",
            labels.len()
        );
        Self {
            pixels,
            images,
            labels,
        }
    }

    /// The digits (pixels already scaled to `[0, 1]` by the loader).
    pub fn from_digits(digits: &Digits) -> Self {
        Self::new(
            digits.dim(),
            digits.inputs.iter().map(|&v| v as f32).collect(),
            digits.labels.clone(),
        )
    }

    /// Values per image.
    pub fn pixels(&self) -> usize {
        self.pixels
    }

    /// Number of images.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether there are no images.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Image `i`.
    pub fn image(&self, i: usize) -> &[f32] {
        &self.images[i * self.pixels..(i + 1) * self.pixels]
    }

    /// The label of image `i`.
    pub fn label(&self, i: usize) -> usize {
        self.labels[i]
    }

    /// All labels.
    pub fn labels(&self) -> &[usize] {
        &self.labels
    }

    /// The images at `indices`, in that order.
    pub fn subset(&self, indices: &[usize]) -> Self {
        let mut images = Vec::with_capacity(indices.len() * self.pixels);
        for &i in indices {
            images.extend_from_slice(self.image(i));
        }
        Self::new(
            self.pixels,
            images,
            indices.iter().map(|&i| self.labels[i]).collect(),
        )
    }

    /// A seeded stratified split `(train, test)`: each class's images are shuffled and
    /// `round(test_fraction · count)` of them go to the test set, so both sets keep the
    /// class proportions. Images keep their file order within each set.
    pub fn split(&self, test_fraction: f32, rng: &mut Rng) -> (Self, Self) {
        let classes = self.labels.iter().max().map_or(0, |&m| m + 1);
        let mut is_test = vec![false; self.len()];
        for class in 0..classes {
            let mut members: Vec<usize> = (0..self.len())
                .filter(|&i| self.labels[i] == class)
                .collect();
            rng.shuffle(&mut members);
            let take = (test_fraction.clamp(0.0, 1.0) * members.len() as f32).round() as usize;
            for &i in &members[..take.min(members.len())] {
                is_test[i] = true;
            }
        }
        let (test, train): (Vec<usize>, Vec<usize>) = (0..self.len()).partition(|&i| is_test[i]);
        (self.subset(&train), self.subset(&test))
    }
}

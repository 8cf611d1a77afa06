//! Labelled points of the plane for the decision-boundary screen: the TensorFlow-Playground
//! shapes (circle, XOR, two Gaussians, spiral), the lecture's car example (§2)
//! `y = f(x) = sign(|x1 − x2| − 1)`, and points a user paints. Labels are `y ∈ {−1, +1}`.
//!
//! Every point lies in the fixed square [`RANGE`]² = [−6, 6]², as in TensorFlow Playground.
//! For the car example, positions drawn uniformly from that square would be dangerous
//! (`|x1 − x2| < 1`) only 16 % of the time (`1 − (11/12)²`), so the generator draws half
//! of the pairs within distance 1 and half beyond it: both classes appear equally often
//! and the dangerous band along the diagonal is well populated. Like the gaps of the
//! circle and XOR shapes, it leaves a strip of half-width [`CAR_GAP`] empty on each side of
//! the boundary `|x1 − x2| = 1`; labels still follow the lecture's rule exactly.
//!
//! Every generator is seeded ([`DatasetConfig::seed`]), so a shared link reproduces the
//! same points. Noise is a fraction in `[0, 0.5]`; its meaning per shape is given on
//! [`DatasetKind`].

use serde::{Deserialize, Serialize};

use crate::rng::Rng;

pub mod csv;

/// The plane's range on both axes: every generated point has `x1, x2 ∈ [−6, 6]`.
pub const RANGE: (f64, f64) = (-6.0, 6.0);

/// A labelled point `(x1, x2)` with `label ∈ {−1, +1}`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// First coordinate (car 1's position in the car example).
    pub x1: f64,
    /// Second coordinate (car 2's position in the car example).
    pub x2: f64,
    /// The label, −1 or +1.
    pub label: f64,
}

impl Point {
    /// A point at `(x1, x2)` labelled `label` (−1 or +1).
    pub fn new(x1: f64, x2: f64, label: f64) -> Self {
        assert!(
            label == 1.0 || label == -1.0,
            "a label is −1 or +1, not {label}"
        );
        Self { x1, x2, label }
    }
}

/// The car example's rule `y = sign(|x1 − x2| − 1)`: safe (+1) when the cars are at least 1
/// apart, dangerous (−1) otherwise.
pub fn car_label(x1: f64, x2: f64) -> f64 {
    if (x1 - x2).abs() >= 1.0 { 1.0 } else { -1.0 }
}

/// The lecture's car table (§2): `[3, 1]` and `[1, 3]` are safe, `[1, 0.5]` is dangerous
/// (the lecture writes 0 for "not safe"; here it is −1).
///
/// ```
/// use nnp_core::dataset::{car_label, car_table};
///
/// let labels: Vec<f64> = car_table().iter().map(|p| p.label).collect();
/// assert_eq!(labels, [1.0, 1.0, -1.0]);
/// assert!(car_table().iter().all(|p| p.label == car_label(p.x1, p.x2)));
/// ```
pub fn car_table() -> Vec<Point> {
    vec![
        Point::new(3.0, 1.0, 1.0),
        Point::new(1.0, 3.0, 1.0),
        Point::new(1.0, 0.5, -1.0),
    ]
}

/// The shape a generated data set follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DatasetKind {
    /// +1 inside radius 2.5, −1 in the ring 3.5–5; noise jitters positions by up to
    /// `noise × 5` on each axis (labels stay with the clean shape).
    Circle,
    /// `sign(x1·x2)` on `[−5, 5]²` away from the axes; noise jitters positions by up to
    /// `noise × 5`.
    Xor,
    /// Two Gaussian blobs at `(2, 2)` (+1) and `(−2, −2)` (−1); noise widens them
    /// (variance from 0.5 at noise 0 to 4 at noise 0.5).
    Gaussians,
    /// Two interleaved spiral arms of radius 5; noise jitters positions by up to `noise`.
    Spiral,
    /// The lecture's car example `y = sign(|x1 − x2| − 1)`; noise jitters positions by up to
    /// `noise × 2` after labelling, so points near the band can carry the wrong label.
    Car,
}

impl DatasetKind {
    /// Every shape, in the order a menu shows them.
    pub const ALL: [DatasetKind; 5] = [
        DatasetKind::Circle,
        DatasetKind::Xor,
        DatasetKind::Gaussians,
        DatasetKind::Spiral,
        DatasetKind::Car,
    ];

    /// A short stable name, used in links and files.
    pub fn id(self) -> &'static str {
        match self {
            DatasetKind::Circle => "circle",
            DatasetKind::Xor => "xor",
            DatasetKind::Gaussians => "gauss",
            DatasetKind::Spiral => "spiral",
            DatasetKind::Car => "car",
        }
    }

    /// The shape whose [`id`](Self::id) is `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }

    /// A readable name for menus.
    pub fn name(self) -> &'static str {
        match self {
            DatasetKind::Circle => "Circle",
            DatasetKind::Xor => "Exclusive or",
            DatasetKind::Gaussians => "Two Gaussians",
            DatasetKind::Spiral => "Spiral",
            DatasetKind::Car => "Two cars (lecture)",
        }
    }
}

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DatasetConfig {
    /// The shape.
    pub kind: DatasetKind,
    /// Number of points, training and test together.
    pub samples: usize,
    /// Noise in `[0, 0.5]` (see [`DatasetKind`]).
    pub noise: f64,
    /// Fraction of the points used for training, in `[0, 1]`.
    pub train_fraction: f64,
    /// Seed of the generator and of the split.
    pub seed: u64,
}

impl Default for DatasetConfig {
    fn default() -> Self {
        Self {
            kind: DatasetKind::Circle,
            samples: 500,
            noise: 0.0,
            train_fraction: 0.5,
            seed: 1,
        }
    }
}

/// Points split into a training and a test set.
///
/// ```
/// use nnp_core::dataset::{Dataset, DatasetConfig, DatasetKind, car_label};
///
/// let config = DatasetConfig {
///     kind: DatasetKind::Car,
///     samples: 200,
///     ..DatasetConfig::default()
/// };
/// let data = Dataset::generate(&config);
/// assert_eq!((data.train.len(), data.test.len()), (100, 100));
/// assert!(data.train.iter().all(|p| p.label == car_label(p.x1, p.x2)));
/// assert_eq!(data, Dataset::generate(&config), "the seed fixes every point");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// The points gradient descent learns from.
    pub train: Vec<Point>,
    /// The held-out points, for the test loss.
    pub test: Vec<Point>,
}

impl Dataset {
    /// Generates the points `config` describes, shuffles them and splits them.
    pub fn generate(config: &DatasetConfig) -> Self {
        let mut rng = Rng::seeded(config.seed);
        let noise = config.noise.clamp(0.0, 0.5);
        let mut points = match config.kind {
            DatasetKind::Circle => circle(&mut rng, config.samples, noise),
            DatasetKind::Xor => xor(&mut rng, config.samples, noise),
            DatasetKind::Gaussians => gaussians(&mut rng, config.samples, noise),
            DatasetKind::Spiral => spiral(&mut rng, config.samples, noise),
            DatasetKind::Car => car(&mut rng, config.samples, noise),
        };
        for p in &mut points {
            p.x1 = p.x1.clamp(RANGE.0, RANGE.1);
            p.x2 = p.x2.clamp(RANGE.0, RANGE.1);
        }
        Self::split(points, config.train_fraction, &mut rng)
    }

    /// Shuffles `points` and puts the first `train_fraction` of them in the training set.
    pub fn split(mut points: Vec<Point>, train_fraction: f64, rng: &mut Rng) -> Self {
        rng.shuffle(&mut points);
        let n_train = (points.len() as f64 * train_fraction.clamp(0.0, 1.0)).round() as usize;
        let test = points.split_off(n_train);
        Self {
            train: points,
            test,
        }
    }
}

fn jitter(rng: &mut Rng, amount: f64) -> f64 {
    rng.uniform(-amount, amount)
}

fn circle(rng: &mut Rng, n: usize, noise: f64) -> Vec<Point> {
    let radius = 5.0;
    (0..n)
        .map(|i| {
            let (r, label) = if i % 2 == 0 {
                (rng.uniform(0.0, radius * 0.5), 1.0)
            } else {
                (rng.uniform(radius * 0.7, radius), -1.0)
            };
            let angle = rng.uniform(0.0, std::f64::consts::TAU);
            let x1 = r * angle.cos() + jitter(rng, radius * noise);
            let x2 = r * angle.sin() + jitter(rng, radius * noise);
            Point::new(x1, x2, label)
        })
        .collect()
}

fn xor(rng: &mut Rng, n: usize, noise: f64) -> Vec<Point> {
    let padding = 0.3;
    (0..n)
        .map(|_| {
            let mut x1 = rng.uniform(-5.0, 5.0);
            let mut x2 = rng.uniform(-5.0, 5.0);
            x1 += if x1 > 0.0 { padding } else { -padding };
            x2 += if x2 > 0.0 { padding } else { -padding };
            let label = if x1 * x2 >= 0.0 { 1.0 } else { -1.0 };
            Point::new(
                x1 + jitter(rng, 5.0 * noise),
                x2 + jitter(rng, 5.0 * noise),
                label,
            )
        })
        .collect()
}

fn gaussians(rng: &mut Rng, n: usize, noise: f64) -> Vec<Point> {
    let variance = 0.5 + (4.0 - 0.5) * noise / 0.5;
    let sd = variance.sqrt();
    (0..n)
        .map(|i| {
            let (c, label) = if i % 2 == 0 { (2.0, 1.0) } else { (-2.0, -1.0) };
            Point::new(c + sd * rng.normal(), c + sd * rng.normal(), label)
        })
        .collect()
}

fn spiral(rng: &mut Rng, n: usize, noise: f64) -> Vec<Point> {
    let half = n / 2;
    let mut points = Vec::with_capacity(n);
    for (count, delta, label) in [(half, 0.0, 1.0), (n - half, std::f64::consts::PI, -1.0)] {
        for i in 0..count {
            let t = i as f64 / count.max(1) as f64;
            let r = 5.0 * t;
            let angle = 1.75 * t * std::f64::consts::TAU + delta;
            let x1 = r * angle.sin() + jitter(rng, noise);
            let x2 = r * angle.cos() + jitter(rng, noise);
            points.push(Point::new(x1, x2, label));
        }
    }
    points
}

/// Half-width of the empty strip the car generator leaves on each side of the boundary
/// `|x1 − x2| = 1` (like the gaps of the circle and XOR), so that a clean data set can be
/// learned perfectly; noise then scatters points into it.
pub const CAR_GAP: f64 = 0.15;

fn car(rng: &mut Rng, n: usize, noise: f64) -> Vec<Point> {
    (0..n)
        .map(|i| {
            let x1 = rng.uniform(RANGE.0, RANGE.1);
            let x2 = if i % 2 == 0 {
                // Dangerous: within distance 1 − CAR_GAP, kept inside the plane.
                loop {
                    let x2 = x1 + rng.uniform(CAR_GAP - 1.0, 1.0 - CAR_GAP);
                    if (RANGE.0..=RANGE.1).contains(&x2) {
                        break x2;
                    }
                }
            } else {
                // Safe: at least 1 + CAR_GAP apart.
                loop {
                    let x2 = rng.uniform(RANGE.0, RANGE.1);
                    if (x1 - x2).abs() >= 1.0 + CAR_GAP {
                        break x2;
                    }
                }
            };
            let label = car_label(x1, x2);
            Point::new(
                x1 + jitter(rng, 2.0 * noise),
                x2 + jitter(rng, 2.0 * noise),
                label,
            )
        })
        .collect()
}

/// Points a user paints on the plane, one click at a time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Painted {
    /// The painted points, oldest first.
    pub points: Vec<Point>,
}

impl Painted {
    /// Adds a point, clamped to the plane.
    pub fn add(&mut self, x1: f64, x2: f64, label: f64) {
        self.points.push(Point::new(
            x1.clamp(RANGE.0, RANGE.1),
            x2.clamp(RANGE.0, RANGE.1),
            label,
        ));
    }

    /// Removes the point nearest to `(x1, x2)` if it lies within `radius`, and returns it.
    pub fn remove_near(&mut self, x1: f64, x2: f64, radius: f64) -> Option<Point> {
        let dist2 = |p: &Point| (p.x1 - x1).powi(2) + (p.x2 - x2).powi(2);
        let (index, nearest) = self
            .points
            .iter()
            .enumerate()
            .min_by(|a, b| dist2(a.1).total_cmp(&dist2(b.1)))?;
        if dist2(nearest) <= radius * radius {
            Some(self.points.remove(index))
        } else {
            None
        }
    }

    /// Splits the painted points into training and test sets (seeded).
    pub fn split(&self, train_fraction: f64, seed: u64) -> Dataset {
        Dataset::split(self.points.clone(), train_fraction, &mut Rng::seeded(seed))
    }
}

#[cfg(test)]
mod tests;

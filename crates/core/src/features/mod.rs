//! Feature extraction functions φ (lecture §1): a linear score `h(x) = W·x + b` becomes
//! `h(x) = W·φ(x)`, with a constant 1 in φ taking the bias's place. The non-linearity lives
//! in φ; the hypothesis class `H_φ = { h_W : W ∈ R^d }` is every model sharing φ.
//!
//! For points `x = (x1, x2)` of the plane, φ is a [`FeatureSet`]: a list of [`Feature`]s,
//! each a named map (`1, x1, x2, x1², x2², x1·x2, sin x1, sin x2, |x1 − x2|`), a monomial
//! `x1^i·x2^j` (the general recipe: all monomials up to degree k), or a formula of x1 and
//! x2 a user typed ([`Formula`], parsed once and evaluated many times).
//!
//! For the one-dimensional examples of §1 (`φ(x) = [x]` vs `[x, x²]`; health from body
//! temperature with `[1, T]`, `[1, T, T²]` or `[1, (T − 37)²]`), [`HypothesisClass1d`]
//! finds the best `h` of a class by least squares ([`fit_1d`]).

mod fit;
mod formula;

use serde::{Deserialize, Serialize};

pub use fit::{Basis1d, Fit1d, HEALTH, HypothesisClass1d, TEMPERATURES, fit_1d, parabola_data};
pub use formula::{Formula, FormulaError, MAX_FORMULA_CHARS, Problem as FormulaProblem};

/// A named feature of the lecture, a map from `(x1, x2)` to a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Named {
    /// The constant 1 (the bias folded into W).
    One,
    /// `x1`.
    X1,
    /// `x2`.
    X2,
    /// `x1²`.
    X1Squared,
    /// `x2²`.
    X2Squared,
    /// `x1·x2`.
    X1X2,
    /// `sin x1`.
    SinX1,
    /// `sin x2`.
    SinX2,
    /// `|x1 − x2|`, the distance of the lecture's two cars.
    AbsDiff,
}

impl Named {
    /// Every named feature, in the order a feature panel lists them.
    pub const ALL: [Named; 9] = [
        Named::One,
        Named::X1,
        Named::X2,
        Named::X1Squared,
        Named::X2Squared,
        Named::X1X2,
        Named::SinX1,
        Named::SinX2,
        Named::AbsDiff,
    ];

    /// A short stable name, used in links and files.
    pub fn id(self) -> &'static str {
        match self {
            Named::One => "one",
            Named::X1 => "x1",
            Named::X2 => "x2",
            Named::X1Squared => "x1sq",
            Named::X2Squared => "x2sq",
            Named::X1X2 => "x1x2",
            Named::SinX1 => "sinx1",
            Named::SinX2 => "sinx2",
            Named::AbsDiff => "absdiff",
        }
    }

    /// The feature whose [`id`](Self::id) is `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|n| n.id() == id)
    }

    /// The label a screen shows, e.g. `x1²`.
    pub fn label(self) -> &'static str {
        match self {
            Named::One => "1",
            Named::X1 => "x1",
            Named::X2 => "x2",
            Named::X1Squared => "x1²",
            Named::X2Squared => "x2²",
            Named::X1X2 => "x1·x2",
            Named::SinX1 => "sin x1",
            Named::SinX2 => "sin x2",
            Named::AbsDiff => "|x1 − x2|",
        }
    }

    /// The monomial `x1^p1·x2^p2` this feature equals, as `(p1, p2)`, if it is one.
    pub fn monomial(self) -> Option<(u32, u32)> {
        match self {
            Named::One => Some((0, 0)),
            Named::X1 => Some((1, 0)),
            Named::X2 => Some((0, 1)),
            Named::X1Squared => Some((2, 0)),
            Named::X2Squared => Some((0, 2)),
            Named::X1X2 => Some((1, 1)),
            Named::SinX1 | Named::SinX2 | Named::AbsDiff => None,
        }
    }

    /// The feature's value at `(x1, x2)`.
    pub fn value(self, x1: f64, x2: f64) -> f64 {
        match self {
            Named::One => 1.0,
            Named::X1 => x1,
            Named::X2 => x2,
            Named::X1Squared => x1 * x1,
            Named::X2Squared => x2 * x2,
            Named::X1X2 => x1 * x2,
            Named::SinX1 => x1.sin(),
            Named::SinX2 => x2.sin(),
            Named::AbsDiff => (x1 - x2).abs(),
        }
    }
}

/// One coordinate of φ.
#[derive(Debug, Clone, PartialEq)]
pub enum Feature {
    /// A named feature of the lecture.
    Named(Named),
    /// The monomial `x1^p1 · x2^p2`.
    Monomial {
        /// Power of x1.
        p1: u32,
        /// Power of x2.
        p2: u32,
    },
    /// A formula of x1 and x2 a user typed.
    Formula(Formula),
}

impl Feature {
    /// Parses a user formula into a feature (see [`Formula::parse`]).
    pub fn formula(text: &str) -> Result<Self, FormulaError> {
        Formula::parse(text).map(Feature::Formula)
    }

    /// The label a screen shows, e.g. `x1²·x2` or the formula's text.
    pub fn label(&self) -> String {
        match self {
            Feature::Named(n) => n.label().to_string(),
            Feature::Monomial { p1, p2 } => monomial_label(*p1, *p2),
            Feature::Formula(f) => f.text().to_string(),
        }
    }

    /// The feature's value at `(x1, x2)`.
    pub fn value(&self, x1: f64, x2: f64) -> f64 {
        match self {
            Feature::Named(n) => n.value(x1, x2),
            Feature::Monomial { p1, p2 } => x1.powi(*p1 as i32) * x2.powi(*p2 as i32),
            Feature::Formula(f) => f.value(x1, x2),
        }
    }
}

fn superscript(p: u32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    if p == 1 {
        return String::new();
    }
    p.to_string()
        .chars()
        .map(|d| DIGITS[d.to_digit(10).unwrap_or(0) as usize])
        .collect()
}

fn monomial_label(p1: u32, p2: u32) -> String {
    match (p1, p2) {
        (0, 0) => "1".into(),
        (_, 0) => format!("x1{}", superscript(p1)),
        (0, _) => format!("x2{}", superscript(p2)),
        _ => format!("x1{}·x2{}", superscript(p1), superscript(p2)),
    }
}

/// The feature map φ: the ordered list of features a point is mapped to.
///
/// The lecture's car example becomes linear with `φ(x) = [1, |x1 − x2|]`: the weights
/// `[−1, 1]` give `score = |x1 − x2| − 1`, safe exactly when it is ≥ 0.
///
/// ```
/// use nnp_core::features::{FeatureSet, Named};
///
/// let phi = FeatureSet::named(&[Named::One, Named::AbsDiff]);
/// assert_eq!(phi.apply(3.0, 1.0), [1.0, 2.0]);
/// assert_eq!(phi.apply(1.0, 0.5), [1.0, 0.5]); // score −0.5: dangerous
/// let quadratic = FeatureSet::monomials(2);
/// assert_eq!(quadratic.labels(), ["1", "x1", "x2", "x1²", "x1·x2", "x2²"]);
/// assert_eq!(quadratic.apply(2.0, 3.0), [1.0, 2.0, 3.0, 4.0, 6.0, 9.0]);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeatureSet {
    /// The features, in the order of φ's coordinates.
    pub features: Vec<Feature>,
}

impl FeatureSet {
    /// φ from a list of features.
    pub fn new(features: Vec<Feature>) -> Self {
        Self { features }
    }

    /// φ from named features, e.g. the lecture's `Φ(x) = [1, x1, x2]`.
    pub fn named(names: &[Named]) -> Self {
        Self::new(names.iter().map(|n| Feature::Named(*n)).collect())
    }

    /// The raw input `φ(x) = [x1, x2]` (a network adds its own biases).
    pub fn raw() -> Self {
        Self::named(&[Named::X1, Named::X2])
    }

    /// All monomials `x1^i·x2^j` with `i + j ≤ degree`, by degree then by falling power of
    /// x1: `1, x1, x2, x1², x1·x2, x2², …` (the lecture's general recipe).
    pub fn monomials(degree: u32) -> Self {
        let mut features = Vec::new();
        for d in 0..=degree {
            for p2 in 0..=d {
                features.push(Feature::Monomial { p1: d - p2, p2 });
            }
        }
        Self::new(features)
    }

    /// φ as a feature panel builds it: the named features, then every monomial up to
    /// `degree` that is not already among them (so `x1` is never there twice), then the
    /// typed formulas.
    pub fn compose(named: &[Named], degree: u32, formulas: &[Formula]) -> Self {
        let mut features: Vec<Feature> = named.iter().map(|n| Feature::Named(*n)).collect();
        if degree > 0 {
            let taken: Vec<(u32, u32)> = named.iter().filter_map(|n| n.monomial()).collect();
            let fresh = Self::monomials(degree)
                .features
                .into_iter()
                .filter(|f| match f {
                    Feature::Monomial { p1, p2 } => !taken.contains(&(*p1, *p2)),
                    _ => true,
                });
            features.extend(fresh);
        }
        features.extend(formulas.iter().cloned().map(Feature::Formula));
        Self::new(features)
    }

    /// The dimension of φ.
    pub fn len(&self) -> usize {
        self.features.len()
    }

    /// Whether φ has no coordinates.
    pub fn is_empty(&self) -> bool {
        self.features.is_empty()
    }

    /// The labels a screen shows, one per coordinate.
    pub fn labels(&self) -> Vec<String> {
        self.features.iter().map(Feature::label).collect()
    }

    /// Writes `φ(x1, x2)` into `out`, which must have [`len`](Self::len) entries.
    pub fn map(&self, x1: f64, x2: f64, out: &mut [f64]) {
        assert_eq!(
            out.len(),
            self.len(),
            "φ has {} coordinates, the buffer {}",
            self.len(),
            out.len()
        );
        for (o, f) in out.iter_mut().zip(&self.features) {
            *o = f.value(x1, x2);
        }
    }

    /// `φ(x1, x2)` as a new vector (for one-off probes; use [`map`](Self::map) in loops).
    pub fn apply(&self, x1: f64, x2: f64) -> Vec<f64> {
        let mut out = vec![0.0; self.len()];
        self.map(x1, x2, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn named_features_at_a_point() {
        let phi = FeatureSet::named(&Named::ALL).apply(2.0, -0.5);
        let want = [
            1.0,
            2.0,
            -0.5,
            4.0,
            0.25,
            -1.0,
            2f64.sin(),
            (-0.5f64).sin(),
            2.5,
        ];
        assert_eq!(phi, want);
        assert_eq!(
            FeatureSet::named(&Named::ALL).labels(),
            [
                "1",
                "x1",
                "x2",
                "x1²",
                "x2²",
                "x1·x2",
                "sin x1",
                "sin x2",
                "|x1 − x2|"
            ]
        );
        for n in Named::ALL {
            assert_eq!(Named::from_id(n.id()), Some(n));
        }
    }

    #[test]
    fn monomials_up_to_degree_three() {
        let set = FeatureSet::monomials(3);
        assert_eq!(set.len(), 10);
        assert_eq!(
            set.labels(),
            [
                "1", "x1", "x2", "x1²", "x1·x2", "x2²", "x1³", "x1²·x2", "x1·x2²", "x2³"
            ]
        );
        let phi = set.apply(2.0, 3.0);
        assert_eq!(phi, [1.0, 2.0, 3.0, 4.0, 6.0, 9.0, 8.0, 12.0, 18.0, 27.0]);
    }

    #[test]
    fn composed_phi_never_repeats_a_monomial() {
        let formula = Formula::parse("x1 - x2").unwrap();
        let phi = FeatureSet::compose(&[Named::X2, Named::SinX1, Named::X1X2], 2, &[formula]);
        assert_eq!(
            phi.labels(),
            ["x2", "sin x1", "x1·x2", "1", "x1", "x1²", "x2²", "x1 - x2"]
        );
        for n in Named::ALL {
            if let Some((p1, p2)) = n.monomial() {
                let m = Feature::Monomial { p1, p2 };
                assert_eq!(m.value(1.5, -0.5), n.value(1.5, -0.5), "{n:?}");
            }
        }
    }
}

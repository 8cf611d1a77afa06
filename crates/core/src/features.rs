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

use ndarray::{Array2, ArrayView1};
use std::fmt;

use exmex::{Express, FlatEx};
use serde::{Deserialize, Serialize};

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

/// Why a typed formula cannot be used, with where the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormulaError {
    /// The formula as typed.
    pub formula: String,
    /// The character index (0-based) the problem starts at, when it is known.
    pub position: Option<usize>,
    /// What is wrong, in words a student can act on.
    pub message: String,
}

impl fmt::Display for FormulaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(p) => write!(
                f,
                "{} (at character {} of \"{}\")",
                self.message,
                p + 1,
                self.formula
            ),
            None => write!(f, "{} (in \"{}\")", self.message, self.formula),
        }
    }
}

impl std::error::Error for FormulaError {}

/// Which of x1, x2 a parsed formula uses, in the order its evaluator expects them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Vars {
    None,
    X1,
    X2,
    Both,
}

/// A formula of `x1` and `x2` typed by a user (e.g. `sin(x1) * x2^2`), parsed once by the
/// `exmex` crate and then evaluated quickly at many points. Known functions: `sin cos tan
/// exp ln log10 log2 sqrt abs signum tanh atan min max …`, powers with `^`, constants `PI`, `E`.
/// A minus sign directly before a power (`-x1^2`) is refused as ambiguous, because the
/// underlying parser would read it as `(−x1)²`.
#[derive(Debug, Clone)]
pub struct Formula {
    text: String,
    expr: Box<FlatEx<f64>>,
    vars: Vars,
}

impl PartialEq for Formula {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Formula {
    /// Parses `text`; the error points at the offending character when it can.
    pub fn parse(text: &str) -> Result<Self, FormulaError> {
        let fail = |position: Option<usize>, message: String| FormulaError {
            formula: text.to_string(),
            position,
            message,
        };
        if text.trim().is_empty() {
            return Err(fail(None, "the formula is empty".into()));
        }
        check_parentheses(text).map_err(|(p, m)| fail(Some(p), m))?;
        if let Some(p) = minus_before_power(text) {
            return Err(fail(
                Some(p),
                "ambiguous minus before '^': write -(x1^2) or (-x1)^2".into(),
            ));
        }
        let expr = exmex::parse::<f64>(text).map_err(|e| {
            let (position, message) = explain(text, e.msg());
            fail(position, message)
        })?;
        let names = expr.var_names();
        if let Some(bad) = names.iter().find(|n| *n != "x1" && *n != "x2") {
            return Err(fail(
                char_position(text, bad),
                format!("unknown variable '{bad}': use x1 and x2"),
            ));
        }
        let vars = match names.len() {
            0 => Vars::None,
            2 => Vars::Both,
            _ if names[0] == "x1" => Vars::X1,
            _ => Vars::X2,
        };
        Ok(Self {
            text: text.to_string(),
            expr: Box::new(expr),
            vars,
        })
    }

    /// The formula as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The formula's value at `(x1, x2)` (NaN where it is undefined, e.g. `ln` of a
    /// negative number).
    pub fn value(&self, x1: f64, x2: f64) -> f64 {
        let result = match self.vars {
            Vars::None => self.expr.eval(&[]),
            Vars::X1 => self.expr.eval(&[x1]),
            Vars::X2 => self.expr.eval(&[x2]),
            Vars::Both => self.expr.eval(&[x1, x2]),
        };
        // The variable count is checked at parse time, so evaluation cannot fail.
        result.unwrap_or(f64::NAN)
    }
}

/// Finds an unmatched parenthesis: `(char index, message)`.
fn check_parentheses(text: &str) -> Result<(), (usize, String)> {
    let mut open = Vec::new();
    for (i, c) in text.chars().enumerate() {
        match c {
            '(' => open.push(i),
            ')' if open.pop().is_none() => {
                return Err((i, "this ')' has no matching '('".into()));
            }
            _ => {}
        }
    }
    match open.pop() {
        Some(i) => Err((i, "this '(' is never closed".into())),
        None => Ok(()),
    }
}

/// Finds a unary minus whose operand is raised to a power, as in `-x1^2`. The parser gives
/// unary operators priority over `^` (`-x1^2` would be `(−x1)²`, not `−(x1²)` as in
/// mathematics), so such formulas are refused rather than silently misread.
fn minus_before_power(text: &str) -> Option<usize> {
    let chars: Vec<char> = text.chars().collect();
    let skip_space = |mut i: usize| {
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        i
    };
    let skip_group = |mut i: usize| {
        // `chars[i]` is '(' and parentheses are balanced (checked before).
        let mut depth = 0;
        while i < chars.len() {
            match chars[i] {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        return i + 1;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        i
    };
    let mut previous: Option<char> = None;
    for (i, &c) in chars.iter().enumerate() {
        if c == '-' && previous.is_none_or(|p| "(,+-*/^".contains(p)) {
            let mut j = skip_space(i + 1);
            let start = j;
            while j < chars.len()
                && (chars[j].is_alphanumeric() || chars[j] == '_' || chars[j] == '.')
            {
                j += 1;
            }
            if j < chars.len() && chars[j] == '(' {
                j = skip_group(j);
            }
            if j > start && skip_space(j) < chars.len() && chars[skip_space(j)] == '^' {
                return Some(i);
            }
        }
        if !c.is_whitespace() {
            previous = Some(c);
        }
    }
    None
}

fn char_position(text: &str, needle: &str) -> Option<usize> {
    text.find(needle).map(|b| text[..b].chars().count())
}

/// Turns one of exmex's messages into a readable one with a position.
fn explain(text: &str, msg: &str) -> (Option<usize>, String) {
    if let Some(rest) = msg.strip_prefix("don't know how to parse ") {
        let position = text
            .strip_suffix(rest)
            .map(|head| head.chars().count())
            .or_else(|| char_position(text, rest));
        let bad = rest.chars().next().unwrap_or(' ');
        return (position, format!("cannot read '{bad}' here"));
    }
    if msg.starts_with("a binary operator cannot be on the right of another operator") {
        let ops: Vec<&str> = msg
            .split("repr: \"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect();
        if let [second, first, ..] = ops[..] {
            let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            let pair = format!("{first}{second}");
            let position = compact.find(&pair).and_then(|b| {
                // Map the index in the whitespace-free text back to the typed text.
                text.char_indices()
                    .filter(|(_, c)| !c.is_whitespace())
                    .nth(compact[..b].chars().count() + first.chars().count())
                    .map(|(byte, _)| text[..byte].chars().count())
            });
            return (
                position,
                format!("'{second}' cannot follow the operator '{first}'"),
            );
        }
    }
    if msg.starts_with("we have 0 ops and") || msg.contains("we always need one more node than op")
    {
        return (
            None,
            "two values stand side by side: write an operator between them, e.g. 2*x1".into(),
        );
    }
    if let Some(rest) = msg.split("left: ").nth(1)
        && let Some(name) = rest.split(';').next()
        && msg.contains("right: (")
    {
        return (
            char_position(text, &format!("{name}(")),
            format!("unknown function '{name}'"),
        );
    }
    if msg.starts_with("the last element cannot be an operator") {
        let end = text.trim_end().chars().count();
        return (
            end.checked_sub(1),
            "the formula ends with an operator".into(),
        );
    }
    (None, format!("cannot read the formula: {msg}"))
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

/// One basis function of a one-dimensional hypothesis class.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Basis1d {
    /// The constant 1.
    One,
    /// `x`.
    X,
    /// `x²`.
    XSquared,
    /// `(x − c)²`, domain knowledge hard-coded (the lecture's `(T − 37)²`).
    ShiftedSquare(f64),
}

impl Basis1d {
    /// The basis function's value at `x`.
    pub fn value(self, x: f64) -> f64 {
        match self {
            Basis1d::One => 1.0,
            Basis1d::X => x,
            Basis1d::XSquared => x * x,
            Basis1d::ShiftedSquare(c) => (x - c) * (x - c),
        }
    }

    /// The label with the variable written `var`, e.g. `(T − 37)²`.
    pub fn label(self, var: &str) -> String {
        match self {
            Basis1d::One => "1".into(),
            Basis1d::X => var.into(),
            Basis1d::XSquared => format!("{var}²"),
            Basis1d::ShiftedSquare(c) => format!("({var} − {c})²"),
        }
    }
}

/// The one-dimensional hypothesis classes the lecture compares in §1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HypothesisClass1d {
    /// `φ(x) = [x]`, `H1 = {x → w1 x}`.
    Linear,
    /// `φ(x) = [x, x²]`, `H2 = {x → w1 x + w2 x²}`.
    Quadratic,
    /// Health from temperature with `φ(T) = [1, T]`: cannot express "too hot or too cold".
    TemperatureLinear,
    /// `φ(T) = [1, T, T²]`: the general recipe, learns `(T − 37)²` from data.
    TemperatureQuadratic,
    /// `φ(T) = [1, (T − 37)²]`: domain knowledge built in.
    TemperatureExpert,
}

impl HypothesisClass1d {
    /// Every class, in the lecture's order.
    pub const ALL: [HypothesisClass1d; 5] = [
        HypothesisClass1d::Linear,
        HypothesisClass1d::Quadratic,
        HypothesisClass1d::TemperatureLinear,
        HypothesisClass1d::TemperatureQuadratic,
        HypothesisClass1d::TemperatureExpert,
    ];

    /// The basis functions of φ.
    pub fn basis(self) -> Vec<Basis1d> {
        match self {
            HypothesisClass1d::Linear => vec![Basis1d::X],
            HypothesisClass1d::Quadratic => vec![Basis1d::X, Basis1d::XSquared],
            HypothesisClass1d::TemperatureLinear => vec![Basis1d::One, Basis1d::X],
            HypothesisClass1d::TemperatureQuadratic => {
                vec![Basis1d::One, Basis1d::X, Basis1d::XSquared]
            }
            HypothesisClass1d::TemperatureExpert => {
                vec![Basis1d::One, Basis1d::ShiftedSquare(37.0)]
            }
        }
    }

    /// The label a screen shows, e.g. `φ(T) = [1, (T − 37)²]`.
    pub fn label(self) -> String {
        let var = match self {
            HypothesisClass1d::Linear | HypothesisClass1d::Quadratic => "x",
            _ => "T",
        };
        let parts: Vec<String> = self.basis().iter().map(|b| b.label(var)).collect();
        format!("φ({var}) = [{}]", parts.join(", "))
    }
}

/// The best member of a one-dimensional hypothesis class for some data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fit1d {
    /// The least-squares weights W, one per basis function.
    pub weights: Vec<f64>,
    /// The mean squared error `mean (W·φ(x) − y)²` on the data.
    pub error: f64,
    /// `(x, W·φ(x))` at evenly spaced `x`, for drawing the fitted curve.
    pub curve: Vec<(f64, f64)>,
}

/// Fits `y ≈ W·φ(x)` by least squares over the points `(xs[i], ys[i])` and samples the
/// fitted curve at `samples` points of `range`.
pub fn fit_1d(
    basis: &[Basis1d],
    xs: &[f64],
    ys: &[f64],
    range: (f64, f64),
    samples: usize,
) -> Fit1d {
    assert_eq!(xs.len(), ys.len(), "one y per x");
    assert!(samples >= 2, "a curve needs at least two samples");
    let weights = least_squares(basis, xs, ys);
    let predict = |x: f64| -> f64 {
        basis
            .iter()
            .zip(&weights)
            .map(|(b, w)| w * b.value(x))
            .sum()
    };
    let error = if xs.is_empty() {
        0.0
    } else {
        xs.iter()
            .zip(ys)
            .map(|(x, y)| (predict(*x) - y).powi(2))
            .sum::<f64>()
            / xs.len() as f64
    };
    let curve = (0..samples)
        .map(|i| {
            let x = range.0 + (range.1 - range.0) * i as f64 / (samples - 1) as f64;
            (x, predict(x))
        })
        .collect();
    Fit1d {
        weights,
        error,
        curve,
    }
}

/// Least squares by modified Gram–Schmidt QR of the design matrix Φ (one row per sample,
/// one column per basis function; stable even for `[1, T, T²]` near T = 37); a column
/// dependent on earlier ones gets weight 0.
fn least_squares(basis: &[Basis1d], xs: &[f64], ys: &[f64]) -> Vec<f64> {
    let k = basis.len();
    let mut q = Array2::from_shape_fn((xs.len(), k), |(i, j)| basis[j].value(xs[i]));
    let mut r = Array2::<f64>::zeros((k, k));
    let mut usable = vec![false; k];
    for j in 0..k {
        let scale = q.column(j).dot(&q.column(j)).sqrt();
        for i in 0..j {
            if usable[i] {
                let dot = q.column(i).dot(&q.column(j));
                r[[i, j]] = dot;
                let qi = q.column(i).to_owned();
                q.column_mut(j).scaled_add(-dot, &qi);
            }
        }
        let norm = q.column(j).dot(&q.column(j)).sqrt();
        if norm > 1e-10 * scale.max(f64::MIN_POSITIVE) {
            usable[j] = true;
            r[[j, j]] = norm;
            q.column_mut(j).mapv_inplace(|v| v / norm);
        }
    }
    let qty = q.t().dot(&ArrayView1::from(ys));
    let mut w = vec![0.0; k];
    for j in (0..k).rev() {
        if usable[j] {
            let tail: f64 = (j + 1..k).map(|c| r[[j, c]] * w[c]).sum();
            w[j] = (qty[j] - tail) / r[[j, j]];
        }
    }
    w
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
    fn formulas_evaluate_like_the_rust_expression() {
        type Case = (&'static str, fn(f64, f64) -> f64);
        let cases: [Case; 7] = [
            ("x1 - x2^2", |a, b| a - b * b),
            ("-x1 + 1", |a, _| 1.0 - a),
            ("sin(x1) * x2^2", |a, b| a.sin() * b * b),
            ("abs(x1 - x2) - 1", |a, b| (a - b).abs() - 1.0),
            ("exp(-(x1^2) - x2^2)", |a, b| (-a * a - b * b).exp()),
            ("x2 / 2", |_, b| b / 2.0),
            ("3", |_, _| 3.0),
        ];
        for (text, f) in cases {
            let formula = Formula::parse(text).unwrap();
            for (x1, x2) in [(0.5, -1.5), (2.0, 3.0), (-4.0, 0.1)] {
                let (got, want) = (formula.value(x1, x2), f(x1, x2));
                assert!(
                    (got - want).abs() < 1e-12,
                    "{text} at ({x1}, {x2}): {got} vs {want}"
                );
            }
        }
        let set = FeatureSet::new(vec![
            Feature::Named(Named::X1),
            Feature::formula("x1*x2").unwrap(),
        ]);
        assert_eq!(set.labels(), ["x1", "x1*x2"]);
        assert_eq!(set.apply(3.0, 4.0), [3.0, 12.0]);
    }

    #[test]
    fn bad_formulas_say_what_and_where() {
        let cases = [
            ("sin(x1", Some(3), "never closed"),
            ("x1) + 2", Some(2), "no matching"),
            ("x1 @ x2", Some(3), "cannot read '@'"),
            ("x1²", Some(2), "cannot read '²'"),
            ("y + x1", Some(0), "unknown variable 'y'"),
            ("x1 +* x2", Some(4), "'*' cannot follow"),
            ("foo(x1)", Some(0), "unknown function 'foo'"),
            ("x1 + ", Some(3), "ends with an operator"),
            ("2x1", None, "side by side"),
            ("exp(-x1^2)", Some(4), "ambiguous minus"),
            ("x2 * - sin(x1)^2", Some(5), "ambiguous minus"),
            ("  ", None, "empty"),
        ];
        for (text, position, words) in cases {
            let err = Formula::parse(text).unwrap_err();
            assert_eq!(err.position, position, "{text}: {err}");
            assert!(err.message.contains(words), "{text}: {err}");
            let shown = err.to_string();
            assert!(
                shown.contains(text.trim_end()) && !shown.contains("Operator {"),
                "{shown}"
            );
        }
        assert_eq!(
            Formula::parse("y + x1").unwrap_err().to_string(),
            "unknown variable 'y': use x1 and x2 (at character 1 of \"y + x1\")"
        );
    }

    // Reference from NumPy:
    //   import numpy as np
    //   T = np.array([35.5, 36.2, 36.8, 37.0, 37.4, 38.1, 39.0, 40.2])
    //   y = np.array([0.1, 0.8, 0.95, 1.0, 0.9, 0.6, -0.2, -1.3])
    //   for A in [np.c_[np.ones(8), T], np.c_[np.ones(8), T, T**2], np.c_[np.ones(8), (T-37)**2]]:
    //       w = np.linalg.lstsq(A, y, rcond=None)[0]; print(list(w), np.mean((A@w - y)**2))
    const T: [f64; 8] = [35.5, 36.2, 36.8, 37.0, 37.4, 38.1, 39.0, 40.2];
    const HEALTH: [f64; 8] = [0.1, 0.8, 0.95, 1.0, 0.9, 0.6, -0.2, -1.3];

    #[test]
    fn temperature_fits_match_numpy() {
        let expected: [(HypothesisClass1d, &[f64], f64); 3] = [
            (
                HypothesisClass1d::TemperatureLinear,
                &[14.17686715641261, -0.368304254667891],
                0.27767212848178713,
            ),
            (
                HypothesisClass1d::TemperatureQuadratic,
                &[-336.1126242723235, 18.15754379539376, -0.24457587956737115],
                0.015899591602691925,
            ),
            (
                HypothesisClass1d::TemperatureExpert,
                &[0.877130380751532, -0.22475960334478187],
                0.01882505499484128,
            ),
        ];
        for (class, weights, error) in expected {
            let fit = fit_1d(&class.basis(), &T, &HEALTH, (35.0, 41.0), 13);
            for (got, want) in fit.weights.iter().zip(weights) {
                assert!(
                    (got - want).abs() < 1e-6 * want.abs().max(1.0),
                    "{class:?}: {got} vs {want}"
                );
            }
            assert!(
                (fit.error - error).abs() < 1e-9,
                "{class:?}: error {} vs {error}",
                fit.error
            );
            assert_eq!(fit.curve.len(), 13);
            assert_eq!(fit.curve[0].0, 35.0);
            assert_eq!(fit.curve[12].0, 41.0);
        }
        // The lecture's point: [1, T] cannot express "too hot or too cold", the others can.
        let errors: Vec<f64> = expected
            .iter()
            .map(|(c, _, _)| fit_1d(&c.basis(), &T, &HEALTH, (35.0, 41.0), 2).error)
            .collect();
        assert!(
            errors[0] > 10.0 * errors[1] && errors[0] > 10.0 * errors[2],
            "{errors:?}"
        );
    }

    #[test]
    fn quadratic_class_contains_the_linear_one() {
        // y = x² − 2x exactly: H2 fits it perfectly, H1's best leaves an error.
        let xs: Vec<f64> = (0..9).map(|i| -1.0 + 0.5 * i as f64).collect();
        let ys: Vec<f64> = xs.iter().map(|x| x * x - 2.0 * x).collect();
        let h1 = fit_1d(&HypothesisClass1d::Linear.basis(), &xs, &ys, (-1.0, 3.0), 5);
        let h2 = fit_1d(
            &HypothesisClass1d::Quadratic.basis(),
            &xs,
            &ys,
            (-1.0, 3.0),
            5,
        );
        assert!(h2.error < 1e-20, "{}", h2.error);
        assert!((h2.weights[0] + 2.0).abs() < 1e-12 && (h2.weights[1] - 1.0).abs() < 1e-12);
        assert!(h1.error > 1.0, "{}", h1.error);
        assert_eq!(
            HypothesisClass1d::TemperatureExpert.label(),
            "φ(T) = [1, (T − 37)²]"
        );
        assert_eq!(HypothesisClass1d::Quadratic.label(), "φ(x) = [x, x²]");
    }
}

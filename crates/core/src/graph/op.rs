//! The building blocks of a computation graph (lecture §4): leaves (inputs, parameters,
//! constants) and operations `a + b`, `a − b`, `a·b`, `max(a, b)`, `v·Φ`, `σ(a)`, `a²`,
//! the hinge `max(1 − m, 0)` and the logistic loss `log(1 + e^−m)`, each with its
//! forward value and the local partial derivative `∂f_j/∂f_i` written on every edge.
//! The loss nodes are the losses of [`crate::loss::Loss`] at label `+1` (a margin `m` is
//! the score of the label +1), not a second copy of their formulas.

use serde::{Deserialize, Serialize};

use crate::activation::Activation;
use crate::loss::Loss;

/// What a node computes. Operations name their children by node index; a child always
/// comes before its parent in the arena, so the arena order is a topological order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Op {
    /// An input of the example (x1, x2, y, φ_k), holding its current value.
    Input(f64),
    /// A learnable parameter (`v1[0]`, `w1`, `W[2]`, …), holding its current value.
    Parameter(f64),
    /// A fixed number (the 1 in Φ(x) = [1, x1, x2], the 1 and 0 of the hinge).
    Constant(f64),
    /// `a + b`.
    Add(usize, usize),
    /// `a − b`.
    Sub(usize, usize),
    /// `a · b`.
    Mul(usize, usize),
    /// `max(a, b)`; a tie sends the gradient to `b`.
    Max(usize, usize),
    /// The dot product `Σ_k a_k b_k` of two equally long lists of nodes, e.g. `v1·Φ(x)`.
    Dot(Vec<usize>, Vec<usize>),
    /// An activation function applied to one node, e.g. `σ(v1·Φ)`.
    Activation(Activation, usize),
    /// An activation of a node scaled by a fixed sharpness `k`: `σ(k·z)`. As `k` grows,
    /// `σ(k·z)` tends to the lecture's threshold unit `1[z ≥ 0]` while keeping a gradient.
    Sharpened(Activation, f64, usize),
    /// `a²`.
    Square(usize),
    /// The hinge `max(1 − m, 0)` of a margin `m`.
    Hinge(usize),
    /// The logistic loss `log(1 + e^−m)` of a margin `m`.
    LogisticLoss(usize),
}

/// The role of a node, for drawing leaves and operations differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NodeKind {
    /// An input leaf (part of the example).
    Input,
    /// A parameter leaf (learned by gradient descent).
    Parameter,
    /// A constant leaf.
    Constant,
    /// An operation on other nodes.
    Operation,
}

impl Op {
    /// The role of a node computing this op.
    pub fn kind(&self) -> NodeKind {
        match self {
            Op::Input(_) => NodeKind::Input,
            Op::Parameter(_) => NodeKind::Parameter,
            Op::Constant(_) => NodeKind::Constant,
            _ => NodeKind::Operation,
        }
    }

    /// The value held by a leaf, `None` for an operation.
    pub fn leaf_value(&self) -> Option<f64> {
        match self {
            Op::Input(v) | Op::Parameter(v) | Op::Constant(v) => Some(*v),
            _ => None,
        }
    }

    /// The children in edge order (one entry per edge; a child used twice appears twice).
    pub fn children(&self) -> Vec<usize> {
        match self {
            Op::Input(_) | Op::Parameter(_) | Op::Constant(_) => Vec::new(),
            Op::Add(a, b) | Op::Sub(a, b) | Op::Mul(a, b) | Op::Max(a, b) => vec![*a, *b],
            Op::Dot(a, b) => a.iter().chain(b).copied().collect(),
            Op::Activation(_, a)
            | Op::Sharpened(_, _, a)
            | Op::Square(a)
            | Op::Hinge(a)
            | Op::LogisticLoss(a) => vec![*a],
        }
    }

    /// A short symbol for the operation, drawn inside the node ("+", "σ", "max", …).
    pub fn symbol(&self) -> &'static str {
        match self {
            Op::Input(_) => "input",
            Op::Parameter(_) => "param",
            Op::Constant(_) => "const",
            Op::Add(..) => "+",
            Op::Sub(..) => "−",
            Op::Mul(..) => "·",
            Op::Max(..) => "max",
            Op::Dot(..) => "dot",
            Op::Activation(a, _) | Op::Sharpened(a, _, _) => match a {
                Activation::Sign => "sign",
                Activation::Logistic => "σ",
                Activation::Tanh => "tanh",
                Activation::Relu => "ReLU",
                Activation::Linear => "id",
            },
            Op::Square(_) => "(·)²",
            Op::Hinge(_) => "hinge",
            Op::LogisticLoss(_) => "log(1+e^−m)",
        }
    }

    /// The forward value, given the forward value of every node before this one.
    pub(crate) fn forward(&self, f: &[f64]) -> f64 {
        match self {
            Op::Input(v) | Op::Parameter(v) | Op::Constant(v) => *v,
            Op::Add(a, b) => f[*a] + f[*b],
            Op::Sub(a, b) => f[*a] - f[*b],
            Op::Mul(a, b) => f[*a] * f[*b],
            Op::Max(a, b) => f[*a].max(f[*b]),
            Op::Dot(a, b) => a.iter().zip(b).map(|(i, j)| f[*i] * f[*j]).sum(),
            Op::Activation(act, a) => act.value(f[*a]),
            Op::Sharpened(act, k, a) => act.value(k * f[*a]),
            Op::Square(a) => f[*a] * f[*a],
            Op::Hinge(m) => Loss::Hinge.value(f[*m], 1.0),
            Op::LogisticLoss(m) => Loss::Logistic.value(f[*m], 1.0),
        }
    }

    /// The local partial derivatives `∂f_j/∂f_child`, one per edge in
    /// [`children`](Self::children) order.
    pub(crate) fn local_derivatives(&self, f: &[f64]) -> Vec<f64> {
        match self {
            Op::Input(_) | Op::Parameter(_) | Op::Constant(_) => Vec::new(),
            Op::Add(..) => vec![1.0, 1.0],
            Op::Sub(..) => vec![1.0, -1.0],
            Op::Mul(a, b) => vec![f[*b], f[*a]],
            Op::Max(a, b) => {
                if f[*a] > f[*b] {
                    vec![1.0, 0.0]
                } else {
                    vec![0.0, 1.0]
                }
            }
            Op::Dot(a, b) => b.iter().chain(a).map(|i| f[*i]).collect(),
            Op::Activation(act, a) => vec![act.derivative(f[*a])],
            Op::Sharpened(act, k, a) => vec![k * act.derivative(k * f[*a])],
            Op::Square(a) => vec![2.0 * f[*a]],
            Op::Hinge(m) => vec![Loss::Hinge.derivative(f[*m], 1.0)],
            Op::LogisticLoss(m) => vec![Loss::Logistic.derivative(f[*m], 1.0)],
        }
    }

    /// The local derivative on edge `slot` written with node labels, e.g. `2(score − y)`,
    /// `h1(1 − h1)`, `x1`; `own` is the label of this node, `label(i)` that of node i.
    pub(crate) fn local_formula(
        &self,
        slot: usize,
        own: &str,
        label: impl Fn(usize) -> String,
    ) -> String {
        let p = |i: usize| paren(&label(i));
        match self {
            Op::Input(_) | Op::Parameter(_) | Op::Constant(_) => String::new(),
            Op::Add(..) => "1".into(),
            Op::Sub(..) => if slot == 0 { "1" } else { "−1" }.into(),
            Op::Mul(a, b) => label(if slot == 0 { *b } else { *a }),
            Op::Max(a, b) => {
                if slot == 0 {
                    format!("1[{} > {}]", label(*a), label(*b))
                } else {
                    format!("1[{} ≤ {}]", label(*a), label(*b))
                }
            }
            Op::Dot(a, b) => {
                let n = a.len();
                label(if slot < n { b[slot] } else { a[slot - n] })
            }
            Op::Activation(act, a) => match act {
                Activation::Sign => "0".into(),
                Activation::Logistic => format!("{0}(1 − {0})", paren(own)),
                Activation::Tanh => format!("1 − {}²", paren(own)),
                Activation::Relu => format!("1[{} > 0]", label(*a)),
                Activation::Linear => "1".into(),
            },
            Op::Sharpened(act, _, a) => match act {
                Activation::Sign => "0".into(),
                Activation::Logistic => format!("k·{0}(1 − {0})", paren(own)),
                Activation::Tanh => format!("k(1 − {}²)", paren(own)),
                Activation::Relu => format!("k·1[{} > 0]", label(*a)),
                Activation::Linear => "k".into(),
            },
            Op::Square(a) => format!("2{}", p_always(&label(*a))),
            Op::Hinge(m) => format!("−1[{} < 1]", label(*m)),
            Op::LogisticLoss(m) => format!("−σ(−{})", p(*m)),
        }
    }
}

/// Wraps a label in parentheses when it is more than one term.
fn paren(label: &str) -> String {
    if label.contains([' ', '+', '−', '-', '·']) {
        format!("({label})")
    } else {
        label.to_string()
    }
}

/// Wraps a label in parentheses unless it is a single symbol, for `2(score − y)` / `2·a`.
fn p_always(label: &str) -> String {
    if label.contains([' ', '+', '−', '-', '·']) {
        format!("({label})")
    } else {
        format!("·{label}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gradcheck::{derivative, relative_error};
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// Every op's local derivatives equal central differences in each child.
    #[test]
    fn local_derivatives_match_finite_differences() {
        let ops = [
            Op::Add(0, 1),
            Op::Sub(0, 1),
            Op::Mul(0, 1),
            Op::Max(0, 1),
            Op::Max(1, 0),
            Op::Dot(vec![0, 1], vec![2, 0]),
            Op::Activation(Activation::Logistic, 2),
            Op::Activation(Activation::Tanh, 1),
            Op::Activation(Activation::Relu, 0),
            Op::Activation(Activation::Relu, 1),
            Op::Sharpened(Activation::Logistic, 10.0, 0),
            Op::Sharpened(Activation::Logistic, 0.5, 1),
            Op::Sharpened(Activation::Tanh, 3.0, 2),
            Op::Square(1),
            Op::Hinge(0),
            Op::Hinge(2),
            Op::LogisticLoss(1),
            Op::LogisticLoss(2),
        ];
        let f = [0.7, -1.3, 2.1];
        for op in &ops {
            let local = op.local_derivatives(&f);
            let children = op.children();
            assert_eq!(local.len(), children.len(), "{op:?}");
            // Sum the edge derivatives per distinct child (a child may appear twice).
            for child in 0..f.len() {
                let exact: f64 = children
                    .iter()
                    .zip(&local)
                    .filter(|(c, _)| **c == child)
                    .map(|(_, d)| d)
                    .sum();
                let fd = derivative(
                    |x| {
                        let mut g = f;
                        g[child] = x;
                        op.forward(&g)
                    },
                    f[child],
                );
                assert!(
                    relative_error(fd, exact, 1e-6) < 1e-6,
                    "{op:?} child {child}: {fd} vs {exact}"
                );
            }
        }
    }

    #[test]
    fn losses_are_stable_far_out() {
        let f = [-800.0, 800.0];
        assert_eq!(Op::LogisticLoss(0).forward(&f), 800.0);
        assert_eq!(Op::LogisticLoss(1).forward(&f), 0.0);
        assert_eq!(Op::LogisticLoss(0).local_derivatives(&f), vec![-1.0]);
        assert_eq!(Op::Hinge(0).forward(&f), 801.0);
        assert_eq!(Op::Hinge(1).forward(&f), 0.0);
    }

    #[test]
    fn formulas_read_like_the_lecture() {
        let names = ["score − y", "h1", "v1·Φ", "x1", "margin"];
        let label = |i: usize| names[i].to_string();
        assert_eq!(
            Op::Square(0).local_formula(0, "loss", label),
            "2(score − y)"
        );
        assert_eq!(
            Op::Activation(Activation::Logistic, 2).local_formula(0, "h1", label),
            "h1(1 − h1)"
        );
        assert_eq!(
            Op::Sharpened(Activation::Logistic, 10.0, 2).local_formula(0, "h1", label),
            "k·h1(1 − h1)"
        );
        assert_eq!(
            Op::Dot(vec![1], vec![3]).local_formula(0, "v1·Φ", label),
            "x1"
        );
        assert_eq!(
            Op::Dot(vec![1], vec![3]).local_formula(1, "v1·Φ", label),
            "h1"
        );
        assert_eq!(
            Op::Hinge(4).local_formula(0, "loss", label),
            "−1[margin < 1]"
        );
        assert_eq!(Op::Square(3).local_formula(0, "loss", label), "2·x1");
    }
}

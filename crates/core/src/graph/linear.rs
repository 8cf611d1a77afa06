//! The lecture's small graphs of a linear model `W·φ(x)` (§4), built from the building
//! blocks a−b, a·b, max(a, b), a²:
//! - hinge loss `max(1 − W·φ(x) y, 0)`, margin `W·φ(x) y`, gradient
//!   `∂loss/∂W = −1[margin < 1] φ(x) y`;
//! - squared loss `(W·φ(x) − y)²`, gradient `2(W·φ(x) − y) φ(x)`;
//! - logistic loss `log(1 + e^(−W·φ(x) y))`, gradient `−σ(−margin) φ(x) y`.

use serde::{Deserialize, Serialize};

use super::{Graph, Op};
use crate::loss::Loss;

/// The feature leaves of a linear graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Phi {
    /// `φ(x) = [1, x1, x2]` for car positions: a constant `1` and inputs `x1`, `x2`.
    Positions([f64; 2]),
    /// A given feature vector: inputs `φ0`, `φ1`, … with these values.
    Given(Vec<f64>),
}

/// How to build a linear graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinearGraphConfig {
    /// The loss at the top.
    pub loss: Loss,
    /// The feature leaves.
    pub phi: Phi,
    /// The weights `W` (one per feature).
    pub weights: Vec<f64>,
    /// The label `y`.
    pub y: f64,
}

impl Default for LinearGraphConfig {
    fn default() -> Self {
        Self {
            loss: Loss::Hinge,
            phi: Phi::Positions([3.0, 1.0]),
            weights: vec![-1.0, 1.0, -1.0],
            y: 1.0,
        }
    }
}

/// Builds the graph of a linear model's loss. Labels: the features (`1`, `x1`, `x2` or
/// `φ0`…), `y`, `W[0]`…, `W·φ`, then for the hinge `margin`, `1`, `1 − margin`, `0`,
/// `loss` (= max); for the squared loss `W·φ − y`, `loss`; for the logistic loss
/// `margin`, `loss`.
pub fn linear_graph(config: &LinearGraphConfig) -> Graph {
    let mut g = Graph::new();
    let phi: Vec<usize> = match &config.phi {
        Phi::Positions([x1, x2]) => {
            vec![g.constant("1", 1.0), g.input("x1", *x1), g.input("x2", *x2)]
        }
        Phi::Given(v) => v
            .iter()
            .enumerate()
            .map(|(k, x)| g.input(format!("φ{k}"), *x))
            .collect(),
    };
    assert_eq!(
        config.weights.len(),
        phi.len(),
        "expected one weight per feature"
    );
    let y = g.input("y", config.y);
    let w: Vec<usize> = config
        .weights
        .iter()
        .enumerate()
        .map(|(k, v)| g.parameter(format!("W[{k}]"), *v))
        .collect();
    let score = g.push("W·φ", Op::Dot(w, phi));
    match config.loss {
        Loss::Hinge => {
            let margin = g.push("margin", Op::Mul(score, y));
            let one = g.constant("1", 1.0);
            let slack = g.push("1 − margin", Op::Sub(one, margin));
            let zero = g.constant("0", 0.0);
            g.push("loss", Op::Max(slack, zero));
        }
        Loss::Squared => {
            let r = g.push("W·φ − y", Op::Sub(score, y));
            g.push("loss", Op::Square(r));
        }
        Loss::Logistic => {
            let margin = g.push("margin", Op::Mul(score, y));
            g.push("loss", Op::LogisticLoss(margin));
        }
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::logistic;
    use crate::gradcheck::relative_error;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn close(a: &[f64], b: &[f64], tol: f64) -> bool {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| relative_error(*x, *y, 1e-4) < tol)
    }

    /// A few (φ, W, y) cases on both sides of the hinge's kink.
    fn cases() -> Vec<(Phi, Vec<f64>, f64)> {
        vec![
            (Phi::Positions([3.0, 1.0]), vec![-1.0, 1.0, -1.0], 1.0), // margin 1·1 = 1: on the kink
            (Phi::Positions([1.0, 0.5]), vec![-1.0, 1.0, -1.0], 1.0), // margin −0.5
            (Phi::Positions([1.0, 3.0]), vec![0.2, 0.7, -0.25], -1.0), // margin −0.15
            (Phi::Positions([2.0, 0.5]), vec![0.5, 1.5, -0.4], 1.0),  // margin 3.3
            (
                Phi::Given(vec![1.0, -2.0, 0.5, 4.0]),
                vec![0.3, 0.1, -0.2, 0.05],
                -1.0,
            ),
        ]
    }

    fn features(phi: &Phi) -> Vec<f64> {
        match phi {
            Phi::Positions([x1, x2]) => vec![1.0, *x1, *x2],
            Phi::Given(v) => v.clone(),
        }
    }

    /// Backprop equals the lecture's closed forms and, away from the kink, finite differences.
    #[test]
    fn gradients_are_the_lectures_formulas() {
        for (phi, w, y) in cases() {
            let f = features(&phi);
            let s: f64 = w.iter().zip(&f).map(|(a, b)| a * b).sum();
            let margin = s * y;
            for loss in Loss::ALL {
                let mut g = linear_graph(&LinearGraphConfig {
                    loss,
                    phi: phi.clone(),
                    weights: w.clone(),
                    y,
                });
                let l = g.run();
                let bp = g.parameter_gradients().expect("backward done");
                let (want_loss, want): (f64, Vec<f64>) = match loss {
                    Loss::Hinge => {
                        let ind = if margin < 1.0 { 1.0 } else { 0.0 };
                        (
                            (1.0 - margin).max(0.0),
                            f.iter().map(|p| -ind * p * y).collect(),
                        )
                    }
                    Loss::Squared => (
                        (s - y).powi(2),
                        f.iter().map(|p| 2.0 * (s - y) * p).collect(),
                    ),
                    Loss::Logistic => (
                        (1.0 + (-margin).exp()).ln(),
                        f.iter().map(|p| -logistic(-margin) * p * y).collect(),
                    ),
                };
                assert!(
                    (l - want_loss).abs() < 1e-12,
                    "{loss:?} {phi:?}: loss {l} vs {want_loss}"
                );
                assert!(
                    close(&bp, &want, 1e-12),
                    "{loss:?} {phi:?}: {bp:?} vs {want:?}"
                );
                if (margin - 1.0).abs() > 1e-3 {
                    let fd = g.numerical_gradient();
                    assert!(
                        close(&bp, &fd, 1e-6),
                        "{loss:?} {phi:?}: {bp:?} vs fd {fd:?}"
                    );
                }
            }
        }
    }

    // Reference from PyTorch autograd (torch.clamp's gradient at the kink differs, so the
    // cases here avoid margin = 1):
    //   import torch
    //   for phi, w, y in [([1., 1., .5], [-1., 1., -1.], 1.), ([1., 1., 3.], [.2, .7, -.25], -1.),
    //                     ([1., -2., .5, 4.], [.3, .1, -.2, .05], -1.)]:
    //       f = torch.tensor(phi, dtype=torch.float64)
    //       for name in ["hinge", "squared"]:
    //           W = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    //           s = W @ f
    //           l = torch.clamp(1 - s * y, min=0) if name == "hinge" else (s - y) ** 2
    //           l.backward()
    //           print(name, repr(l.item()), [repr(g) for g in W.grad.tolist()])
    const TORCH: [(&str, f64, &[f64]); 6] = [
        ("hinge", 1.5, &[-1.0, -1.0, -0.5]),
        ("squared", 2.25, &[-3.0, -3.0, -1.5]),
        ("hinge", 1.15, &[1.0, 1.0, 3.0]),
        (
            "squared",
            1.3224999999999998,
            &[2.3, 2.3, 6.8999999999999995],
        ),
        ("hinge", 1.2, &[1.0, -2.0, 0.5, 4.0]),
        ("squared", 1.44, &[2.4, -4.8, 1.2, 9.6]),
    ];

    #[test]
    fn gradients_match_pytorch() {
        let cases = cases();
        let picked = [&cases[1], &cases[2], &cases[4]];
        let mut k = 0;
        for (phi, w, y) in picked {
            for loss in [Loss::Hinge, Loss::Squared] {
                let (name, want_loss, want) = TORCH[k];
                k += 1;
                assert_eq!(
                    name,
                    if loss == Loss::Hinge {
                        "hinge"
                    } else {
                        "squared"
                    }
                );
                let mut g = linear_graph(&LinearGraphConfig {
                    loss,
                    phi: phi.clone(),
                    weights: w.clone(),
                    y: *y,
                });
                let l = g.run();
                assert!((l - want_loss).abs() < 1e-12, "{name}: {l} vs {want_loss}");
                let bp = g.parameter_gradients().expect("backward done");
                assert!(
                    close(&bp, want, 1e-12),
                    "{name} {phi:?}: {bp:?} vs {want:?}"
                );
            }
        }
        assert_eq!(k, TORCH.len());
    }

    #[test]
    fn hinge_graph_is_the_lectures_figure() {
        let g = linear_graph(&LinearGraphConfig::default());
        let labels: Vec<&str> = g.nodes().iter().map(|n| n.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "1",
                "x1",
                "x2",
                "y",
                "W[0]",
                "W[1]",
                "W[2]",
                "W·φ",
                "margin",
                "1",
                "1 − margin",
                "0",
                "loss"
            ]
        );
        assert_eq!(g.node(g.root()).op.symbol(), "max");
        // With W = [−1, 1, −1] at [1, 0.5] (y = +1): margin −0.5, loss 1.5, on the active side.
        let mut g = g;
        g.set("x1", 1.0);
        g.set("x2", 0.5);
        assert_eq!(g.run(), 1.5);
        let rule = g.chain_rule(g.expect_index("W[1]"));
        assert_eq!(rule.total, -1.0);
    }
}

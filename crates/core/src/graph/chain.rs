//! The chain rule spelled out (lecture §4): `∂out/∂in = ∂out/∂mid · ∂mid/∂in`, the
//! product of the edge labels along a path from the loss down to `in`, summed over every
//! path. For the car network with squared loss:
//! `∂loss/∂v1[1] = 2(score − y) · 1 · w1 · h1(1 − h1) · x1`.

use serde::{Deserialize, Serialize};

use super::{Edge, Graph};

/// One path from the root down to the target, with the product of its edge derivatives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChainPath {
    /// The edges from the root downwards; the last edge ends at the target.
    pub edges: Vec<Edge>,
    /// The product of the edges' local derivatives.
    pub product: f64,
}

/// `∂root/∂target` as a sum over paths of products of local derivatives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChainRule {
    /// The node differentiated against.
    pub target: usize,
    /// Every path from the root to the target.
    pub paths: Vec<ChainPath>,
    /// The sum of the path products: `∂root/∂target` (0 when no path exists).
    pub total: f64,
}

impl Graph {
    /// The chain rule from the root to node `target` for the current leaves (edge values
    /// come from a fresh evaluation, so the stepping state is not needed or changed).
    pub fn chain_rule(&self, target: usize) -> ChainRule {
        assert!(target < self.len(), "node {target} does not exist");
        let values = self.evaluate();
        let mut paths = Vec::new();
        let mut stack = Vec::new();
        self.collect_paths(self.root(), target, &values, &mut stack, &mut paths);
        let total = paths.iter().map(|p| p.product).sum();
        ChainRule {
            target,
            paths,
            total,
        }
    }

    fn collect_paths(
        &self,
        at: usize,
        target: usize,
        values: &[f64],
        stack: &mut Vec<Edge>,
        paths: &mut Vec<ChainPath>,
    ) {
        if at == target {
            let product = stack.iter().map(|e| e.local.unwrap_or(f64::NAN)).product();
            paths.push(ChainPath {
                edges: stack.clone(),
                product,
            });
            return;
        }
        // Indices only decrease going down, so children below the target cannot reach it.
        let node = self.node(at);
        let local = node.op.local_derivatives(values);
        for (slot, child) in node.children().into_iter().enumerate() {
            if child < target {
                continue;
            }
            stack.push(Edge {
                parent: at,
                child,
                slot,
                local: Some(local[slot]),
                formula: self.formula(at, slot),
            });
            self.collect_paths(child, target, values, stack, paths);
            stack.pop();
        }
    }
}

impl ChainRule {
    /// The rule as text, e.g.
    /// `∂loss/∂v1[1] = 2(score − y) · w1 · h1(1 − h1) · x1 = (0.4)(2)(0.25)(3) = 0.6`.
    /// Factors that are the literal `1` are left out; several paths are joined by `+`.
    pub fn describe(&self, graph: &Graph) -> String {
        let head = format!(
            "∂{}/∂{}",
            graph.node(graph.root()).label,
            graph.node(self.target).label
        );
        if self.target == graph.root() {
            return format!("{head} = 1");
        }
        if self.paths.is_empty() {
            return format!("{head} = 0 (no path)");
        }
        let kept = |p: &ChainPath| -> Vec<Edge> {
            let e: Vec<Edge> = p
                .edges
                .iter()
                .filter(|e| e.formula != "1")
                .cloned()
                .collect();
            if e.is_empty() {
                p.edges[..1].to_vec()
            } else {
                e
            }
        };
        let symbols: Vec<String> = self
            .paths
            .iter()
            .map(|p| {
                kept(p)
                    .iter()
                    .map(|e| e.formula.clone())
                    .collect::<Vec<_>>()
                    .join(" · ")
            })
            .collect();
        let numbers: Vec<String> = self
            .paths
            .iter()
            .map(|p| {
                kept(p)
                    .iter()
                    .map(|e| format!("({})", short(e.local.unwrap_or(f64::NAN))))
                    .collect::<String>()
            })
            .collect();
        format!(
            "{head} = {} = {} = {}",
            symbols.join(" + "),
            numbers.join(" + "),
            short(self.total)
        )
    }
}

/// A number with at most 4 significant decimals, for formulas on screen.
fn short(x: f64) -> String {
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{CarNet, CarNetConfig, CarWeights};
    use crate::loss::Loss;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn squared_car() -> CarNet {
        let mut net = CarNet::new(CarNetConfig {
            loss: Loss::Squared,
            ..CarNetConfig::default()
        });
        net.set_weights(&CarWeights {
            v1: [0.1, 0.5, -0.4],
            v2: [-0.3, -0.2, 0.6],
            w: [0.2, 1.1, -0.7],
        });
        net.set_sharpness(1.0);
        net.set_example(&crate::graph::CarExample {
            x: [3.0, 1.0],
            y: -1.0,
        });
        net.graph.set("y", -1.0); // the hand computation's y, whatever the loss's targets
        net
    }

    /// The lecture's path product for ∂loss/∂v1[1], recomputed by hand from the values.
    #[test]
    fn v1_path_is_the_lectures_product() {
        let net = squared_car();
        let g = &net.graph;
        let target = g.expect_index("v1[1]");
        let rule = g.chain_rule(target);
        assert_eq!(rule.paths.len(), 1);
        let f = g.evaluate();
        let (score, h1) = (f[g.expect_index("score")], f[g.expect_index("h1")]);
        let by_hand = 2.0 * (score - -1.0) * 1.1 * h1 * (1.0 - h1) * 3.0;
        assert!(
            (rule.total - by_hand).abs() < 1e-12,
            "{} vs {by_hand}",
            rule.total
        );
        let formulas: Vec<&str> = rule.paths[0]
            .edges
            .iter()
            .map(|e| e.formula.as_str())
            .collect();
        assert_eq!(formulas, ["2(score − y)", "1", "w1", "k·h1(1 − h1)", "x1"]);
        let text = rule.describe(g);
        assert!(
            text.starts_with("∂loss/∂v1[1] = 2(score − y) · w1 · k·h1(1 − h1) · x1 = ("),
            "{text}"
        );
    }

    /// x1 feeds both hidden units: two paths, whose sum is the backward value g_x1.
    #[test]
    fn shared_input_sums_two_paths() {
        let mut net = squared_car();
        net.graph.run();
        let x1 = net.graph.expect_index("x1");
        let rule = net.graph.chain_rule(x1);
        assert_eq!(rule.paths.len(), 2);
        let g = net.graph.node(x1).grad.expect("backward done");
        assert!((rule.total - g).abs() < 1e-12, "{} vs {g}", rule.total);
        // Every parameter: the path sum is the backpropagated gradient.
        for i in net.graph.parameter_indices() {
            let rule = net.graph.chain_rule(i);
            let g = net.graph.node(i).grad.expect("backward done");
            assert!(
                (rule.total - g).abs() < 1e-12,
                "{}",
                net.graph.node(i).label
            );
        }
        assert!(rule.describe(&net.graph).contains(" + "));
    }

    #[test]
    fn short_numbers() {
        assert_eq!(short(0.123456), "0.1235");
        assert_eq!(short(2.0), "2");
        assert_eq!(short(-0.00001), "0");
    }
}

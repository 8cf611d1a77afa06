//! Tests of the computation graph: gradients summed over shared children, the stepping
//! order, gradient descent, and the drawing layers.

use super::*;
use crate::activation::Activation;
#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

/// loss = (a·b + a)², a used twice: g_a sums over both parents.
fn tiny() -> Graph {
    let mut g = Graph::new();
    let a = g.parameter("a", 1.5);
    let b = g.input("b", -2.0);
    let ab = g.push("a·b", Op::Mul(a, b));
    let s = g.push("a·b + a", Op::Add(ab, a));
    g.push("loss", Op::Square(s));
    g
}

#[test]
fn shared_child_sums_over_parents() {
    let mut g = tiny();
    // s = 1.5·(−2) + 1.5 = −1.5, loss = 2.25, ∂loss/∂a = 2s·(b + 1) = 3, ∂loss/∂b = 2s·a = −4.5
    assert_eq!(g.run(), 2.25);
    assert_eq!(g.node(0).grad, Some(3.0));
    assert_eq!(g.node(1).grad, Some(-4.5));
    assert_eq!(g.parameter_gradients(), Some(vec![3.0]));
}

#[test]
fn stepping_walks_up_then_down() {
    let mut g = tiny();
    let n = g.len();
    assert_eq!(g.phase(), Phase::Idle);
    let mut seen = Vec::new();
    while let Some(i) = g.step() {
        seen.push((i, g.phase()));
        assert_eq!(g.last_computed(), Some(i));
    }
    let order: Vec<usize> = seen.iter().map(|s| s.0).collect();
    let expected: Vec<usize> = (0..n).chain((0..n).rev()).collect();
    assert_eq!(order, expected);
    assert_eq!(seen[n - 1].1, Phase::Backward { next: n - 1 });
    assert_eq!(g.phase(), Phase::Done);
    assert_eq!(g.step(), None);
}

#[test]
fn sgd_lowers_the_loss_and_changing_a_leaf_resets() {
    let mut g = tiny();
    let before = g.run();
    g.sgd_step(0.1);
    assert_eq!(g.phase(), Phase::Idle);
    assert_eq!(g.parameters(), vec![1.5 - 0.1 * 3.0]);
    assert!(g.run() < before);
    g.set("b", 4.0);
    assert_eq!(g.phase(), Phase::Idle);
    assert!(
        g.nodes()
            .iter()
            .all(|n| n.value.is_none() && n.grad.is_none())
    );
}

#[test]
fn layers_put_leaves_at_the_bottom() {
    let mut g = tiny();
    let z = g.push("σ", Op::Activation(Activation::Logistic, 4));
    let layers: Vec<usize> = g.nodes().iter().map(|n| n.layer).collect();
    assert_eq!(layers, vec![0, 0, 1, 2, 3, 4]);
    assert_eq!(g.root(), z);
}

#[test]
#[should_panic(expected = "does not exist yet")]
fn children_must_come_first() {
    let mut g = Graph::new();
    g.input("x", 1.0);
    g.push("bad", Op::Add(0, 1));
}

#[test]
#[should_panic(expected = "finished backward pass")]
fn sgd_needs_gradients() {
    let mut g = tiny();
    g.forward();
    g.sgd_step(0.1);
}

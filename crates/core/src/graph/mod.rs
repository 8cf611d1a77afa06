//! A computation graph for backpropagation, steppable one node at a time (lecture §4).
//!
//! A function is drawn as a tree: leaves are inputs, parameters and constants, every
//! other node an operation on its children, with the local partial derivative
//! `∂f_j/∂f_i` written on the edge from parent j to child i. Backpropagation:
//! 1. **forward**: plug (x, y) into the leaves and compute every node's value `f_i` from
//!    the leaves up to the root `f_0` (the loss);
//! 2. **backward**: `g_0 = ∂loss/∂f_0 = 1` at the root, then for every node
//!    `g_i = Σ_parents j (∂f_j/∂f_i) · g_j`;
//! 3. **update** each parameter one step along −gradient: `p ← p − η g_p`.
//!
//! The graph is an arena (`Vec<Node>` + [`Op`]) like micrograd: a child always has a
//! smaller index than its parent, so forward walks the arena upwards and backward
//! downwards. The root is the last node. Every value, edge derivative and gradient is
//! plain data (`Option` until it is known), so a screen can draw the graph mid-pass.
//!
//! Builders for the lecture's graphs live in [`car`] (the car network) and [`linear`]
//! (hinge and squared loss of a linear model); [`chain`] spells out the chain rule
//! along every path from the loss to one parameter.

pub mod car;
pub mod chain;
pub mod linear;
mod op;

use serde::{Deserialize, Serialize};

pub use car::{CarExample, CarNet, CarNetConfig, CarOutput, CarWeights, TrainConfig};
pub use chain::{ChainPath, ChainRule};
pub use linear::{LinearGraphConfig, Phi, linear_graph};
pub use op::{NodeKind, Op};

/// The loss at the top of a graph, on a score `s` and a label `y ∈ {+1, −1}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum LossKind {
    /// `(s − y)²`.
    #[default]
    Squared,
    /// `max(1 − s·y, 0)`.
    Hinge,
    /// `log(1 + e^(−s·y))`.
    Logistic,
}

impl LossKind {
    /// Every loss, in the order the lecture introduces them.
    pub const ALL: [LossKind; 3] = [LossKind::Squared, LossKind::Hinge, LossKind::Logistic];

    /// A short name for menus.
    pub fn name(self) -> &'static str {
        match self {
            LossKind::Squared => "squared (s − y)²",
            LossKind::Hinge => "hinge max(1 − s·y, 0)",
            LossKind::Logistic => "logistic log(1 + e^(−s·y))",
        }
    }
}

/// One node of the graph: what it computes, where to draw it, and what is known so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// The name drawn next to the node (`x1`, `v1[0]`, `v1·Φ`, `h1`, `score`, `loss`).
    pub label: String,
    /// What the node computes (a leaf holds its value here).
    pub op: Op,
    /// Suggested drawing row: 0 for leaves, else one above the highest child.
    pub layer: usize,
    /// The forward value `f_i`, once computed in the current pass.
    pub value: Option<f64>,
    /// The local derivatives `∂f_i/∂f_child`, one per edge in [`Op::children`] order,
    /// known together with `f_i` (empty for leaves and before the forward step).
    pub local: Vec<f64>,
    /// The backward value `g_i = ∂loss/∂f_i`, once computed in the current pass.
    pub grad: Option<f64>,
}

impl Node {
    /// Input, parameter, constant or operation.
    pub fn kind(&self) -> NodeKind {
        self.op.kind()
    }

    /// The children in edge order.
    pub fn children(&self) -> Vec<usize> {
        self.op.children()
    }
}

/// One edge, from a parent `j` down to its child `i`, with `∂f_j/∂f_i` once known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// The parent (the node computed from the child).
    pub parent: usize,
    /// The child (an argument of the parent's operation).
    pub child: usize,
    /// Which argument of the parent this edge is.
    pub slot: usize,
    /// The local derivative `∂f_parent/∂f_child`, known after the parent's forward step.
    pub local: Option<f64>,
    /// The local derivative written with labels, e.g. `h1(1 − h1)`.
    pub formula: String,
}

/// Where a step-by-step pass stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Phase {
    /// Nothing computed yet (or the leaves changed since).
    #[default]
    Idle,
    /// Forward pass: nodes `0..next` have their value; `next` is computed by the next step.
    Forward {
        /// The node the next step computes.
        next: usize,
    },
    /// Backward pass: every forward value is known, nodes `next+1..` have their
    /// gradient; `next` gets its gradient at the next step.
    Backward {
        /// The node the next step computes.
        next: usize,
    },
    /// Every value and every gradient is known.
    Done,
}

/// A computation graph with a stepping cursor. See the [module docs](self).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Graph {
    nodes: Vec<Node>,
    parents: Vec<Vec<(usize, usize)>>,
    phase: Phase,
    last: Option<usize>,
}

impl Graph {
    /// An empty graph; add leaves first, then operations on them.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends a node computing `op` and returns its index. Its children must already exist.
    pub fn push(&mut self, label: impl Into<String>, op: Op) -> usize {
        let id = self.nodes.len();
        let children = op.children();
        assert!(
            children.iter().all(|&c| c < id),
            "node {id} refers to a child that does not exist yet: {children:?}"
        );
        if let Op::Dot(a, b) = &op {
            assert_eq!(
                a.len(),
                b.len(),
                "a dot product needs two lists of the same length"
            );
        }
        let layer = children
            .iter()
            .map(|&c| self.nodes[c].layer + 1)
            .max()
            .unwrap_or(0);
        for (slot, &c) in children.iter().enumerate() {
            self.parents[c].push((id, slot));
        }
        self.nodes.push(Node {
            label: label.into(),
            op,
            layer,
            value: None,
            local: Vec::new(),
            grad: None,
        });
        self.parents.push(Vec::new());
        self.reset();
        id
    }

    /// Adds an input leaf.
    pub fn input(&mut self, label: impl Into<String>, value: f64) -> usize {
        self.push(label, Op::Input(value))
    }

    /// Adds a parameter leaf.
    pub fn parameter(&mut self, label: impl Into<String>, value: f64) -> usize {
        self.push(label, Op::Parameter(value))
    }

    /// Adds a constant leaf.
    pub fn constant(&mut self, label: impl Into<String>, value: f64) -> usize {
        self.push(label, Op::Constant(value))
    }

    /// Every node, in topological order (children first).
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// Node `i`.
    pub fn node(&self, i: usize) -> &Node {
        &self.nodes[i]
    }

    /// The number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the graph has no node.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The root (the loss): the last node.
    pub fn root(&self) -> usize {
        assert!(!self.nodes.is_empty(), "an empty graph has no root");
        self.nodes.len() - 1
    }

    /// The parents of node `i` as `(parent, slot)` pairs.
    pub fn parents(&self, i: usize) -> &[(usize, usize)] {
        &self.parents[i]
    }

    /// Every edge with its local derivative (when known) and its formula.
    pub fn edges(&self) -> Vec<Edge> {
        let mut edges = Vec::new();
        for (j, node) in self.nodes.iter().enumerate() {
            for (slot, child) in node.children().into_iter().enumerate() {
                edges.push(Edge {
                    parent: j,
                    child,
                    slot,
                    local: node.local.get(slot).copied(),
                    formula: self.formula(j, slot),
                });
            }
        }
        edges
    }

    /// The formula of the local derivative on edge `slot` of node `parent`.
    pub fn formula(&self, parent: usize, slot: usize) -> String {
        let node = &self.nodes[parent];
        node.op
            .local_formula(slot, &node.label, |i| self.nodes[i].label.clone())
    }

    /// The index of the first node labelled `label`.
    pub fn index_of(&self, label: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.label == label)
    }

    /// The index of the node labelled `label`; panics with a message if there is none.
    pub fn expect_index(&self, label: &str) -> usize {
        self.index_of(label)
            .unwrap_or_else(|| panic!("the graph has no node labelled {label:?}"))
    }

    /// The value held by leaf `i` (set value, not the forward value of the current pass).
    pub fn leaf_value(&self, i: usize) -> f64 {
        self.nodes[i]
            .op
            .leaf_value()
            .unwrap_or_else(|| panic!("node {i} is not a leaf"))
    }

    /// Sets the value held by leaf `i` (input, parameter or constant). The current pass
    /// is no longer valid, so the graph returns to [`Phase::Idle`].
    pub fn set_leaf(&mut self, i: usize, value: f64) {
        match &mut self.nodes[i].op {
            Op::Input(v) | Op::Parameter(v) | Op::Constant(v) => *v = value,
            op => panic!("node {i} is an operation ({}), not a leaf", op.symbol()),
        }
        self.reset();
    }

    /// Sets the leaf labelled `label`.
    pub fn set(&mut self, label: &str, value: f64) {
        let i = self.expect_index(label);
        self.set_leaf(i, value);
    }

    /// The indices of the parameters, in arena order.
    pub fn parameter_indices(&self) -> Vec<usize> {
        (0..self.nodes.len())
            .filter(|&i| self.nodes[i].kind() == NodeKind::Parameter)
            .collect()
    }

    /// The parameter labels, in [`parameter_indices`](Self::parameter_indices) order.
    pub fn parameter_labels(&self) -> Vec<String> {
        self.parameter_indices()
            .into_iter()
            .map(|i| self.nodes[i].label.clone())
            .collect()
    }

    /// The parameter values, in [`parameter_indices`](Self::parameter_indices) order.
    pub fn parameters(&self) -> Vec<f64> {
        self.parameter_indices()
            .into_iter()
            .map(|i| self.leaf_value(i))
            .collect()
    }

    /// Sets every parameter, in [`parameter_indices`](Self::parameter_indices) order.
    pub fn set_parameters(&mut self, values: &[f64]) {
        let ids = self.parameter_indices();
        assert_eq!(values.len(), ids.len(), "expected one value per parameter");
        for (i, v) in ids.into_iter().zip(values) {
            if let Op::Parameter(p) = &mut self.nodes[i].op {
                *p = *v;
            }
        }
        self.reset();
    }

    /// The current phase of the step-by-step pass.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The node computed by the latest step, if any.
    pub fn last_computed(&self) -> Option<usize> {
        self.last
    }

    /// Forgets every forward value, edge derivative and gradient: back to [`Phase::Idle`].
    pub fn reset(&mut self) {
        for n in &mut self.nodes {
            n.value = None;
            n.local.clear();
            n.grad = None;
        }
        self.phase = Phase::Idle;
        self.last = None;
    }

    /// Computes one node: the next forward value (with its edge derivatives) or the next
    /// gradient. Returns the node computed, or `None` when the pass is [`Phase::Done`].
    pub fn step(&mut self) -> Option<usize> {
        if self.nodes.is_empty() {
            return None;
        }
        let root = self.root();
        let i = match self.phase {
            Phase::Idle => {
                self.reset();
                self.forward_node(0);
                self.phase = if root == 0 {
                    Phase::Backward { next: root }
                } else {
                    Phase::Forward { next: 1 }
                };
                0
            }
            Phase::Forward { next } => {
                self.forward_node(next);
                self.phase = if next == root {
                    Phase::Backward { next: root }
                } else {
                    Phase::Forward { next: next + 1 }
                };
                next
            }
            Phase::Backward { next } => {
                self.backward_node(next);
                self.phase = if next == 0 {
                    Phase::Done
                } else {
                    Phase::Backward { next: next - 1 }
                };
                next
            }
            Phase::Done => return None,
        };
        self.last = Some(i);
        Some(i)
    }

    /// Finishes the forward pass (starting one if idle) and returns the loss `f_root`.
    pub fn forward(&mut self) -> f64 {
        if self.phase == Phase::Idle {
            self.step();
        }
        while let Phase::Forward { .. } = self.phase {
            self.step();
        }
        self.nodes[self.root()].value.unwrap_or(f64::NAN)
    }

    /// Finishes the backward pass (running the forward pass first if needed).
    pub fn backward(&mut self) {
        self.forward();
        while self.step().is_some() {}
    }

    /// A whole fresh pass at once, forward then backward; returns the loss. Computed
    /// independently of [`step`](Self::step) (gradients pushed from each parent to its
    /// children instead of pulled from the parents), ending in the same state.
    pub fn run(&mut self) -> f64 {
        let (values, locals, grads) = self.backprop();
        for (((node, f), local), g) in self.nodes.iter_mut().zip(values).zip(locals).zip(grads) {
            node.value = Some(f);
            node.local = local;
            node.grad = Some(g);
        }
        self.phase = if self.nodes.is_empty() {
            Phase::Idle
        } else {
            Phase::Done
        };
        self.last = None;
        self.loss().unwrap_or(f64::NAN)
    }

    /// Forward values, edge derivatives and gradients of every node for the current
    /// leaves, without touching the stepping state.
    pub fn backprop(&self) -> (Vec<f64>, Vec<Vec<f64>>, Vec<f64>) {
        let values = self.evaluate();
        let locals: Vec<Vec<f64>> = self
            .nodes
            .iter()
            .map(|n| n.op.local_derivatives(&values))
            .collect();
        let mut grads = vec![0.0; self.nodes.len()];
        if let Some(g) = grads.last_mut() {
            *g = 1.0;
        }
        for j in (0..self.nodes.len()).rev() {
            for (slot, c) in self.nodes[j].children().into_iter().enumerate() {
                grads[c] += locals[j][slot] * grads[j];
            }
        }
        (values, locals, grads)
    }

    /// The loss and `∂loss/∂p` for every parameter, computed at once without touching the
    /// stepping state (the inner loop of training).
    pub fn loss_and_gradient(&self) -> (f64, Vec<f64>) {
        let (values, _, grads) = self.backprop();
        let g = self
            .parameter_indices()
            .into_iter()
            .map(|i| grads[i])
            .collect();
        (values.last().copied().unwrap_or(f64::NAN), g)
    }

    /// The loss `f_root`, once the forward pass reached the root.
    pub fn loss(&self) -> Option<f64> {
        self.nodes.last().and_then(|n| n.value)
    }

    /// The gradient `∂loss/∂p` of every parameter, in
    /// [`parameter_indices`](Self::parameter_indices) order; `None` until the backward
    /// pass reached them.
    pub fn parameter_gradients(&self) -> Option<Vec<f64>> {
        self.parameter_indices()
            .into_iter()
            .map(|i| self.nodes[i].grad)
            .collect()
    }

    /// One gradient-descent step `p ← p − η g_p` on every parameter, from the gradients
    /// of the finished pass; the graph then returns to [`Phase::Idle`].
    pub fn sgd_step(&mut self, learning_rate: f64) {
        let grads = self.parameter_gradients().unwrap_or_else(|| {
            panic!(
                "sgd_step needs a finished backward pass (phase is {:?})",
                self.phase
            )
        });
        let params: Vec<f64> = self
            .parameters()
            .iter()
            .zip(&grads)
            .map(|(p, g)| p - learning_rate * g)
            .collect();
        self.set_parameters(&params);
    }

    /// The forward value of every node for the current leaves, without touching the
    /// stepping state (for sampling a model over a plane).
    pub fn evaluate(&self) -> Vec<f64> {
        let mut f = Vec::with_capacity(self.nodes.len());
        for node in &self.nodes {
            let v = node.op.forward(&f);
            f.push(v);
        }
        f
    }

    /// Like [`evaluate`](Self::evaluate), with some leaves given other values.
    pub fn evaluate_with(&self, leaves: &[(usize, f64)]) -> Vec<f64> {
        let mut f = Vec::with_capacity(self.nodes.len());
        for (i, node) in self.nodes.iter().enumerate() {
            let v = match leaves.iter().find(|(j, _)| *j == i) {
                Some(&(_, v)) if node.op.leaf_value().is_some() => v,
                Some(_) => panic!("node {i} is an operation, not a leaf"),
                None => node.op.forward(&f),
            };
            f.push(v);
        }
        f
    }

    /// The loss with the parameters set to `params` (other leaves unchanged).
    pub fn loss_at(&self, params: &[f64]) -> f64 {
        let ids = self.parameter_indices();
        assert_eq!(params.len(), ids.len(), "expected one value per parameter");
        let leaves: Vec<(usize, f64)> = ids.into_iter().zip(params.iter().copied()).collect();
        self.evaluate_with(&leaves)
            .last()
            .copied()
            .unwrap_or(f64::NAN)
    }

    /// Central-difference estimate of `∂loss/∂p` for every parameter, to compare with
    /// backpropagation.
    pub fn numerical_gradient(&self) -> Vec<f64> {
        crate::gradcheck::gradient(|p| self.loss_at(p), &self.parameters())
    }

    fn forward_node(&mut self, i: usize) {
        let f: Vec<f64> = self.nodes[..i]
            .iter()
            .map(|n| n.value.unwrap_or(f64::NAN))
            .collect();
        let node = &mut self.nodes[i];
        node.value = Some(node.op.forward(&f));
        node.local = node.op.local_derivatives(&f);
    }

    fn backward_node(&mut self, i: usize) {
        let g = if i == self.root() {
            1.0
        } else {
            self.parents[i]
                .iter()
                .map(|&(j, slot)| {
                    let parent = &self.nodes[j];
                    parent.local[slot] * parent.grad.unwrap_or(f64::NAN)
                })
                .sum()
        };
        self.nodes[i].grad = Some(g);
    }
}

#[cfg(test)]
mod tests {
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
}

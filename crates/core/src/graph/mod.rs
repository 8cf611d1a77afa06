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
mod pass;

use serde::{Deserialize, Serialize};

pub use car::{CarExample, CarNet, CarNetConfig, CarOutput, CarWeights, TrainConfig};
pub use chain::{ChainPath, ChainRule};
pub use linear::{LinearGraphConfig, Phi, linear_graph};
pub use op::{NodeKind, Op};

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

    /// Sets the sharpness `k` of a [`Op::Sharpened`] node `i`, `σ(k·z)`; the pass returns
    /// to [`Phase::Idle`].
    pub fn set_sharpness(&mut self, i: usize, k: f64) {
        match &mut self.nodes[i].op {
            Op::Sharpened(_, gain, _) => *gain = k,
            op => panic!("node {i} ({}) has no sharpness", op.symbol()),
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
}

#[cfg(test)]
mod tests;

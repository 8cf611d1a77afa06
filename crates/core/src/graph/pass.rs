//! The passes over a [`Graph`]: one node per [`step`](Graph::step) (forward from the leaves
//! up to the root, then `g_0 = 1` and `g_i = Σ_parents j (∂f_j/∂f_i) · g_j` back down), a
//! whole pass at once, evaluation at other leaf values, the finite-difference gradient to
//! compare with, and the update `p ← p − η g_p`.

use super::{Graph, Phase};

impl Graph {
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

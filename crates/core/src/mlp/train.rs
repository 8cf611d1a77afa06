//! Training a network: the objective (mean loss over a mini-batch plus the weight
//! penalty) and its gradient by backpropagation, `g_out = ∂loss/∂s · act'(z_out)`,
//! `g_l = act_l'(z_l) ⊙ W_{l+1}ᵀ g_{l+1}`, `∂loss/∂W_l = g_l a_{l−1}ᵀ`, `∂loss/∂b_l = g_l`,
//! and gradient-descent steps `p ← p − learning rate × gradient`, one batch or one epoch
//! at a time.

use super::batch::{self, Workspace};
use super::{Diverged, Mlp, Regularization, Samples, TrainConfig};

impl Mlp {
    /// The training objective on the points `batch` (indices into `samples`) — the mean
    /// loss `1/n Σ loss(s_k, y_k)` plus the weight penalty of `train` (biases are not
    /// penalised) — and its gradient ∂objective/∂params by backpropagation.
    ///
    /// The gradient has the layout of [`params`](Self::params): per layer `l`, first
    /// `∂/∂W_l` row-major `units × inputs` (entry `j·inputs + i` is the weight from input
    /// `i` to unit `j`, as in PyTorch's `nn.Linear.weight.grad`), then `∂/∂b_l` (`units`
    /// entries) when the network has biases. [`Layer::weights_range`](super::Layer::weights_range)
    /// gives each block's place; [`layer_views`](Self::layer_views) shows it as matrices.
    ///
    /// ```
    /// use ndarray::arr2;
    /// use nnp_core::{activation::Activation, loss::Loss, mlp::*};
    ///
    /// // The linear classifier s = w·φ with φ = [1, x1], squared loss (s − y)².
    /// let net = Mlp::from_weights(
    ///     vec![LayerWeights {
    ///         weights: arr2(&[[0.5, 2.0]]),
    ///         biases: None,
    ///         activation: Activation::Linear,
    ///     }],
    ///     Loss::Squared,
    /// );
    /// let samples = Samples::from_rows(2, vec![1.0, 3.0], vec![1.0]);
    /// let (loss, grad) = net.loss_and_gradient(&samples, &[0], &TrainConfig::default());
    /// // s = 0.5 + 6 = 6.5: loss = 5.5², ∂loss/∂w = 2(s − y)·φ = 11·[1, 3]
    /// assert!((loss - 5.5 * 5.5).abs() < 1e-12);
    /// assert_eq!(grad, [11.0, 33.0]);
    /// ```
    pub fn loss_and_gradient(
        &self,
        samples: &Samples,
        batch: &[usize],
        train: &TrainConfig,
    ) -> (f64, Vec<f64>) {
        self.objective(&self.params, samples, batch, train)
    }

    /// The objective and gradient at arbitrary parameters (for finite differences).
    pub(super) fn objective(
        &self,
        params: &[f64],
        samples: &Samples,
        batch: &[usize],
        train: &TrainConfig,
    ) -> (f64, Vec<f64>) {
        let mut work = Workspace::default();
        let loss = self.objective_into(params, samples, batch, train, &mut work);
        (loss, work.grad)
    }

    /// The objective at `params`, with its gradient left in `work.grad`: the batch goes
    /// forward and backward layer by layer (see [`batch`]).
    fn objective_into(
        &self,
        params: &[f64],
        samples: &Samples,
        batch: &[usize],
        train: &TrainConfig,
        work: &mut Workspace,
    ) -> f64 {
        assert_eq!(
            samples.dim, self.inputs,
            "samples have {} features, the network {} inputs",
            samples.dim, self.inputs
        );
        let last = self.layers.len() - 1;
        work.acts.resize(self.layers.len() + 1, Vec::new());
        work.deltas.resize(self.layers.len(), Vec::new());
        work.acts[0].clear();
        for &i in batch {
            work.acts[0].extend_from_slice(samples.row(i));
        }
        for (l, layer) in self.layers.iter().enumerate() {
            let (below, above) = work.acts.split_at_mut(l + 1);
            batch::forward(layer, params, &below[l], &mut above[0]);
        }
        let mut loss = 0.0;
        let output = self.layers[last].activation;
        work.deltas[last].clear();
        for (&i, &s) in batch.iter().zip(&work.acts[last + 1]) {
            let y = samples.labels[i];
            loss += self.loss.value(s, y);
            work.deltas[last].push(self.loss.derivative(s, y) * output.derivative_from_output(s));
        }
        for l in (0..last).rev() {
            let above = &self.layers[l + 1];
            let weights = &params[above.weights_at..][..above.units * above.inputs];
            let (lower, upper) = work.deltas.split_at_mut(l + 1);
            batch::backward(above, weights, &upper[0], &mut lower[l]);
            let activation = self.layers[l].activation;
            for (d, a) in lower[l].iter_mut().zip(&work.acts[l + 1]) {
                *d *= activation.derivative_from_output(*a);
            }
        }
        work.grad.clear();
        work.grad.resize(params.len(), 0.0);
        for (l, layer) in self.layers.iter().enumerate() {
            batch::gradient(layer, &work.deltas[l], &work.acts[l], &mut work.grad);
        }
        let n = batch.len().max(1) as f64;
        loss /= n;
        work.grad.iter_mut().for_each(|g| *g /= n);
        let (reg, rate) = (train.regularization, train.regularization_rate);
        if reg != Regularization::None && rate != 0.0 {
            for layer in &self.layers {
                let weights = layer.weights_at..layer.weights_at + layer.units * layer.inputs;
                for (g, &w) in work.grad[weights.clone()].iter_mut().zip(&params[weights]) {
                    loss += rate * reg.value(w);
                    *g += rate * reg.derivative(w);
                }
            }
        }
        loss
    }

    /// One gradient-descent step on the points `batch`; returns the objective before the
    /// step, or [`Diverged`] (with `step` 0) when it or the new weights are not finite.
    pub fn step(
        &mut self,
        samples: &Samples,
        batch: &[usize],
        train: &TrainConfig,
    ) -> Result<f64, Diverged> {
        self.step_with(samples, batch, train, &mut Workspace::default())
    }

    /// [`step`](Self::step) with the batch's buffers kept in `work`.
    pub(super) fn step_with(
        &mut self,
        samples: &Samples,
        batch: &[usize],
        train: &TrainConfig,
        work: &mut Workspace,
    ) -> Result<f64, Diverged> {
        let loss = self.objective_into(&self.params, samples, batch, train, work);
        for (p, g) in self.params.iter_mut().zip(&work.grad) {
            *p -= train.learning_rate * g;
        }
        if loss.is_finite() && self.params.iter().all(|p| p.is_finite()) {
            Ok(loss)
        } else {
            Err(Diverged { step: 0, loss })
        }
    }
}

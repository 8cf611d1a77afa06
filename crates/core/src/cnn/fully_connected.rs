//! The fully connected layer on top of the pooled feature maps (flattened planar, channel
//! by channel, row by row): `z_o = Σ_i W[o][i] · x_i + b_o`. Backward, with
//! `δ_o = ∂L/∂z_o`: `∂L/∂W[o][i] = δ_o · x_i`, `∂L/∂b_o = δ_o`, `∂L/∂x_i = Σ_o W[o][i] · δ_o`.

/// `outputs × inputs` weights (row `o` feeds output `o`) and one bias per output.
#[derive(Debug, Clone, PartialEq)]
pub struct FullyConnected {
    inputs: usize,
    outputs: usize,
    weights: Vec<f32>,
    bias: Vec<f32>,
}

impl FullyConnected {
    /// A layer of zeros.
    pub fn zeros(inputs: usize, outputs: usize) -> Self {
        Self {
            inputs,
            outputs,
            weights: vec![0.0; inputs * outputs],
            bias: vec![0.0; outputs],
        }
    }

    /// A layer from `outputs × inputs` row-major weights and `outputs` biases; `None` if
    /// the lengths do not fit.
    pub fn from_weights(inputs: usize, weights: Vec<f32>, bias: Vec<f32>) -> Option<Self> {
        let fits = inputs > 0 && !bias.is_empty() && weights.len() == inputs * bias.len();
        fits.then_some(Self {
            inputs,
            outputs: bias.len(),
            weights,
            bias,
        })
    }

    /// Number of inputs.
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    /// Number of outputs.
    pub fn outputs(&self) -> usize {
        self.outputs
    }

    /// The weights, `W[o][i]` at `o · inputs + i`.
    pub fn weights(&self) -> &[f32] {
        &self.weights
    }

    /// The weights, mutable.
    pub fn weights_mut(&mut self) -> &mut [f32] {
        &mut self.weights
    }

    /// The biases.
    pub fn bias(&self) -> &[f32] {
        &self.bias
    }

    /// The biases, mutable.
    pub fn bias_mut(&mut self) -> &mut [f32] {
        &mut self.bias
    }

    /// The weights and the biases, mutable together.
    pub fn weights_and_bias_mut(&mut self) -> (&mut [f32], &mut [f32]) {
        (&mut self.weights, &mut self.bias)
    }

    /// `z = W x + b` into `out`.
    pub fn forward_into(&self, x: &[f32], out: &mut [f32]) {
        assert_eq!(
            x.len(),
            self.inputs,
            "the layer takes {} inputs",
            self.inputs
        );
        assert_eq!(
            out.len(),
            self.outputs,
            "the layer gives {} outputs",
            self.outputs
        );
        for ((z, row), &b) in out
            .iter_mut()
            .zip(self.weights.chunks_exact(self.inputs))
            .zip(&self.bias)
        {
            *z = b + row.iter().zip(x).map(|(w, v)| w * v).sum::<f32>();
        }
    }

    /// Adds `∂L/∂W` and `∂L/∂b` for one example into `grads` (a layer of this shape) and,
    /// if asked, writes `∂L/∂x` into `grad_x`.
    pub fn backward(
        &self,
        x: &[f32],
        grad_out: &[f32],
        grads: &mut FullyConnected,
        grad_x: Option<&mut [f32]>,
    ) {
        assert!(
            x.len() == self.inputs && grad_out.len() == self.outputs,
            "the layer maps {} inputs to {} outputs",
            self.inputs,
            self.outputs
        );
        assert!(
            grads.inputs == self.inputs && grads.outputs == self.outputs,
            "the gradient layer must have the layer's shape"
        );
        for ((row, b), &d) in grads
            .weights
            .chunks_exact_mut(self.inputs)
            .zip(&mut grads.bias)
            .zip(grad_out)
        {
            *b += d;
            for (g, &v) in row.iter_mut().zip(x) {
                *g += d * v;
            }
        }
        if let Some(grad_x) = grad_x {
            assert_eq!(grad_x.len(), self.inputs, "one input gradient per input");
            grad_x.fill(0.0);
            for (row, &d) in self.weights.chunks_exact(self.inputs).zip(grad_out) {
                for (g, &w) in grad_x.iter_mut().zip(row) {
                    *g += w * d;
                }
            }
        }
    }
}

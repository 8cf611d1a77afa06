//! A network from weights given outside the playground (e.g. copied from PyTorch's
//! `nn.Linear` layers), and the flat parameter layout shared by [`Mlp::params`] and the
//! gradient of [`Mlp::loss_and_gradient`]: per layer `l`, first `W_l` row-major
//! (`units × inputs`, row `j` = the weights into unit `j`, like ndarray and
//! `nn.Linear.weight`), then `b_l` (`units` entries) when the network has biases.

use std::ops::Range;

use ndarray::{Array1, Array2, ArrayView1, ArrayView2};

use super::{Layer, Mlp};
use crate::activation::Activation;
use crate::loss::Loss;

/// One layer's given parameters `a_l = act(W a_{l−1} + b)`, for [`Mlp::from_weights`].
#[derive(Debug, Clone, PartialEq)]
pub struct LayerWeights {
    /// `W`, `units × inputs` (rows = units out, columns = inputs).
    pub weights: Array2<f64>,
    /// `b`, one per unit; `None` for a network without biases.
    pub biases: Option<Array1<f64>>,
    /// The units' activation.
    pub activation: Activation,
}

impl Layer {
    /// Where this layer's `W` (row-major `units × inputs`) sits in the flat parameter
    /// vector, and so in the gradient.
    pub fn weights_range(&self) -> Range<usize> {
        self.weights_at..self.weights_at + self.units * self.inputs
    }

    /// Where this layer's `b` sits in the flat parameter vector, when it has biases.
    pub fn biases_range(&self) -> Option<Range<usize>> {
        self.biases_at.map(|b| b..b + self.units)
    }
}

impl Mlp {
    /// A network with the given layers, first hidden layer first, the output layer (one
    /// unit, whose value is the score `s`) last. Either every layer has biases or none.
    /// Panics when the shapes do not chain (`W_l` must have as many columns as `W_{l−1}`
    /// has rows) or a bias vector's length is not the layer's number of units.
    ///
    /// ```
    /// use ndarray::{arr1, arr2};
    /// use nnp_core::activation::Activation;
    /// use nnp_core::loss::Loss;
    /// use nnp_core::mlp::{LayerWeights, Mlp};
    ///
    /// let net = Mlp::from_weights(
    ///     vec![
    ///         LayerWeights {
    ///             weights: arr2(&[[1.0, -1.0], [0.5, 0.5]]), // 2 units × 2 inputs
    ///             biases: Some(arr1(&[0.0, 0.1])),
    ///             activation: Activation::Relu,
    ///         },
    ///         LayerWeights {
    ///             weights: arr2(&[[1.0, 2.0]]),
    ///             biases: Some(arr1(&[-0.5])),
    ///             activation: Activation::Linear,
    ///         },
    ///     ],
    ///     Loss::Squared,
    /// );
    /// assert_eq!(net.shape(), [2, 2, 1]);
    /// // hidden = relu([2 − 1, 1 + 0.5 + 0.1]) = [1, 1.6]; s = 1 + 3.2 − 0.5
    /// assert!((net.score(&[2.0, 1.0]) - 3.7).abs() < 1e-12);
    /// ```
    pub fn from_weights(layers: Vec<LayerWeights>, loss: Loss) -> Self {
        assert!(!layers.is_empty(), "a network needs an output layer");
        let inputs = layers[0].weights.ncols();
        assert!(inputs > 0, "a network needs at least one input");
        let bias = layers[0].biases.is_some();
        let last = layers.len() - 1;
        assert_eq!(
            layers[last].weights.nrows(),
            1,
            "the output layer has one unit (the score), not {}",
            layers[last].weights.nrows()
        );
        let mut shapes = Vec::with_capacity(layers.len());
        let mut params = Vec::new();
        let mut fan_in = inputs;
        for (l, given) in layers.into_iter().enumerate() {
            let (units, cols) = given.weights.dim();
            assert!(units > 0, "layer {l} has no units");
            assert_eq!(
                cols, fan_in,
                "layer {l}'s weights are {units}×{cols}, but its input has {fan_in} values \
                 (rows = units out, columns = inputs)"
            );
            let weights_at = params.len();
            params.extend(given.weights.iter());
            let biases_at = match (&given.biases, bias) {
                (Some(b), true) => {
                    assert_eq!(
                        b.len(),
                        units,
                        "layer {l} has {units} units but {} biases",
                        b.len()
                    );
                    params.extend(b.iter());
                    Some(weights_at + units * cols)
                }
                (None, false) => None,
                _ => panic!("layer {l}: either every layer has biases or none has"),
            };
            shapes.push(Layer {
                inputs: fan_in,
                units,
                activation: given.activation,
                weights_at,
                biases_at,
            });
            fan_in = units;
        }
        Self {
            inputs,
            layers: shapes,
            params,
            loss,
        }
    }

    /// A flat vector in the layout of [`params`](Self::params) — the parameters themselves
    /// or a gradient from [`loss_and_gradient`](Self::loss_and_gradient) — seen layer by
    /// layer as `(W_l, b_l)`: `W_l` is `units × inputs`, `b_l` is `None` without biases.
    pub fn layer_views<'a>(
        &self,
        flat: &'a [f64],
    ) -> Vec<(ArrayView2<'a, f64>, Option<ArrayView1<'a, f64>>)> {
        assert_eq!(
            flat.len(),
            self.params.len(),
            "the vector has {} entries, the network {} parameters",
            flat.len(),
            self.params.len()
        );
        self.layers
            .iter()
            .map(|l| {
                let w = ArrayView2::from_shape((l.units, l.inputs), &flat[l.weights_range()])
                    .expect("a layer's weights are units × inputs");
                let b = l.biases_range().map(|r| ArrayView1::from(&flat[r]));
                (w, b)
            })
            .collect()
    }
}

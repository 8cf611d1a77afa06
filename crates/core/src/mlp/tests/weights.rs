//! A network built from given weight matrices: the same network as one whose weights were
//! clicked in one by one, with a gradient that matches finite differences, laid out like
//! the weights.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use ndarray::{Array1, Array2, arr1, arr2};

use super::*;

/// A 2 → 3 → 2 → 1 network's given parameters.
fn given(bias: bool) -> Vec<LayerWeights> {
    let layer = |w: Array2<f64>, b: Array1<f64>, activation| LayerWeights {
        weights: w,
        biases: bias.then_some(b),
        activation,
    };
    vec![
        layer(
            arr2(&[[0.4, -0.7], [1.1, 0.2], [-0.3, 0.9]]),
            arr1(&[0.1, -0.2, 0.05]),
            Activation::Tanh,
        ),
        layer(
            arr2(&[[0.6, -0.5, 0.8], [-1.2, 0.3, 0.4]]),
            arr1(&[0.2, -0.1]),
            Activation::Logistic,
        ),
        layer(arr2(&[[1.5, -0.9]]), arr1(&[0.3]), Activation::Linear),
    ]
}

/// The same network made by [`Mlp::new`] and set weight by weight.
fn clicked_in(bias: bool) -> Mlp {
    let layers = given(bias);
    let mut net = Mlp::new(&MlpConfig {
        inputs: 2,
        hidden: vec![
            LayerConfig {
                units: 3,
                activation: Activation::Tanh,
            },
            LayerConfig {
                units: 2,
                activation: Activation::Logistic,
            },
        ],
        output_activation: Activation::Linear,
        loss: Loss::Logistic,
        bias,
        seed: 3,
    });
    for (l, layer) in layers.iter().enumerate() {
        for ((to, from), &w) in layer.weights.indexed_iter() {
            net.set_weight(l, to, from, w);
        }
        if let Some(b) = &layer.biases {
            for (unit, &v) in b.iter().enumerate() {
                assert!(net.set_bias(l, unit, v));
            }
        }
    }
    net
}

#[test]
fn from_weights_is_the_network_set_weight_by_weight() {
    let samples = four_points();
    let batch = [0, 1, 2, 3];
    let train = TrainConfig {
        regularization: Regularization::L2,
        regularization_rate: 0.01,
        ..Default::default()
    };
    for bias in [true, false] {
        let given = Mlp::from_weights(given(bias), Loss::Logistic);
        let clicked = clicked_in(bias);
        assert_eq!(given.shape(), [2, 3, 2, 1]);
        assert_eq!(given.has_bias(), bias);
        assert_eq!(given.params(), clicked.params(), "bias {bias}");
        for i in 0..samples.len() {
            assert_eq!(given.score(samples.row(i)), clicked.score(samples.row(i)));
        }
        let (loss, grad) = given.loss_and_gradient(&samples, &batch, &train);
        assert_eq!(
            (loss, grad),
            clicked.loss_and_gradient(&samples, &batch, &train)
        );
    }
}

#[test]
fn gradient_of_a_network_from_weights_matches_finite_differences() {
    let net = Mlp::from_weights(given(true), Loss::Logistic);
    let train = TrainConfig {
        regularization: Regularization::L1,
        regularization_rate: 0.02,
        ..Default::default()
    };
    check_gradient(&net, &four_points(), &train, "from_weights");
}

#[test]
fn gradient_blocks_sit_where_the_weights_do() {
    // Nudging W_1[1][2] (unit 1 of the second layer, from its input 2) moves the loss by
    // the gradient entry that layer_views shows at [1, 2] of that layer.
    let net = Mlp::from_weights(given(true), Loss::Logistic);
    let samples = four_points();
    let train = TrainConfig::default();
    let (_, grad) = net.loss_and_gradient(&samples, &[0, 1, 2, 3], &train);
    let views = net.layer_views(&grad);
    assert_eq!(views[1].0.dim(), (2, 3));
    assert_eq!(views[2].1.as_ref().map(|b| b.len()), Some(1));
    let loss_at = |w: f64| {
        let mut moved = net.clone();
        moved.set_weight(1, 1, 2, w);
        moved.metrics(&samples).loss
    };
    let fd = crate::gradcheck::derivative(loss_at, net.weight(1, 1, 2));
    assert!(relative_error(views[1].0[[1, 2]], fd, 1e-6) < 1e-5);
    let (unit, input) = (1, 2);
    let range = net.layers()[1].weights_range();
    assert_eq!(grad[range][unit * 3 + input], views[1].0[[unit, input]]);
    let bias = net.layers()[1]
        .biases_range()
        .expect("the network has biases");
    assert_eq!(
        &grad[bias],
        views[1].1.expect("biases").as_slice().expect("contiguous")
    );
}

#[test]
#[should_panic(expected = "layer 1's weights are 2×4, but its input has 3 values")]
fn from_weights_refuses_matrices_that_do_not_chain() {
    let mut layers = given(true);
    layers[1].weights = Array2::zeros((2, 4));
    Mlp::from_weights(layers, Loss::Squared);
}

//! Training steps checked against PyTorch, number for number: each net is built with
//! [`Mlp::from_weights`] from the same matrices as the PyTorch tensors, and its flat
//! parameters are compared with PyTorch's `[p.flatten() for p in ps]`.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use ndarray::{Array1, Array2, arr1, arr2};

use super::*;

fn layer(weights: Array2<f64>, biases: Array1<f64>, activation: Activation) -> LayerWeights {
    LayerWeights {
        weights,
        biases: Some(biases),
        activation,
    }
}

fn assert_close(got: &[f64], want: &[f64], tol: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        assert!((g - w).abs() < tol, "{what}[{k}]: {g} vs {w}");
    }
}

#[test]
fn sgd_matches_pytorch_tanh_relu_squared_l2() {
    // PyTorch (float64), the same initial weights, three full-batch steps:
    //   import torch; torch.set_default_dtype(torch.float64)
    //   X = torch.tensor([[0.5, -1.2], [2.0, 1.5], [-1.0, 0.3], [-2.2, -0.7]])
    //   y = torch.tensor([1.0, -1.0, 1.0, -1.0])
    //   W1 = torch.tensor([[0.4, -0.3], [0.2, 0.5], [-0.6, 0.1]], requires_grad=True)
    //   b1 = torch.tensor([0.1, -0.2, 0.05], requires_grad=True)
    //   W2 = torch.tensor([[0.7, -0.4, 0.3], [-0.2, 0.6, 0.5]], requires_grad=True)
    //   b2 = torch.tensor([0.15, 0.1], requires_grad=True)
    //   W3 = torch.tensor([[0.9, -0.8]], requires_grad=True)
    //   b3 = torch.tensor([0.05], requires_grad=True)
    //   ps = [W1, b1, W2, b2, W3, b3]
    //   for step in range(3):
    //       h1 = torch.tanh(X @ W1.T + b1)
    //       h2 = torch.relu(h1 @ W2.T + b2)
    //       s = torch.tanh(h2 @ W3.T + b3)[:, 0]
    //       loss = ((s - y) ** 2).mean() + 0.01 * 0.5 * sum((w ** 2).sum() for w in [W1, W2, W3])
    //       for p in ps: p.grad = None
    //       loss.backward()
    //       print("loss", repr(loss.item()))
    //       with torch.no_grad():
    //           for p in ps: p -= 0.1 * p.grad
    //   print("params", [v for p in ps for v in p.detach().flatten().tolist()])
    let losses = [0.9569633546664902, 0.8987590501909933, 0.877150776806522];
    let after = [
        0.4281638751155214,
        -0.28103263012862817,
        0.26979503025318224,
        0.48710588702437313,
        -0.5564637582571418,
        0.10576117288957859,
        0.09746534087878958,
        -0.24647301967903984,
        0.07042237250820109,
        0.7261263324456324,
        -0.37721685842577846,
        0.2728080415321934,
        -0.17419199872141797,
        0.6098185661279063,
        0.4570793729337379,
        0.14701745600021843,
        0.20899870662990191,
        0.8996514801977233,
        -0.7936615389149317,
        -0.04110828844606662,
    ];
    let mut net = Mlp::from_weights(
        vec![
            layer(
                arr2(&[[0.4, -0.3], [0.2, 0.5], [-0.6, 0.1]]),
                arr1(&[0.1, -0.2, 0.05]),
                Activation::Tanh,
            ),
            layer(
                arr2(&[[0.7, -0.4, 0.3], [-0.2, 0.6, 0.5]]),
                arr1(&[0.15, 0.1]),
                Activation::Relu,
            ),
            layer(arr2(&[[0.9, -0.8]]), arr1(&[0.05]), Activation::Tanh),
        ],
        Loss::Squared,
    );
    let samples = four_points();
    let train = TrainConfig {
        learning_rate: 0.1,
        batch_size: 4,
        regularization: Regularization::L2,
        regularization_rate: 0.01,
    };
    let got: Vec<f64> = (0..3)
        .map(|_| net.step(&samples, &[0, 1, 2, 3], &train).unwrap())
        .collect();
    assert_close(&got, &losses, 1e-12, "loss");
    assert_close(net.params(), &after, 1e-12, "parameters");
}

#[test]
fn sgd_matches_pytorch_sigmoid_logistic_l1() {
    // PyTorch (float64), same points as above:
    //   W1 = torch.tensor([[0.4, -0.3], [0.2, 0.5]], requires_grad=True)
    //   b1 = torch.tensor([0.1, -0.2], requires_grad=True)
    //   W2 = torch.tensor([[0.9, -0.8]], requires_grad=True)
    //   b2 = torch.tensor([0.05], requires_grad=True)
    //   ps = [W1, b1, W2, b2]
    //   for step in range(3):
    //       s = (torch.sigmoid(X @ W1.T + b1) @ W2.T + b2)[:, 0]
    //       loss = torch.nn.functional.softplus(-y * s).mean() + 0.01 * sum(w.abs().sum() for w in [W1, W2])
    //       for p in ps: p.grad = None
    //       loss.backward()
    //       print("loss", repr(loss.item()))
    //       with torch.no_grad():
    //           for p in ps: p -= 0.5 * p.grad
    //   print("params", [v for p in ps for v in p.detach().flatten().tolist()])
    let losses = [0.6970187215642472, 0.6949395639960626, 0.69331212244025];
    let after = [
        0.37303081816265765,
        -0.34055643929474055,
        0.1976258657189226,
        0.5300689873561787,
        0.0893016405387599,
        -0.2024477338403799,
        0.8768106871150708,
        -0.8414968349411627,
        0.0031531617969184703,
    ];
    let mut net = Mlp::from_weights(
        vec![
            layer(
                arr2(&[[0.4, -0.3], [0.2, 0.5]]),
                arr1(&[0.1, -0.2]),
                Activation::Logistic,
            ),
            layer(arr2(&[[0.9, -0.8]]), arr1(&[0.05]), Activation::Linear),
        ],
        Loss::Logistic,
    );
    let train = TrainConfig {
        learning_rate: 0.5,
        batch_size: 4,
        regularization: Regularization::L1,
        regularization_rate: 0.01,
    };
    let samples = four_points();
    let got: Vec<f64> = (0..3)
        .map(|_| net.step(&samples, &[0, 1, 2, 3], &train).unwrap())
        .collect();
    assert_close(&got, &losses, 1e-12, "loss");
    assert_close(net.params(), &after, 1e-12, "parameters");
}

//! The autoencoder and the softmax net checked against PyTorch, number for number.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

// Reference from PyTorch 2.15 (float64):
//   import torch
//   torch.set_default_dtype(torch.float64)
//   x = torch.tensor([[0.0, 0.25, 1.0, 0.5], [0.75, 1.0, 0.0, 0.125]])
//   W = torch.tensor([[0.1, -0.2, 0.3, 0.05], [-0.4, 0.2, 0.1, -0.3],
//                     [0.25, 0.15, -0.35, 0.2]], requires_grad=True)
//   b = torch.tensor([0.01, -0.02, 0.03], requires_grad=True)
//   V = torch.tensor([[0.2, -0.1, 0.05], [0.3, 0.1, -0.2], [-0.15, 0.25, 0.1],
//                     [0.05, -0.3, 0.2]], requires_grad=True)
//   c = torch.tensor([0.0, 0.1, -0.1, 0.05], requires_grad=True)
//   h = torch.sigmoid(x @ W.T + b)
//   z = h @ V.T + c
//   bce = torch.nn.functional.binary_cross_entropy_with_logits(z, x, reduction='sum') / 2
//   mse = ((torch.sigmoid(z) - x) ** 2).sum() / 2
//   for loss in [bce, mse]:
//       print(loss.item(), torch.autograd.grad(loss, [W, b, V, c], retain_graph=True))
//   U = torch.tensor([[0.3, -0.2, 0.1], [-0.1, 0.4, -0.25]], requires_grad=True)
//   d = torch.tensor([0.05, -0.05], requires_grad=True)
//   ce = torch.nn.functional.cross_entropy(h @ U.T + d, torch.tensor([1, 0]))
//   print(ce.item(), torch.autograd.grad(ce, [W, b, U, d]))
const X: [f64; 8] = [0.0, 0.25, 1.0, 0.5, 0.75, 1.0, 0.0, 0.125];
const W: [f64; 12] = [
    0.1, -0.2, 0.3, 0.05, -0.4, 0.2, 0.1, -0.3, 0.25, 0.15, -0.35, 0.2,
];
const B: [f64; 3] = [0.01, -0.02, 0.03];
const V: [f64; 12] = [
    0.2, -0.1, 0.05, 0.3, 0.1, -0.2, -0.15, 0.25, 0.1, 0.05, -0.3, 0.2,
];
const C: [f64; 4] = [0.0, 0.1, -0.1, 0.05];
const RECONSTRUCTION: [f64; 8] = [
    0.521830953131827,
    0.5572062216377601,
    0.4958961974441996,
    0.5052345020420764,
    0.5195753522585311,
    0.5420369137792727,
    0.5009847729555661,
    0.5136983163905854,
];
const BCE: f64 = 2.792759384576922;
const BCE_GRAD: [f64; 31] = [
    // ∂/∂W
    -0.022357580452455936,
    -0.021467986898994804,
    0.03336848148378578,
    0.012957977333150234,
    -0.0013153085489773385,
    -0.0064113656543825495,
    -0.018630483689651058,
    -0.009534459936321751,
    0.018759683022208123,
    0.0223875449431557,
    -0.010501463012487179,
    -0.0021241176692089023,
    // ∂/∂b
    0.003558374213844532,
    -0.020384228421620843,
    0.014511447683790318,
    // ∂/∂V
    0.0944462368311596,
    0.07607417314020894,
    0.049817964232716394,
    -0.020599168909006024,
    -0.02945964979105624,
    -0.06686270583732103,
    -0.025421434588040914,
    -0.00936233911391389,
    0.03495709754546704,
    0.0933897652912397,
    0.09083340069061592,
    0.11719352021793684,
    // ∂/∂c
    0.14570315269517908,
    -0.07537843229148361,
    -0.0015595148001171788,
    0.1969664092163309,
];
const MSE: f64 = 0.6428645402740374;
const MSE_GRAD: [f64; 31] = [
    -0.011130770010311299,
    -0.01069156401900374,
    0.0165978506456453,
    0.006443796987770766,
    -0.0006401648469663816,
    -0.0031869568438816524,
    -0.009333614858372575,
    -0.004773501570347351,
    0.009348788919400094,
    0.011164111901182076,
    -0.005203759965405529,
    -0.001043748496136082,
    0.0017568239652302337,
    -0.010187167987661084,
    0.0072612919271279296,
    0.04712291819257389,
    0.03795465936257729,
    0.024848651170619282,
    -0.010490755240714883,
    -0.014854637888974037,
    -0.03340524577464741,
    -0.012706101334259257,
    -0.004677190980063799,
    0.01748211736388687,
    0.046660313372712446,
    0.045383026887857184,
    0.05855316005133853,
    0.07269117410341305,
    -0.03788529687692972,
    -0.0007717535333072456,
    0.09841012432564587,
];
const U: [f64; 6] = [0.3, -0.2, 0.1, -0.1, 0.4, -0.25];
const D: [f64; 2] = [0.05, -0.05];
const CE: f64 = 0.6906632524205742;
const CE_GRAD: [f64; 23] = [
    -0.016631538763085107,
    -0.01546932484051132,
    0.02682424070774196,
    0.010640197226690129,
    0.02486661020634264,
    0.022891767663533857,
    -0.04105485044635866,
    -0.01638299018878889,
    -0.01404765194389167,
    -0.012792020199161331,
    0.023752729570776916,
    0.009535089461406514,
    0.004648855690295151,
    -0.00789937017123514,
    0.0050225269789213565,
    0.05107099548681637,
    0.03302887011411973,
    -0.008344171089471539,
    -0.05107099548681637,
    -0.03302887011411973,
    0.008344171089471539,
    0.05131623074663161,
    -0.05131623074663161,
];

fn reference_encoder() -> Dense {
    Dense {
        weights: Array2::from_shape_vec((3, 4), W.to_vec()).expect("shape"),
        bias: Array1::from(B.to_vec()),
        activation: Activation::Logistic,
    }
}

#[test]
fn autoencoder_matches_pytorch() {
    let x = Array2::from_shape_vec((2, 4), X.to_vec()).expect("shape");
    for (loss, want_loss, want_grad) in [
        (Reconstruction::CrossEntropy, BCE, &BCE_GRAD),
        (Reconstruction::SquaredError, MSE, &MSE_GRAD),
    ] {
        let config = AutoencoderConfig {
            inputs: 4,
            code: 3,
            loss,
            ..AutoencoderConfig::default()
        };
        let mut ae = Autoencoder::new(&config, &mut Rng::seeded(0));
        let mut params = W.to_vec();
        params.extend(B.iter().chain(&V).chain(&C));
        ae.set_params(&params);
        let pass = ae.forward(&x);
        assert_close(
            pass.reconstructions.as_slice().expect("standard layout"),
            &RECONSTRUCTION,
            "r",
        );
        let (got_loss, grads) = ae.loss_and_gradients(&x);
        assert!(
            (got_loss - want_loss).abs() < 1e-12,
            "{loss:?}: {got_loss} vs {want_loss}"
        );
        assert_close(&ae.gradient_vec(&grads), want_grad, loss.id());
    }
}

#[test]
fn softmax_net_matches_pytorch() {
    let x = Array2::from_shape_vec((2, 4), X.to_vec()).expect("shape");
    let net = DeepNet {
        hidden: vec![reference_encoder()],
        output: Dense {
            weights: Array2::from_shape_vec((2, 3), U.to_vec()).expect("shape"),
            bias: Array1::from(D.to_vec()),
            activation: Activation::Linear,
        },
    };
    let (loss, grads) = net.loss_and_gradients(&x, &[1, 0], FineTune::WholeNet);
    assert!((loss - CE).abs() < 1e-12, "{loss} vs {CE}");
    let got: Vec<f64> = grads.hidden[0]
        .to_vec()
        .into_iter()
        .chain(grads.output.to_vec())
        .collect();
    assert_close(&got, &CE_GRAD, "cross-entropy gradient");
}

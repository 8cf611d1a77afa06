//! Tests of the whole recipe: references from PyTorch, and the experiment on the shipped
//! digits.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use ndarray::{Array1, Array2};

use super::*;
use crate::activation::Activation;
use crate::rng::Rng;

const DIGITS_CSV: &str = include_str!("../../../../web/data/digits.csv");

fn digits() -> Digits {
    Digits::parse_csv(DIGITS_CSV).expect("the shipped file is valid")
}

fn assert_close(got: &[f64], want: &[f64], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        assert!((g - w).abs() < 1e-12, "{what}[{k}]: {g} vs PyTorch {w}");
    }
}

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

/// The first `n` digits (the file is in no particular class order).
fn first_digits(n: usize) -> Digits {
    digits().subset(&(0..n).collect::<Vec<_>>())
}

/// A quick setting for debug builds and the browser: 500 digits, 150 held out.
fn small_config() -> PretrainConfig {
    PretrainConfig {
        test_size: 150,
        ..PretrainConfig::default()
    }
}

#[test]
fn reconstruction_loss_falls_for_each_layer() {
    let d = first_digits(500);
    let mut t = Pretrainer::new(&d, &small_config());
    assert_eq!(t.phase(), Phase::Pretrain { layer: 0 });
    assert_eq!(t.unlabelled_count(), 350);
    assert_eq!(
        t.net(),
        t.baseline(),
        "both nets start from the same random weights"
    );
    let before = t.reconstruction_loss(0);
    t.run(150);
    let after = t.reconstruction_loss(0);
    assert!(after < 0.7 * before, "layer 1: {before} → {after}");
    let curve = t.pretrain_losses(0);
    assert_eq!(curve.steps(), 150);
    let losses: Vec<f64> = curve.points().map(|p| p.1).collect();
    assert_eq!(losses.len(), 150, "a short run keeps every step");
    let first: f64 = losses[..10].iter().sum();
    let last: f64 = losses[140..].iter().sum();
    assert!(last < 0.7 * first, "layer 1 curve: {first} → {last}");

    assert_eq!(t.advance(), Phase::Pretrain { layer: 1 });
    let layer1 = t.net().hidden[0].clone();
    let before = t.reconstruction_loss(1);
    t.run(150);
    let after = t.reconstruction_loss(1);
    assert!(after < 0.9 * before, "layer 2: {before} → {after}");
    assert_eq!(
        t.net().hidden[0],
        layer1,
        "a stacked layer stays as pretrained"
    );
    assert_eq!(
        t.net().hidden[1],
        t.autoencoder(1).encoder,
        "the net uses layer 2's encoder"
    );
    assert_eq!(t.advance(), Phase::FineTune);
    assert_eq!(
        t.evaluations().len(),
        1,
        "accuracy recorded when fine-tuning starts"
    );
}

/// The lecture's point (§5) at screen size: pretraining on 1,297 unlabelled digits, then
/// fine-tuning with 10 labels per class (100 labels, 7.7 % of the pool), tested on 500
/// held-out digits (seed 1, defaults: 64 → 32 → 16 → 10, logistic, cross-entropy).
/// Recorded (release build, this commit), held-out accuracy after N supervised steps:
///
/// | steps | pretrained | random init |
/// |-------|------------|-------------|
/// |    0  |   0.062    |   0.090     |
/// |  100  |   0.870    |   0.642     |
/// |  300  |   0.892    |   0.832     |
/// | 1000  |   0.886    |   0.846     |
///
/// Pretraining wins early by a wide margin and ends about 4 points ahead.
#[test]
#[ignore = "≈ 0.5 s in release, ≈ 11 s in a debug build"]
fn pretraining_beats_random_init_with_ten_labels_per_class() {
    let mut t = Pretrainer::new(&digits(), &PretrainConfig::default());
    assert_eq!(t.labels_used(), 100);
    t.run(1500);
    t.advance();
    t.run(1500);
    t.advance();
    t.run(1000);
    for e in t.evaluations().iter().step_by(10) {
        println!(
            "step {:5}: pretrained {:.3}, random init {:.3}",
            e.step, e.pretrained_accuracy, e.baseline_accuracy
        );
    }
    let at = |step: usize| {
        t.evaluations()
            .iter()
            .find(|e| e.step == step)
            .copied()
            .expect("recorded")
    };
    assert!(at(100).pretrained_accuracy > 0.85, "{:?}", at(100));
    assert!(at(100).baseline_accuracy < 0.75, "{:?}", at(100));
    let end = at(1000);
    assert!(end.pretrained_accuracy > 0.87, "{end:?}");
    assert!(
        end.pretrained_accuracy > end.baseline_accuracy + 0.02,
        "{end:?}"
    );
}

/// The same claim at test size (runs in debug and in the browser): 500 digits, 150 held
/// out, 10 labels per class out of a pool of 350.
#[test]
fn pretrained_net_learns_faster_from_few_labels() {
    let d = first_digits(500);
    let mut t = Pretrainer::new(&d, &small_config());
    t.run(150);
    t.advance();
    t.run(100);
    t.advance();
    assert!(
        t.labels_used() <= 100 && t.labels_used() >= 90,
        "{}",
        t.labels_used()
    );
    t.run(60);
    let e = t.evaluate();
    // Recorded at this commit: pretrained 0.860, random init 0.367; seeds 1..=6 give
    // pretrained 0.787–0.867 and random init 0.367–0.593 (`seed_survey`).
    assert!(e.pretrained_accuracy > 0.75, "{e:?}");
    assert!(e.pretrained_accuracy > e.baseline_accuracy + 0.2, "{e:?}");
}

#[test]
fn pretraining_uses_no_labels() {
    let d = first_digits(300);
    let mut scrambled = d.clone();
    scrambled.labels.reverse();
    let config = PretrainConfig {
        test_size: 100,
        ..PretrainConfig::default()
    };
    let mut a = Pretrainer::new(&d, &config);
    let mut b = Pretrainer::new(&scrambled, &config);
    a.run(30);
    b.run(30);
    a.advance();
    b.advance();
    a.run(30);
    b.run(30);
    assert_eq!(a.pretrain_losses(0), b.pretrain_losses(0));
    assert_eq!(a.pretrain_losses(1), b.pretrain_losses(1));
    assert_eq!(a.net().hidden, b.net().hidden);
}

#[test]
fn the_same_seed_gives_the_same_run() {
    let d = first_digits(200);
    let config = PretrainConfig {
        test_size: 50,
        hidden: vec![16, 8],
        ..PretrainConfig::default()
    };
    let run = |config: &PretrainConfig| {
        let mut t = Pretrainer::new(&d, config);
        t.run(20);
        t.advance();
        t.run(20);
        t.advance();
        t.run(20);
        (
            t.pretrain_losses(0).clone(),
            t.fine_tune_losses().clone(),
            t.evaluate(),
        )
    };
    let first = run(&config);
    assert_eq!(first, run(&config));
    let other = run(&PretrainConfig {
        seed: 2,
        ..config.clone()
    });
    assert_ne!(first.0, other.0);
}

#[test]
fn feature_images_change_as_layers_are_pretrained() {
    let d = first_digits(300);
    let mut t = Pretrainer::new(
        &d,
        &PretrainConfig {
            test_size: 100,
            ..PretrainConfig::default()
        },
    );
    let start1 = t.feature_images(0);
    assert_eq!(start1.len(), 32);
    assert!(start1.iter().all(|f| f.len() == 64));
    assert_eq!(start1, t.unit_weights(0));
    t.run(40);
    let after1 = t.feature_images(0);
    assert_ne!(after1, start1);
    t.advance();
    let start2 = t.feature_images(1);
    assert_eq!(start2.len(), 16);
    assert!(
        start2.iter().all(|f| f.len() == 64),
        "deeper features are drawn in pixel space"
    );
    t.run(40);
    assert_ne!(t.feature_images(1), start2);
    assert_eq!(
        t.feature_images(0),
        after1,
        "layer 1 is frozen while layer 2 pretrains"
    );
    assert_eq!(t.unit_weights(1)[0].len(), 32);
}

#[test]
fn reconstructions_are_images() {
    let d = first_digits(300);
    let mut t = Pretrainer::new(
        &d,
        &PretrainConfig {
            test_size: 100,
            ..PretrainConfig::default()
        },
    );
    t.run(60);
    let r = t.reconstructions(&[0, 5]);
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].input, t.test_set().input(0));
    assert_eq!(r[0].image, r[0].layer_output, "layer 1 reconstructs pixels");
    assert_eq!(r[1].image.len(), 64);
    assert!(r[1].image.iter().all(|p| (0.0..=1.0).contains(p)));
    let err: f64 = r[0]
        .input
        .iter()
        .zip(&r[0].image)
        .map(|(a, b)| (a - b).abs())
        .sum::<f64>()
        / 64.0;
    assert!(err < 0.25, "mean pixel error {err}");
    t.advance();
    t.run(20);
    let r = t.reconstructions(&[0]);
    assert_eq!(r[0].layer_input.len(), 32);
    assert_eq!(r[0].layer_output.len(), 32);
    assert_eq!(r[0].image.len(), 64, "decoded back down to pixels");
}

#[test]
fn deepest_codes_are_projected_with_their_labels() {
    let d = first_digits(300);
    let mut t = Pretrainer::new(
        &d,
        &PretrainConfig {
            test_size: 100,
            ..PretrainConfig::default()
        },
    );
    t.run(50);
    t.advance();
    t.run(50);
    let p = t.projection(2);
    assert_eq!(p.points.len(), 100);
    assert_eq!(p.components[0].len(), 16);
    let labels: Vec<usize> = p.points.iter().map(|q| q.label).collect();
    assert_eq!(labels, t.test_set().labels);
    assert!(p.variances[0] >= p.variances[1] && p.variances[1] > 0.0);
    assert_eq!(t.baseline_projection(2).points.len(), 100);
}

#[test]
fn two_d_datasets_train_too() {
    use crate::dataset::{Dataset, DatasetConfig, DatasetKind};
    let data = Dataset::generate(&DatasetConfig {
        kind: DatasetKind::Gaussians,
        samples: 200,
        ..DatasetConfig::default()
    });
    let ex = Examples::from_points(&data.train);
    let config = PretrainConfig {
        hidden: vec![6, 3],
        test_size: 40,
        labels_per_class: 20,
        ..PretrainConfig::default()
    };
    let mut t = Pretrainer::new(&ex, &config);
    t.run(100);
    t.advance();
    t.run(100);
    t.advance();
    t.run(200);
    let e = t.evaluate();
    assert_eq!(t.labels_used(), 40);
    assert!(e.pretrained_accuracy > 0.9, "{e:?}");
    assert!(t.feature_images(1).iter().all(|f| f.len() == 2));
}

#[test]
fn fine_tuning_moves_both_nets_on_the_same_batches() {
    let d = first_digits(200);
    let config = PretrainConfig {
        hidden: vec![],
        test_size: 50,
        ..PretrainConfig::default()
    };
    let mut t = Pretrainer::new(&d, &config);
    assert_eq!(
        t.phase(),
        Phase::FineTune,
        "no hidden layers: nothing to pretrain"
    );
    let r = t.step();
    assert_eq!(
        r.baseline_loss,
        Some(r.loss),
        "with nothing pretrained the two nets are one"
    );
    t.run(30);
    assert_eq!(t.net(), t.baseline());
    let losses = t.fine_tune_losses();
    assert!(losses.last() < losses.first(), "{losses:?}");
}

//! The network learns what the lecture says it can: XOR, the car example, the hand-built car net.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

/// Trains until every training point is right; returns the epochs it took.
fn epochs_to_fit(
    kind: DatasetKind,
    config: &MlpConfig,
    train: &TrainConfig,
    max_epochs: usize,
) -> Option<usize> {
    let data = Dataset::generate(&DatasetConfig {
        kind,
        seed: 2,
        ..Default::default()
    });
    let samples = Samples::new(&FeatureSet::raw(), &data.train);
    let mut net = Mlp::new(config);
    let mut rng = Rng::seeded(3);
    (1..=max_epochs).find(|_| {
        net.train_epoch(&samples, train, &mut rng).unwrap();
        net.metrics(&samples).accuracy == 1.0
    })
}

#[test]
fn learns_xor_perfectly() {
    let epochs = epochs_to_fit(
        DatasetKind::Xor,
        &MlpConfig::default(),
        &TrainConfig::default(),
        300,
    );
    assert!(epochs.is_some(), "XOR not learned in 300 epochs");
}

#[test]
fn learns_the_car_example_perfectly() {
    let config = MlpConfig {
        hidden: vec![LayerConfig {
            units: 4,
            activation: Activation::Tanh,
        }],
        ..MlpConfig::default()
    };
    let epochs = epochs_to_fit(DatasetKind::Car, &config, &TrainConfig::default(), 300);
    assert!(epochs.is_some(), "car example not learned in 300 epochs");
}

#[test]
fn the_lectures_hand_built_car_network_classifies_its_table() {
    // Φ(x) = [1, x1, x2]; h1 = sign(v1·Φ), h2 = sign(v2·Φ) with v1 = [−1, 1, −1],
    // v2 = [−1, −1, 1]; the output adds w = [1, 1] and a bias 1 (sign gives ±1 where the
    // lecture's indicators give 0/1).
    let features = FeatureSet::named(&[Named::One, Named::X1, Named::X2]);
    let mut net = Mlp::new(&MlpConfig {
        inputs: 3,
        hidden: vec![LayerConfig {
            units: 2,
            activation: Activation::Sign,
        }],
        output_activation: Activation::Sign,
        loss: Loss::Hinge,
        bias: true,
        seed: 0,
    });
    for (from, (a, b)) in [(-1.0, -1.0), (1.0, -1.0), (-1.0, 1.0)]
        .into_iter()
        .enumerate()
    {
        net.set_weight(0, 0, from, a);
        net.set_weight(0, 1, from, b);
    }
    net.set_weight(1, 0, 0, 1.0);
    net.set_weight(1, 0, 1, 1.0);
    assert!(net.set_bias(1, 0, 1.0));
    let samples = Samples::new(&features, &car_table());
    assert_eq!(net.metrics(&samples).accuracy, 1.0);
    let probe = net.probe(&features, 3.0, 1.0);
    assert_eq!(probe.phi, vec![1.0, 3.0, 1.0]);
    assert_eq!(
        probe.layers,
        vec![vec![1.0, -1.0], vec![1.0]],
        "h1 fires, h2 does not"
    );
    assert_eq!((probe.score, probe.label), (1.0, 1.0));
}

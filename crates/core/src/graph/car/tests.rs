//! Tests of the car network: the lecture's table, gradients against finite differences and
//! PyTorch, stepping, training, and the plain-data views.

use super::*;
use crate::gradcheck::relative_error;
use crate::graph::{NodeKind, Phase};
#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

/// The network with the optional output bias `w0` switched on.
fn with_bias(loss: Loss) -> CarNetConfig {
    CarNetConfig {
        loss,
        output_bias: true,
        ..CarNetConfig::default()
    }
}

/// The default network is the lecture's: no bias node, eight parameters, and the hand
/// solution's hidden units reproduce the table's h1, h2 columns.
#[test]
fn the_default_network_is_the_lectures() {
    let net = CarNet::new(CarNetConfig::default());
    assert!(!net.config().output_bias);
    assert_eq!(net.graph.index_of("w0"), None);
    assert_eq!(net.graph.parameters().len(), 8);
    assert_eq!(net.weights().w, [0.0, 1.0, 1.0]);
    assert_eq!(net.sharpness(), TEXTBOOK_SHARPNESS);
    assert_eq!(
        net.weights(),
        CarWeights {
            v1: [-1.0, 1.0, -1.0],
            v2: [-1.0, -1.0, 1.0],
            w: [0.0, 1.0, 1.0],
        }
    );
    // The lecture's table, cell by cell: h1, h2 and y (0 = not safe).
    let expected = [(1.0, 0.0, 1.0), (0.0, 1.0, 1.0), (0.0, 0.0, 0.0)];
    for (e, (h1, h2, y)) in CarExample::lecture_table().iter().zip(expected) {
        let out = net.predict(e.x[0], e.x[1]);
        assert!(
            (out.h1 - h1).abs() < 0.007 && (out.h2 - h2).abs() < 0.007,
            "{:?}: {out:?}",
            e.x
        );
        assert!((out.score - (out.h1 + out.h2)).abs() < 1e-15);
        assert_eq!(net.output_at(e.x[0], e.x[1]), y, "{:?}", e.x);
        assert_eq!(net.config().targets().of(e.y), y, "{:?}", e.x);
    }
    assert_eq!(net.accuracy(&CarExample::lecture_table()), 1.0);
}

/// The sharpness k scales what the hidden units see: σ(k·v·Φ), with the local
/// derivative k·h(1 − h) on the edge.
#[test]
fn sharpness_scales_the_hidden_units() {
    let mut net = CarNet::new(CarNetConfig::default());
    net.set_sharpness(1.0);
    let out = net.predict(3.0, 1.0);
    let sigma = |z: f64| 1.0 / (1.0 + (-z).exp());
    assert!((out.h1 - sigma(1.0)).abs() < 1e-15 && (out.h2 - sigma(-3.0)).abs() < 1e-15);
    net.set_sharpness(4.0);
    net.graph.run();
    let h1 = net.graph.expect_index("h1");
    let node = net.graph.node(h1);
    let h = sigma(4.0);
    assert!((node.value.unwrap() - h).abs() < 1e-15);
    assert!((node.local[0] - 4.0 * h * (1.0 - h)).abs() < 1e-15);
}

/// With the bias, for every loss, the textbook weights reproduce the lecture's table: h1,
/// h2 rounded, and the label (w0 = −1/2 for the ±1 labels of the margin losses).
#[test]
fn textbook_solution_reproduces_the_table() {
    for loss in Loss::ALL {
        let net = CarNet::new(with_bias(loss));
        let expected = [(1.0, 0.0), (0.0, 1.0), (0.0, 0.0)];
        for (e, (h1, h2)) in CarExample::lecture_table().iter().zip(expected) {
            let out = net.predict(e.x[0], e.x[1]);
            assert_eq!(
                (out.h1.round(), out.h2.round()),
                (h1, h2),
                "{:?}: {out:?}",
                e.x
            );
            assert_eq!(out.label(), e.y, "{loss:?} {:?}", e.x);
        }
        let w0 = if loss == Loss::Squared { 0.0 } else { -0.5 };
        assert_eq!(net.weights().w, [w0, 1.0, 1.0]);
        assert_eq!(net.weights(), CarWeights::textbook(&net.config()));
    }
}

/// Every parameter's backpropagated gradient equals central differences, for each loss.
#[test]
fn gradients_match_finite_differences() {
    for loss in Loss::ALL {
        for output_bias in [true, false] {
            let mut net = CarNet::new(CarNetConfig {
                loss,
                output_bias,
                ..CarNetConfig::default()
            });
            for seed in 0..5 {
                net.randomize(seed);
                // Plain σ and a sharper one (tiny gradients at k = 10 sit below the check's floor).
                net.set_sharpness(if seed % 2 == 0 { 1.0 } else { 2.5 });
                for e in CarExample::lecture_table() {
                    net.set_example(&e);
                    net.graph.run();
                    let bp = net.graph.parameter_gradients().expect("backward done");
                    let fd = net.graph.numerical_gradient();
                    for (k, (a, b)) in bp.iter().zip(&fd).enumerate() {
                        assert!(
                            relative_error(*a, *b, 1e-4) < 1e-6,
                            "{loss:?} bias {output_bias} seed {seed} param {k}: {a} vs {b}"
                        );
                    }
                }
            }
        }
    }
}

// Reference gradients from PyTorch autograd, same weights and example:
//   import torch
//   t = lambda v: torch.tensor(v, dtype=torch.float64, requires_grad=True)
//   for loss in ["squared", "hinge", "logistic"]:
//       v1, v2, w = t([0.3, -0.8, 0.5]), t([-0.4, 0.6, 0.2]), t([0.1, 1.2, -0.9])
//       x1, x2, y = 2.0, 0.5, -1.0
//       phi = torch.tensor([1.0, x1, x2], dtype=torch.float64)
//       h1, h2 = torch.sigmoid(v1 @ phi), torch.sigmoid(v2 @ phi)
//       s = w[0] + w[1] * h1 + w[2] * h2
//       l = {"squared": (s - y) ** 2,
//            "hinge": torch.clamp(1 - s * y, min=0),
//            "logistic": torch.nn.functional.softplus(-s * y)}[loss]
//       l.backward()
//       print(loss, repr(l.item()), [repr(g) for p in (v1, v2, w) for g in p.grad.tolist()])
const TORCH_LOSS: [f64; 3] = [0.5947734532801912, 0.7712155686189116, 0.5852835346056721];
const TORCH_GRAD: [[f64; 9]; 3] = [
    [
        0.3554269378584241,
        0.7108538757168482,
        0.17771346892921205,
        -0.2852730654809847,
        -0.5705461309619694,
        -0.14263653274049234,
        1.5424311372378232,
        0.3998368670550596,
        1.0965906498525495,
    ],
    [
        0.2304329375085883,
        0.4608658750171766,
        0.11521646875429414,
        -0.18495027660803715,
        -0.3699005532160743,
        -0.09247513830401857,
        1.0,
        0.259225100817846,
        0.7109495026250039,
    ],
    [
        0.10209379101644808,
        0.20418758203289616,
        0.05104689550822404,
        -0.0819426037467038,
        -0.1638852074934076,
        -0.0409713018733519,
        0.44305207458739715,
        0.11485021870247385,
        0.3149876520648861,
    ],
];

#[test]
fn gradients_match_pytorch() {
    for (k, loss) in Loss::ALL.into_iter().enumerate() {
        let mut net = CarNet::new(with_bias(loss));
        net.set_weights(&CarWeights {
            v1: [0.3, -0.8, 0.5],
            v2: [-0.4, 0.6, 0.2],
            w: [0.1, 1.2, -0.9],
        });
        net.set_sharpness(1.0);
        net.set_example(&CarExample {
            x: [2.0, 0.5],
            y: -1.0,
        });
        net.graph.set_leaf(net.y, -1.0); // the reference's y, whatever the loss's targets
        let l = net.graph.run();
        assert!(
            (l - TORCH_LOSS[k]).abs() < 1e-12,
            "{loss:?}: {l} vs {}",
            TORCH_LOSS[k]
        );
        let grads = net.graph.parameter_gradients().expect("backward done");
        for (i, (a, b)) in grads.iter().zip(&TORCH_GRAD[k]).enumerate() {
            assert!(
                relative_error(*a, *b, 1e-12) < 1e-10,
                "{loss:?} param {i}: {a} vs {b}"
            );
        }
    }
}

/// Stepping visits children before parents going up and parents before children going
/// down, and ends exactly where the all-at-once pass ends.
#[test]
fn stepping_is_topological_and_matches_run() {
    for loss in Loss::ALL {
        let mut net = CarNet::new(CarNetConfig {
            loss,
            ..CarNetConfig::default()
        });
        net.randomize(7);
        net.set_example(&CarExample {
            x: [1.0, 0.5],
            y: -1.0,
        });
        let mut stepped = net.graph.clone();
        let mut forward_done = vec![false; stepped.len()];
        let mut backward_done = vec![false; stepped.len()];
        loop {
            let before = stepped.phase();
            let Some(i) = stepped.step() else { break };
            if !matches!(before, Phase::Backward { .. }) {
                assert!(
                    !forward_done[i],
                    "{loss:?}: node {i} computed forward twice"
                );
                for c in stepped.node(i).children() {
                    assert!(forward_done[c], "{loss:?}: node {i} before its child {c}");
                }
                assert!(stepped.node(i).value.is_some());
                forward_done[i] = true;
            } else {
                assert!(
                    forward_done.iter().all(|d| *d),
                    "backward before forward finished"
                );
                for &(p, _) in stepped.parents(i) {
                    assert!(backward_done[p], "{loss:?}: node {i} before its parent {p}");
                }
                assert!(stepped.node(i).grad.is_some());
                backward_done[i] = true;
            }
        }
        assert!(backward_done.iter().all(|d| *d));
        assert_eq!(stepped.phase(), Phase::Done);
        net.graph.run();
        // Same forward values and edge derivatives; gradients summed over several
        // parents in another order may differ in the last bit.
        for (a, b) in stepped.nodes().iter().zip(net.graph.nodes()) {
            assert_eq!(
                (a.value, &a.local),
                (b.value, &b.local),
                "{loss:?} {}",
                a.label
            );
            let (ga, gb) = (a.grad.expect("stepped"), b.grad.expect("run"));
            assert!(
                relative_error(ga, gb, 1e-12) < 1e-12,
                "{loss:?} {}: {ga} vs {gb}",
                a.label
            );
        }
        // The screen's edge list is complete once the pass is done.
        assert!(stepped.edges().iter().all(|e| e.local.is_some()));
    }
}

/// With the bias, from a seeded random start, online SGD learns to tell safe from dangerous on every
/// point of a dense grid (away from a thin band at the boundary) and on the table.
/// (Seed 1 finds the mirrored solution: both units fire in the danger band, w ≈ [3, −2, −2].)
#[test]
fn training_classifies_the_grid_and_the_table() {
    let grid = CarExample::grid(41, -1.0, 4.0, 0.15);
    let table = CarExample::lecture_table();
    for loss in Loss::ALL {
        let mut net = CarNet::new(with_bias(loss));
        net.randomize(1);
        net.set_sharpness(1.0); // the plain σ one trains
        assert!(
            net.accuracy(&grid) < 0.9,
            "{loss:?}: the random start already solves it"
        );
        let before = net.mean_loss(&grid);
        let losses = net.train(
            &grid,
            &TrainConfig {
                learning_rate: 0.1,
                epochs: 10,
                shuffle: true,
                seed: 1,
            },
        );
        assert_eq!(losses.len(), 10);
        assert!(
            losses[9] < 0.5 * before,
            "{loss:?}: {before} then {losses:?}"
        );
        let on_grid = net.accuracy(&grid);
        assert!(on_grid > 0.99, "{loss:?} on the grid: {on_grid}");
        assert_eq!(net.accuracy(&table), 1.0, "{loss:?} on the table");
    }
}

/// With the bias, the three examples of the lecture's table alone are learned from a
/// random start.
#[test]
fn training_on_the_table_alone() {
    let table = CarExample::lecture_table();
    for loss in Loss::ALL {
        let mut net = CarNet::new(with_bias(loss));
        net.randomize(1);
        net.set_sharpness(1.0); // the plain σ one trains
        let losses = net.train(
            &table,
            &TrainConfig {
                learning_rate: 0.5,
                epochs: 200,
                shuffle: true,
                seed: 1,
            },
        );
        assert!(losses[199] < 0.05, "{loss:?}: {:?}", losses.last());
        assert_eq!(net.accuracy(&table), 1.0, "{loss:?}");
    }
}

/// Without the output bias, the lecture's exact network learns the grid with the lecture's
/// labels (1 safe, 0 not safe: squared loss), but cannot with the margin losses' ±1 labels:
/// `w1 h1 + w2 h2` cannot put the danger band below zero and the safe sides above it.
#[test]
fn without_bias_only_the_lectures_labels_are_learned() {
    let grid = CarExample::grid(41, -1.0, 4.0, 0.15);
    for loss in Loss::ALL {
        let mut net = CarNet::new(CarNetConfig {
            loss,
            output_bias: false,
            ..CarNetConfig::default()
        });
        net.randomize(1);
        net.set_sharpness(1.0); // the plain σ one trains
        net.train(
            &grid,
            &TrainConfig {
                learning_rate: 0.1,
                epochs: 10,
                shuffle: true,
                seed: 1,
            },
        );
        let accuracy = net.accuracy(&grid);
        if loss == Loss::Squared {
            assert!(accuracy > 0.99, "{loss:?}: {accuracy}");
        } else {
            assert!(accuracy < 0.9, "{loss:?}: {accuracy}");
        }
    }
}

#[test]
fn nodes_have_names_kinds_and_layers() {
    let net = CarNet::new(with_bias(Loss::Hinge));
    let g = &net.graph;
    let kind = |l: &str| g.node(g.expect_index(l)).kind();
    assert_eq!(kind("x1"), NodeKind::Input);
    assert_eq!(kind("v1[0]"), NodeKind::Parameter);
    assert_eq!(kind("1"), NodeKind::Constant);
    assert_eq!(kind("h1"), NodeKind::Operation);
    let layer = |l: &str| g.node(g.expect_index(l)).layer;
    assert_eq!(
        [
            layer("x2"),
            layer("v2·Φ"),
            layer("h2"),
            layer("score"),
            layer("margin"),
            layer("loss")
        ],
        [0, 1, 2, 3, 4, 5]
    );
    assert_eq!(g.root(), g.expect_index("loss"));
    assert_eq!(
        g.parameter_labels(),
        [
            "v1[0]", "v1[1]", "v1[2]", "v2[0]", "v2[1]", "v2[2]", "w0", "w1", "w2"
        ]
    );
}

#[test]
fn weights_round_trip_without_bias() {
    let mut net = CarNet::new(CarNetConfig {
        output_bias: false,
        ..CarNetConfig::default()
    });
    let w = CarWeights {
        v1: [1.0, 2.0, 3.0],
        v2: [4.0, 5.0, 6.0],
        w: [0.0, 7.0, 8.0],
    };
    net.set_weights(&w);
    assert_eq!(net.weights(), w);
    assert_eq!(net.graph.parameters().len(), 8);
}

#[test]
fn grid_labels_follow_the_distance_rule() {
    let grid = CarExample::grid(41, -1.0, 4.0, 0.15);
    assert!(grid.len() > 1200 && grid.len() < 41 * 41, "{}", grid.len());
    assert!(grid.iter().any(|e| e.y == 1.0) && grid.iter().any(|e| e.y == -1.0));
    assert_eq!(CarExample::labelled(3.0, 1.0).y, 1.0);
    assert_eq!(CarExample::labelled(1.0, 0.5).y, -1.0);
    assert_eq!(CarExample::labelled(0.0, 1.0).y, 1.0);
}

#[test]
fn plane_is_row_major_over_x2() {
    let net = CarNet::new(CarNetConfig::default());
    let plane = net.plane(0.0, 4.0, 5);
    assert_eq!(plane.len(), 25);
    // col 3, row 1: x1 = 3, x2 = 1 → h1 fires.
    assert_eq!(plane[5 + 3], net.predict(3.0, 1.0));
    assert!(plane[5 + 3].h1 > 0.99 && plane[5 + 3].h2 < 0.01);
}

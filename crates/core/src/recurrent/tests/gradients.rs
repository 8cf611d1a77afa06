//! Backpropagation through time against central differences: every parameter's gradient
//! for every variant, and the per-step norms `‖∂loss/∂h_t‖`, `‖∂loss/∂C_t‖`, `‖∂loss/∂x_t‖`.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;
use crate::gradcheck::{gradient, relative_error};

#[test]
fn backprop_through_time_matches_finite_differences_for_every_variant() {
    // In f64: the same generic code the playground runs in f32.
    for (output, last_only) in [(Output::Classes, false), (Output::Values, true)] {
        let sequence = check_sequence(output, last_only);
        for config in every_config(output) {
            let model = Model::<f64>::new(config);
            let analytic = model.backprop(&sequence);
            let numeric = gradient(
                |p| {
                    let mut probe = model.clone();
                    probe.set_parameters(p);
                    probe.loss(&sequence)
                },
                &model.parameters(),
            );
            assert_eq!(analytic.gradients.len(), numeric.len());
            for (k, (a, n)) in analytic.gradients.iter().zip(&numeric).enumerate() {
                // Central differences in f64 are accurate to about 1e-10 absolute here.
                let err = relative_error(*a, *n, 1e-5);
                assert!(
                    err < 1e-4,
                    "{:?} {:?}: parameter {k}: {a} vs {n}",
                    config.variant,
                    output
                );
            }
            assert!((analytic.loss - model.loss(&sequence)).abs() < 1e-12);
        }
    }
}

fn lstm_hidden_from_cell(l: &Lstm<f64>, c: &[f64], h_prev: &[f64], x: &[f64]) -> Vec<f64> {
    let (w, b) = (
        l.params.values_of(BlockId::OutputWeights),
        l.params.values_of(BlockId::OutputBias),
    );
    let z: Vec<f64> = if l.config.peepholes.output {
        c.iter().chain(h_prev).chain(x).copied().collect()
    } else {
        h_prev.iter().chain(x).copied().collect()
    };
    (0..H)
        .map(|j| {
            sigmoid(crate::recurrent::real::dot(&w[j * z.len()..(j + 1) * z.len()], &z) + b[j])
                * c[j].tanh()
        })
        .collect()
}

/// `loss = Σ_t w_t·h_t` with the state perturbed right after step `t0`: the derivative
/// of the loss with respect to `h_{t0}` (or `C_{t0}`) by central differences.
fn perturbed_norm(
    cell: &Cell<f64>,
    inputs: &[Vec<f64>],
    weights: &[f64],
    t0: usize,
    perturb_cell: bool,
) -> f64 {
    let head = cell.seq(&inputs[..=t0], None);
    let base = State {
        hidden: head.last_hidden().to_vec(),
        cell: if cell.has_cell_state() {
            head.previous_cell(t0 + 1).to_vec()
        } else {
            Vec::new()
        },
    };
    let loss = |state: &State<f64>| {
        let mut total: f64 = (0..t0)
            .map(|t| {
                crate::recurrent::real::dot(
                    head.quantity(QuantityName::Hidden).at(t),
                    &weights[t * H..(t + 1) * H],
                )
            })
            .sum();
        total += crate::recurrent::real::dot(&state.hidden, &weights[t0 * H..(t0 + 1) * H]);
        let tail = cell.seq(&inputs[t0 + 1..], Some(state));
        for t in 0..tail.steps {
            let w = &weights[(t0 + 1 + t) * H..(t0 + 2 + t) * H];
            total += crate::recurrent::real::dot(tail.quantity(QuantityName::Hidden).at(t), w);
        }
        total
    };
    let d: Vec<f64> = (0..H)
        .map(|j| {
            crate::gradcheck::derivative(
                |v| {
                    let mut s = base.clone();
                    if perturb_cell {
                        // h_t = o_t * tanh(C_t) moves with C_t (o_t too, if it peeps).
                        s.cell[j] = v;
                        if let Cell::Lstm(l) = cell {
                            s.hidden = lstm_hidden_from_cell(
                                l,
                                &s.cell,
                                head.previous_hidden(t0),
                                &inputs[t0],
                            );
                        }
                    } else {
                        s.hidden[j] = v;
                    }
                    loss(&s)
                },
                if perturb_cell {
                    base.cell[j]
                } else {
                    base.hidden[j]
                },
            )
        })
        .collect();
    d.iter().map(|v| v * v).sum::<f64>().sqrt()
}

#[test]
fn gradient_flow_norms_match_finite_differences() {
    let inputs = reference_inputs::<f64>();
    #[allow(clippy::cast_precision_loss)]
    let weights: Vec<f64> = (0..T * H).map(|k| (0.77 * k as f64).cos()).collect();
    let cells = [
        Cell::Rnn(rnn(Activation::Tanh)),
        Cell::Lstm(lstm(LstmConfig {
            peepholes: Peepholes::ALL,
            ..LstmConfig::default()
        })),
        Cell::Lstm(lstm(LstmConfig {
            coupled: true,
            ..LstmConfig::default()
        })),
        Cell::Gru(gru(GruForm::Lecture)),
        Cell::Gru(gru(GruForm::PyTorch)),
    ];
    for cell in cells {
        let trace = cell.seq(&inputs, None);
        let mut grads = vec![0.0; cell.params().len()];
        let flow = cell.backward(&trace, &weights, &mut grads);
        for t0 in 0..T - 1 {
            let want = perturbed_norm(&cell, &inputs, &weights, t0, false);
            assert!(
                relative_error(flow.hidden[t0], want, 1e-8) < 1e-6,
                "‖∂L/∂h_{t0}‖ {} vs {want}",
                flow.hidden[t0]
            );
            if cell.has_cell_state() {
                let want = perturbed_norm(&cell, &inputs, &weights, t0, true);
                assert!(
                    relative_error(flow.cell[t0], want, 1e-8) < 1e-6,
                    "‖∂L/∂C_{t0}‖ {} vs {want}",
                    flow.cell[t0]
                );
            }
        }
        // ‖∂L/∂x_t‖ against differences on the inputs.
        for t0 in 0..T {
            let numeric = gradient(
                |x| {
                    let mut probe = inputs.clone();
                    probe[t0] = x.to_vec();
                    let tr = cell.seq(&probe, None);
                    crate::recurrent::real::dot(&tr.quantity(QuantityName::Hidden).values, &weights)
                },
                &inputs[t0],
            );
            let want = numeric.iter().map(|v| v * v).sum::<f64>().sqrt();
            assert!(
                relative_error(flow.input[t0], want, 1e-8) < 1e-6,
                "‖∂L/∂x_{t0}‖ {} vs {want}",
                flow.input[t0]
            );
        }
    }
}

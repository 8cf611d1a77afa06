//! The equations a screen writes out, with their numbers filled in, give back the trace.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

fn evaluate_line(line: &EquationLine<f64>) -> f64 {
    match &line.terms {
        Terms::Affine {
            activation,
            weights,
            inputs,
            bias,
            extra,
            pre_activation,
            ..
        } => {
            let a =
                crate::recurrent::real::dot(weights, inputs) + bias + extra.map_or(0.0, |e| e.1);
            assert!(
                (a - pre_activation).abs() < 1e-12,
                "{}: pre-activation",
                line.formula
            );
            activation.value(a)
        }
        Terms::Combination { operands } => {
            let v: Vec<f64> = operands.iter().map(|o| o.1).collect();
            match line.formula {
                "i_t = 1 − f_t" => 1.0 - v[0],
                "C_t = f_t * C_{t−1} + i_t * C̃_t" => v[0] * v[1] + v[2] * v[3],
                "C_t = f_t * C_{t−1} + (1 − f_t) * C̃_t" => v[0] * v[1] + (1.0 - v[2]) * v[3],
                "h_t = o_t * tanh(C_t)" => v[0] * v[1].tanh(),
                "h_t = (1 − z_t) * h_{t−1} + z_t * h̃_t" => (1.0 - v[0]) * v[1] + v[2] * v[3],
                "h_t = (1 − z_t) * h̃_t + z_t * h_{t−1}" => (1.0 - v[0]) * v[1] + v[2] * v[3],
                other => panic!("unknown formula {other}"),
            }
        }
    }
}

#[test]
fn equations_with_numbers_filled_in_reproduce_the_trace() {
    let sequence = check_sequence(Output::Classes, false);
    for config in every_config(Output::Classes) {
        let model = Model::<f64>::new(config);
        let trace = model.forward(&sequence.inputs);
        for (t, unit) in [(0, 0), (3, 2), (T - 1, H - 1)] {
            let lines = model.equations(&trace, t, unit);
            for line in &lines {
                let value = trace.quantity(line.quantity).value(t, unit);
                assert!((line.value - value).abs() < 1e-15, "{}", line.formula);
                assert!(
                    (evaluate_line(line) - value).abs() < 1e-12,
                    "{:?}: {} at t = {t}",
                    config.variant,
                    line.formula
                );
            }
            let names: Vec<QuantityName> = lines.iter().map(|l| l.quantity).collect();
            assert_eq!(
                names,
                config.variant.quantities(),
                "one line per quantity, in display order"
            );
        }
    }
}

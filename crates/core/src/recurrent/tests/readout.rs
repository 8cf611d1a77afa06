//! The readout: a model built from given weights computes `y_t = V h_t + c` with `V`
//! read row-major, and its answer and score are read off a forward pass.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

/// Two units that copy the two inputs through tanh: `h_t = tanh(x_t)`.
fn copying_rnn() -> Cell<f64> {
    Cell::Rnn(Rnn::from_blocks(
        2,
        2,
        RnnConfig::default(),
        &[
            (BlockId::Weights, &[0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0]),
            (BlockId::Bias, &[0.0, 0.0]),
        ],
    ))
}

#[test]
fn from_weights_reads_v_row_major_as_outputs_times_units() {
    // V = [[1, 2], [3, 4], [-1, 0]], c = [0.5, 0, -0.25].
    let v = [1.0, 2.0, 3.0, 4.0, -1.0, 0.0];
    let model = Model::from_weights(copying_rnn(), Output::Values, &v, &[0.5, 0.0, -0.25]);
    let trace = model.forward(&[vec![0.5, -1.0]]);
    let (a, b) = (0.5f64.tanh(), (-1.0f64).tanh());
    let y = trace.quantity(QuantityName::Logits).at(0);
    let want = [a + 2.0 * b + 0.5, 3.0 * a + 4.0 * b, -a - 0.25];
    for (k, (got, want)) in y.iter().zip(want).enumerate() {
        assert!((got - want).abs() < 1e-12, "y[{k}]: {got} vs {want}");
    }
    assert_eq!(model.readout.values_of(BlockId::ReadoutWeights), v);
    assert_eq!((model.config.output_size, model.config.hidden_size), (3, 2));
}

#[test]
fn from_weights_of_a_models_own_parts_is_the_same_model() {
    for config in every_config(Output::Classes) {
        let original = Model::<f64>::new(config);
        let rebuilt = Model::from_weights(
            original.cell.clone(),
            config.output,
            original.readout.values_of(BlockId::ReadoutWeights),
            original.readout.values_of(BlockId::ReadoutBias),
        );
        let inputs = check_sequence(Output::Classes, false).inputs;
        assert_eq!(rebuilt.forward(&inputs), original.forward(&inputs));
        assert_eq!(rebuilt.config.variant, config.variant, "{config:?}");
        assert_eq!(rebuilt.parameters(), original.parameters());
    }
}

#[test]
#[should_panic(expected = "the readout V must be 3 × 2")]
fn from_weights_refuses_a_v_of_the_wrong_shape() {
    let _ = Model::from_weights(copying_rnn(), Output::Values, &[1.0; 4], &[0.0; 3]);
}

#[test]
fn argmax_takes_the_first_of_equal_largest_values() {
    assert_eq!(argmax(&[0.1, 0.7, 0.2]), 1);
    assert_eq!(argmax(&[0.4, 0.1, 0.4]), 0);
    assert_eq!(argmax(&[-3.0, -1.0]), 1);
    assert_eq!(argmax::<f32>(&[]), 0);
}

#[test]
fn a_symbol_model_predicts_its_likeliest_symbol_and_scores_it() {
    // y = V h: output 0 follows x_0, output 1 follows x_1.
    let v = [1.0, 0.0, 0.0, 1.0];
    let model = Model::from_weights(copying_rnn(), Output::Classes, &v, &[0.0, 0.0]);
    let sequence = Sequence {
        inputs: vec![vec![1.0, 0.0], vec![0.0, 1.0], vec![1.0, 0.0]],
        targets: vec![Some(Target::Class(0)), None, Some(Target::Class(1))],
    };
    let trace = model.forward(&sequence.inputs);
    let p = 1.0 / (1.0 + (-1f64.tanh()).exp()); // softmax of (tanh 1, 0)
    let Some(Prediction::Class { class, probability }) = Prediction::read(&trace, 1) else {
        panic!("a symbol model predicts a symbol");
    };
    assert_eq!(class, 1);
    assert!((probability - p).abs() < 1e-12);
    let first = Prediction::read(&trace, 0).expect("step 0");
    assert_eq!(first.hits(&Target::Class(0)), Some(true));
    assert_eq!(first.hits(&Target::Class(1)), Some(false));
    assert_eq!(model.count_right(&sequence, &trace), (1, 2));
    assert_eq!(Prediction::read(&trace, 3), None, "past the end");
}

#[test]
fn a_value_model_predicts_its_outputs_and_is_never_scored() {
    let model = Model::from_weights(copying_rnn(), Output::Values, &[1.0, 1.0], &[0.0]);
    let sequence = Sequence {
        inputs: vec![vec![0.5, 0.5]],
        targets: vec![Some(Target::Values(vec![1.0]))],
    };
    let trace = model.forward(&sequence.inputs);
    let prediction = Prediction::read(&trace, 0).expect("step 0");
    assert_eq!(prediction, Prediction::Values(vec![2.0 * 0.5f64.tanh()]));
    assert_eq!(prediction.hits(&Target::Values(vec![1.0])), None);
    assert_eq!(model.count_right(&sequence, &trace), (0, 0));
    let bare = model.cell.seq(&[vec![0.5, 0.5]], None);
    assert_eq!(
        Prediction::read(&bare, 0),
        None,
        "a cell alone has no readout"
    );
}

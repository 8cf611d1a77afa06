//! The cells against PyTorch (`torch.nn.LSTM`, `nn.GRU`, `nn.RNN`) and NumPy (the
//! peephole and coupled LSTMs, the lecture's GRU). The numbers are in
//! `fixtures/reference.txt`, made by the script `fixtures/reference.py` beside it.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

#[test]
fn lstm_matches_torch_nn_lstm() {
    let trace = lstm(LstmConfig {
        forget_bias: 0.0,
        ..LstmConfig::default()
    })
    .seq(&reference_inputs(), Some(&reference_state(true)));
    assert_close(
        &trace.quantity(QuantityName::Hidden).values,
        &reference("TORCH_LSTM_H"),
        "h",
    );
    assert_close(
        trace.previous_cell(T),
        &reference("TORCH_LSTM_C_LAST"),
        "C_T",
    );
}

#[test]
fn peephole_lstm_matches_numpy() {
    let trace = lstm(LstmConfig {
        peepholes: Peepholes::ALL,
        ..LstmConfig::default()
    })
    .seq(&reference_inputs(), Some(&reference_state(true)));
    assert_close(
        &trace.quantity(QuantityName::Hidden).values,
        &reference("NUMPY_PEEPHOLE_H"),
        "h",
    );
    assert_close(
        &trace.quantity(QuantityName::Cell).values,
        &reference("NUMPY_PEEPHOLE_C"),
        "C",
    );
    let only_output = Peepholes {
        output: true,
        ..Peepholes::NONE
    };
    let trace = lstm(LstmConfig {
        peepholes: only_output,
        ..LstmConfig::default()
    })
    .seq(&reference_inputs(), Some(&reference_state(true)));
    assert_close(
        &trace.quantity(QuantityName::Hidden).values,
        &reference("NUMPY_PEEPHOLE_O_H"),
        "h (output peephole)",
    );
}

#[test]
fn coupled_lstm_matches_numpy() {
    let trace = lstm(LstmConfig {
        coupled: true,
        ..LstmConfig::default()
    })
    .seq(&reference_inputs(), Some(&reference_state(true)));
    assert_close(
        &trace.quantity(QuantityName::Hidden).values,
        &reference("NUMPY_COUPLED_H"),
        "h",
    );
    assert_close(
        &trace.quantity(QuantityName::Cell).values,
        &reference("NUMPY_COUPLED_C"),
        "C",
    );
    let (f, i) = (
        trace.quantity(QuantityName::Forget),
        trace.quantity(QuantityName::InputGate),
    );
    for (f, i) in f.values.iter().zip(&i.values) {
        assert!(
            (f + i - 1.0).abs() < 1e-12,
            "the coupled input gate is 1 − f"
        );
    }
}

#[test]
fn gru_lecture_form_matches_numpy() {
    let trace = gru(GruForm::Lecture).seq(&reference_inputs(), Some(&reference_state(false)));
    assert_close(
        &trace.quantity(QuantityName::Hidden).values,
        &reference("NUMPY_GRU_H"),
        "h",
    );
}

#[test]
fn gru_pytorch_form_matches_torch_nn_gru() {
    let trace = gru(GruForm::PyTorch).seq(&reference_inputs(), Some(&reference_state(false)));
    assert_close(
        &trace.quantity(QuantityName::Hidden).values,
        &reference("TORCH_GRU_H"),
        "h",
    );
}

#[test]
fn rnn_matches_torch_nn_rnn() {
    let trace = rnn(Activation::Tanh).seq(&reference_inputs(), Some(&reference_state(false)));
    assert_close(
        &trace.quantity(QuantityName::Hidden).values,
        &reference("TORCH_RNN_TANH_H"),
        "s (tanh)",
    );
    let trace = rnn(Activation::Relu).seq(&reference_inputs(), Some(&reference_state(false)));
    assert_close(
        &trace.quantity(QuantityName::Hidden).values,
        &reference("TORCH_RNN_RELU_H"),
        "s (ReLU)",
    );
}

#[test]
fn f32_cells_agree_with_f64() {
    let mut cell32 = Lstm::<f32>::new(
        I,
        H,
        LstmConfig {
            peepholes: Peepholes::ALL,
            ..LstmConfig::default()
        },
        &mut crate::rng::Rng::seeded(0),
    );
    patterned(&mut cell32.params, &LSTM_SEEDS);
    let trace32 = cell32.seq(&reference_inputs(), Some(&reference_state(true)));
    #[allow(clippy::cast_possible_truncation)]
    for (a, b) in trace32
        .quantity(QuantityName::Hidden)
        .values
        .iter()
        .zip(reference("NUMPY_PEEPHOLE_H"))
    {
        assert!((a - b as f32).abs() < 1e-5, "{a} vs {b}");
    }
}

#[test]
fn steps_chained_equal_the_sequence() {
    let inputs = reference_inputs::<f64>();
    let cells = [
        Cell::Rnn(rnn(Activation::Tanh)),
        Cell::Lstm(lstm(LstmConfig {
            peepholes: Peepholes::ALL,
            ..LstmConfig::default()
        })),
        Cell::Gru(gru(GruForm::Lecture)),
    ];
    for cell in cells {
        let initial = reference_state(cell.has_cell_state());
        let trace = cell.seq(&inputs, Some(&initial));
        let mut state = initial;
        for (t, x) in inputs.iter().enumerate() {
            state = cell.step(x, &state);
            assert_eq!(
                state.hidden,
                trace.quantity(QuantityName::Hidden).at(t),
                "h_{t}"
            );
        }
    }
}

#[test]
fn cells_built_from_given_blocks_equal_the_cells_they_were_read_from() {
    let original = gru(GruForm::PyTorch);
    let blocks: Vec<(BlockId, &[f64])> = original
        .params
        .blocks
        .iter()
        .map(|b| (b.id, &original.params.values[b.range()]))
        .collect();
    let rebuilt = Gru::from_blocks(
        I,
        H,
        GruConfig {
            form: GruForm::PyTorch,
        },
        &blocks,
    );
    assert_eq!(rebuilt, original);
}

#[test]
#[should_panic(expected = "must be 4 × 7")]
fn a_block_of_the_wrong_size_is_refused() {
    let w = vec![0.0_f64; H * (H + I) - 1];
    let b = vec![0.0_f64; H];
    Rnn::from_blocks(
        I,
        H,
        RnnConfig::default(),
        &[(BlockId::Weights, &w), (BlockId::Bias, &b)],
    );
}

//! The sequence run is built on the one-step function: stepping by hand, with one reused
//! record, gives exactly (bit for bit) every quantity of the trace.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;
use QuantityName as Q;

/// Asserts that `row` is exactly `quantity`'s row `t` of `trace`.
fn same(trace: &Trace<f64>, quantity: QuantityName, t: usize, row: &[f64]) {
    assert_eq!(
        trace.quantity(quantity).at(t),
        row,
        "{quantity:?} at t = {t}"
    );
}

/// Every cell of every gradient-checked configuration, with its initial state.
fn cells() -> Vec<(Cell<f64>, State<f64>)> {
    every_config(Output::Classes)
        .into_iter()
        .map(|config| {
            let cell = Model::<f64>::new(config).cell;
            let initial = reference_state(cell.has_cell_state());
            (cell, initial)
        })
        .collect()
}

#[test]
fn stepping_one_step_at_a_time_records_exactly_the_sequence_run() {
    let inputs = reference_inputs::<f64>();
    for (cell, initial) in cells() {
        let trace = cell.seq(&inputs, Some(&initial));
        let mut state = initial;
        match &cell {
            Cell::Lstm(lstm) => {
                let mut out = LstmStep::zeros(H);
                for (t, x) in inputs.iter().enumerate() {
                    lstm.step_into(x, &state, &mut out);
                    let (g, p) = (&out.gates, &out.pre);
                    same(&trace, Q::Forget, t, &g.forget);
                    same(&trace, Q::InputGate, t, &g.input);
                    same(&trace, Q::Candidate, t, &g.candidate);
                    same(&trace, Q::OutputGate, t, &g.output);
                    same(&trace, Q::Cell, t, &out.state.cell);
                    same(&trace, Q::PreForget, t, &p.forget);
                    same(&trace, Q::PreCandidate, t, &p.candidate);
                    same(&trace, Q::PreOutput, t, &p.output);
                    if !lstm.config.coupled {
                        same(&trace, Q::PreInput, t, &p.input);
                    }
                    state = out.state.clone();
                    same(&trace, Q::Hidden, t, &state.hidden);
                }
            }
            Cell::Gru(gru) => {
                let mut out = GruStep::zeros(H);
                for (t, x) in inputs.iter().enumerate() {
                    gru.step_into(x, &state, &mut out);
                    same(&trace, Q::Update, t, &out.update);
                    same(&trace, Q::Reset, t, &out.reset);
                    same(&trace, Q::Candidate, t, &out.candidate);
                    same(&trace, Q::PreUpdate, t, &out.pre_update);
                    same(&trace, Q::PreReset, t, &out.pre_reset);
                    same(&trace, Q::PreCandidate, t, &out.pre_candidate);
                    state = out.state.clone();
                    same(&trace, Q::Hidden, t, &state.hidden);
                }
            }
            Cell::Rnn(rnn) => {
                let mut out = RnnStep::zeros(H);
                for (t, x) in inputs.iter().enumerate() {
                    rnn.step_into(x, &state, &mut out);
                    same(&trace, Q::PreHidden, t, &out.pre);
                    state = out.state.clone();
                    same(&trace, Q::Hidden, t, &state.hidden);
                }
            }
        }
        assert_eq!(trace.last_hidden(), state.hidden, "{cell:?}");
    }
}

#[test]
fn the_state_only_step_chains_to_the_last_state_of_the_sequence_run() {
    let inputs = reference_inputs::<f64>();
    for (cell, initial) in cells() {
        let trace = cell.seq(&inputs, Some(&initial));
        let last = inputs.iter().fold(initial, |state, x| cell.step(x, &state));
        assert_eq!(trace.last_hidden(), last.hidden, "h_T of {cell:?}");
        if cell.has_cell_state() {
            assert_eq!(
                trace.previous_cell(trace.steps),
                last.cell,
                "C_T of {cell:?}"
            );
        }
    }
}

#[test]
fn an_empty_sequence_keeps_every_quantity_and_the_initial_state() {
    for (cell, initial) in cells() {
        let trace = cell.seq(&[], Some(&initial));
        assert_eq!(trace.steps, 0);
        assert_eq!(trace.last_hidden(), initial.hidden);
        assert_eq!(trace.quantity(Q::Input).units, I);
        assert_eq!(trace.quantity(Q::Hidden).units, H);
    }
}

//! Training as a user sees it: BPTT learns a memory, the GRU a noisy sine, the plain RNN's
//! gradient vanishes, Adam and clipping follow their formulas, and when a task counts as learnt.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

#[test]
fn every_variant_learns_a_short_memory_by_bptt() {
    // Remembering over 6 steps needs gradients through 6 steps: without BPTT every
    // variant would stay at chance (0.25).
    let task = Task::RememberFirst {
        length: 6,
        symbols: 4,
        distractors: 2,
    };
    // In the browser the LSTM alone: the same f32 training loop, a fifth of the time
    // (the gradients of every variant are checked there by finite differences).
    let variants: &[Variant] = if cfg!(target_family = "wasm") {
        &[Variant::Lstm]
    } else {
        &Variant::ALL
    };
    for &variant in variants {
        let result = trained(&task, variant, 8, 150, 2).evaluate(100, 7);
        assert!(
            result.accuracy.is_some_and(|a| a >= 0.9),
            "{variant:?}: {result:?}"
        );
    }
}

// Native only: 200 updates of a 20-step GRU prove nothing in the browser that the
// short-memory run above does not.
#[cfg(not(target_family = "wasm"))]
#[test]
fn gru_predicts_the_next_value_of_a_noisy_sine() {
    let task = Task::NoisySine {
        length: 20,
        noise: 0.05,
    };
    let untrained = trained(&task, Variant::Gru, 12, 0, 3).evaluate(50, 5);
    let result = trained(&task, Variant::Gru, 12, 200, 3).evaluate(50, 5);
    // Loss ½(y − x_{t+1})²: the noise alone costs ½·0.05² ≈ 0.001.
    assert!(
        result.loss < 0.02 && result.loss < untrained.loss / 5.0,
        "{untrained:?} → {result:?}"
    );
    assert_eq!(result.accuracy, None);
}

#[test]
fn the_plain_rnn_gradient_vanishes_faster_than_the_lstm_gradient() {
    // Loss at the last step only; ‖∂loss/∂h_t‖ at the first step relative to the last.
    let task = Task::remember_first(30);
    let sequence = task.sample(&mut crate::rng::Rng::seeded(4));
    let ratio = |variant| {
        let model = Model::<f64>::new(task.model_config(variant, 16, 1));
        let flow = model.backprop(&sequence).flow;
        flow.hidden[0] / flow.hidden[29]
    };
    let (rnn, lstm) = (ratio(Variant::Rnn), ratio(Variant::Lstm));
    assert!(
        rnn < 1e-3 && lstm > 100.0 * rnn,
        "RNN {rnn:e}, LSTM {lstm:e}"
    );
}

#[test]
fn clipping_and_adam_follow_their_formulas() {
    let mut g = vec![3.0_f64, 4.0];
    assert_eq!(clip_gradient_norm(&mut g, 1.0), 5.0);
    assert!((g[0] - 0.6).abs() < 1e-15 && (g[1] - 0.8).abs() < 1e-15);
    let mut g = vec![0.3_f64, 0.4];
    assert_eq!(clip_gradient_norm(&mut g, 1.0), 0.5);
    assert_eq!(g, [0.3, 0.4]);
    // Adam's first step moves every parameter by η against the sign of its gradient.
    let mut model = Model::<f64>::new(ModelConfig {
        input_size: 2,
        hidden_size: 2,
        output_size: 2,
        ..ModelConfig::default()
    });
    let before = model.parameters();
    let grads: Vec<f64> = (0..before.len())
        .map(|k| if k % 2 == 0 { 0.5 } else { -2.0 })
        .collect();
    let mut adam = Adam::new(AdamConfig::default(), before.len());
    adam.step(&mut model, &grads);
    for (k, (a, b)) in model.parameters().iter().zip(&before).enumerate() {
        let want = if k % 2 == 0 { -0.01 } else { 0.01 };
        assert!((a - b - want).abs() < 1e-9, "parameter {k}");
    }
}

#[test]
fn a_task_is_learnt_when_the_last_ten_updates_say_so() {
    let record = |step, loss, accuracy| TrainStep {
        step,
        loss,
        gradient_norm: 1.0,
        accuracy,
    };
    let mut memory = trained(&Task::remember_first(5), Variant::Lstm, 4, 0, 1);
    for step in 1..TARGET_WINDOW {
        memory.record(record(step, 0.1, Some(1.0)));
    }
    assert!(!memory.target_met(), "nine perfect updates are not enough");
    memory.record(record(TARGET_WINDOW, 0.1, Some(0.5)));
    assert!(memory.target_met(), "a mean of exactly 95 % is");
    assert_eq!(memory.recent_accuracy(), Some(0.95));
    memory.record(record(TARGET_WINDOW + 1, 0.1, Some(0.4)));
    assert!(!memory.target_met(), "94 % is not: only the last ten count");

    let sine_task = Task::NoisySine {
        length: 20,
        noise: 0.1,
    };
    let mut sine = trained(&sine_task, Variant::Lstm, 4, 0, 1);
    for s in 1..=TARGET_WINDOW {
        sine.record(record(s, 0.019, None));
    }
    assert!(sine.target_met());
    sine.record(record(11, 0.2, None));
    assert!(!sine.target_met(), "mean loss 0.037");
}

#[test]
fn a_long_run_keeps_a_step_count_a_recent_window_and_a_thinned_curve() {
    let mut trainer = trained(&Task::remember_first(5), Variant::Lstm, 4, 0, 1);
    let updates = 5 * crate::curve::DEFAULT_CAP;
    for step in 1..=updates {
        #[allow(clippy::cast_precision_loss)]
        let loss = step as f32;
        trainer.record(TrainStep {
            step,
            loss,
            gradient_norm: 1.0,
            accuracy: None,
        });
    }
    assert_eq!(trainer.updates(), updates);
    assert_eq!(trainer.recent().count(), TARGET_WINDOW);
    assert_eq!(trainer.last().map(|s| s.step), Some(updates));
    let curve = trainer.loss_curve();
    assert_eq!(curve.steps(), updates);
    assert!(curve.points().count() <= 2 * crate::curve::DEFAULT_CAP + 1);
}

#[test]
fn a_diverging_update_is_undone_and_not_counted() {
    let task = Task::remember_first(5);
    let model = Model::new(task.model_config(Variant::Lstm, 4, 1));
    let mut trainer = Trainer::new(
        model,
        task,
        TrainConfig {
            adam: AdamConfig {
                learning_rate: f64::INFINITY,
                ..AdamConfig::default()
            },
            ..TrainConfig::default()
        },
    );
    let before = trainer.model.parameters();
    let result = trainer.step_unless_diverged();
    assert!(result.is_err(), "an infinite step size makes ∞ weights");
    assert_eq!(trainer.model.parameters(), before, "the weights are back");
    assert_eq!(trainer.updates(), 0);
    assert!(trainer.loss_curve().is_empty());
    // The raw step keeps what it did.
    trainer.step();
    assert_eq!(trainer.updates(), 1);
    assert!(trainer.model.parameters().iter().any(|v| !v.is_finite()));
}

#[test]
fn diverging_updates_in_a_row_are_each_undone_to_the_state_before() {
    let task = Task::remember_first(5);
    let model = Model::new(task.model_config(Variant::Gru, 4, 3));
    let mut trainer = Trainer::new(
        model,
        task,
        TrainConfig {
            adam: AdamConfig {
                learning_rate: f64::INFINITY,
                ..AdamConfig::default()
            },
            ..TrainConfig::default()
        },
    );
    let before = trainer.model.clone();
    for _ in 0..3 {
        let diverged = trainer.step_unless_diverged().expect_err("∞ step size");
        assert!(diverged.0.loss.is_finite(), "the loss before the update");
        assert_eq!(trainer.model, before, "the whole model is back");
    }
    assert_eq!(trainer.updates(), 0);
}

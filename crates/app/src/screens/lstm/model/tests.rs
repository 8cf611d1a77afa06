//! Share links of the LSTM screen: a model survives its link bit for bit, broken links keep
//! what they can, long texts leave the link but not the saved state, mangled links never
//! panic; the race of RNN, LSTM and GRU runs on the screen's settings.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use nnp_core::recurrent::{QuantityName, Variant};
#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;
use crate::screens::lstm::link::{self, Shortened};
use crate::screens::lstm::msg::Msg;
use crate::share;

fn clock() -> f64 {
    0.0
}

/// The model a query describes, with its replay run to the end.
fn opened(query: &str) -> Model {
    let mut m = Model::from_query(query);
    while m.busy() {
        m.work(&clock, 5.0);
    }
    m
}

fn parameters(m: &Model, v: Variant) -> Option<Vec<f32>> {
    m.run_of(v).map(|r| r.trainer.model.parameters())
}

#[test]
fn a_trained_model_comes_back_from_its_link_bit_for_bit() {
    let mut m = Model::new();
    for msg in [
        Msg::Task(TaskKind::Brackets),
        Msg::Hidden(4),
        Msg::LearningRate("0.02".into()),
        Msg::Step,
        Msg::Step,
        Msg::Step,
        Msg::Variant(Variant::Gru),
        Msg::Step,
        Msg::Sequence("(()(())) ()".into()),
        Msg::Select(5, 2, Some(QuantityName::Reset)),
        Msg::ToggleChartUnit(3),
    ] {
        m.update(msg, &clock);
        assert_eq!(m.notice, None);
    }
    let (query, shortened) = link::write(&m.settings());
    assert_eq!(shortened, None);
    assert!(
        query.contains("seq=") && query.contains("u=0.3.0.0.1"),
        "{query}"
    );

    let copy = Model::from_query(&query);
    assert_eq!(
        copy.replay_progress(),
        Some((0, 4)),
        "replayed, not carried"
    );
    assert_eq!(copy.settings(), m.settings());
    let copy = opened(&query);
    assert_eq!(copy.replay_progress(), None);
    assert_eq!(copy.settings(), m.settings());
    assert_eq!(copy.sequence, m.sequence);
    assert_eq!(copy.sequence_text, "(()(())) ()");
    assert_eq!(
        (copy.t, copy.unit, copy.picked),
        (5, 2, Some(QuantityName::Reset))
    );
    assert_eq!(copy.chart_units, [0, 1, 3]);
    for v in Variant::ALL {
        assert_eq!(
            parameters(&copy, v),
            parameters(&m, v),
            "{v:?}, bit for bit"
        );
        let record = |m: &Model| {
            m.run_of(v)
                .map(|r| (r.trainer.updates(), r.trainer.loss_curve().clone()))
        };
        assert_eq!(record(&copy), record(&m));
    }
    assert_eq!(copy.trace, m.trace, "the same numbers on every band");
}

#[test]
fn a_new_example_travels_as_its_number_and_the_target_badge_comes_back() {
    let mut m = Model::new();
    m.update(Msg::Distance(5), &clock);
    m.update(Msg::NewExample, &clock);
    m.update(Msg::NewExample, &clock);
    m.update(Msg::Train, &clock);
    let ticks = std::cell::Cell::new(0.0);
    let counting = || {
        ticks.set(ticks.get() + 1.0);
        ticks.get()
    };
    let mut guard = 0;
    while m.training && guard < 2000 {
        m.work(&counting, 20.0);
        guard += 1;
    }
    let reached = m
        .current()
        .unwrap()
        .reached
        .expect("distance 5 is learnt")
        .0;
    let (query, _) = link::write(&m.settings());
    assert!(query.contains("ex=3") && !query.contains("seq="), "{query}");
    let copy = opened(&query);
    assert_eq!(copy.sequence, m.sequence);
    assert_eq!(copy.current().unwrap().reached.map(|r| r.0), Some(reached));
    assert_eq!(
        copy.notice, None,
        "a replay reaching the target says nothing"
    );
}

#[test]
fn a_long_text_leaves_the_link_but_not_the_saved_state() {
    let mut m = Model::new();
    let text: String = "abcdefghij the gates ".repeat(150);
    m.update(Msg::Task(TaskKind::Text), &clock);
    m.update(Msg::Text(text.clone()), &clock);
    m.update(Msg::Step, &clock);
    let (query, shortened) = link::write(&m.settings());
    assert_eq!(shortened, Some(Shortened::Text));
    assert!(
        query.len() <= share::MAX_LINK && !query.contains("u="),
        "{query}"
    );
    let full = share::write_query(&link::fields(), &m.settings());
    assert!(full.len() > share::MAX_LINK);
    let copy = opened(&full);
    assert_eq!(copy.text, text);
    assert_eq!(copy.settings(), m.settings());
}

#[test]
fn a_broken_link_keeps_what_it_can() {
    let m = Model::from_query("v=gru&task=sine&h=7&lr=NaN&u=1.2&seq=0.5,x&zz=1&t=3&band=Q");
    let Some(Notice::LinkPartlyRead(keys)) = &m.notice else {
        panic!("{:?}", m.notice);
    };
    assert_eq!(keys, &["h", "lr", "u", "zz", "seq", "band"]);
    assert_eq!(
        (m.variant, m.kind, m.hidden),
        (Variant::Gru, TaskKind::Sine, 8)
    );
    assert_eq!(m.learning_rate, 0.01);
    assert_eq!(m.t, 3);
    assert!(!m.busy(), "nothing to replay");
    // A text of one letter is refused by the link, not by a panic later.
    let m = Model::from_query("task=text&text=aaaa");
    assert_eq!(m.notice, Some(Notice::LinkPartlyRead(vec!["text".into()])));
}

/// A model with a sequence, a step and a selection: every part of the link in use.
fn worked_on() -> Model {
    let mut m = Model::new();
    m.update(Msg::Sequence("A12345678".into()), &clock);
    m.update(Msg::Step, &clock);
    m.update(Msg::Select(3, 1, Some(QuantityName::Forget)), &clock);
    m
}

/// A model built from fuzzed settings points at a step and a unit it has, and can share
/// itself again: its full state reads back without a problem.
fn shares_again(m: &Model) {
    assert!(m.t < m.steps() && m.unit < m.hidden);
    let query = share::write_query(&link::fields(), &m.settings());
    let mut settings = Model::new().settings();
    let problems = share::read_query(&link::fields(), &query, &mut settings);
    assert_eq!(problems, [], "{query}");
}

#[test]
fn fuzz_links_never_panic() {
    let (good, _) = link::write(&worked_on().settings());
    let defaults = Model::new().settings();
    share::fuzz::fuzz_links(
        "lstm link reader",
        &link::fields(),
        &good,
        &defaults,
        11,
        |k, settings| {
            // Building the model is the expensive part: a sample of the readings is enough.
            if k % 100 == 0 {
                shares_again(&Model::from_settings(settings));
            }
        },
    );
}

#[test]
fn fuzz_files_never_panic() {
    let good = share::write_query(&link::fields(), &worked_on().settings());
    let defaults = Model::new().settings();
    let mut screen = Model::new();
    share::fuzz::fuzz_files(&crate::screens::lstm::SCREEN, &good, 23, |k, query| {
        if k % 100 == 0 {
            // What the screen does with an opened file.
            screen.update(Msg::OpenState(query.to_string()), &clock);
            shares_again(&screen);
        } else {
            let _ = share::read_query(&link::fields(), query, &mut defaults.clone());
        }
    });
}

#[test]
fn opening_a_saved_state_replaces_everything() {
    let mut m = Model::new();
    m.update(Msg::Step, &clock);
    let saved = share::write_query(&link::fields(), &m.settings());
    let mut other = Model::new();
    other.update(Msg::Variant(Variant::Rnn), &clock);
    other.update(Msg::OpenState(saved), &clock);
    assert_eq!(other.variant, Variant::Lstm);
    assert_eq!(other.replay_progress(), Some((0, 1)));
    other.update(Msg::Pause, &clock);
    assert!(!other.busy(), "Stop ends the replay");
}

#[test]
fn an_update_that_overflows_is_undone_and_stops_training() {
    let mut m = Model::new();
    m.update(Msg::Train, &clock);
    assert!(m.training);
    m.run().trainer.model.readout.values[0] = f32::MAX;
    let before = m.run().trainer.model.clone();
    let updates = m.run().trainer.updates();
    assert!(!m.train_step(&clock));
    assert!(
        matches!(m.notice, Some(Notice::Diverged(Variant::Lstm))),
        "{:?}",
        m.notice
    );
    assert!(!m.training, "training stopped");
    assert_eq!(
        m.run().trainer.model,
        before,
        "the weights from before the update"
    );
    assert_eq!(m.run().trainer.updates(), updates);
}

#[test]
fn a_text_of_thousands_of_characters_is_bounded_and_says_so() {
    let mut m = Model::new();
    let text: String = (0x4e00..0x4e00 + 5000).filter_map(char::from_u32).collect();
    m.update(Msg::Task(TaskKind::Text), &clock);
    m.update(Msg::Text(text), &clock);
    assert_eq!(m.task.input_size(), nnp_core::recurrent::MAX_SYMBOLS);
    assert_eq!(m.notice, Some(Notice::CharactersFolded(5000 - 127)));
    m.update(Msg::Step, &clock);
    let updated = m
        .runs
        .iter()
        .flatten()
        .filter(|r| r.trainer.updates() == 1)
        .count();
    assert!(updated > 0, "it trains at its usual size");
}

#[test]
fn the_race_trains_rnn_lstm_and_gru_on_the_screens_settings_and_names_a_winner() {
    let mut m = Model::new();
    assert_eq!(m.race_config(), nnp_core::recurrent::RaceConfig::default());
    m.update(Msg::Distance(5), &clock);
    m.update(Msg::Compare, &clock);
    let mut guard = 0;
    while m.comparison.running && guard < 3000 {
        m.comparison.work();
        guard += 1;
    }
    let race = m.comparison.race.as_ref().expect("a race");
    assert!(race.finished() && !m.comparison.running);
    assert_eq!(race.config.distance, 5);
    let variants: Vec<_> = race.lanes().iter().map(|l| l.variant).collect();
    assert_eq!(variants, [Variant::Rnn, Variant::Lstm, Variant::Gru]);
    for lane in race.lanes() {
        assert!((0.0..=1.0).contains(&lane.accuracy()), "{:?}", lane.variant);
    }
    assert!(race.winner().is_some(), "5 steps are learnt");
    assert!((m.comparison.progress() - 1.0).abs() < 1e-9);
}

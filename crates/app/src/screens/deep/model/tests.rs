//! The screen's model on the real digits: what a student sees happen, checked natively.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use nnp_core::deep::Phase;

use super::*;
use crate::screens::deep::msg::{Msg, STEP_CLICK};
use crate::screens::deep::series::thin;

const DIGITS: &str = include_str!("../../../../../../web/data/digits.csv");

fn ready() -> Model {
    let mut m = Model::new();
    m.update(Msg::Loaded(Ok(DIGITS.to_owned())));
    assert_eq!(m.load, Load::Ready);
    m
}

/// The screen as an old link (no `hidden`) opens it: 64 → 32 → 16 → 10, 10 labels per
/// class, fine-tuning without a budget.
fn ready_two_layers() -> Model {
    let mut m = Model::from_query("labels=10");
    m.update(Msg::Loaded(Ok(DIGITS.to_owned())));
    assert_eq!(m.load, Load::Ready);
    assert_eq!(m.config.hidden, [32, 16]);
    m
}

/// The race as Train runs it, frame after frame, to its end: pretraining stacks each
/// layer by itself, fine-tuning stops at the budget and says so (shortened steps for a
/// debug build; the claim at the full defaults is the core's release test and the e2e).
#[test]
fn the_run_ends_by_itself_at_the_budget() {
    let mut m = ready();
    assert_eq!(m.config.hidden, [32, 32, 32, 32]);
    assert_eq!(m.trainer().unwrap().labels_used(), 30);
    m.config.pretrain_steps = 30;
    m.config.fine_tune_steps = 40;
    m.reset();
    m.update(Msg::Play);
    let mut frames = 0;
    while m.train_while(|| false) {
        frames += 1;
        assert!(frames < 10_000, "the run ends");
    }
    assert!(!m.running, "training stopped by itself");
    assert!(m.finished());
    assert_eq!(m.phase(), Phase::FineTune);
    assert_eq!(m.phase_steps(), 40);
    let t = m.trainer().unwrap();
    for layer in 0..4 {
        assert_eq!(t.pretrain_losses(layer).steps(), 30, "layer {layer}");
    }
    assert_eq!(m.notice, None, "finishing is not an error");
    m.update(Msg::Play);
    assert!(!m.running, "nothing left to train");
    m.update(Msg::Steps);
    assert_eq!(m.phase_steps(), 40, "the budget holds");
    assert_eq!(m.evaluations().last().unwrap().step, 40);
    let curves = m.accuracy_curves();
    assert!(curves.iter().all(|c| c.len() == curves[0].len()));
    let steps: Vec<f64> = curves[0].iter().map(|p| p.0).collect();
    let want = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 40].map(f64::from);
    assert_eq!(steps, want, "every early step, for the log-scaled axis");
    m.update(Msg::Reset);
    assert!(!m.finished() && m.can_train(), "Reset starts a new race");
}

#[test]
fn stacking_an_untrained_layer_is_refused_with_a_reason() {
    let mut m = ready();
    m.update(Msg::Advance);
    assert_eq!(m.phase(), Phase::Pretrain { layer: 0 }, "nothing stacked");
    assert_eq!(m.notice, Some(Notice::PretrainFirst { layer: 0 }));
    assert!(m.can_train(), "the reason does not block training");
    m.update(Msg::Steps);
    assert_eq!(m.notice, None, "training clears it");
    m.update(Msg::Advance);
    assert_eq!(m.phase(), Phase::Pretrain { layer: 1 });
    m.update(Msg::Advance);
    assert_eq!(m.notice, Some(Notice::PretrainFirst { layer: 1 }));
    m.update(Msg::Reset);
    assert_eq!(m.notice, None);
}

#[test]
fn the_depth_is_a_choice_and_restarts() {
    let mut m = ready();
    m.update(Msg::Steps);
    m.update(Msg::Depth(2));
    assert_eq!(m.config.hidden, [32, 32]);
    assert_eq!(m.phase_steps(), 0);
    m.update(Msg::Depth(9));
    assert_eq!(m.config.hidden, [32, 32], "only the offered depths");
    m.update(Msg::LabelsPerClass(100));
    assert_eq!(m.trainer().unwrap().labels_used(), 1000);
}

#[test]
fn the_digits_load_and_a_broken_file_says_which_line() {
    let mut m = Model::new();
    assert_eq!(m.load, Load::Loading);
    m.update(Msg::Loaded(Ok("1,2,3\n".to_owned())));
    match &m.load {
        Load::Failed(LoadError::Parse(e)) => assert_eq!(e.line, 1),
        other => panic!("expected a parse error, got {other:?}"),
    }
    assert!(m.trainer().is_none());
    m.update(Msg::Retry);
    assert_eq!(m.load, Load::Loading);
    m.update(Msg::Loaded(Err(LoadError::Status(404))));
    assert_eq!(m.load, Load::Failed(LoadError::Status(404)));
    m.update(Msg::Loaded(Ok(DIGITS.to_owned())));
    let t = m.trainer().unwrap();
    assert_eq!(t.test_set().len(), 500);
    assert_eq!(t.labels_used(), 30);
    assert_eq!(t.unlabelled_count(), 1297);
    assert_eq!(
        m.reconstructions().len(),
        10,
        "one held-out digit per class"
    );
}

#[test]
fn each_layer_learns_to_reconstruct_and_pretraining_beats_random_weights() {
    let mut m = ready_two_layers();
    let before = m.held_out_loss().unwrap();
    let features_before = m.feature_images();
    for _ in 0..6 {
        m.update(Msg::Steps);
    }
    let after = m.held_out_loss().unwrap();
    assert!(after < 0.8 * before, "layer 1: {before} → {after}");
    assert_ne!(m.feature_images(), features_before);
    assert_eq!(m.layer_state(0), LayerState::Training);
    assert_eq!(m.layer_state(1), LayerState::Waiting);

    m.update(Msg::Advance);
    assert_eq!(m.phase(), Phase::Pretrain { layer: 1 });
    assert_eq!(m.layer_state(0), LayerState::Frozen);
    assert_eq!(m.feature_images().len(), 16);
    let before = m.held_out_loss().unwrap();
    for _ in 0..6 {
        m.update(Msg::Steps);
    }
    let after = m.held_out_loss().unwrap();
    assert!(after < before, "layer 2: {before} → {after}");

    m.update(Msg::Advance);
    assert_eq!(m.phase(), Phase::FineTune);
    assert_eq!(m.layer_state(1), LayerState::FineTuning);
    for _ in 0..3 {
        m.update(Msg::Steps);
    }
    assert_eq!(m.phase_steps(), 3 * STEP_CLICK);
    let last = *m.evaluations().last().unwrap();
    // Seed 1, 10 labels per class, 600 + 600 pretraining steps, 300 fine-tuning steps.
    assert!(last.pretrained_accuracy > 0.8, "{last:?}");
    assert!(
        last.pretrained_accuracy > last.baseline_accuracy,
        "pretrained {} vs random init {}",
        last.pretrained_accuracy,
        last.baseline_accuracy
    );
    let [pre, random, ..] = m.accuracy_curves();
    assert_eq!(pre.len(), random.len());
    assert_eq!(pre.last().unwrap().0, 300.0);
    assert!(m.projection().unwrap().points.len() == 500);
}

#[test]
fn a_huge_rate_stops_training_with_a_notice_instead_of_a_crash() {
    let mut m = ready();
    m.update(Msg::Rate(RateField::Pretrain, "1e300".to_owned()));
    assert!(!m.rate_error[0]);
    m.update(Msg::Play);
    assert!(m.running);
    let mut slices = 0;
    let keep = m.train_while(|| {
        slices += 1;
        slices < 100
    });
    assert!(!keep);
    assert!(!m.running);
    let Some(Notice::Diverged { step, back_to, .. }) = m.notice else {
        panic!("diverged, but {:?}", m.notice);
    };
    let steps = m.phase_steps();
    assert!(back_to < step, "back before step {step}: {back_to}");
    assert_eq!(steps, back_to, "the last good weights are back");
    let trainer = m.trainer().unwrap();
    assert!(
        trainer.net().hidden[0]
            .weights
            .iter()
            .all(|w| w.is_finite()),
        "the weights that are back are numbers"
    );
    // A rate of 1e300 explodes in the first frame: the last good weights are the start's.
    assert_eq!(trainer.pretrain_losses(0).steps(), back_to);
    assert!(trainer.pretrain_losses(0).last().is_none_or(f64::is_finite));
    m.update(Msg::Steps);
    m.update(Msg::Play);
    assert_eq!(m.phase_steps(), steps, "no training after divergence");
    assert!(!m.running);
    m.update(Msg::Rate(RateField::Pretrain, "0.05".to_owned()));
    assert_eq!(m.notice, None, "a sane rate restarts cleanly");
    assert!(m.train_steps(10));
}

#[test]
fn a_rate_that_is_not_a_number_is_refused_and_training_keeps_its_state() {
    let mut m = ready();
    m.update(Msg::Steps);
    for bad in ["abc", "", "-1", "0", "NaN", "inf"] {
        m.update(Msg::Rate(RateField::FineTune, bad.to_owned()));
        assert!(m.rate_error[1], "{bad:?} accepted");
        assert_eq!(m.config.fine_tune_rate, 0.1);
        assert_eq!(m.phase_steps(), STEP_CLICK, "{bad:?} restarted the run");
    }
    m.update(Msg::Rate(RateField::FineTune, "0,2".to_owned()));
    assert!(!m.rate_error[1]);
    assert_eq!(m.config.fine_tune_rate, 0.2);
    assert_eq!(m.phase_steps(), 0, "a new rate restarts");
}

#[test]
fn fewer_labels_per_class_means_fewer_labels_used() {
    let mut m = ready_two_layers();
    m.update(Msg::LabelsPerClass(1));
    assert_eq!(m.trainer().unwrap().labels_used(), 10);
    m.update(Msg::LabelsPerClass(7));
    assert_eq!(m.config.labels_per_class, 1, "only the offered choices");
    m.update(Msg::LabelsPerClass(50));
    assert_eq!(m.trainer().unwrap().labels_used(), 500);
}

#[test]
fn long_curves_are_averaged_down_for_the_chart() {
    let curve_of = |values: &[f64]| {
        let mut curve = nnp_core::curve::Curve::default();
        values.iter().for_each(|&v| curve.push(v));
        curve
    };
    let values: Vec<f64> = (1..=1000).map(f64::from).collect();
    let points = thin(&curve_of(&values));
    assert_eq!(points.len(), 200);
    assert_eq!(points[0], (5.0, 3.0));
    assert_eq!(points.last().unwrap().0, 1000.0);
    assert_eq!(
        thin(&curve_of(&[1.0, f64::NAN, 3.0])),
        vec![(1.0, 1.0), (3.0, 3.0)]
    );
}

mod links {
    //! Share links: an experiment survives its link bit for bit, broken links keep what they
    //! can, mangled links never panic.
    use nnp_core::deep::{FineTune, Phase};
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::{DIGITS, ready, ready_two_layers};
    use crate::screens::deep::link;
    use crate::screens::deep::model::{LinkNotice, Model, RateField};
    use crate::screens::deep::msg::Msg;
    use crate::share;

    fn replayed(query: &str) -> Model {
        let mut m = Model::from_query(query);
        m.update(Msg::Loaded(Ok(DIGITS.to_owned())));
        while m.replay_slice(|| true) {}
        m
    }

    #[test]
    fn an_experiment_comes_back_from_its_link_bit_for_bit() {
        let mut m = ready();
        m.update(Msg::Depth(2));
        m.update(Msg::LabelsPerClass(5));
        m.update(Msg::Rate(RateField::FineTune, "0.2".into()));
        m.update(Msg::FineTuneWhat(FineTune::OutputOnly));
        m.update(Msg::Steps);
        m.update(Msg::Advance);
        m.update(Msg::Steps);
        m.train_steps(7);
        m.update(Msg::Advance);
        m.update(Msg::Steps);
        m.update(Msg::ShowBaseline(true));
        let query = share::write_query(&link::fields(), &m.settings());
        assert_eq!(
            query,
            "hidden=32.32&labels=5&pr=0.05&fr=0.2&ft=output&s=100.107.100&proj=1"
        );

        let waiting = Model::from_query(&query);
        assert_eq!(waiting.replay_progress(), Some((0, 307)));
        assert_eq!(waiting.settings(), m.settings(), "the link before the data");
        let copy = replayed(&query);
        assert_eq!(copy.replay_progress(), None);
        assert_eq!(copy.phase(), Phase::FineTune);
        assert_eq!(copy.settings(), m.settings());
        let (a, b) = (copy.trainer().unwrap(), m.trainer().unwrap());
        assert_eq!(a.net(), b.net(), "the same weights, bit for bit");
        assert_eq!(a.baseline(), b.baseline());
        assert_eq!(a.evaluations(), b.evaluations());
        assert_eq!(a.pretrain_losses(1), b.pretrain_losses(1));
        assert!(copy.show_baseline);
    }

    #[test]
    fn a_replay_stops_at_a_phase_with_no_steps_and_the_user_can_take_over() {
        let copy = replayed("s=0.0");
        assert_eq!(copy.phase(), Phase::Pretrain { layer: 1 });
        assert_eq!(copy.phase_steps(), 0);
        let mut m = replayed("s=300");
        assert_eq!(m.phase_steps(), 300);
        // Pause during a replay keeps what was replayed.
        let mut half = Model::from_query("s=300");
        half.update(Msg::Loaded(Ok(DIGITS.to_owned())));
        let mut slices = 0;
        assert!(half.replay_slice(|| {
            slices += 1;
            slices < 10
        }));
        half.update(Msg::Pause);
        assert!(!half.busy() && half.phase_steps() > 0 && half.phase_steps() < 300);
        m.update(Msg::Steps);
        assert_eq!(m.phase_steps(), 400);
    }

    #[test]
    fn a_broken_link_keeps_what_it_can() {
        let m = Model::from_query("labels=7&pr=-1&fr=0.3&ft=all&s=1.2.3.4&proj=yes&zz=1");
        assert_eq!(
            m.link_notice,
            Some(LinkNotice::LinkPartlyRead(
                ["labels", "pr", "ft", "proj", "zz", "s"]
                    .map(String::from)
                    .to_vec()
            ))
        );
        assert_eq!(m.config.fine_tune_rate, 0.3);
        assert_eq!(m.rate_text[1], "0.3");
        assert_eq!(m.config.labels_per_class, 10);
        assert_eq!(
            m.replay_progress(),
            None,
            "four phases do not fit a 2-layer net"
        );
    }

    #[test]
    fn opening_a_file_keeps_the_digits_and_replays() {
        let mut m = ready_two_layers();
        m.update(Msg::Steps);
        m.update(Msg::OpenState("labels=1&s=20.5".into()));
        assert!(m.trainer().is_some(), "no second download");
        while m.replay_slice(|| true) {}
        assert_eq!(m.phase(), Phase::Pretrain { layer: 1 });
        assert_eq!(m.phase_steps(), 5);
        assert_eq!(m.trainer().unwrap().labels_used(), 10);
    }

    /// A model built from fuzzed settings has usable rates and can share itself again: its
    /// full state reads back without a problem.
    fn shares_again(m: &Model) {
        assert!(m.config.pretrain_rate > 0.0 && m.config.fine_tune_rate.is_finite());
        let query = share::write_query(&link::fields(), &m.settings());
        let mut settings = Model::new().settings();
        let problems = share::read_query(&link::fields(), &query, &mut settings);
        assert_eq!(problems, [], "{query}");
    }

    const GOOD: &str = "hidden=32.32&labels=5&pr=0.05&fr=0.2&ft=output&s=100.107.100&proj=1";

    /// A link written before the net had a depth and a budget keeps its meaning: the
    /// 64 → 32 → 16 → 10 net, and fine-tuning as long as the link says.
    #[test]
    fn an_old_link_opens_the_old_net_without_a_budget() {
        let m = replayed("labels=10&pr=0.05&fr=0.1&ft=whole&s=20.10.400");
        assert_eq!(m.link_notice, None);
        assert_eq!(m.config.hidden, [32, 16]);
        assert_eq!(m.phase(), Phase::FineTune);
        assert_eq!(m.phase_steps(), 400, "beyond today's budget of 300");
        assert!(!m.finished());
        let new = replayed("hidden=32.32.32.32&s=20.10.5.5.400");
        assert_eq!(
            new.phase_steps(),
            300,
            "a new link's run stops at the budget"
        );
        assert!(new.finished());
        for bad in [
            "hidden=0",
            "hidden=32.32.32.32.32",
            "hidden=500",
            "hidden=a",
        ] {
            let m = Model::from_query(bad);
            assert_eq!(
                m.link_notice,
                Some(LinkNotice::LinkPartlyRead(vec!["hidden".into()])),
                "{bad}"
            );
        }
    }

    #[test]
    fn fuzz_links_never_panic() {
        let defaults = Model::new().settings();
        share::fuzz::fuzz_links(
            "deep link reader",
            &link::fields(),
            GOOD,
            &defaults,
            5,
            |_, settings| shares_again(&Model::from_settings(settings)),
        );
    }

    #[test]
    fn fuzz_files_never_panic() {
        let defaults = Model::new().settings();
        // Opening a file with the digits loaded rebuilds the trainer on them.
        let mut screen = ready();
        share::fuzz::fuzz_files(&crate::screens::deep::SCREEN, GOOD, 25, |k, query| {
            if k % 100 == 0 {
                screen.update(Msg::OpenState(query.to_string()));
                assert_eq!(screen.load, crate::screens::deep::model::Load::Ready);
                shares_again(&screen);
            } else {
                let _ = share::read_query(&link::fields(), query, &mut defaults.clone());
            }
        });
    }
}

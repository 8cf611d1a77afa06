//! The screen's model on the real digits: what a student sees happen, checked natively.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use nnp_core::cnn::DEFAULT_EPOCHS;

use super::*;
use crate::screens::cnn::link;
use crate::screens::cnn::msg::Msg;
use crate::share;

const DIGITS: &str = include_str!("../../../../../../web/data/digits.csv");

fn ready() -> Model {
    let mut m = Model::new();
    m.update(Msg::Loaded(Ok(DIGITS.to_owned())));
    assert_eq!(m.load, Load::Ready);
    m
}

fn query(m: &Model) -> String {
    share::write_query(&link::fields(), &m.settings())
}

fn replay_all(m: &mut Model) {
    while m.replay_slice(|| true) {}
}

#[test]
fn the_digits_load_and_a_broken_file_says_which_line() {
    let mut m = Model::new();
    m.update(Msg::Loaded(Ok("1,2,3\n".to_owned())));
    match &m.load {
        Load::Failed(LoadError::Parse(e)) => assert_eq!(e.line, 1),
        other => panic!("expected a parse error, got {other:?}"),
    }
    assert!(m.trainer().is_none());
    m.update(Msg::Step);
    assert_eq!(m.progress().updates, 0, "no data, no training");
    m.update(Msg::Retry);
    assert_eq!(m.load, Load::Loading);
    m.update(Msg::Loaded(Ok(DIGITS.to_owned())));
    let t = m.trainer().unwrap();
    assert!((300..=400).contains(&t.test_set().len()));
    assert_eq!(m.accuracies().len(), 1, "measured before training");
    assert_eq!(m.confusion().unwrap().total() as usize, m.test_len());
}

#[test]
fn a_step_is_one_mini_batch_and_changes_the_pictures() {
    let mut m = ready();
    let kernels = m.trainer().unwrap().net().weights().kernels;
    let before = m.shown().unwrap().probabilities.clone();
    assert!((before.iter().sum::<f32>() - 1.0).abs() < 1e-4);
    m.update(Msg::Step);
    assert_eq!(m.progress().updates, 1);
    assert_eq!(m.loss_curve(100).len(), 1);
    assert!(m.last_loss().unwrap() > 0.0);
    assert_ne!(m.trainer().unwrap().net().weights().kernels, kernels);
    assert_ne!(
        m.shown().unwrap().probabilities,
        before,
        "the maps follow training"
    );
    assert!(!m.running);
}

#[test]
fn training_stops_by_itself_at_the_budget_and_reads_a_drawn_one() {
    let mut m = ready();
    m.update(Msg::Play);
    assert!(m.running && m.busy());
    let mut slices = 0;
    while m.train_while(|| true) {
        slices += 1;
    }
    assert_eq!(slices, 0, "one slice without a clock runs to the budget");
    assert!(!m.running);
    let p = m.progress();
    assert_eq!((p.epoch, p.batch_in_epoch), (DEFAULT_EPOCHS, 0));
    assert_eq!(m.notice, Some(Notice::BudgetReached(DEFAULT_EPOCHS)));
    assert_eq!(m.accuracies().len(), DEFAULT_EPOCHS + 1);
    let last = m.accuracies().last().copied().unwrap();
    assert!(last.test > 0.9, "test accuracy {}", last.test);
    let confusion = m.confusion().unwrap();
    assert!((confusion.accuracy() - last.test).abs() < 1e-6);

    // A clean vertical bar down the middle of the box is a one.
    m.update(Msg::Draw(None, (16.0, 3.0)));
    m.update(Msg::Draw(Some((16.0, 3.0)), (16.0, 29.0)));
    let drawn = m.drawn().unwrap();
    assert_eq!(drawn.predicted(), 1, "{:?}", drawn.probabilities);

    // Train again: another budget of as many epochs.
    m.update(Msg::Play);
    assert!(m.running);
    assert_eq!(m.notice, None);
    assert_eq!(m.budget, 2 * DEFAULT_EPOCHS);
}

#[test]
fn a_drawing_becomes_the_eight_by_eight_input_as_it_is_drawn() {
    let mut m = ready();
    assert_eq!(m.source, Source::Example);
    m.update(Msg::Draw(None, (14.0, 2.0)));
    assert_eq!(m.source, Source::Drawing);
    m.update(Msg::Draw(Some((14.0, 2.0)), (14.0, 30.0)));
    let counts = m.drawing.counts();
    for (i, &c) in counts.iter().enumerate() {
        let col = i % 8;
        if c > 0 {
            assert!((3..=3).contains(&col), "ink at column {col}");
        }
    }
    assert!(counts.iter().filter(|&&c| c > 0).count() >= 7, "{counts:?}");
    let input = m.shown().unwrap().input.data().to_vec();
    assert_eq!(
        input,
        m.drawing.input().to_vec(),
        "the pictures show the drawing"
    );
    let p = &m.drawn().unwrap().probabilities;
    assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-4);
    m.update(Msg::ClearDrawing);
    assert!(m.drawing.is_empty());
    assert!(m.shown().unwrap().input.data().iter().all(|&v| v == 0.0));
    m.update(Msg::MoveExample(1));
    assert_eq!((m.source, m.example), (Source::Example, 1));
    m.update(Msg::MoveExample(-2));
    assert_eq!(m.example, m.test_len() - 1, "wraps round");
    m.update(Msg::PickDigit(7));
    assert_eq!(m.example_label(), Some(7));
}

#[test]
fn a_link_replays_the_same_run_to_the_same_update() {
    let mut m = ready();
    m.update(Msg::Seed(7));
    m.update(Msg::Batch(16));
    for _ in 0..5 {
        m.update(Msg::Step);
    }
    m.update(Msg::PickDigit(3));
    let q = query(&m);
    assert!(
        q.contains("seed=7") && q.contains("u=5") && q.contains("batch=16"),
        "{q}"
    );

    let mut opened = Model::from_query(&q);
    assert_eq!(opened.link_notice, None);
    assert_eq!(opened.replay_progress(), Some((0, 5)));
    opened.update(Msg::Loaded(Ok(DIGITS.to_owned())));
    assert!(opened.busy());
    replay_all(&mut opened);
    assert!(!opened.busy());
    assert_eq!(opened.progress(), m.progress());
    assert_eq!(opened.example, m.example);
    assert_eq!(
        opened.trainer().unwrap().net().weights(),
        m.trainer().unwrap().net().weights(),
        "bit for bit"
    );
    assert_eq!(query(&opened), q);

    // An opened file does the same, keeping the loaded digits.
    let mut other = ready();
    other.update(Msg::OpenState(q.clone()));
    replay_all(&mut other);
    assert_eq!(other.progress().updates, 5);
}

#[test]
fn a_malformed_link_gets_a_note_and_never_a_panic() {
    let m = Model::from_query("seed=abc&lr=-1&batch=7&u=99999999&zzz=1&ex=%ZZ&&=&lr");
    let Some(LinkNotice::LinkPartlyRead(keys)) = &m.link_notice else {
        panic!("expected a note, got {:?}", m.link_notice);
    };
    for key in ["seed", "lr", "batch", "u", "zzz", "ex"] {
        assert!(keys.iter().any(|k| k == key), "{key} in {keys:?}");
    }
    assert_eq!(m.settings(), Model::new().settings(), "defaults kept");

    let mut far = Model::from_query("ex=99999&u=3");
    far.update(Msg::Loaded(Ok(DIGITS.to_owned())));
    assert_eq!(
        far.link_notice,
        Some(LinkNotice::LinkPartlyRead(vec!["ex".into()]))
    );
    assert_eq!(far.example, 0);
    replay_all(&mut far);
    assert_eq!(far.progress().updates, 3, "the rest of the link is used");

    for text in share::fuzz::random_texts(20, 5) {
        let mut m = Model::from_query(&text);
        m.update(Msg::Loaded(Ok(DIGITS.to_owned())));
    }
}

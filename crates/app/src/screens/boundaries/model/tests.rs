use nnp_core::dataset::DatasetKind;

use super::*;
#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[test]
fn default_network_learns_the_circle() {
    let mut model = Model::new();
    let before = model.test_metrics.accuracy;
    for _ in 0..200 {
        assert!(model.train_epoch());
    }
    assert_eq!(model.epoch, 200);
    assert!(
        model.test_metrics.accuracy > 0.9 && model.test_metrics.accuracy > before,
        "{before} → {}",
        model.test_metrics.accuracy
    );
}

#[test]
fn huge_learning_rate_diverges_restores_and_keeps_points() {
    let mut model = Model::new();
    model.set_linear(true);
    model.set_phi(PhiChoice {
        degree: 2,
        ..model.phi.clone()
    });
    model.set_learning_rate("10");
    let points = model.train.points.len();
    let mut stopped = false;
    for _ in 0..20 {
        if !model.train_epoch() {
            stopped = true;
            break;
        }
    }
    assert!(stopped);
    assert!(matches!(model.notice, Some(Notice::Diverged { .. })));
    assert!(model.mlp.params().iter().all(|p| p.is_finite()));
    assert!(model.grid.output().iter().all(|v| v.is_finite()));
    assert_eq!(model.train.points.len(), points);
    assert_eq!(model.train_config.learning_rate, 10.0);
}

#[test]
fn sign_refuses_to_train_and_says_why() {
    let mut model = Model::new();
    model.set_activation(0, Activation::Sign);
    assert!(!model.train_epoch());
    assert_eq!(model.notice, Some(Notice::SignCannotTrain));
    assert_eq!(model.epoch, 0);
}

#[test]
fn bad_formula_and_bad_numbers_keep_the_previous_state() {
    let mut model = Model::new();
    assert!(!model.add_formula("x1 +* 2"));
    assert!(model.formula_error.is_some());
    assert_eq!(model.features.len(), 2);
    assert!(model.add_formula("x1 * x2"));
    assert_eq!(model.features.len(), 3);
    model.set_learning_rate("abc");
    assert!(model.field_errors.learning_rate);
    assert_eq!(model.train_config.learning_rate, 0.03);
    model.set_learning_rate("0,1");
    assert_eq!(model.train_config.learning_rate, 0.1);
}

#[test]
fn phi_never_empties_and_monomials_skip_checked_names() {
    let mut model = Model::new();
    model.toggle_named(1);
    model.toggle_named(2);
    assert_eq!(model.notice, Some(Notice::EmptyPhi));
    assert_eq!(model.features.labels(), ["x2"]);
    model.set_degree(2);
    assert_eq!(
        model.features.labels(),
        ["x2", "1", "x1", "x1²", "x1·x2", "x2²"]
    );
}

#[test]
fn linear_mode_adds_the_constant_one() {
    let mut model = Model::new();
    model.set_linear(true);
    assert_eq!(model.features.labels(), ["1", "x1", "x2"]);
    assert_eq!(model.mlp.shape(), [3, 1]);
}

#[test]
fn a_share_link_replays_the_same_run() {
    use crate::screens::boundaries::link;
    use crate::share;
    let mut model = Model::new();
    model.set_dataset(DatasetKind::Xor);
    assert!(model.add_formula("sin(x1) * x2"));
    model.change_units(0, 2);
    model.set_learning_rate("0.1");
    model.tool = Tool::Negative;
    assert!(model.paint(1.0, 1.0));
    for _ in 0..25 {
        assert!(model.train_epoch());
    }
    let (query, left_out) = link::write(&model.settings());
    assert!(
        left_out == link::LeftOut::Nothing && query.len() < share::MAX_LINK,
        "{query}"
    );
    let mut settings = Model::new().settings();
    assert_eq!(
        share::read_query(&link::fields(), &query, &mut settings),
        []
    );
    let mut copy = Model::from_settings(&settings);
    assert_eq!(copy.replay_to, Some(25));
    assert_eq!(copy.epoch, 0);
    while copy.frame(|| true) {}
    assert_eq!(copy.epoch, 25);
    assert_eq!(copy.train.points, model.train.points);
    assert_eq!(copy.test.points, model.test.points);
    assert_eq!(copy.features.labels(), model.features.labels());
    assert_eq!(
        copy.mlp.params(),
        model.mlp.params(),
        "the same weights, bit for bit"
    );
    assert_eq!(copy.history, model.history);
}

#[test]
fn a_broken_link_keeps_what_it_can() {
    use crate::screens::boundaries::link;
    use crate::share;
    let mut settings = Model::new().settings();
    let problems = share::read_query(
        &link::fields(),
        "d=spiral&h=8-relu.99-tanh&lr=-1&f=x1%2B%2B&p=%%%&e=12&zz=3",
        &mut settings,
    );
    let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, ["h", "lr", "f", "p", "zz"]);
    let model = Model::from_settings(&settings);
    assert_eq!(model.data.kind, DatasetKind::Spiral);
    assert_eq!(model.replay_to, Some(12));
    assert_eq!(model.train_config.learning_rate, 0.03);
}

#[test]
fn a_hand_set_weight_travels_in_the_link() {
    use crate::screens::boundaries::link;
    use crate::share;
    let mut model = Model::new();
    for _ in 0..5 {
        assert!(model.train_epoch());
    }
    assert!(!model.set_weight_text((0, 1, 0), "abc"));
    assert!(!model.set_weight_text((9, 0, 0), "1"));
    assert!(!model.hand_edited);
    assert!(model.set_weight_text((0, 1, 0), "−2.5"));
    assert_eq!(model.mlp.weight(0, 1, 0), -2.5);
    let (query, _) = link::write(&model.settings());
    assert!(query.contains("&w="), "{query}");
    let mut settings = Model::new().settings();
    assert_eq!(
        share::read_query(&link::fields(), &query, &mut settings),
        []
    );
    let copy = Model::from_settings(&settings);
    assert_eq!(copy.replay_to, None);
    assert_eq!(copy.epoch, 5);
    assert_eq!(copy.mlp.params(), model.mlp.params());
}

/// A model with painted points and a hand-set weight: every part of the link in use.
fn worked_on() -> Model {
    let mut model = Model::new();
    model.tool = Tool::Positive;
    model.paint(0.5, 0.5);
    assert!(model.set_weight_text((0, 0, 0), "1.5"));
    model
}

/// A model built from fuzzed settings has finite weights and can share itself again: its
/// full state reads back without a problem.
fn shares_again(model: &Model) {
    use crate::screens::boundaries::{link, persist};
    use crate::share;
    assert!(model.mlp.params().iter().all(|p| p.is_finite()));
    let query = persist::full_query(model);
    let mut settings = Model::new().settings();
    let problems = share::read_query(&link::fields(), &query, &mut settings);
    assert_eq!(problems, [], "{query}");
}

#[test]
fn fuzz_links_never_panic() {
    use crate::screens::boundaries::link;
    use crate::share;
    let (good, _) = link::write(&worked_on().settings());
    let defaults = Model::new().settings();
    share::fuzz::fuzz_links(
        "boundaries link reader",
        &link::fields(),
        &good,
        &defaults,
        9,
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
    use crate::screens::boundaries::SCREEN;
    use crate::screens::boundaries::{link, persist};
    use crate::share;
    let good = persist::full_query(&worked_on());
    let defaults = Model::new().settings();
    share::fuzz::fuzz_files(&SCREEN, &good, 19, |k, query| {
        if k % 100 == 0 {
            shares_again(&Model::from_query(query));
        } else {
            let _ = share::read_query(&link::fields(), query, &mut defaults.clone());
        }
    });
}

#[test]
fn painting_stops_at_the_limit_with_a_message() {
    let mut model = Model::new();
    model.tool = Tool::Positive;
    let room = MAX_POINTS - model.test.points.len() - 1;
    model.train.points = (0..room)
        .map(|k| {
            Point::new(
                (k % 100) as f64 / 10.0 - 5.0,
                (k / 100) as f64 / 10.0 - 5.0,
                1.0,
            )
        })
        .collect();
    assert!(model.paint(1.0, 1.0), "the last point still fits");
    assert!(!model.paint(0.0, 0.0));
    assert_eq!(model.notice, Some(Notice::TooManyPoints));
    assert_eq!(
        model.train.points.len() + model.test.points.len(),
        MAX_POINTS
    );
    // The whole state still travels through a file (no length limit) exactly.
    use crate::screens::boundaries::link;
    use crate::share;
    let query = share::write_query(&link::fields(), &model.settings());
    let mut settings = Model::new().settings();
    assert_eq!(
        share::read_query(&link::fields(), &query, &mut settings),
        []
    );
    assert_eq!(
        Model::from_settings(&settings).train.points,
        model.train.points
    );
}

#[test]
fn a_formula_that_divides_by_zero_pauses_training_with_a_message() {
    let mut model = Model::new();
    assert!(model.add_formula("1 / (x1 - x1)"));
    assert!(
        !model.train_epoch(),
        "infinite features cannot be trained on"
    );
    assert!(matches!(model.notice, Some(Notice::Diverged { .. })));
    assert!(model.mlp.params().iter().all(|p| p.is_finite()));
    assert_eq!(
        model.features.len(),
        3,
        "the formula stays, so the user can remove it"
    );
}

#[test]
fn the_listed_bad_learning_rates_are_refused_or_caught() {
    let mut model = Model::new();
    for text in ["0", "NaN", "nan", "1e400", "1e9", "10.5", "-1", "", "abc"] {
        model.set_learning_rate(text);
        assert!(model.field_errors.learning_rate, "{text:?} is refused");
        assert_eq!(
            model.train_config.learning_rate, 0.03,
            "{text:?} keeps the rate"
        );
    }
    model.set_learning_rate("10");
    assert!(
        !model.field_errors.learning_rate,
        "10 is the largest rate; training will say more"
    );
    // tanh units saturate, so a rate of 10 may wreck the weights without a NaN; either way
    // nothing the screen draws may stop being a number.
    for _ in 0..50 {
        if !model.train_epoch() {
            assert!(matches!(model.notice, Some(Notice::Diverged { .. })));
            break;
        }
    }
    assert!(model.mlp.params().iter().all(|p| p.is_finite()));
    assert!(model.grid.output().iter().all(|v| v.is_finite()));
    assert!(model.train_metrics.loss.is_finite());
}

#[test]
fn long_formulas_keep_the_link_whole_and_blame_no_points() {
    use crate::screens::boundaries::link;
    use crate::share;
    let mut settings = Model::new().settings();
    settings.formulas = (0..16)
        .map(|k| format!("x1*{k}+{}", "x2+".repeat(60) + "x2"))
        .collect();
    assert!(settings.points.is_none());
    let (query, left_out) = link::write(&settings);
    assert_eq!(
        left_out,
        link::LeftOut::Nothing,
        "there are no points to leave out"
    );
    assert!(query.len() > share::MAX_LINK);
    let mut back = Model::new().settings();
    assert_eq!(share::read_query(&link::fields(), &query, &mut back), []);
    assert_eq!(back.formulas, settings.formulas);
}

#[test]
fn values_outside_their_range_are_moved_in_and_named_in_the_note() {
    let model =
        Model::from_query("d=xor&noise=0.9&train=5&h=0-tanh&lr=1e308&b=0&rr=50&zzz=1&zzz=2");
    assert_eq!(model.data.noise, 0.5);
    assert_eq!(model.data.train_fraction, 0.9);
    assert_eq!(model.train_config.batch_size, 1);
    assert_eq!(model.train_config.learning_rate, MAX_RATE);
    assert_eq!(model.train_config.regularization_rate, MAX_RATE);
    assert_eq!(
        model.hidden,
        Model::new().hidden,
        "a layer of 0 units is refused"
    );
    let Some(Notice::LinkPartlyRead(keys)) = &model.notice else {
        panic!("{:?}", model.notice);
    };
    assert_eq!(
        keys,
        &[
            "noise 0.9 → 0.5",
            "train 5 → 0.9",
            "h",
            "lr 1e308 → 10",
            "b 0 → 1",
            "rr 50 → 10",
            "zzz"
        ]
    );
}

#[test]
fn typed_rates_above_the_largest_are_refused() {
    let mut model = Model::new();
    let rate = model.train_config.learning_rate;
    model.set_learning_rate("1e308");
    assert!(model.field_errors.learning_rate);
    assert_eq!(model.train_config.learning_rate, rate);
    model.set_learning_rate("10");
    assert!(!model.field_errors.learning_rate);
    assert_eq!(model.train_config.learning_rate, 10.0);
    model.set_regularization_rate("11");
    assert!(model.field_errors.regularization_rate);
}

#[test]
fn look_paints_nothing_and_is_the_default() {
    let mut model = Model::new();
    assert_eq!(model.tool, Tool::Look);
    let before = model.train.points.len();
    model.begin_stroke();
    assert!(!model.paint(1.0, 1.0));
    assert_eq!(model.train.points.len(), before);
    assert!(
        !model.edits.can_undo(),
        "a stroke that changed nothing is no step"
    );
}

#[test]
fn undo_and_redo_walk_strokes_clears_and_typed_weights() {
    let mut model = Model::new();
    let original = model.train.points.clone();
    model.tool = Tool::Positive;
    model.begin_stroke();
    assert!(model.paint(1.0, 1.0));
    assert!(model.paint(2.0, 1.5));
    let painted = model.train.points.clone();
    assert_eq!(painted.len(), original.len() + 2);
    model.clear_points();
    assert!(model.train.points.is_empty());
    model.set_weight_text((0, 0, 0), "2.5");
    assert_eq!(model.mlp.weight(0, 0, 0), 2.5);

    assert!(model.undo(), "the weight");
    assert_ne!(model.mlp.weight(0, 0, 0), 2.5);
    assert!(model.undo(), "the clear");
    assert_eq!(model.train.points, painted);
    assert!(model.undo(), "the whole stroke at once");
    assert_eq!(model.train.points.len(), original.len());
    assert!(!model.undo(), "nothing older");
    assert_eq!(
        model.train_samples.len(),
        model.train.points.len(),
        "resampled"
    );

    assert!(model.redo());
    assert_eq!(model.train.points, painted);
    assert!(model.redo());
    assert!(model.train.points.is_empty());
    assert!(model.redo());
    assert_eq!(model.mlp.weight(0, 0, 0), 2.5);
    assert!(!model.redo());
    // A new edit forgets what could be redone.
    assert!(model.undo());
    model.begin_stroke();
    assert!(model.paint(0.5, 0.5));
    assert!(!model.edits.can_redo());
}

#[test]
fn a_csv_file_replaces_the_points_and_a_bad_one_changes_nothing() {
    let mut model = Model::new();
    let before = model.train.points.clone();
    model.import_csv("x1,x2,label\n1,2,abc\n");
    let Some(Notice::CsvRefused(error)) = &model.notice else {
        panic!("{:?}", model.notice);
    };
    assert_eq!((error.line, error.column), (2, Some(3)));
    assert_eq!(model.train.points, before, "nothing lost");

    model.import_csv("x1,x2,label\n1,2,1\n-3,0.5,0\n");
    assert_eq!(model.notice, Some(Notice::CsvImported(2)));
    assert_eq!(model.train.points.len(), 2);
    assert!(model.test.points.is_empty());
    assert_eq!(model.train.points[1].label, -1.0, "0 is the negative class");
    assert_eq!(model.train_samples.len(), 2);
    // The export reads back to the same points.
    let exported = model.points_csv();
    let mut other = Model::new();
    other.import_csv(&exported);
    assert_eq!(other.train.points, model.train.points);
    // Undo brings the old points back.
    assert!(model.undo());
    assert_eq!(model.train.points, before);
}

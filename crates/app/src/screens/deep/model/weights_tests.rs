//! The deep screen's weights file both ways on the real digits: exact round trips in every
//! phase, and every refusal named with nothing changed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use nnp_core::deep::Phase;

use super::*;
use crate::screens::deep::msg::Msg;
use crate::weights_file::WeightsError;

const DIGITS: &str = include_str!("../../../../../../web/data/digits.csv");

fn ready() -> Model {
    let mut m = Model::new();
    m.update(Msg::Loaded(Ok(DIGITS.to_owned())));
    m
}

/// Two layers: one pretrained and stacked, the second pretraining (or fine-tuning).
fn trained(fine_tune: bool) -> Model {
    let mut m = ready();
    m.update(Msg::Depth(2));
    m.train_in_phase(20);
    m.update(Msg::Advance);
    m.train_in_phase(20);
    if fine_tune {
        m.update(Msg::Advance);
        m.train_in_phase(20);
    }
    m
}

#[test]
fn every_weight_reads_back_exactly_in_both_phases() {
    for fine_tune in [false, true] {
        let m = trained(fine_tune);
        let text = m.weights_json().unwrap();
        let mut back = ready();
        back.update(Msg::OpenWeights(Ok(text.clone())));
        assert_eq!(back.weights_notice, Some(Ok(())), "fine-tune {fine_tune}");
        assert_eq!(back.config.hidden, [32, 32], "the file's depth");
        let (a, b) = (back.trainer().unwrap(), m.trainer().unwrap());
        assert_eq!(a.learned(), b.learned(), "every weight, bit for bit");
        assert_eq!(a.phase(), b.phase());
        let (a, b) = (a.evaluate(), b.evaluate());
        assert_eq!(
            (a.pretrained_accuracy, a.pretrained_loss),
            (b.pretrained_accuracy, b.pretrained_loss),
            "the same accuracy and loss on the same split"
        );
        assert_eq!(back.weights_json().unwrap(), text);
    }
}

#[test]
fn an_old_two_layer_net_of_32_and_16_opens_too() {
    let mut m = Model::from_query("labels=10");
    m.update(Msg::Loaded(Ok(DIGITS.to_owned())));
    m.train_in_phase(10);
    let text = m.weights_json().unwrap();
    let mut back = ready();
    back.update(Msg::OpenWeights(Ok(text)));
    assert_eq!(back.weights_notice, Some(Ok(())));
    assert_eq!(back.config.hidden, [32, 16]);
    assert_eq!(
        back.trainer().unwrap().learned(),
        m.trainer().unwrap().learned()
    );
}

fn refused(text: &str) -> WeightsError {
    let mut m = trained(false);
    let before = m.trainer().unwrap().learned();
    m.update(Msg::OpenWeights(Ok(text.to_string())));
    assert_eq!(
        m.trainer().unwrap().learned(),
        before,
        "the experiment stayed"
    );
    assert_eq!(m.phase(), Phase::Pretrain { layer: 1 });
    match m.weights_notice {
        Some(Err(error)) => error,
        other => panic!("{text} was not refused: {other:?}"),
    }
}

fn with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value =
        serde_json::from_str(&trained(true).weights_json().unwrap()).unwrap();
    edit(&mut value);
    value.to_string()
}

fn invalid(why: &str) -> WeightsError {
    WeightsError::Invalid(why.to_string())
}

#[test]
fn every_refusal_says_what_and_where() {
    use serde_json::json;
    assert_eq!(
        refused(&with(|v| v["screen"] = json!("lstm"))),
        WeightsError::OtherScreen("lstm".into())
    );
    assert_eq!(
        refused(&with(|v| v["hidden"] = json!([]))),
        invalid("hidden: 0 hidden layers, this screen offers [1, 2, 3, 4]")
    );
    assert_eq!(
        refused(&with(
            |v| v["hidden"][1]["weights"] = json!(vec![vec![0.0]; 40])
        )),
        invalid("hidden[1].weights: expected 1 to 32 units, found 40")
    );
    assert_eq!(
        refused(&with(|v| v["hidden"][0]["weights"][3] = json!([0.5, 0.5]))),
        invalid("hidden[0].weights[3]: expected 64 numbers, found 2")
    );
    assert_eq!(
        refused(&with(
            |v| v["autoencoders"][1]["decoder"]["bias"] = json!([1.0])
        )),
        invalid("autoencoders[1].decoder.bias: expected 32 numbers, found 1")
    );
    assert_eq!(
        refused(&with(|v| v["output"]["activation"] = json!("relu"))),
        invalid("output.activation: relu, this experiment's is linear")
    );
    assert_eq!(
        refused(&with(|v| v["phase"] = json!("done"))),
        invalid("phase: 'done' is not pretrain or fine-tune")
    );
    assert_eq!(
        refused(&with(|v| {
            v["phase"] = json!("pretrain");
            v["pretrain_layer"] = json!(2);
        })),
        invalid("pretrain_layer: expected 0 to 1")
    );
    let mut loading = Model::new();
    loading.update(Msg::OpenWeights(Ok(trained(true).weights_json().unwrap())));
    assert_eq!(
        loading.weights_notice,
        Some(Err(invalid(
            "digits: still loading; open the file again when they are there"
        )))
    );
}

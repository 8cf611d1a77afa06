//! The weights file both ways: exact round trips, and every refusal named with nothing
//! changed.

use nnp_core::activation::Activation;
use nnp_core::loss::Loss;
#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;
use crate::weights_file::WeightsError;

fn bits(model: &Model) -> Vec<u64> {
    model.mlp.params().iter().map(|w| w.to_bits()).collect()
}

/// A trained network with every kind of φ part and two activations.
fn trained() -> Model {
    let mut model = Model::new();
    model.set_degree(2);
    assert!(model.add_formula("sin(x1)*x2"));
    model.set_activation(1, Activation::Relu);
    model.set_loss(Loss::Hinge);
    for _ in 0..30 {
        assert!(model.train_epoch());
    }
    model
}

fn opened(text: &str) -> Model {
    let mut model = Model::new();
    model.open_weights(text);
    model
}

#[test]
fn a_trained_network_reads_back_bit_for_bit() {
    let model = trained();
    let text = model.weights_json();
    let back = opened(&text);
    assert_eq!(back.notice, Some(Notice::WeightsOpened));
    assert_eq!(back.phi, model.phi);
    assert_eq!(back.hidden, model.hidden);
    assert_eq!(back.loss, Loss::Hinge);
    assert_eq!(back.mlp.shape(), model.mlp.shape());
    assert_eq!(bits(&back), bits(&model), "every weight exactly");
    assert_eq!(back.epoch, 30);
    assert_eq!(
        back.test_metrics, model.test_metrics,
        "same network, same points: same numbers"
    );
    assert_eq!(back.weights_json(), text, "written again, the same file");
    assert!(back.hand_edited, "the link carries the weights themselves");
    assert!(!back.playing && back.replay_to.is_none(), "nothing replays");
}

#[test]
fn the_linear_model_has_no_biases_in_its_file() {
    let mut model = Model::new();
    model.set_linear(true);
    for _ in 0..5 {
        assert!(model.train_epoch());
    }
    let text = model.weights_json();
    assert!(text.contains("\"model\": \"linear\"") && !text.contains("\"bias\""));
    assert!(text.contains("\"inputs\": [\n    \"1\","), "{text}");
    let back = opened(&text);
    assert!(back.linear);
    assert_eq!(bits(&back), bits(&model));
}

#[test]
fn the_readme_example_opens() {
    let readme = include_str!("../../../../../../README.md");
    let start = readme
        .find("```json\n  {\"format\": \"nnp-weights 1\"")
        .expect("the README shows a weights file")
        + "```json\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let model = opened(&readme[start..end]);
    assert_eq!(
        model.notice,
        Some(Notice::WeightsOpened),
        "{:?}",
        model.notice
    );
    assert_eq!(model.mlp.weights(0), [-1.0, 1.0, -1.0, -1.0, -1.0, 1.0]);
}

#[test]
fn the_lecture_hand_solution_opens_from_a_hand_written_file() {
    // v1 = [−1, 1, −1] and v2 = [−1, −1, 1] on φ = [1, x1, x2], sign units.
    let text = r#"{
      "format": "nnp-weights 1", "screen": "boundaries",
      "phi": {"named": ["one", "x1", "x2"]},
      "model": "network", "loss": "hinge",
      "layers": [
        {"activation": "sign", "weights": [[-1, 1, -1], [-1, -1, 1]], "bias": [0, 0]},
        {"activation": "linear", "weights": [[1, 1]], "bias": [1]}
      ]
    }"#;
    let model = opened(text);
    assert_eq!(
        model.notice,
        Some(Notice::WeightsOpened),
        "{:?}",
        model.notice
    );
    assert_eq!(model.mlp.weights(0), [-1.0, 1.0, -1.0, -1.0, -1.0, 1.0]);
    assert_eq!(model.hidden[0].activation, Activation::Sign);
}

fn refused(text: &str) -> WeightsError {
    let mut model = trained();
    let (before, points) = (bits(&model), model.train.points.clone());
    model.open_weights(text);
    assert_eq!(bits(&model), before, "the network stayed");
    assert_eq!(model.train.points, points, "the points stayed");
    match model.notice {
        Some(Notice::WeightsRefused(error)) => error,
        other => panic!("{text} was not refused: {other:?}"),
    }
}

fn with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value = serde_json::from_str(&trained().weights_json()).unwrap();
    edit(&mut value);
    value.to_string()
}

fn invalid(why: &str) -> WeightsError {
    WeightsError::Invalid(why.to_string())
}

#[test]
fn every_refusal_says_what_and_where() {
    use serde_json::json;
    assert!(matches!(refused("{\"format\""), WeightsError::NotJson(_)));
    assert_eq!(refused("{}"), WeightsError::NotWeights);
    assert_eq!(
        refused(&with(|v| v["screen"] = json!("lstm"))),
        WeightsError::OtherScreen("lstm".into())
    );
    assert_eq!(
        refused(&with(|v| v["phi"]["named"] = json!(["x1", "x9"]))),
        invalid("phi.named: unknown feature 'x9'")
    );
    assert_eq!(
        refused(&with(|v| v["phi"]["degree"] = json!(7))),
        invalid("phi.degree: at most 6")
    );
    assert!(matches!(
        refused(&with(|v| v["phi"]["formulas"] = json!(["sin("]))),
        WeightsError::Invalid(why) if why.starts_with("phi.formulas[0]: ")
    ));
    assert_eq!(
        refused(&with(|v| v["model"] = json!("tree"))),
        invalid("model: 'tree' is not linear or network")
    );
    assert_eq!(
        refused(&with(|v| v["loss"] = json!("l7"))),
        invalid("loss: unknown loss 'l7'")
    );
    assert_eq!(
        refused(&with(|v| v["layers"][0]["activation"] = json!("swish"))),
        invalid("layers[0].activation: unknown activation 'swish'")
    );
    assert_eq!(
        refused(&with(|v| v["layers"][1]["weights"][0] = json!([1.0]))),
        invalid("layers[1].weights[0]: expected 4 numbers, found 1")
    );
    assert_eq!(
        refused(&with(
            |v| v["layers"][2]["weights"] = json!([[1.0, 2.0], [3.0, 4.0]])
        )),
        invalid("layers[2].weights: expected 1 rows, found 2")
    );
    assert_eq!(
        refused(&with(|v| v["layers"][0]["bias"] = json!([0.5]))),
        invalid("layers[0].bias: expected 4 numbers, found 1")
    );
    assert_eq!(
        refused(&with(|v| {
            v["layers"][0].as_object_mut().unwrap().remove("bias");
        })),
        invalid("layers[0]: a network's layer needs a bias")
    );
    assert_eq!(
        refused(&with(|v| v["layers"] = json!([]))),
        invalid("layers: expected 1 to 9 layers, found 0")
    );
    // The browser reads 1e400 as Infinity (refused as not finite); serde_json refuses it
    // as out of range.
    let huge =
        with(|v| v["layers"][0]["weights"][0][0] = json!(12345.5)).replace("12345.5", "1e400");
    assert!(matches!(
        refused(&huge),
        WeightsError::Invalid(_) | WeightsError::NotJson(_)
    ));
    assert!(matches!(
        refused(&with(|v| v["layers"][0]["weights"][0][0] = json!("abc"))),
        WeightsError::Invalid(why) if why.contains("invalid type")
    ));
}

#[test]
fn a_huge_epoch_count_is_kept_as_a_link_can_carry_it() {
    let text = with(|v| v["epoch"] = serde_json::json!(4_000_000_000u64));
    let model = opened(&text);
    assert_eq!(model.notice, Some(Notice::WeightsOpened));
    assert_eq!(
        model.epoch,
        crate::screens::boundaries::link::MAX_EPOCHS as usize
    );
    let reopened = Model::from_query(&crate::share::write_query(
        &crate::screens::boundaries::link::fields(),
        &model.settings(),
    ));
    assert_eq!(reopened.notice, None, "the link reads back whole");
    assert_eq!(bits(&reopened), bits(&model));
}

#[test]
fn the_linear_model_is_refused_without_its_constant() {
    let mut model = Model::new();
    model.set_linear(true);
    let text = model.weights_json().replace("\"one\",", "");
    assert_eq!(
        refused(&text),
        invalid("phi.named: the linear model needs the feature '1' (its bias)")
    );
}

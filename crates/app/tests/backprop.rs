//! Browser tests of the backprop screen's controls: mount the app at `#/backprop`, press
//! buttons and type like a student, and read what the page shows.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed lookup in a test is a failed test

use nnp_core::graph::{CarNet, CarNetConfig};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

async fn click(root: &Element, selector: &str) {
    fire(&find(root, selector), "click");
    settle().await;
}

async fn type_into(root: &Element, selector: &str, value: &str) {
    let element = find(root, selector);
    match element.dyn_ref::<HtmlInputElement>() {
        Some(input) => input.set_value(value),
        None => element
            .dyn_ref::<HtmlSelectElement>()
            .expect("an input or a select")
            .set_value(value),
    }
    fire(&find(root, selector), "change");
    settle().await;
}

/// The value a node shows (`f = …` or `g = …`), without the thin spaces.
fn shown(root: &Element, label: &str, class: &str) -> String {
    text(root, &format!(".bp-node[data-label=\"{label}\"] .{class}")).replace('\u{2009}', " ")
}

fn has_class(element: &Element, class: &str) -> bool {
    element
        .get_attribute("class")
        .unwrap_or_default()
        .split_whitespace()
        .any(|c| c == class)
}

/// 4 significant digits with "−": plain between 0.001 and 1000, `m·10ᵉ` below 10⁻⁴.
fn sig4(x: f64) -> String {
    significant(x, 3)
}

/// [`sig4`] as a leaf's narrow box writes it: 3 significant digits in `m·10ᵉ`.
fn in_leaf(x: f64) -> String {
    significant(x, 2)
}

fn significant(x: f64, sci_decimals: usize) -> String {
    let text = if x.abs() < 1e-4 {
        let sci = format!("{:.sci_decimals$e}", x.abs());
        let (mantissa, exponent) = sci.split_once('e').unwrap();
        let superscript: String = exponent
            .chars()
            .map(|c| match c {
                '-' => '⁻',
                d => "⁰¹²³⁴⁵⁶⁷⁸⁹"
                    .chars()
                    .nth(d.to_digit(10).unwrap() as usize)
                    .unwrap(),
            })
            .collect();
        format!("{mantissa}·10{superscript}")
    } else {
        let digits_before = x.abs().log10().floor() as i32 + 1;
        format!("{:.*}", (4 - digits_before).max(0) as usize, x.abs())
    };
    if x < 0.0 { format!("−{text}") } else { text }
}

#[wasm_bindgen_test]
async fn stepping_walks_the_graph_up_then_down_and_matches_the_core() {
    let root = mount("#/backprop").await;
    let nodes = count(&root, ".bp-node");
    assert_eq!(nodes, 19, "the lecture's graph: no bias node w0");
    assert!(text(&root, ".bp-phase").contains("Press"));
    click(&root, ".bp-step").await;
    // The first node (the constant 1) is computed and highlighted; x1 is next.
    assert_eq!(count(&root, ".bp-node.bp-current"), 1);
    assert_eq!(
        find(&root, ".bp-node.bp-current")
            .get_attribute("data-label")
            .unwrap(),
        "1"
    );
    assert_eq!(text(&root, ".bp-phase"), "Forward pass — next f: x1");
    assert_eq!(count(&root, ".bp-local"), 0);

    click(&root, ".bp-forward").await;
    assert_eq!(text(&root, ".bp-phase"), "Backward pass — next g: loss");
    assert_eq!(count(&root, ".bp-node .bp-g"), 0);
    let graph = CarNet::new(CarNetConfig::default()).graph;
    let edges = graph.edges().len() as u32;
    // v1·Φ and v2·Φ each fan out to 6 leaves; the two fans cross, so one is labelled.
    let one_fan = graph.node(graph.expect_index("v2·Φ")).children().len() as u32;
    assert_eq!(
        count(&root, ".bp-local"),
        edges - one_fan,
        "every edge but the other fan's shows its local derivative"
    );

    // The core on the same default state: textbook weights, example [3, 1], squared loss.
    let mut net = CarNet::new(CarNetConfig::default());
    let loss = net.graph.run();
    assert_eq!(shown(&root, "loss", "bp-f"), format!("f = {}", sig4(loss)));
    click(&root, ".bp-step").await;
    assert_eq!(shown(&root, "loss", "bp-g"), "g = 1.000");
    click(&root, ".bp-backward").await;
    let w1 = net.graph.node(net.graph.expect_index("w1")).grad.unwrap();
    // The lecture's network (no bias) already nearly fits [3, 1]: score ≈ h1 ≈ 1.
    assert!(w1 < 0.0 && w1 > -1e-3, "{w1}");
    assert_eq!(shown(&root, "w1", "bp-g"), format!("g = {}", in_leaf(w1)));
    assert!(text(&root, ".bp-phase").starts_with("Pass finished"));
    root.remove();
}

#[wasm_bindgen_test]
async fn update_waits_for_the_backward_pass_then_lowers_the_loss() {
    let root = mount("#/backprop").await;
    // Random weights: the textbook ones fit [3, 1] to a loss of about 1e-9 with
    // saturated units, where one update changes nothing a reader can see.
    click(&root, ".bp-random").await;
    let update = || find(&root, ".bp-update").has_attribute("disabled");
    assert!(update(), "no gradients yet");
    click(&root, ".bp-forward").await;
    assert!(update(), "forward only");
    click(&root, ".bp-backward").await;
    assert!(!update());
    click(&root, ".bp-update").await;
    let said = text(&root, ".bp-updated");
    let numbers: Vec<f64> = said
        .rsplit(": ")
        .next()
        .unwrap()
        .split(" → ")
        .map(|s| s.replace('−', "-").parse().unwrap())
        .collect();
    assert!(numbers[1] < numbers[0], "{said}");
    assert!(update(), "the pass starts over after an update");
    root.remove();
}

#[wasm_bindgen_test]
async fn loss_choice_and_output_bias_rebuild_the_graph() {
    let root = mount("#/backprop").await;
    assert_eq!(count(&root, ".bp-node[data-label=\"score − y\"]"), 1);
    type_into(&root, ".bp-loss", "hinge").await;
    assert_eq!(count(&root, ".bp-node[data-label=\"score − y\"]"), 0);
    assert_eq!(count(&root, ".bp-node[data-label=\"margin\"]"), 1);
    assert_eq!(text(&root, ".bp-node[data-label=\"loss\"] .bp-op"), "hinge");

    // The lecture's exact graph by default; the bias w0 appears only when asked for.
    assert_eq!(count(&root, ".bp-node[data-label=\"w0\"]"), 0);
    assert!(text(&root, ".bp-bias-note").contains("without a bias w0"));
    let bias = find(&root, ".bp-bias")
        .dyn_into::<HtmlInputElement>()
        .unwrap();
    bias.set_checked(true);
    fire(&find(&root, ".bp-bias"), "change");
    settle().await;
    assert_eq!(count(&root, ".bp-node[data-label=\"w0\"]"), 1);
    assert!(text(&root, ".bp-bias-note").contains("The score has a bias w0"));
    bias.set_checked(false);
    fire(&find(&root, ".bp-bias"), "change");
    settle().await;
    assert_eq!(count(&root, ".bp-node[data-label=\"w0\"]"), 0);
    root.remove();
}

#[wasm_bindgen_test]
async fn bad_input_is_refused_with_a_message() {
    let root = mount("#/backprop").await;
    assert_eq!(count(&root, ".bp-error.notice-error"), 0);
    type_into(&root, ".bp-rate", "fast").await;
    assert!(text(&root, ".bp-error").contains("not a number"));
    type_into(&root, ".bp-rate", "0").await;
    assert!(text(&root, ".bp-error").contains("above 0"));
    type_into(&root, ".bp-epochs", "1e9").await;
    assert!(text(&root, ".bp-error").contains("1 to 1000"));
    type_into(&root, ".bp-rate", "0.5").await;
    assert_eq!(count(&root, ".bp-error.notice-error"), 0);
    // Neither mistake changed anything: a good value is shown as 4 significant digits.
    assert_eq!(
        find(&root, ".bp-rate")
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .value(),
        "0.5000"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn clicking_a_parameter_selects_it_for_the_chain_rule_and_edits_it() {
    let root = mount("#/backprop").await;
    assert!(text(&root, ".bp-chain h2").contains("∂loss/∂v1[1]"));
    click(&root, ".bp-node[data-label=\"w2\"]").await;
    assert!(text(&root, ".bp-chain h2").contains("∂loss/∂w2"));
    assert!(has_class(
        &find(&root, ".bp-node[data-label=\"w2\"]"),
        "bp-selected"
    ));
    let active = document().active_element().unwrap();
    assert!(has_class(&active, "bp-weight"), "the editor has focus");
    type_into(&root, ".bp-weight", "−2,5").await;
    assert_eq!(shown(&root, "w2", "bp-f"), "= −2.500");
    // Clicking an operation does not select it.
    click(&root, ".bp-node[data-label=\"h1\"]").await;
    assert!(text(&root, ".bp-chain h2").contains("∂loss/∂w2"));
    root.remove();
}

#[wasm_bindgen_test]
async fn random_init_and_textbook_refill_the_table() {
    let root = mount("#/backprop").await;
    let first_h1 = || text(&root, ".bp-table tbody tr:first-child .bp-h1");
    assert_eq!(first_h1(), "1.000");
    click(&root, ".bp-random").await;
    assert_ne!(first_h1(), "1.000");
    assert!(text(&root, ".bp-seed").ends_with('6'));
    click(&root, ".bp-textbook").await;
    assert_eq!(first_h1(), "1.000");
    // Choosing the third row puts [1, 0.5] into the graph.
    click(&root, ".bp-table tbody tr:nth-child(3) .bp-use").await;
    assert_eq!(shown(&root, "x2", "bp-f"), "= 0.5000");
    // Not safe is written y = 0, as in the lecture's table (squared loss).
    assert_eq!(shown(&root, "y", "bp-f"), "= 0");
    root.remove();
}

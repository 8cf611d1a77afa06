//! The selected parameter: its value (editable), the chain-rule product along its path
//! from the loss with numbers, the backpropagated g and the finite-difference estimate.

use nnp_core::graph::ChainPath;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::Msg;
use super::format::num;
use super::model::Model;
use crate::i18n::backprop::BackpropTexts;
use crate::widgets::event_value;

/// The chain-rule panel.
pub fn view(
    model: &Model,
    t: &'static BackpropTexts,
    on_msg: &Callback<Msg>,
    editor: &NodeRef,
) -> Html {
    let g = &model.net.graph;
    let i = model.selected;
    let label = g.node(i).label.clone();
    let root = g.node(g.root()).label.clone();
    let rule = model.chain();
    let head = format!("∂{root}/∂{label}");
    let symbols: Vec<String> = rule.paths.iter().map(|p| symbols(p).join(" · ")).collect();
    let numbers: Vec<String> = rule.paths.iter().map(numbers).collect();
    let on_change = on_msg.reform(move |e: Event| Msg::Weight(i, event_value(&e)));
    let on_set = {
        let editor = editor.clone();
        on_msg.reform(move |_: MouseEvent| {
            let text = editor
                .cast::<HtmlInputElement>()
                .map(|input| input.value())
                .unwrap_or_default();
            Msg::Weight(i, text)
        })
    };
    let backprop = match g.node(i).grad {
        Some(grad) => html! {
            <><dt>{ t.backprop_g }</dt><dd class="bp-chain-g">{ num(grad) }</dd></>
        },
        None => html! { <><dt>{ t.backprop_g_pending }</dt><dd class="bp-chain-g">{ "—" }</dd></> },
    };
    html! {
        <section class="bp-chain" aria-live="polite">
            <h2>{ t.chain_heading }<span class="bp-math">{ head.clone() }</span></h2>
            <p class="bp-hint">{ t.chain_hint }</p>
            <p class="bp-edit">
                <label>
                    <span class="bp-math">{ format!("{label} {} ", t.value) }</span>
                    <input ref={editor.clone()} key={format!("{i}-{}", model.revision)}
                           class="bp-weight" type="text" inputmode="decimal" size="8"
                           value={num(g.leaf_value(i))} onchange={on_change} />
                </label>
                <button type="button" class="bp-button bp-set" onclick={on_set}>{ t.set_value }</button>
            </p>
            <p class="bp-chain-formula bp-math">
                { format!("{head} = {}", symbols.join(" + ")) }
            </p>
            <p class="bp-chain-numbers bp-math">
                { format!("= {} = ", numbers.join(" + ")) }
                <strong class="bp-chain-total">{ num(rule.total) }</strong>
            </p>
            <p class="bp-hint">{ t.chain_paths }</p>
            <dl class="bp-compare">
                { backprop }
                <dt>{ t.finite_difference }</dt>
                <dd class="bp-chain-fd">{ num(model.finite_difference()) }</dd>
            </dl>
        </section>
    }
}

/// The edges of a path worth writing: the literal factors `1` are left out.
fn kept(path: &ChainPath) -> Vec<&nnp_core::graph::Edge> {
    let kept: Vec<_> = path.edges.iter().filter(|e| e.formula != "1").collect();
    if kept.is_empty() {
        path.edges.iter().take(1).collect()
    } else {
        kept
    }
}

fn symbols(path: &ChainPath) -> Vec<String> {
    kept(path).iter().map(|e| e.formula.clone()).collect()
}

fn numbers(path: &ChainPath) -> String {
    kept(path)
        .iter()
        .map(|e| format!("({})", num(e.local.unwrap_or(f64::NAN))))
        .collect::<Vec<_>>()
        .join(" · ")
}

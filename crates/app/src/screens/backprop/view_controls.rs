//! The pass's buttons and the status line above the graph; weights and training below it.

use nnp_core::graph::Phase;
use nnp_core::loss::Loss;
use yew::prelude::*;

use super::format::{num, plain};
use super::model::{Model, TrainSet};
use super::{Msg, phase_text};
use crate::i18n::backprop::BackpropTexts;
use crate::widgets::event_value;

fn button(text: &'static str, class: &'static str, msg: Msg, on_msg: &Callback<Msg>) -> Html {
    let onclick = on_msg.reform(move |_: MouseEvent| msg.clone());
    html! { <button type="button" class={classes!("bp-button", class)} {onclick}>{ text }</button> }
}

/// One pass through the graph, node by node: the buttons above the picture.
pub fn pass(model: &Model, t: &'static BackpropTexts, on_msg: &Callback<Msg>) -> Html {
    let done = model.phase() == Phase::Done;
    let update = {
        let onclick = on_msg.reform(|_: MouseEvent| Msg::Update);
        html! {
            <button type="button" class="bp-button bp-update" {onclick} disabled={!done}
                    title={(!done).then_some(t.apply_update_hint)}>{ t.apply_update }</button>
        }
    };
    html! {
        <div class="bp-pass">
            <div class="bp-group" role="group" aria-label={t.pass_controls}>
                <span class="bp-group-name">{ t.pass_controls }</span>
                { button(t.step, "bp-step", Msg::Step, on_msg) }
                { button(t.finish_forward, "bp-forward", Msg::FinishForward, on_msg) }
                { button(t.finish_backward, "bp-backward", Msg::FinishBackward, on_msg) }
                { update }
                { button(t.reset_pass, "bp-reset", Msg::ResetPass, on_msg) }
            </div>
        </div>
    }
}

/// Weight and training controls.
pub fn view(
    model: &Model,
    training: bool,
    t: &'static BackpropTexts,
    on_msg: &Callback<Msg>,
) -> Html {
    let config = model.config();
    let train = if training {
        button(t.stop, "bp-stop", Msg::Stop, on_msg)
    } else {
        button(t.train, "bp-train", Msg::Train, on_msg)
    };
    let on_loss = on_msg.reform(|e: Event| {
        let loss = match event_value(&e).as_str() {
            "hinge" => Loss::Hinge,
            "logistic" => Loss::Logistic,
            _ => Loss::Squared,
        };
        Msg::Loss(loss)
    });
    let on_bias = on_msg.reform(|e: Event| Msg::OutputBias(checked(&e)));
    let on_train_on = on_msg.reform(|e: Event| {
        Msg::TrainOn(if event_value(&e) == "table" {
            TrainSet::Table
        } else {
            TrainSet::Grid
        })
    });
    let on_rate = on_msg.reform(|e: Event| Msg::LearningRate(event_value(&e)));
    let on_epochs = on_msg.reform(|e: Event| Msg::Epochs(event_value(&e)));
    let on_sharpness = on_msg.reform(|e: Event| Msg::Sharpness(event_value(&e)));
    let loss_option = |kind: Loss, value: &'static str, text: &'static str| {
        html! { <option {value} selected={config.loss == kind}>{ text }</option> }
    };
    html! {
        <div class="bp-controls">
            <div class="bp-group" role="group" aria-label={t.weights_controls}>
                <span class="bp-group-name">{ t.weights_controls }</span>
                { button(t.random_init, "bp-random", Msg::Randomize, on_msg) }
                <span class="bp-seed">{ format!("{} {}", t.seed, model.seed) }</span>
                { button(t.textbook, "bp-textbook", Msg::Textbook, on_msg) }
                <button type="button" class="bp-button bp-undo" disabled={!model.can_undo()}
                        title={t.undo_hint} onclick={on_msg.reform(|_: MouseEvent| Msg::Undo)}>
                    { "↶ " }{ t.undo }</button>
                <button type="button" class="bp-button bp-redo" disabled={!model.can_redo()}
                        title={t.redo_hint} onclick={on_msg.reform(|_: MouseEvent| Msg::Redo)}>
                    { "↷ " }{ t.redo }</button>
                <label class="bp-field" title={t.sharpness_note}>{ t.sharpness }
                    <input class="bp-sharpness" type="text" inputmode="decimal" size="4"
                           value={plain(model.net.sharpness())} onchange={on_sharpness}
                           key={format!("k-{}", model.net.sharpness())} />
                </label>
                { train }
                <label class="bp-field">
                    <input class="bp-epochs" type="text" inputmode="numeric" size="4"
                           value={model.epochs.to_string()} onchange={on_epochs} />
                    { t.epochs }
                </label>
            </div>
            <div class="bp-group bp-settings">
                <label class="bp-field">{ t.learning_rate }
                    <input class="bp-rate" type="text" inputmode="decimal" size="5"
                           value={num(model.learning_rate)} onchange={on_rate} />
                </label>
                <label class="bp-field">{ t.loss }
                    <select class="bp-loss" onchange={on_loss}>
                        { loss_option(Loss::Squared, "squared", t.loss_squared) }
                        { loss_option(Loss::Hinge, "hinge", t.loss_hinge) }
                        { loss_option(Loss::Logistic, "logistic", t.loss_logistic) }
                    </select>
                </label>
                <label class="bp-field">{ t.train_on }
                    <select class="bp-train-on" onchange={on_train_on}>
                        <option value="grid" selected={model.train_set == TrainSet::Grid}>
                            { t.train_on_grid }</option>
                        <option value="table" selected={model.train_set == TrainSet::Table}>
                            { t.train_on_table }</option>
                    </select>
                </label>
                <label class="bp-field bp-check">
                    <input class="bp-bias" type="checkbox" checked={config.output_bias}
                           onchange={on_bias} />
                    { t.output_bias }
                </label>
            </div>
            <p class="bp-bias-note">
                { if config.output_bias { t.bias_note } else { t.exact_graph_note } }
                { " " }{ t.sharpness_note }
            </p>
        </div>
    }
}

/// The phase of the pass, and what the latest update did.
pub fn status(model: &Model, t: &'static BackpropTexts) -> Html {
    let update = model.last_update.map(|(before, after)| {
        html! {
            <span class="bp-updated">
                { format!("{}{} → {}", t.updated, num(before), num(after)) }
            </span>
        }
    });
    html! {
        <p class="bp-status" role="status" aria-live="polite">
            <span class="bp-phase">{ phase_text(model, t) }</span>
            { for update }
        </p>
    }
}

fn checked(event: &Event) -> bool {
    use wasm_bindgen::JsCast;
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

//! Labels used (the lecture's point about unlabelled data) and the experiment's settings.

use nnp_core::deep::FineTune;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::model::{DEPTH_CHOICES, LABEL_CHOICES, LAYER_UNITS, Model, RateField};
use super::msg::Msg;
use super::text::{count, fill, percent};
use crate::i18n::deep::DeepTexts;

fn rate_field(
    t: &DeepTexts,
    m: &Model,
    field: RateField,
    label: &'static str,
    send: &Callback<Msg>,
) -> Html {
    let i = usize::from(field == RateField::FineTune);
    let error = m.rate_error[i];
    let class = match field {
        RateField::Pretrain => "deep-rate-pretrain",
        RateField::FineTune => "deep-rate-fine",
    };
    let onchange = send.reform(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Msg::Rate(field, input.value())
    });
    html! {
        <div class={classes!("deep-field", class)}>
            <label>
                <span>{ label }</span>
                <input type="text" inputmode="decimal" value={m.rate_text[i].clone()}
                       aria-invalid={error.to_string()} {onchange} />
            </label>
            if error {
                <p class="deep-field-error" role="alert">{ t.bad_rate }</p>
            }
        </div>
    }
}

/// The labels readout, the labels-per-class choice and the learning rates.
pub fn settings(t: &DeepTexts, m: &Model, send: &Callback<Msg>) -> Html {
    let readout = m.trainer().map(|tr| {
        fill(
            t.labels_readout,
            &[
                &count(tr.labels_used()),
                &count(tr.unlabelled_count()),
                &percent(tr.labelled_fraction()),
            ],
        )
    });
    let on_labels = send.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Msg::LabelsPerClass(select.value().parse().unwrap_or(0))
    });
    let on_how = send.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Msg::FineTuneWhat(FineTune::from_id(&select.value()).unwrap_or(FineTune::WholeNet))
    });
    let on_depth = send.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Msg::Depth(select.value().parse().unwrap_or(0))
    });
    let per_class = m.config.labels_per_class;
    let depth = m.config.hidden.len();
    // A net from an older link (other widths) is shown as its depth; choosing one restarts
    // with layers of 32 units.
    let how = m.config.fine_tune;
    html! {
        <section class="deep-panel deep-settings">
            <h2>{ t.labels_title }</h2>
            if let Some(readout) = readout {
                <p class="deep-readout deep-labels-readout">{ readout }</p>
            }
            <div class="deep-field">
                <label>
                    <span>{ t.labels_per_class }</span>
                    <select class="deep-labels" onchange={on_labels}>
                        { for LABEL_CHOICES.iter().map(|&n| html! {
                            <option value={n.to_string()} selected={n == per_class}>{ n }</option>
                        }) }
                    </select>
                </label>
            </div>
            <h3>{ t.settings_title }</h3>
            <div class="deep-field">
                <label>
                    <span>{ fill(t.depth_label, &[&LAYER_UNITS.to_string()]) }</span>
                    <select class="deep-depth" onchange={on_depth}>
                        { for DEPTH_CHOICES.iter().map(|&n| html! {
                            <option value={n.to_string()} selected={n == depth}>{ n }</option>
                        }) }
                    </select>
                </label>
            </div>
            { rate_field(t, m, RateField::Pretrain, t.pretrain_rate, send) }
            { rate_field(t, m, RateField::FineTune, t.fine_tune_rate, send) }
            <div class="deep-field">
                <label>
                    <span>{ t.fine_tune_what }</span>
                    <select class="deep-how" onchange={on_how}>
                        <option value={FineTune::WholeNet.id()}
                                selected={how == FineTune::WholeNet}>{ t.whole_net }</option>
                        <option value={FineTune::OutputOnly.id()}
                                selected={how == FineTune::OutputOnly}>{ t.output_only }</option>
                    </select>
                </label>
            </div>
            <p class="deep-hint">{ t.restarts }</p>
        </section>
    }
}

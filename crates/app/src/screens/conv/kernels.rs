//! The kernel editor: one card per kernel with a preset menu, an editable grid and a
//! bias, plus the size, stride, padding and orientation shared by all kernels.

use nnp_core::conv::{CellError, PRESETS, Padding};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::model::{KERNEL_SIZES, MAX_KERNELS, Model, Slot, format_number};
use super::msg::Msg;
use crate::i18n::conv::ConvTexts;
use crate::i18n::fill;
use crate::widgets::event_value;

/// The name of a preset in the current language ("custom" for an edited kernel).
pub fn preset_name(t: &ConvTexts, id: Option<&str>) -> &'static str {
    let Some(i) = id.and_then(|id| PRESETS.iter().position(|p| p.id == id)) else {
        return t.custom;
    };
    t.preset_names.get(i).copied().unwrap_or(t.custom)
}

/// Why a cell is ignored, in the current language.
fn cell_message(t: &ConvTexts, error: &CellError, kept: f32) -> String {
    let kept = format_number(kept);
    match error {
        CellError::Empty => fill(t.cell_empty, &[&kept]),
        CellError::NotANumber(text) => fill(t.cell_not_a_number, &[text, &kept]),
        CellError::TooLarge(text) => fill(t.cell_too_large, &[text, &kept]),
    }
}

fn cell_input(
    t: &ConvTexts,
    class: &'static str,
    label: String,
    text: &str,
    error: Option<&CellError>,
    kept: f32,
    oninput: Callback<InputEvent>,
) -> Html {
    let title = error.map(|e| cell_message(t, e, kept));
    html! {
        <input type="text" inputmode="decimal" spellcheck="false" autocomplete="off"
               class={classes!(class, error.is_some().then_some("invalid"))}
               aria-label={label} aria-invalid={error.is_some().to_string()}
               title={title} value={text.to_owned()} {oninput} />
    }
}

fn slot_card(
    t: &'static ConvTexts,
    k: usize,
    slot: &Slot,
    size: usize,
    removable: bool,
    dispatch: &Callback<Msg>,
) -> Html {
    let preset = dispatch.reform(move |e: Event| Msg::Preset(k, event_value(&e)));
    let cells = slot.texts.iter().enumerate().map(|(i, text)| {
        let label = fill(
            t.cell_label,
            &[&(i / size + 1).to_string(), &(i % size + 1).to_string()],
        );
        let oninput = dispatch.reform(move |e: InputEvent| {
            Msg::Cell(k, i, e.target_unchecked_into::<HtmlInputElement>().value())
        });
        cell_input(
            t,
            "conv-cell",
            label,
            text,
            slot.errors[i].as_ref(),
            slot.weights[i],
            oninput,
        )
    });
    let bias = dispatch.reform(move |e: InputEvent| {
        Msg::Bias(k, e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let errors: Vec<String> = slot
        .errors
        .iter()
        .zip(&slot.weights)
        .filter_map(|(e, &w)| e.as_ref().map(|e| cell_message(t, e, w)))
        .chain(
            slot.bias_error
                .as_ref()
                .map(|e| cell_message(t, e, slot.bias)),
        )
        .collect();
    html! {
        <div class={classes!("conv-kernel", format!("conv-kernel-{k}"))}>
            <div class="conv-kernel-head">
                <h3>{ fill(t.kernel_title, &[&(k + 1).to_string()]) }</h3>
                if removable {
                    <button type="button" class="conv-remove" title={t.remove_kernel} aria-label={t.remove_kernel}
                            onclick={dispatch.reform(move |_| Msg::RemoveKernel(k))}>{ "×" }</button>
                }
            </div>
            <label class="conv-select">
                <span>{ t.preset }</span>
                <select class="conv-preset" onchange={preset}>
                    if slot.preset.is_none() {
                        <option value="" selected=true>{ t.custom }</option>
                    }
                    { for PRESETS.iter().map(|p| html! {
                        <option value={p.id} selected={slot.preset == Some(p.id)}>{ preset_name(t, Some(p.id)) }</option>
                    }) }
                </select>
            </label>
            <div class="conv-kernel-grid" style={format!("--n:{size}")}>
                { for cells }
            </div>
            <label class="conv-bias">
                <span>{ t.bias }</span>
                { cell_input(t, "conv-bias-input", t.bias.to_owned(), &slot.bias_text, slot.bias_error.as_ref(), slot.bias, bias) }
            </label>
            if !errors.is_empty() {
                <p class="conv-cell-error" role="alert">{ errors.join(" ") }</p>
            }
        </div>
    }
}

/// Kernel cards and the settings they share.
pub fn kernels_panel(t: &'static ConvTexts, m: &Model, dispatch: &Callback<Msg>) -> Html {
    let size = m.kernel_size();
    let config = *m.pipeline().config();
    let conv = config.conv;
    let set_size =
        dispatch.reform(|e: Event| Msg::KernelSize(event_value(&e).parse().unwrap_or(0)));
    let set_stride = dispatch.reform(move |e: Event| {
        let mut c = config;
        c.conv.stride = event_value(&e).parse().unwrap_or(1).clamp(1, 4);
        Msg::Config(c)
    });
    let set_padding = dispatch.reform(move |e: Event| {
        let mut c = config;
        c.conv.padding = if event_value(&e) == "valid" {
            Padding::Valid
        } else {
            Padding::Same
        };
        Msg::Config(c)
    });
    let set_flip = dispatch.reform(move |e: Event| {
        let mut c = config;
        c.conv.flip = e.target_unchecked_into::<HtmlInputElement>().checked();
        Msg::Config(c)
    });
    let removable = m.slots().len() > 1;
    html! {
        <section class="conv-panel conv-kernels">
            <h2>{ t.kernels_title }</h2>
            <div class="conv-kernel-settings">
                <label class="conv-select">
                    <span>{ t.kernel_size }</span>
                    <select class="conv-kernel-size" onchange={set_size}>
                        { for KERNEL_SIZES.iter().map(|&s| html! {
                            <option value={s.to_string()} selected={s == size}>{ format!("{s} × {s}") }</option>
                        }) }
                    </select>
                </label>
                <label class="conv-select">
                    <span>{ t.stride }</span>
                    <select class="conv-stride" onchange={set_stride}>
                        { for (1..=4usize).map(|s| html! {
                            <option value={s.to_string()} selected={s == conv.stride}>{ s }</option>
                        }) }
                    </select>
                </label>
                <label class="conv-select">
                    <span>{ t.padding }</span>
                    <select class="conv-padding" onchange={set_padding}>
                        <option value="same" selected={conv.padding != Padding::Valid}>{ t.padding_same }</option>
                        <option value="valid" selected={conv.padding == Padding::Valid}>{ t.padding_valid }</option>
                    </select>
                </label>
                <label class="conv-check">
                    <input type="checkbox" checked={conv.flip} onchange={set_flip} />
                    <span>{ t.flip }</span>
                </label>
                if m.slots().len() < MAX_KERNELS {
                    <button type="button" class="conv-add" onclick={dispatch.reform(|_| Msg::AddKernel)}>{ t.add_kernel }</button>
                }
            </div>
            <div class="conv-kernel-list" style={format!("--n:{size}")}>
                { for m.slots().iter().enumerate().map(|(k, slot)| slot_card(t, k, slot, size, removable, dispatch)) }
            </div>
        </section>
    }
}

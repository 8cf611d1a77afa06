//! The network diagram's links from the keyboard and the readout below it: ↑ ↓ ← → choose a
//! link, Enter opens its weight editor, and the readout names the link and its weight.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::Msg;
use super::model::{Link, Model};
use super::network::unit_label;
use crate::i18n::boundaries::BoundariesTexts;

/// Keys on the focused diagram: ↑ ↓ move to the previous or next link, ← → to the first
/// link of the previous or next layer (the readout says which, as hovering does), Enter or
/// Space opens the weight editor. The keys stay with the diagram (no shortcut fires).
pub(super) fn links_keys(
    m: &Model,
    current: Option<Link>,
    on_hover: &Callback<Option<Link>>,
    send: &Callback<Msg>,
) -> Callback<KeyboardEvent> {
    let shape: Vec<(usize, usize)> = m.mlp.layers().iter().map(|l| (l.units, l.inputs)).collect();
    let (on_hover, send) = (on_hover.clone(), send.clone());
    Callback::from(move |e: KeyboardEvent| {
        let all: Vec<Link> = shape
            .iter()
            .enumerate()
            .flat_map(|(l, &(units, inputs))| {
                (0..units).flat_map(move |to| (0..inputs).map(move |from| (l, to, from)))
            })
            .collect();
        if all.is_empty() {
            return;
        }
        let at = current.and_then(|c| all.iter().position(|&k| k == c));
        let layer_start = |l: usize| all.iter().position(|k| k.0 == l);
        let next = match (e.key().as_str(), at) {
            ("Enter" | " ", _) => {
                send.emit(Msg::SelectLink(Some(at.map_or(all[0], |i| all[i]))));
                focus_soon(".bd-weight-input");
                None
            }
            ("ArrowDown", Some(i)) => Some((i + 1) % all.len()),
            ("ArrowUp", Some(i)) => Some((i + all.len() - 1) % all.len()),
            ("ArrowRight", Some(i)) => layer_start(all[i].0 + 1).or(Some(i)),
            ("ArrowLeft", Some(i)) => layer_start(all[i].0.saturating_sub(1)),
            ("ArrowDown" | "ArrowUp" | "ArrowRight" | "ArrowLeft", None) => Some(0),
            _ => return,
        };
        e.prevent_default();
        e.stop_propagation();
        if let Some(i) = next {
            on_hover.emit(Some(all[i]));
        }
    })
}

/// Moves the keyboard focus to the element matching `selector` once the page has been
/// drawn again (the weight field only exists after the next render).
fn focus_soon(selector: &'static str) {
    gloo::timers::callback::Timeout::new(0, move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(selector).ok().flatten());
        if let Some(html) = element
            .as_ref()
            .and_then(|e| e.dyn_ref::<web_sys::HtmlElement>())
        {
            let _ = html.focus();
        } else if let Some(svg) = element
            .as_ref()
            .and_then(|e| e.dyn_ref::<web_sys::SvgElement>())
        {
            let _ = svg.focus();
        }
    })
    .forget();
}

/// The weight editor of the selected link: the link, a number field, Set and Close.
pub(super) fn view_editor(
    m: &Model,
    t: &'static BoundariesTexts,
    link: Link,
    error: bool,
    send: &Callback<Msg>,
) -> Html {
    let (l, to, from) = link;
    let input = NodeRef::default();
    let submit = {
        let input = input.clone();
        send.reform(move |e: SubmitEvent| {
            e.prevent_default();
            let text = input
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            Msg::SetWeight(link, text)
        })
    };
    let label = t
        .weight_edit
        .replace("{from}", &unit_label(m, t, l, from))
        .replace("{to}", &unit_label(m, t, l + 1, to));
    let value = format!("{:.4}", m.mlp.weight(l, to, from));
    // A new key whenever the weight changes, so the field shows the new value.
    let key = format!("{link:?}{value}");
    html! {
        <form class="bd-weight-editor" onsubmit={submit}>
            <label>
                <span>{ label }</span>
                <input ref={input} class={classes!("bd-weight-input", error.then_some("invalid"))}
                       type="text" inputmode="decimal" size="9" {key} {value}
                       aria-invalid={error.to_string()} />
            </label>
            <button type="submit" class="bd-weight-set">{ t.weight_set }</button>
            <button type="button" class="bd-weight-close"
                    onclick={send.reform(|_| {
                        focus_soon(".bd-links");
                        Msg::SelectLink(None)
                    })}>{ t.close }</button>
            if error {
                <span class="bd-field-error" role="alert">{ t.weight_invalid }</span>
            }
        </form>
    }
}

pub(super) fn link_text(m: &Model, t: &'static BoundariesTexts, (l, to, from): Link) -> String {
    t.link_title
        .replace("{from}", &unit_label(m, t, l, from))
        .replace("{to}", &unit_label(m, t, l + 1, to))
        .replace("{w}", &format!("{:.3}", m.mlp.weight(l, to, from)))
}

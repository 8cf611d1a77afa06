//! The lecture's table of examples, filled in by the current weights, and typed positions.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::Msg;
use super::format::{label, num, plain};
use super::model::Model;
use crate::i18n::backprop::BackpropTexts;

/// The table and the position inputs.
pub fn view(model: &Model, t: &'static BackpropTexts, on_msg: &Callback<Msg>) -> Html {
    let targets = model.config().targets();
    let rows = model.table().into_iter().enumerate().map(|(k, (e, out))| {
        let current = e.x == model.example.x;
        let fires = |h: f64| (h >= 0.5).then_some("bp-fires");
        let right = out.label() == e.y;
        let onclick = on_msg.reform(move |_: MouseEvent| Msg::Row(k));
        html! {
            <tr class={classes!(current.then_some("bp-current-row"))}>
                <td>
                    <button type="button" class="bp-use" {onclick} aria-pressed={current.to_string()}
                            title={if current { t.in_graph } else { t.use_row }}>
                        { format!("[{}, {}]", plain(e.x[0]), plain(e.x[1])) }
                    </button>
                </td>
                <td class={classes!("bp-h1", fires(out.h1))}>{ num(out.h1) }</td>
                <td class={classes!("bp-h2", fires(out.h2))}>{ num(out.h2) }</td>
                <td class={classes!("bp-yhat", if right { "bp-right" } else { "bp-wrong" })}>
                    { label(targets.of(out.label())) }
                </td>
                <td>{ label(targets.of(e.y)) }</td>
            </tr>
        }
    });
    let (x1, x2) = (NodeRef::default(), NodeRef::default());
    let put = {
        let (a, b) = (x1.clone(), x2.clone());
        on_msg.reform(move |_: MouseEvent| Msg::Position(value(&a), value(&b)))
    };
    let e = model.example;
    let verdict = if e.y > 0.0 { t.safe } else { t.dangerous };
    html! {
        <section class="bp-table">
            <table>
                <caption>{ t.table_caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.col_cars }</th>
                        <th scope="col">{ "h1" }</th>
                        <th scope="col">{ "h2" }</th>
                        <th scope="col">{ t.col_output }</th>
                        <th scope="col">{ t.col_label }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            <p class="bp-hint">{ t.table_note }</p>
            <p class="bp-position">
                <span>{ t.position }</span>
                <label>{ "x1 " }<input ref={x1} class="bp-x1" type="text" inputmode="decimal"
                    size="5" value={plain(e.x[0])} key={format!("x1-{}", e.x[0])} /></label>
                <label>{ "x2 " }<input ref={x2} class="bp-x2" type="text" inputmode="decimal"
                    size="5" value={plain(e.x[1])} key={format!("x2-{}", e.x[1])} /></label>
                <button type="button" class="bp-button bp-put" onclick={put}>{ t.put_cars }</button>
                <span class="bp-verdict">{ format!("y = {} ({verdict})", label(targets.of(e.y))) }</span>
            </p>
        </section>
    }
}

fn value(input: &NodeRef) -> String {
    input
        .cast::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

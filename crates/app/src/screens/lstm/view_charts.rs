//! The loss curve and the C_t / h_t lines of the units the user picks.

use yew::prelude::*;

use super::draw::UNIT_COLOURS;
use super::model::Model;
use super::msg::Msg;
use super::view_controls::click;
use crate::i18n::lstm::LstmTexts;

pub fn view_charts(
    m: &Model,
    t: &'static LstmTexts,
    send: &Callback<Msg>,
    loss: &NodeRef,
    lines: &NodeRef,
) -> Html {
    let has_cell = m
        .trace
        .get(nnp_core::recurrent::QuantityName::Cell)
        .is_some();
    let chips = (0..m.hidden).map(|u| {
        let k = m.chart_units.iter().position(|x| *x == u);
        let style = k.map(|k| {
            let (r, g, b) = UNIT_COLOURS[k % UNIT_COLOURS.len()];
            format!("border-color:rgb({r},{g},{b});background:rgba({r},{g},{b},0.14)")
        });
        html! {
            <button class={classes!("lstm-chip", k.is_some().then_some("on"))} style={style}
                    aria-pressed={k.is_some().to_string()} onclick={click(send, Msg::ToggleChartUnit(u))}>
                { u + 1 }
            </button>
        }
    });
    html! {
        <div class="lstm-charts">
            <figure class="lstm-chart">
                <figcaption>{ t.loss_title }</figcaption>
                <canvas ref={loss.clone()} class="lstm-loss-chart" width="480" height="260"
                        role="img" aria-label={t.loss_title} />
            </figure>
            <figure class="lstm-chart">
                <figcaption>{ if has_cell { t.lines_title } else { t.lines_title_no_cell } }</figcaption>
                <canvas ref={lines.clone()} class="lstm-lines-chart" width="480" height="260"
                        role="img" aria-label={if has_cell { t.lines_title } else { t.lines_title_no_cell }} />
                <div class="lstm-chips" role="group" aria-label={t.lines_units}>
                    <span class="lstm-chips-label">{ t.lines_units }</span>
                    { for chips }
                </div>
            </figure>
        </div>
    }
}

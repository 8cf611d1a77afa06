//! The confusion matrix of the test digits: rows the true digit, columns the network's
//! answer, the diagonal (right answers) outlined; each cell shaded by its share of the row.

use yew::prelude::*;

use super::model::Model;
use super::paint::ink;
use super::text::percent;
use crate::i18n::cnn::CnnTexts;
use crate::i18n::fill;

/// The ink of a cell holding `share` of its row: light shades up to one half (dark text
/// stays readable), then from 0.7 up (white text stays readable); AA contrast either way.
fn shade(share: f32) -> f32 {
    if share > 0.5 {
        0.7 + 0.3 * (share - 0.5) / 0.5
    } else {
        0.45 * share / 0.5
    }
}

/// The 10×10 table.
pub fn confusion(t: &CnnTexts, m: &Model) -> Html {
    let Some(c) = m.confusion() else {
        return html! {};
    };
    let classes = c.classes();
    let epoch = m.accuracies().last().map_or(0, |a| a.epoch);
    let cell = |actual: usize, predicted: usize| {
        let n = c.count(actual, predicted);
        let row: u32 = c.row(actual).iter().sum();
        let share = if row > 0 { n as f32 / row as f32 } else { 0.0 };
        let [r, g, b] = ink(shade(share));
        let text = match (n, share > 0.5) {
            (0, _) => "#55606f",
            (_, true) => "#fff",
            (_, false) => "#1a1a1a",
        };
        let diagonal = actual == predicted;
        html! {
            <td class={classes!("cnn-cell", diagonal.then_some("cnn-diagonal"), (n == 0).then_some("cnn-zero"))}
                style={format!("background: rgb({r},{g},{b}); color: {text}")}
                data-count={n.to_string()}
                title={fill(t.cell_title, &[&n.to_string(), &actual.to_string(), &predicted.to_string()])}>
                { n }
            </td>
        }
    };
    html! {
        <section class="cnn-panel cnn-confusion">
            <h2>{ fill(t.confusion_title, &[&epoch.to_string()]) }</h2>
            <table class="cnn-matrix">
                <caption>{ fill(t.confusion_caption, &[&c.total().to_string(), &percent(c.accuracy())]) }</caption>
                <thead>
                    <tr>
                        <th class="cnn-corner" scope="col">{ t.true_vs_predicted }</th>
                        { for (0..classes).map(|p| html! { <th scope="col">{ p }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for (0..classes).map(|a| html! {
                        <tr>
                            <th scope="row">{ a }</th>
                            { for (0..classes).map(|p| cell(a, p)) }
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="cnn-hint">{ t.confusion_hint }</p>
        </section>
    }
}

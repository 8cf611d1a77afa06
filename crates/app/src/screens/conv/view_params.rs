//! Parameter counts of fully connected, locally connected and convolutional layers.

use yew::prelude::*;

use super::model::Model;
use crate::i18n::conv::ConvTexts;
pub use crate::i18n::fill;

/// `1 000 000` style, with `= 10ⁿ` for exact powers of ten.
pub fn format_count(v: u128) -> String {
    let digits = v.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{2009}');
        }
        out.push(ch);
    }
    let zeros = digits.len() - 1;
    if v >= 1000 && digits.starts_with('1') && digits[1..].chars().all(|c| c == '0') {
        const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
        let exp: String = zeros
            .to_string()
            .chars()
            .filter_map(|c| c.to_digit(10).map(|d| SUP[d as usize]))
            .collect();
        out.push_str(&format!(" = 10{exp}"));
    }
    out
}

fn count_cell(v: u128) -> Html {
    let width = ((v.max(1) as f64).log10() / 12.0 * 100.0).clamp(1.0, 100.0);
    html! {
        <td>
            <span class="conv-count">{ format_count(v) }</span>
            <span class="conv-bar"><span style={format!("width:{width:.1}%")}></span></span>
        </td>
    }
}

/// Fully connected vs locally connected vs convolutional, here and in the lecture.
pub fn params_panel(t: &'static ConvTexts, m: &Model) -> Html {
    let (config, here) = m.parameter_counts();
    let lecture = nnp_core::conv::parameter_counts(&Default::default());
    let n = m.resolution();
    let k = m.kernel_size();
    let head_here = fill(
        t.params_here,
        &[
            &format!("{n} × {n}"),
            &config.kernels.to_string(),
            &format!("{k} × {k}"),
        ],
    );
    let rows = [
        (
            t.fully_connected,
            here.fully_connected,
            lecture.fully_connected,
            t.fully_formula,
        ),
        (
            t.locally_connected,
            here.locally_connected,
            lecture.locally_connected,
            t.locally_formula,
        ),
        (
            t.convolutional,
            here.convolutional,
            lecture.convolutional,
            t.conv_formula,
        ),
    ];
    html! {
        <section class="conv-panel conv-params">
            <h2>{ t.params_title }</h2>
            <p class="conv-hint">{ t.params_intro }</p>
            <div class="conv-table-wrap">
                <table class="conv-params-table">
                    <thead><tr><th>{ t.layer }</th><th>{ head_here }</th><th>{ t.params_lecture }</th></tr></thead>
                    <tbody>
                        { for rows.into_iter().map(|(name, h, l, formula)| html! {
                            <tr>
                                <th scope="row">{ name }<small>{ formula }</small></th>
                                { count_cell(h) }
                                { count_cell(l) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

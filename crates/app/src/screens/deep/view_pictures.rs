//! The picture panels: reconstructions, the learned features, the codes in 2-D. The
//! canvases are painted by `draw` after each render and by the training loop.

use nnp_core::deep::{DIGIT_CLASSES, Phase};
use yew::prelude::*;

use crate::widgets::SavePicture;

use super::draw::{CLASS_COLOURS, FEATURE_COLUMNS, PLANE_PX, grid_size};
use super::model::Model;
use super::msg::Msg;
use super::text::{fill, loss, percent};
use crate::i18n::deep::DeepTexts;

/// The canvases the screen paints.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Canvases {
    pub digits: NodeRef,
    pub features: NodeRef,
    pub plane: NodeRef,
}

/// Inputs above, reconstructions below.
pub fn reconstructions(t: &DeepTexts, m: &Model, canvases: &Canvases) -> Html {
    let layer = m.shown_layer() + 1;
    let title = if m.phase() == Phase::FineTune {
        t.recon_title_all.to_owned()
    } else {
        fill(t.recon_title, &[&layer.to_string()])
    };
    let (w, h) = grid_size(2 * DIGIT_CLASSES, DIGIT_CLASSES);
    html! {
        <section class="deep-panel deep-recon">
            <h2>{ title }</h2>
            <div class="deep-recon-grid">
                <span class="deep-row-label deep-row-in">{ t.recon_inputs }</span>
                <span class="deep-row-label deep-row-out">{ t.recon_outputs }</span>
                <canvas ref={canvases.digits.clone()} class="deep-pixels deep-digits"
                        width={w.to_string()} height={h.to_string()} role="img"
                        aria-label={format!("{} / {}", t.recon_inputs, t.recon_outputs)} />
            </div>
            <p class="deep-readout">
                { fill(t.held_out_loss, &[&layer.to_string(), &loss(m.held_out_loss())]) }
            </p>
            <p class="deep-hint">{ fill(t.recon_hint, &[&layer.to_string()]) }</p>
        </section>
    }
}

/// One picture per unit of the shown layer.
pub fn features(t: &DeepTexts, m: &Model, canvases: &Canvases) -> Html {
    let layer = m.shown_layer();
    let units = m.config.hidden.get(layer).copied().unwrap_or(1);
    let (w, h) = grid_size(units, FEATURE_COLUMNS);
    let hint = if layer == 0 {
        t.features_hint_first
    } else {
        t.features_hint_deeper
    };
    let title = fill(t.features_title, &[&(layer + 1).to_string()]);
    html! {
        <section class="deep-panel deep-features">
            <h2>{ title.clone() }</h2>
            <canvas ref={canvases.features.clone()} class="deep-pixels deep-feature-grid"
                    data-layer={(layer + 1).to_string()}
                    width={w.to_string()} height={h.to_string()} role="img"
                    aria-label={title} />
            <p class="deep-hint">{ hint }</p>
            <SavePicture target=".deep-features" name="deep-features" />
        </section>
    }
}

/// The deepest trained codes projected in the plane, with a legend.
pub fn projection(t: &DeepTexts, m: &mut Model, canvases: &Canvases, send: &Callback<Msg>) -> Html {
    let depth = match m.phase() {
        Phase::Pretrain { layer } => layer + 1,
        Phase::FineTune => m.config.hidden.len(),
    };
    let share = m
        .projection()
        .map(|p| (p.variances[0] + p.variances[1]) / p.total_variance.max(1e-12));
    let show_baseline = m.show_baseline;
    let title = fill(t.projection_title, &[&depth.to_string()]);
    let legend = (0..DIGIT_CLASSES).map(|class| {
        html! {
            <li>
                <span class="deep-swatch" aria-hidden="true"
                      style={format!("background: {}", CLASS_COLOURS[class])}></span>
                { class }
            </li>
        }
    });
    html! {
        <section class="deep-panel deep-projection">
            <h2>{ title.clone() }</h2>
            <div class="deep-toggle" role="group" aria-label={t.show_codes_of}>
                <span>{ t.show_codes_of }</span>
                <button class={classes!("deep-show-pretrained", (!show_baseline).then_some("active"))}
                        aria-pressed={(!show_baseline).to_string()}
                        onclick={send.reform(|_| Msg::ShowBaseline(false))}>{ t.pretrained }</button>
                <button class={classes!("deep-show-random", show_baseline.then_some("active"))}
                        aria-pressed={show_baseline.to_string()}
                        onclick={send.reform(|_| Msg::ShowBaseline(true))}>{ t.random_init }</button>
            </div>
            <canvas ref={canvases.plane.clone()} class="deep-plane"
                    width={PLANE_PX.to_string()} height={PLANE_PX.to_string()}
                    role="img" aria-label={title} />
            <ul class="deep-legend" aria-label={t.legend}>{ for legend }</ul>
            <p class="deep-hint">
                { fill(t.projection_hint, &[&share.map_or("—".to_owned(), percent)]) }
            </p>
        </section>
    }
}

//! The chain after the feature maps: activation, pooling and the small dense layer.

use nnp_core::activation::Activation;
use nnp_core::conv::{FeatureMap, PipelineConfig, PoolConfig, PoolKind};
use yew::prelude::*;

use super::draw::Drawer;
use super::model::{ACTIVATIONS, Model, format_number};
use super::msg::Msg;
use super::view::{activation_name, signed_legend};
use crate::i18n::conv::ConvTexts;
use crate::i18n::fill;
use crate::widgets::event_value;

fn small_select(
    class: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    selected: &str,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <label class="conv-select">
            <span>{ label }</span>
            <select class={class} {onchange}>
                { for options.into_iter().map(|(value, text)| {
                    let on = value == selected;
                    html! { <option {value} selected={on}>{ text }</option> }
                }) }
            </select>
        </label>
    }
}

fn numbers(range: std::ops::RangeInclusive<usize>) -> Vec<(String, String)> {
    range.map(|v| (v.to_string(), v.to_string())).collect()
}

fn mini_maps(nodes: &[NodeRef], map: &FeatureMap, class: &'static str) -> Html {
    html! {
        <div class={classes!("conv-mini-maps", class)}>
            { for (0..map.channels()).map(|k| html! {
                <figure>
                    <canvas ref={nodes[k].clone()} class="conv-canvas"
                            width={map.width().to_string()} height={map.height().to_string()} />
                    { signed_legend(map.plane(k)) }
                </figure>
            }) }
        </div>
    }
}

/// Activation → pooling → fully connected, each adjustable and shown.
pub fn chain_panel(t: &'static ConvTexts, m: &Model, d: &Drawer, dispatch: &Callback<Msg>) -> Html {
    let p = m.pipeline();
    let config = *p.config();
    let set = move |f: fn(&mut PipelineConfig, &str)| {
        dispatch.reform(move |e: Event| {
            let mut c = config;
            f(&mut c, &event_value(&e));
            Msg::Config(c)
        })
    };
    let activations = ACTIVATIONS
        .iter()
        .map(|&a| (a.id().to_owned(), activation_name(t, a).to_owned()))
        .collect::<Vec<_>>();
    let pool = config.pool;
    let pool_kind = pool.map_or("none", |p| p.kind.id());
    let maps = p.maps();
    let pooled_shape = p.pooled().map(|q| (q.width(), q.height()));
    let dense = p.dense();
    let reseed = {
        let mut c = config;
        c.seed = c.seed.wrapping_add(1);
        dispatch.reform(move |_| Msg::Config(c))
    };
    let flat = dense.inputs();
    html! {
        <section class="conv-panel conv-chain">
            <h2>{ t.chain_title }</h2>
            <p class="conv-hint">{ t.chain_intro }</p>
            <div class="conv-chain-stages">
                <div class="conv-chain-stage conv-stage-activation">
                    <h3>{ t.stage_activation }</h3>
                    { small_select("conv-activation", t.activation, activations.clone(), config.activation.id(),
                        set(|c, v| if let Some(a) = Activation::from_id(v) { c.activation = a })) }
                    { mini_maps(&d.activated, p.activated(), "conv-activated") }
                </div>
                <div class="conv-chain-stage conv-stage-pool">
                    <h3>{ t.stage_pool }</h3>
                    { small_select("conv-pool-kind", t.pool_kind,
                        vec![("none".into(), t.pool_none.into()), ("max".into(), t.pool_max.into()), ("average".into(), t.pool_average.into())],
                        pool_kind,
                        set(|c, v| c.pool = PoolKind::from_id(v).map(|kind| PoolConfig { kind, ..c.pool.unwrap_or_default() }))) }
                    if let Some(pc) = pool {
                        { small_select("conv-pool-size", t.pool_size, numbers(1..=4), &pc.size.to_string(),
                            set(|c, v| if let (Some(p), Ok(s)) = (c.pool.as_mut(), v.parse()) { p.size = s })) }
                        { small_select("conv-pool-stride", t.stride, numbers(1..=4), &pc.stride.to_string(),
                            set(|c, v| if let (Some(p), Ok(s)) = (c.pool.as_mut(), v.parse()) { p.stride = s })) }
                    }
                    if let (Some((pw, ph)), Some(pooled)) = (pooled_shape, p.pooled()) {
                        <p class="conv-shape">{ format!("{} × {} → {pw} × {ph}", maps.width(), maps.height()) }</p>
                        { mini_maps(&d.pooled, pooled, "conv-pooled") }
                    }
                </div>
                <div class="conv-chain-stage conv-stage-dense">
                    <h3>{ t.stage_dense }</h3>
                    { small_select("conv-dense-outputs", t.outputs, numbers(1..=4), &config.dense_outputs.to_string(),
                        set(|c, v| if let Ok(n) = v.parse() { c.dense_outputs = n })) }
                    { small_select("conv-dense-activation", t.activation, activations, config.dense_activation.id(),
                        set(|c, v| if let Some(a) = Activation::from_id(v) { c.dense_activation = a })) }
                    <p class="conv-shape">{ fill(t.dense_shape, &[&flat.to_string(), &dense.outputs().to_string(), &(flat * dense.outputs() + dense.outputs()).to_string()]) }</p>
                    <ul class="conv-outputs">
                        { for p.output().iter().enumerate().map(|(i, &y)| output_bar(t, i, y, config.dense_activation)) }
                    </ul>
                    <button type="button" class="conv-reseed" onclick={reseed}>{ t.reseed }</button>
                    <p class="conv-hint">{ t.dense_note }</p>
                </div>
            </div>
        </section>
    }
}

fn output_bar(t: &ConvTexts, i: usize, y: f32, activation: Activation) -> Html {
    let (lo, hi) = activation.range();
    let frac = if lo.is_finite() && hi.is_finite() && hi > lo {
        ((f64::from(y) - lo) / (hi - lo)).clamp(0.0, 1.0)
    } else {
        (f64::from(y).abs() / (1.0 + f64::from(y).abs())).clamp(0.0, 1.0)
    };
    html! {
        <li>
            <span>{ fill(t.output_label, &[&(i + 1).to_string()]) }</span>
            <span class="conv-bar"><span style={format!("width:{:.1}%", frac * 100.0)}></span></span>
            <output>{ format_number(y) }</output>
        </li>
    }
}

//! The network as columns of thumbnails (φ, each hidden layer, the output) joined by links
//! coloured by the weight's sign and as thick as |w|.

use nnp_core::activation::Activation;
use yew::prelude::*;

use super::Msg;
use super::controls::on_value;
use super::draw::{thumbs_scale, weight_colour};
use super::model::{Link, MAX_LAYERS, MAX_UNITS, Model};
use super::network_editor::{link_text, links_keys, view_editor};
use super::network_links::{
    Geometry, LABEL_W, LINKS_ON_CANVAS, link_exists, link_under, nearest_link,
};
use crate::i18n::boundaries::BoundariesTexts;

/// The name of unit `unit` of column `col` (a feature of φ, a hidden unit, the output).
pub(super) fn unit_label(
    m: &Model,
    t: &'static BoundariesTexts,
    col: usize,
    unit: usize,
) -> String {
    if col == 0 {
        m.features.features[unit].label()
    } else if col == m.mlp.layers().len() {
        t.output_name.to_string()
    } else {
        t.unit_name
            .replace("{unit}", &(unit + 1).to_string())
            .replace("{layer}", &col.to_string())
    }
}

/// The diagram, the layer editor above it and the readout of the hovered link; `thick`
/// doubles the links' widths (presenter mode, for the back of a room). With the pointer on
/// the plane at `probe_at`, every unit's value there is written on its thumbnail.
#[allow(clippy::too_many_arguments)]
pub fn view_network(
    m: &Model,
    t: &'static BoundariesTexts,
    hovered: Option<Link>,
    probe_at: Option<(f64, f64)>,
    thick: bool,
    on_hover: &Callback<Option<Link>>,
    send: &Callback<Msg>,
    node: &NodeRef,
) -> Html {
    let width_scale = if thick { 2.0 } else { 1.0 };
    let geo = Geometry::new(m.mlp.shape());
    let layers = m.mlp.layers();
    let links = layers.iter().enumerate().flat_map(|(l, layer)| {
        let geo = &geo;
        (0..layer.units).flat_map(move |to| (0..layer.inputs).map(move |from| (l, to, from, geo)))
    });
    // A network of eight layers of 32 units has over 7,000 links, redrawn while it trains:
    // each line carries only its geometry, colour and name (`data-link`); the pointer is read
    // once on the whole drawing, and the readout below says which link it is.
    let view_link = |(l, to, from, geo): (usize, usize, usize, &Geometry)| {
        let w = m.mlp.weight(l, to, from);
        let half = geo.thumb / 2.0;
        let active = hovered == Some((l, to, from)) || m.selected == Some((l, to, from));
        html! {
            <line class={classes!("bd-link", active.then_some("active"))}
                  data-link={format!("{l}.{to}.{from}")}
                  x1={(geo.x(l) + geo.thumb).to_string()} y1={(geo.y(l, from) + half).to_string()}
                  x2={geo.x(l + 1).to_string()} y2={(geo.y(l + 1, to) + half).to_string()}
                  stroke={weight_colour(w)}
                  stroke-width={(width_scale * (w.abs() * 2.0).clamp(0.6, 7.0)).to_string()} />
        }
    };
    let on_link_hover = {
        let on_hover = on_hover.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(link) = link_under(&e) {
                on_hover.emit(Some(link));
            }
        })
    };
    let on_link_click = send.reform(|e: MouseEvent| Msg::SelectLink(link_under(&e)));
    let shape = m.mlp.shape();
    let on_canvas_hover = {
        let (on_hover, shape) = (on_hover.clone(), shape.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some(link) = nearest_link(&shape, &e) {
                on_hover.emit(Some(link));
            }
        })
    };
    let on_canvas_click =
        send.reform(move |e: MouseEvent| Msg::SelectLink(nearest_link(&shape, &e)));
    let thumbs = geo.counts.iter().enumerate().flat_map(|(col, &count)| {
        let geo = &geo;
        (0..count).map(move |unit| {
            let style = format!(
                "left:{}px;top:{}px;width:{t}px;height:{t}px",
                geo.x(col),
                geo.y(col, unit),
                t = geo.thumb
            );
            let label = unit_label(m, t, col, unit);
            let input_label = (col == 0).then(|| {
                let style = format!(
                    "top:{}px;width:{}px;line-height:{}px",
                    geo.y(col, unit),
                    LABEL_W - 6.0,
                    geo.thumb
                );
                html! { <span class="bd-input-label" {style}>{ label.clone() }</span> }
            });
            html! {
                <>
                    { input_label }
                    <div class={classes!("bd-thumb", (col + 1 == geo.counts.len()).then_some("output"))}
                         data-col={col.to_string()} data-unit={unit.to_string()}
                         {style} title={label} />
                </>
            }
        })
    });
    let values = probe_at.map(|(x1, x2)| {
        let probe = m.probe(x1, x2);
        let mut columns = vec![probe.phi];
        columns.extend(probe.layers);
        columns
    });
    let probe_values = values.iter().flat_map(|columns| {
        let geo = &geo;
        columns.iter().enumerate().flat_map(move |(col, units)| {
            units.iter().enumerate().map(move |(unit, v)| {
                let style = format!(
                    "left:{}px;top:{}px;width:{t}px",
                    geo.x(col),
                    geo.y(col, unit) + geo.thumb - 14.0,
                    t = geo.thumb
                );
                html! {
                    <span class="bd-unit-value" {style} data-col={col.to_string()}
                          data-unit={unit.to_string()}>{ format!("{v:.2}") }</span>
                }
            })
        })
    });
    let readout = match (m.selected, hovered) {
        (Some(link), _) if link_exists(m, link) => view_editor(m, t, link, m.weight_error, send),
        (_, Some(link)) if link_exists(m, link) => html! { { link_text(m, t, link) } },
        _ => html! { <span class="bd-readout-hint">{ t.link_hint }</span> },
    };
    let on_key = links_keys(m, hovered.or(m.selected), on_hover, send);
    let width = geo.width();
    let height = geo.height();
    let pixel = thumbs_scale();
    html! {
        <section class="bd-panel bd-network">
            <h2>{ t.network_heading }</h2>
            <p class="bd-hint">{ t.network_hint }</p>
            { view_shape_bar(m, t, send) }
            <div class="bd-net-scroll">
                <div class="bd-net" ref={node.clone()}
                     style={format!("width:{width}px;height:{height}px")}
                     onmouseleave={on_hover.reform(|_| None)}>
                    if link_count(m) > LINKS_ON_CANVAS {
                        // The links drawn on a canvas per gap between two columns (see
                        // `paint_links`), under one area that the pointer and keys use.
                        { for (0..geo.counts.len() - 1).map(|gap| view_gap_canvas(&geo, gap)) }
                        <div class="bd-links bd-links-area" tabindex="0" role="group"
                             style={format!("width:{width}px;height:{height}px")}
                             aria-label={t.links_label} onkeydown={on_key}
                             onmousemove={on_canvas_hover} onclick={on_canvas_click} />
                    } else {
                        <svg class="bd-links" width={width.to_string()} height={height.to_string()}
                             viewBox={format!("0 0 {width} {height}")} tabindex="0" role="group"
                             aria-label={t.links_label} onkeydown={on_key}
                             onmouseover={on_link_hover} onclick={on_link_click}>
                            { for links.map(view_link) }
                        </svg>
                    }
                    { for (0..geo.counts.len()).map(|col| view_header(m, t, &geo, col, send)) }
                    // Each column's unit pictures on one canvas (see `Painter::thumbnails`),
                    // framed and named by the units' boxes above it.
                    { for (0..geo.counts.len()).map(|col| view_column_canvas(&geo, col, pixel)) }
                    { for thumbs }
                    { for probe_values }
                </div>
            </div>
            <div class="bd-link-readout" aria-live="polite">{ readout }</div>
        </section>
    }
}

/// The canvas of column `col`'s unit pictures, `pixel` canvas pixels per CSS pixel.
fn view_column_canvas(geo: &Geometry, col: usize, pixel: f64) -> Html {
    let (left, top, width, height) = geo.column(col);
    html! {
        <canvas class="bd-thumbs" aria-hidden="true" data-col={col.to_string()}
                width={((width * pixel).ceil()).to_string()}
                height={((height * pixel).ceil()).to_string()}
                data-scale={pixel.to_string()}
                style={format!("left:{left}px;top:{top}px;width:{width}px;height:{height}px")} />
    }
}

/// The canvas of the links between column `gap` and the next.
fn view_gap_canvas(geo: &Geometry, gap: usize) -> Html {
    let (left, width) = geo.gap(gap);
    let height = geo.height();
    html! {
        <canvas class="bd-links-gap" aria-hidden="true" data-gap={gap.to_string()}
                width={width.ceil().to_string()} height={height.ceil().to_string()}
                style={format!("left:{left}px;width:{}px;height:{}px", width.ceil(), height.ceil())} />
    }
}

/// How many links the network has.
pub fn link_count(m: &Model) -> usize {
    m.mlp.layers().iter().map(|l| l.units * l.inputs).sum()
}

/// Linear mode and the number of hidden layers.
fn view_shape_bar(m: &Model, t: &'static BoundariesTexts, send: &Callback<Msg>) -> Html {
    let linear = m.linear;
    let n = m.hidden.len();
    html! {
        <div class="bd-row bd-shape">
            <label class="bd-check">
                <input type="checkbox" class="bd-linear" checked={linear}
                       onchange={send.reform(move |_| Msg::Linear(!linear))} />
                { t.linear_mode }
            </label>
            if linear {
                <span class="bd-hint">{ t.linear_hint }</span>
            } else {
                <span class="bd-row">
                    <button class="bd-remove-layer" disabled={n == 0}
                            onclick={send.reform(|_| Msg::RemoveLayer)}>{ t.remove_layer }</button>
                    <button class="bd-add-layer" disabled={n >= MAX_LAYERS}
                            onclick={send.reform(|_| Msg::AddLayer)}>{ t.add_layer }</button>
                    <span class="bd-layer-count">{ t.hidden_layers.replace("{n}", &n.to_string()) }</span>
                </span>
            }
        </div>
    }
}

/// The title of a column and, for a hidden layer, its units and activation.
fn view_header(
    m: &Model,
    t: &'static BoundariesTexts,
    geo: &Geometry,
    col: usize,
    send: &Callback<Msg>,
) -> Html {
    let style = format!(
        "left:{}px;width:{}px",
        geo.x(col) - 8.0,
        geo.col_pitch - 10.0
    );
    let last = geo.counts.len() - 1;
    if col == 0 {
        return html! {
            <div class="bd-col-head" {style}>
                <b>{ t.inputs_column }</b>
                <span>{ t.units.replace("{n}", &geo.counts[0].to_string()) }</span>
            </div>
        };
    }
    if col == last {
        return html! {
            <div class="bd-col-head" {style}>
                <b>{ t.output_column.replace("{act}", m.output_activation().id()) }</b>
            </div>
        };
    }
    let layer = col - 1;
    let units = geo.counts[col];
    let n = col.to_string();
    let activation = m.hidden.get(layer).map(|h| h.activation);
    html! {
        <div class="bd-col-head bd-layer-head" {style}>
            <b>{ t.layer_column.replace("{n}", &n) }</b>
            <span class="bd-units">
                <button class="bd-fewer" aria-label={t.fewer_units.replace("{n}", &n)}
                        disabled={units <= 1}
                        onclick={send.reform(move |_| Msg::Units(layer, -1))}>{ "−" }</button>
                <span class="bd-unit-count">{ units }</span>
                <button class="bd-more" aria-label={t.more_units.replace("{n}", &n)}
                        disabled={units >= MAX_UNITS}
                        onclick={send.reform(move |_| Msg::Units(layer, 1))}>{ "+" }</button>
            </span>
            <select class="bd-activation" aria-label={t.activation.replace("{n}", &n)}
                    onchange={on_value(send, move |v| {
                        Activation::from_id(&v).map(|a| Msg::Activation(layer, a))
                    })}>
                { for Activation::ALL.iter().map(|a| html! {
                    <option value={a.id()} selected={Some(*a) == activation}>{ a.id() }</option>
                }) }
            </select>
        </div>
    }
}

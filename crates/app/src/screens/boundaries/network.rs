//! The network as columns of thumbnails (φ, each hidden layer, the output) joined by links
//! coloured by the weight's sign and as thick as |w|.

use nnp_core::activation::Activation;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::Msg;
use super::controls::on_value;
use super::draw::weight_colour;
use super::model::{GRID, Link, MAX_LAYERS, MAX_UNITS, Model};
use crate::i18n::boundaries::BoundariesTexts;

const HEADER: f64 = 78.0;
/// Above this many links the diagram draws its links on a canvas, not as SVG lines: a
/// network of 8 × 32 units has over 7,000, and re-rendering that many elements took a
/// frame of 100–200 ms. The pointer finds the nearest link by geometry instead.
pub const LINKS_ON_CANVAS: usize = 2000;
const LABEL_W: f64 = 64.0;
/// Columns are this far apart when there is room…
const COL_PITCH: f64 = 112.0;
/// …and come closer, down to this, so that a deep network still fits this width (a
/// projector's 1024 px page): the diagram scales with the depth instead of scrolling.
const MIN_COL_PITCH: f64 = 84.0;
const FIT_WIDTH: f64 = 880.0;

struct Geometry {
    counts: Vec<usize>,
    thumb: f64,
    pitch: f64,
    col_pitch: f64,
    rows: usize,
}

impl Geometry {
    fn new(counts: Vec<usize>) -> Self {
        let rows = counts.iter().copied().max().unwrap_or(1);
        let thumb = match rows {
            0..=6 => 44.0,
            7..=12 => 34.0,
            _ => 26.0,
        };
        let gaps = counts.len().saturating_sub(1).max(1) as f64;
        let col_pitch =
            ((FIT_WIDTH - LABEL_W - thumb - 12.0) / gaps).clamp(MIN_COL_PITCH, COL_PITCH);
        Self {
            counts,
            thumb,
            pitch: thumb + 8.0,
            col_pitch,
            rows,
        }
    }

    fn x(&self, col: usize) -> f64 {
        LABEL_W + col as f64 * self.col_pitch
    }

    fn y(&self, col: usize, unit: usize) -> f64 {
        let count = self.counts[col] as f64;
        HEADER + (self.rows as f64 - count) * self.pitch / 2.0 + unit as f64 * self.pitch
    }

    fn width(&self) -> f64 {
        self.x(self.counts.len() - 1) + self.thumb + 12.0
    }

    fn height(&self) -> f64 {
        HEADER + self.rows as f64 * self.pitch
    }
}

fn unit_label(m: &Model, t: &'static BoundariesTexts, col: usize, unit: usize) -> String {
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
                    <canvas class={classes!("bd-thumb", (col + 1 == geo.counts.len()).then_some("output"))}
                            width={GRID.to_string()} height={GRID.to_string()}
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
                        <canvas class="bd-links bd-links-canvas" width={width.to_string()}
                                height={height.to_string()} tabindex="0" role="group"
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
                    { for thumbs }
                    { for probe_values }
                </div>
            </div>
            <div class="bd-link-readout" aria-live="polite">{ readout }</div>
        </section>
    }
}

/// How many links the network has.
pub fn link_count(m: &Model) -> usize {
    m.mlp.layers().iter().map(|l| l.units * l.inputs).sum()
}

/// The link nearest to the pointer on the links canvas (within a few pixels), by geometry.
fn nearest_link(shape: &[usize], event: &MouseEvent) -> Option<Link> {
    let element = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let rect = element.get_bounding_client_rect();
    let geo = Geometry::new(shape.to_vec());
    // The canvas may be drawn scaled (CSS); its own pixels are the geometry's.
    let scale = geo.width() / rect.width().max(1.0);
    let x = (f64::from(event.client_x()) - rect.left()) * scale;
    let y = (f64::from(event.client_y()) - rect.top()) * scale;
    link_at(shape, x, y)
}

/// The link within a few pixels of `(x, y)` on the links canvas of a network of `shape`.
fn link_at(shape: &[usize], x: f64, y: f64) -> Option<Link> {
    let geo = Geometry::new(shape.to_vec());
    let half = geo.thumb / 2.0;
    let layer = (0..shape.len().saturating_sub(1))
        .find(|&l| x >= geo.x(l) + geo.thumb && x <= geo.x(l + 1))?;
    let mut best: Option<(f64, Link)> = None;
    for to in 0..shape[layer + 1] {
        for from in 0..shape[layer] {
            let (x1, y1) = (geo.x(layer) + geo.thumb, geo.y(layer, from) + half);
            let (x2, y2) = (geo.x(layer + 1), geo.y(layer + 1, to) + half);
            let d = segment_distance((x, y), (x1, y1), (x2, y2));
            if best.is_none_or(|(b, _)| d < b) {
                best = Some((d, (layer, to, from)));
            }
        }
    }
    best.filter(|(d, _)| *d <= 6.0).map(|(_, link)| link)
}

/// A line on the links canvas: `(x1, y1, x2, y2)`.
type Segment = (f64, f64, f64, f64);

/// The distance from `p` to the segment `a`–`b`.
fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    let t = if length2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2).clamp(0.0, 1.0)
    };
    (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
}

/// Draws every link of a big network on its canvas (inside `root`), grouped by colour and
/// width so that a few thousand lines take a few strokes; `highlight` is drawn on top.
pub fn paint_links(root: &web_sys::Element, m: &Model, highlight: Option<Link>, thick: bool) {
    let Some(canvas) = root
        .query_selector(".bd-links-canvas")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
    else {
        return;
    };
    let Some(context) = crate::widgets::canvas::context_2d(&canvas) else {
        return;
    };
    let geo = Geometry::new(m.mlp.shape());
    let scale = if thick { 2.0 } else { 1.0 };
    let half = geo.thumb / 2.0;
    context.clear_rect(
        0.0,
        0.0,
        f64::from(canvas.width()),
        f64::from(canvas.height()),
    );
    context.set_global_alpha(0.75);
    context.set_line_cap("round");
    let width_of = |w: f64| scale * (w.abs() * 2.0).clamp(0.6, 7.0);
    // Buckets: sign × width rounded to half a pixel.
    let mut buckets: std::collections::BTreeMap<(bool, u32), Vec<Segment>> =
        std::collections::BTreeMap::new();
    for (l, layer) in m.mlp.layers().iter().enumerate() {
        for to in 0..layer.units {
            for from in 0..layer.inputs {
                let w = m.mlp.weight(l, to, from);
                let key = (w >= 0.0, (width_of(w) * 2.0).round() as u32);
                buckets.entry(key).or_default().push((
                    geo.x(l) + geo.thumb,
                    geo.y(l, from) + half,
                    geo.x(l + 1),
                    geo.y(l + 1, to) + half,
                ));
            }
        }
    }
    for ((positive, width2), lines) in buckets {
        context.set_stroke_style_str(weight_colour(if positive { 1.0 } else { -1.0 }));
        context.set_line_width(f64::from(width2) / 2.0);
        context.begin_path();
        for (x1, y1, x2, y2) in lines {
            context.move_to(x1, y1);
            context.line_to(x2, y2);
        }
        context.stroke();
    }
    context.set_global_alpha(1.0);
    if let Some((l, to, from)) = highlight.filter(|&link| link_exists(m, link)) {
        let w = m.mlp.weight(l, to, from);
        context.set_stroke_style_str("#1b2330");
        context.set_line_width(width_of(w) + 3.0);
        context.begin_path();
        context.move_to(geo.x(l) + geo.thumb, geo.y(l, from) + half);
        context.line_to(geo.x(l + 1), geo.y(l + 1, to) + half);
        context.stroke();
        context.set_stroke_style_str(weight_colour(w));
        context.set_line_width(width_of(w));
        context.stroke();
    }
}

/// The link a pointer event happened on, from the line's `data-link` (`layer.to.from`).
fn link_under(event: &MouseEvent) -> Option<Link> {
    let element = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    parse_link(&element.get_attribute("data-link")?)
}

/// `"1.2.3"` → `(1, 2, 3)`.
fn parse_link(text: &str) -> Option<Link> {
    let mut parts = text.split('.').map(|p| p.parse::<usize>().ok());
    let link = (parts.next()??, parts.next()??, parts.next()??);
    parts.next().is_none().then_some(link)
}

/// Keys on the focused diagram: ↑ ↓ move to the previous or next link, ← → to the first
/// link of the previous or next layer (the readout says which, as hovering does), Enter or
/// Space opens the weight editor. The keys stay with the diagram (no shortcut fires).
fn links_keys(
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
fn view_editor(
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

fn link_exists(m: &Model, (l, to, from): Link) -> bool {
    m.mlp
        .layers()
        .get(l)
        .is_some_and(|layer| to < layer.units && from < layer.inputs)
}

fn link_text(m: &Model, t: &'static BoundariesTexts, (l, to, from): Link) -> String {
    t.link_title
        .replace("{from}", &unit_label(m, t, l, from))
        .replace("{to}", &unit_label(m, t, l + 1, to))
        .replace("{w}", &format!("{:.3}", m.mlp.weight(l, to, from)))
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

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// The deepest network the screen allows fits a projector's page; a shallow one keeps
    /// its columns wide apart.
    #[test]
    fn a_network_of_any_depth_fits_the_width() {
        for layers in 0..=MAX_LAYERS {
            let shape: Vec<usize> = std::iter::once(2)
                .chain(std::iter::repeat_n(MAX_UNITS, layers))
                .chain(std::iter::once(1))
                .collect();
            let geo = Geometry::new(shape);
            assert!(geo.width() <= FIT_WIDTH, "{layers} layers: {}", geo.width());
        }
        assert_eq!(Geometry::new(vec![2, 4, 1]).col_pitch, COL_PITCH);
    }

    /// The pointer on a link finds that link; between the columns' thumbnails, or
    /// far from every line, it finds none.
    #[test]
    fn the_pointer_finds_the_link_under_it_by_geometry() {
        let shape = [2, 3, 1];
        let geo = Geometry::new(shape.to_vec());
        let half = geo.thumb / 2.0;
        for (layer, to, from) in [(0, 1, 0), (0, 2, 1), (1, 0, 2)] {
            let (x1, y1) = (geo.x(layer) + geo.thumb, geo.y(layer, from) + half);
            let (x2, y2) = (geo.x(layer + 1), geo.y(layer + 1, to) + half);
            // A fifth of the way along (in the middle, crossing lines meet).
            let near = (x1 + (x2 - x1) * 0.2, y1 + (y2 - y1) * 0.2);
            assert_eq!(
                link_at(&shape, near.0, near.1 + 1.0),
                Some((layer, to, from))
            );
        }
        assert_eq!(
            link_at(&shape, geo.x(0) + 1.0, geo.y(0, 0) + half),
            None,
            "on a thumbnail"
        );
        assert_eq!(
            link_at(&shape, geo.x(0) + geo.thumb + 5.0, 1.0),
            None,
            "far above the lines"
        );
        assert!((segment_distance((0.0, 1.0), (-1.0, 0.0), (1.0, 0.0)) - 1.0).abs() < 1e-12);
        assert!((segment_distance((3.0, 4.0), (0.0, 0.0), (0.0, 0.0)) - 5.0).abs() < 1e-12);
    }
}

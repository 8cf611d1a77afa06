//! The painter's panels: toolbar, image, feature maps, multiply-and-sum, the chain after
//! the maps, and the parameter counts.

use nnp_core::activation::Activation;
use nnp_core::conv::{FeatureMap, PipelineConfig, PoolConfig, PoolKind, ReceptiveField};
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, KeyboardEvent, PointerEvent};
use yew::prelude::*;

use super::draw::{Drawer, input_scale, legend_gradient};
use super::kernels::preset_name;
use super::model::{
    ACTIVATIONS, LECTURE_SIZE, Model, Notice, RESOLUTIONS, Sample, Tool, format_number, max_abs,
};
use super::msg::Msg;
use crate::i18n::conv::ConvTexts;
pub use crate::i18n::fill;

/// Value of the `<select>` or `<input>` an event came from.
pub fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

pub fn activation_name(t: &ConvTexts, a: Activation) -> &'static str {
    match a {
        Activation::Relu => t.relu,
        Activation::Tanh => "tanh",
        Activation::Logistic => t.logistic,
        Activation::Linear => t.linear,
        Activation::Sign => "sign",
    }
}

fn sample_label(t: &ConvTexts, s: Sample) -> (&'static str, &'static str) {
    match s {
        Sample::Seven => ("7", t.sample_seven),
        Sample::Ring => ("○", t.sample_ring),
        Sample::Square => ("□", t.sample_square),
        Sample::Cross => ("✕", t.sample_cross),
        Sample::Stripes => ("▥", t.sample_stripes),
    }
}

/// Brush, eraser, size, intensity, undo, clear, resolution, samples, lecture, upload.
pub fn toolbar(
    t: &'static ConvTexts,
    m: &Model,
    dispatch: &Callback<Msg>,
    on_upload: Callback<Event>,
) -> Html {
    let tool = |tool: Tool, label: &'static str| {
        let on = m.tool == tool;
        html! {
            <button type="button" class={classes!("conv-tool", on.then_some("active"))}
                    aria-pressed={on.to_string()}
                    onclick={dispatch.reform(move |_| Msg::Tool(tool))}>{ label }</button>
        }
    };
    let size = dispatch
        .reform(|e: InputEvent| Msg::BrushSize(input_value(&e).parse().unwrap_or(f32::NAN)));
    let intensity = dispatch
        .reform(|e: InputEvent| Msg::Intensity(input_value(&e).parse().unwrap_or(f32::NAN)));
    let resolution =
        dispatch.reform(|e: Event| Msg::Resolution(select_value(&e).parse().unwrap_or(0)));
    let n = m.resolution();
    let sizes = (n == LECTURE_SIZE)
        .then_some(LECTURE_SIZE)
        .into_iter()
        .chain(RESOLUTIONS);
    html! {
        <div class="conv-toolbar">
            <div class="conv-group" role="group" aria-label={t.paint}>
                { tool(Tool::Brush, t.brush) }
                { tool(Tool::Eraser, t.eraser) }
                <label class="conv-range">
                    <span>{ t.brush_size }</span>
                    <input type="range" min="1" max="64" step="1"
                           value={format!("{}", m.brush_size)} oninput={size} />
                    <output>{ format!("{} px", m.brush_size) }</output>
                </label>
                <label class="conv-range">
                    <span>{ t.intensity }</span>
                    <input type="range" min="0.05" max="1" step="0.05"
                           value={format!("{}", m.intensity)} oninput={intensity} />
                    <output>{ format_number(m.intensity) }</output>
                </label>
                <button type="button" class="conv-undo" disabled={!m.can_undo()}
                        onclick={dispatch.reform(|_| Msg::Undo)}>{ t.undo }</button>
                <button type="button" class="conv-clear"
                        onclick={dispatch.reform(|_| Msg::Clear)}>{ t.clear }</button>
                <label class="conv-select">
                    <span>{ t.resolution }</span>
                    <select class="conv-resolution" onchange={resolution}>
                        { for sizes.map(|s| html! {
                            <option value={s.to_string()} selected={s == n}>
                                { if s == LECTURE_SIZE { fill(t.lecture_size, &[]) } else { format!("{s} × {s}") } }
                            </option>
                        }) }
                    </select>
                </label>
            </div>
            <div class="conv-group" role="group" aria-label={t.images}>
                <span class="conv-group-label">{ t.samples }</span>
                { for Sample::ALL.into_iter().map(|s| {
                    let (icon, name) = sample_label(t, s);
                    html! {
                        <button type="button" class={classes!("conv-sample", format!("conv-sample-{}", s.id()))}
                                title={name} aria-label={name}
                                onclick={dispatch.reform(move |_| Msg::Sample(s))}>{ icon }</button>
                    }
                }) }
                <button type="button" class="conv-lecture"
                        onclick={dispatch.reform(|_| Msg::Lecture)}>{ t.lecture_example }</button>
                <label class="conv-upload">
                    { t.upload }
                    <input type="file" accept="image/*" onchange={on_upload} />
                </label>
            </div>
            { notice(t, m.notice) }
        </div>
    }
}

fn notice(t: &ConvTexts, notice: Option<Notice>) -> Html {
    match notice {
        Some(Notice::NotAnImage) => html! {
            <p class="notice notice-error conv-notice" role="alert">{ t.not_an_image }</p>
        },
        Some(Notice::Uploaded) => html! {
            <p class="notice notice-info conv-notice" role="status">{ t.uploaded }</p>
        },
        None => html! {},
    }
}

fn legend(low: f32, high: f32, gradient: String) -> Html {
    html! {
        <div class="conv-legend" aria-hidden="true">
            <span>{ format_number(low) }</span>
            <span class="conv-legend-bar" style={format!("background: {gradient}")}></span>
            <span>{ format_number(high) }</span>
        </div>
    }
}

fn signed_legend(plane: &[f32]) -> Html {
    let m = max_abs(plane);
    let m = if m <= 1e-6 { 0.0 } else { m };
    legend(-m, m, legend_gradient())
}

/// The painted image with its canvas and the receptive field of the probed pixel.
pub fn input_panel(
    t: &'static ConvTexts,
    m: &Model,
    d: &Drawer,
    on_down: Callback<PointerEvent>,
    on_move: Callback<PointerEvent>,
    on_up: Callback<PointerEvent>,
) -> Html {
    let image = m.image();
    let n = image.width();
    let field = m.receptive_field();
    let highlight = field.as_ref().map(|f| {
        let pct = |v: f64| format!("{:.4}%", v / n as f64 * 100.0);
        let style = format!(
            "left:{};top:{};width:{};height:{}",
            pct(f.input_x as f64),
            pct(f.input_y as f64),
            pct(f.width as f64),
            pct(f.height as f64)
        );
        html! { <div class="conv-field" {style}></div> }
    });
    html! {
        <figure class="conv-panel conv-input">
            <figcaption>{ fill(t.input_caption, &[&n.to_string(), &n.to_string()]) }</figcaption>
            <div class="conv-canvas-wrap">
                <canvas ref={d.input.clone()} class="conv-canvas conv-paint"
                        width={n.to_string()} height={n.to_string()}
                        aria-label={t.paint_here}
                        onpointerdown={on_down} onpointermove={on_move}
                        onpointerup={on_up.clone()} onpointercancel={on_up} />
                { for highlight }
            </div>
            { legend(0.0, input_scale(image), "linear-gradient(90deg, #000, #fff)".to_owned()) }
            <p class="conv-hint">{ t.paint_hint }</p>
        </figure>
    }
}

fn probe_handlers(
    k: usize,
    map: &FeatureMap,
    current: Option<(usize, usize)>,
    dispatch: &Callback<Msg>,
) -> (Callback<PointerEvent>, Callback<KeyboardEvent>) {
    let (w, h) = (map.width(), map.height());
    let on_pointer = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(el) = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<Element>(t).ok())
            else {
                return;
            };
            let rect = el.get_bounding_client_rect();
            let fx = (f64::from(e.client_x()) - rect.left()) / rect.width().max(1.0);
            let fy = (f64::from(e.client_y()) - rect.top()) / rect.height().max(1.0);
            if !(0.0..1.0).contains(&fx) || !(0.0..1.0).contains(&fy) {
                return;
            }
            let (x, y) = ((fx * w as f64) as usize, (fy * h as f64) as usize);
            if current != Some((x, y)) {
                dispatch.emit(Msg::Probe(k, x, y));
            }
        })
    };
    let on_key = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            let (x, y) = current.unwrap_or((w / 2, h / 2));
            let (x, y) = match e.key().as_str() {
                "ArrowLeft" => (x.saturating_sub(1), y),
                "ArrowRight" => ((x + 1).min(w.saturating_sub(1)), y),
                "ArrowUp" => (x, y.saturating_sub(1)),
                "ArrowDown" => (x, (y + 1).min(h.saturating_sub(1))),
                _ => return,
            };
            e.prevent_default();
            dispatch.emit(Msg::Probe(k, x, y));
        })
    };
    (on_pointer, on_key)
}

/// One feature map per kernel, beside the image; hovering a pixel probes it.
pub fn maps_panel(t: &'static ConvTexts, m: &Model, d: &Drawer, dispatch: &Callback<Msg>) -> Html {
    let maps = m.pipeline().maps();
    let (w, h) = (maps.width(), maps.height());
    let figures = (0..maps.channels()).map(|k| {
        let current = m.probe.filter(|p| p.map == k).map(|p| (p.x, p.y));
        let (on_pointer, on_key) = probe_handlers(k, maps, current, dispatch);
        let marker = current.map(|(x, y)| {
            let style = format!(
                "left:{:.4}%;top:{:.4}%;width:{:.4}%;height:{:.4}%",
                x as f64 / w as f64 * 100.0,
                y as f64 / h as f64 * 100.0,
                100.0 / w as f64,
                100.0 / h as f64
            );
            html! { <div class="conv-marker" {style}></div> }
        });
        let name = preset_name(t, m.slots()[k].preset);
        let caption = fill(t.map_caption, &[&(k + 1).to_string(), name]);
        html! {
            <figure class={classes!("conv-panel", "conv-map", format!("conv-map-{k}"))}>
                <figcaption title={caption.clone()}>{ caption }</figcaption>
                <div class="conv-canvas-wrap">
                    <canvas ref={d.maps[k].clone()} class="conv-canvas conv-probeable"
                            width={w.to_string()} height={h.to_string()} tabindex="0"
                            aria-label={fill(t.map_label, &[&(k + 1).to_string()])}
                            onpointermove={on_pointer.clone()} onpointerdown={on_pointer}
                            onkeydown={on_key} />
                    { for marker }
                </div>
                { signed_legend(maps.plane(k)) }
            </figure>
        }
    });
    html! {
        <div class="conv-maps">
            { for figures }
            <p class="conv-hint conv-maps-hint">{ fill(t.maps_hint, &[&format!("{w} × {h}")]) }</p>
        </div>
    }
}

fn grid(size: usize, cells: impl Iterator<Item = (String, bool)>, class: &'static str) -> Html {
    html! {
        <div class={classes!("conv-mini-grid", class)} style={format!("--n:{size}")}>
            { for cells.map(|(v, pad)| html! { <span class={classes!(pad.then_some("pad"))}>{ v }</span> }) }
        </div>
    }
}

fn sum_terms(t: &ConvTexts, f: &ReceptiveField) -> String {
    const SHOWN: usize = 16;
    let nonzero: Vec<String> = f
        .terms
        .iter()
        .filter(|term| term.weight != 0.0)
        .map(|term| {
            format!(
                "{}·{}",
                format_number(term.weight),
                format_number(term.input)
            )
        })
        .collect();
    let mut text = if nonzero.is_empty() {
        "0".to_owned()
    } else if nonzero.len() > SHOWN {
        let more = fill(t.more_terms, &[&(nonzero.len() - SHOWN).to_string()]);
        format!("{} + {more}", nonzero[..SHOWN].join(" + "))
    } else {
        nonzero.join(" + ")
    };
    if f.bias != 0.0 {
        text.push_str(&format!(" + ({})", format_number(f.bias)));
    }
    text
}

/// The multiply-and-sum of the probed pixel, with numbers.
pub fn probe_panel(t: &'static ConvTexts, m: &Model) -> Html {
    let Some(f) = m.receptive_field() else {
        return html! {
            <section class="conv-panel conv-probe">
                <h2>{ t.probe_title }</h2>
                <p class="conv-hint">{ t.probe_hint }</p>
            </section>
        };
    };
    let kw = f.width;
    let window = f.terms.iter().take(kw * f.height);
    let inputs = window
        .clone()
        .map(|term| (format_number(term.input), term.padding));
    let weights = window
        .clone()
        .map(|term| (format_number(term.weight), false));
    let products = window.map(|term| (format_number(term.product), term.padding));
    let activation = m.pipeline().config().activation;
    let activated = m.pipeline().activated().get(f.out_channel, f.x, f.y);
    let rows = format!("{}…{}", f.input_y, f.input_y + f.height as isize - 1);
    let cols = format!("{}…{}", f.input_x, f.input_x + kw as isize - 1);
    html! {
        <section class="conv-panel conv-probe" aria-live="polite">
            <h2>{ t.probe_title }</h2>
            <p>{ fill(t.probe_where, &[&(f.out_channel + 1).to_string(), &f.x.to_string(), &f.y.to_string(), &rows, &cols]) }</p>
            <div class="conv-probe-grids">
                <figure><figcaption>{ t.patch }</figcaption>{ grid(kw, inputs, "conv-grid-input") }</figure>
                <span class="conv-op" aria-hidden="true">{ "⊙" }</span>
                <figure><figcaption>{ t.kernel }</figcaption>{ grid(kw, weights, "conv-grid-kernel") }</figure>
                <span class="conv-op" aria-hidden="true">{ "=" }</span>
                <figure><figcaption>{ t.products }</figcaption>{ grid(kw, products, "conv-grid-products") }</figure>
            </div>
            <p class="conv-probe-sum">
                { "Σ = " }{ sum_terms(t, &f) }{ " = " }
                <output class="conv-probe-value">{ format_number(f.value) }</output>
            </p>
            <p class="conv-probe-activated">
                { format!("{}({}) = {}", activation_name(t, activation), format_number(f.value), format_number(activated)) }
            </p>
            if f.terms.iter().any(|term| term.padding) {
                <p class="conv-hint">{ t.padding_note }</p>
            }
        </section>
    }
}

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
            f(&mut c, &select_value(&e));
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

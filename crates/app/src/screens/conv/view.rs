//! The painter's panels: toolbar, image, feature maps, multiply-and-sum, the chain after
//! the maps, and the parameter counts.

use nnp_core::activation::Activation;
use nnp_core::conv::FeatureMap;
use web_sys::{Element, KeyboardEvent, PointerEvent};
use yew::prelude::*;

use crate::widgets::SavePicture;

use super::draw::{Drawer, input_scale, legend_gradient};
use super::kernels::preset_name;
use super::model::{
    ImageOrigin, LECTURE_SIZE, Model, Notice, RESOLUTIONS, Sample, Tool, format_number, max_abs,
};
use super::msg::Msg;
use crate::i18n::conv::ConvTexts;
use crate::i18n::fill;
use crate::widgets::event_value;

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
        .reform(|e: InputEvent| Msg::BrushSize(event_value(&e).parse().unwrap_or(f32::NAN)));
    let intensity = dispatch
        .reform(|e: InputEvent| Msg::Intensity(event_value(&e).parse().unwrap_or(f32::NAN)));
    let resolution =
        dispatch.reform(|e: Event| Msg::Resolution(event_value(&e).parse().unwrap_or(0)));
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
            { notice(t, m.notice.as_ref()) }
        </div>
    }
}

fn notice(t: &ConvTexts, notice: Option<&Notice>) -> Html {
    let alert = |text: String| {
        html! { <p class="notice notice-error conv-notice" role="alert">{ text }</p> }
    };
    match notice {
        Some(Notice::LinkPartlyRead(keys)) => alert(fill(t.link_partly_read, &[&keys.join(", ")])),
        Some(Notice::SavedPartlyRead(keys)) => {
            alert(fill(t.saved_partly_read, &[&keys.join(", ")]))
        }
        Some(Notice::LinkWithoutImage) => html! {
            <p class="notice notice-info conv-notice" role="status">{ t.link_came_without_image }</p>
        },
        Some(Notice::NotAnImage) => html! {
            <p class="notice notice-error conv-notice" role="alert">{ t.not_an_image }</p>
        },
        Some(Notice::TooLarge) => html! {
            <p class="notice notice-error conv-notice" role="alert">{ t.too_large }</p>
        },
        Some(Notice::Uploaded) => html! {
            <p class="notice notice-info conv-notice" role="status">{ t.uploaded }</p>
        },
        None => html! {},
    }
}

/// What the share link keeps of the painting.
pub fn link_status(t: &ConvTexts, m: &Model) -> Html {
    let text = if m.link_without_image {
        t.link_without_image
    } else if m.origin() == ImageOrigin::Painted {
        t.link_levels
    } else {
        return Html::default();
    };
    html! { <p class="conv-hint conv-link-status" role="status">{ text }</p> }
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

pub fn signed_legend(plane: &[f32]) -> Html {
    let m = max_abs(plane);
    let m = if m <= 1e-6 { 0.0 } else { m };
    legend(-m, m, legend_gradient())
}

/// What the painting canvas answers to: pointer, keyboard, and the keyboard's brush.
pub struct PaintEvents {
    /// A pointer goes down: a stroke begins.
    pub down: Callback<PointerEvent>,
    /// The pointer moves: the stroke goes on.
    pub moved: Callback<PointerEvent>,
    /// The pointer goes up or is cancelled: the stroke ends.
    pub up: Callback<PointerEvent>,
    /// Keys on the focused canvas.
    pub key: Callback<KeyboardEvent>,
    /// The canvas loses the focus.
    pub blur: Callback<FocusEvent>,
    /// The keyboard's brush outline (or nothing).
    pub cursor: Html,
}

/// The painted image with its canvas and the receptive field of the probed pixel.
pub fn input_panel(t: &'static ConvTexts, m: &Model, d: &Drawer, events: PaintEvents) -> Html {
    let PaintEvents {
        down: on_down,
        moved: on_move,
        up: on_up,
        key,
        blur,
        cursor,
    } = events;
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
                        tabindex="0" aria-label={format!("{} {}", t.paint_here, t.paint_keys)}
                        onpointerdown={on_down} onpointermove={on_move}
                        onpointerup={on_up.clone()} onpointercancel={on_up}
                        onkeydown={key} onblur={blur} />
                { for highlight }
                { cursor }
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
            <SavePicture target=".conv-maps" name="feature-maps" />
        </div>
    }
}

pub fn grid(size: usize, cells: impl Iterator<Item = (String, bool)>, class: &'static str) -> Html {
    html! {
        <div class={classes!("conv-mini-grid", class)} style={format!("--n:{size}")}>
            { for cells.map(|(v, pad)| html! { <span class={classes!(pad.then_some("pad"))}>{ v }</span> }) }
        </div>
    }
}

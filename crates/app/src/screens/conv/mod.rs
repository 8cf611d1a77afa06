//! The lecture's §6: paint an image and watch kernels turn it into feature maps, then
//! ReLU, pooling and a small fully connected layer — all updated while the brush moves.

mod draw;
mod kernels;
mod keys;
mod link;
mod link_values;
mod model;
mod msg;
mod pack;
mod saving;
#[cfg(test)]
mod tests;
mod upload;
mod view;
mod view_chain;
mod view_params;
mod view_probe;

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use nnp_core::conv::Rect;
use web_sys::{Element, HtmlInputElement, PointerEvent};
use yew::prelude::*;

use crate::i18n::ScreenText;
use crate::i18n::conv::ConvTexts;
use crate::i18n::fill;
use crate::i18n::use_texts;
use crate::screen::Screen;
use crate::share::copy_link;
use crate::widgets::{FrameLoop, Panel, StateFile};
use draw::Drawer;
use model::{LECTURE_SIZE, Model};
use msg::Msg;
use saving::{full_query, initial_model, model_from_query, write_link};

/// This screen, as the router, the navigation and the home page see it.
pub static SCREEN: Screen = Screen {
    slug: "conv",
    en: ScreenText {
        name: "Convolution painter",
        short: "Convolution",
        blurb: "Paint an image and see every feature map change as you paint: kernels, ReLU, pooling.",
        section: "§6 Convolutional networks",
    },
    zh: ScreenText {
        name: "卷积画板",
        short: "卷积",
        blurb: "画一幅图像，边画边看每个特征图的变化：卷积核、ReLU、池化。",
        section: "§6 卷积神经网络",
    },
    view: || html! { <ConvPainter /> },
};

/// Quiet time after the last probe move before the link is written (hovering a map
/// moves the probe on every pixel; the address bar must not change that often).
const PROBE_WRITE_MS: u32 = 400;

/// The brush's pending work: the image rectangle painted since the last frame.
#[derive(Default)]
struct Live {
    pending: Rect,
    scheduled: bool,
    frame: Option<FrameLoop>,
    timing: StrokeTiming,
}

/// How long the frames of the current (or last) stroke took, in milliseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct StrokeTiming {
    frames: u32,
    /// The slowest frame: (pipeline, drawing).
    slowest: (f64, f64),
}

impl StrokeTiming {
    fn record(&mut self, math: f64, drawing: f64) {
        self.frames += 1;
        if math + drawing > self.slowest.0 + self.slowest.1 {
            self.slowest = (math, drawing);
        }
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Position of a pointer over `element` in units of a `width × height` grid.
fn grid_position(event: &MouseEvent, element: &Element, width: usize, height: usize) -> (f32, f32) {
    let rect = element.get_bounding_client_rect();
    let fx = (f64::from(event.client_x()) - rect.left()) / rect.width().max(1.0);
    let fy = (f64::from(event.client_y()) - rect.top()) / rect.height().max(1.0);
    ((fx * width as f64) as f32, (fy * height as f64) as f32)
}

/// Runs the pipeline over the painted rectangle and redraws what it changed.
fn flush(model: &RefCell<Model>, drawer: &RefCell<Drawer>, live: &RefCell<Live>) {
    let dirty = {
        let mut live = live.borrow_mut();
        live.scheduled = false;
        std::mem::take(&mut live.pending)
    };
    if dirty.is_empty() {
        return;
    }
    let mut model = model.borrow_mut();
    let start = now_ms();
    let region = model.run_region(dirty);
    let computed = now_ms();
    drawer.borrow_mut().draw_region(&model, dirty, region);
    let drawn = now_ms();
    live.borrow_mut()
        .timing
        .record(computed - start, drawn - computed);
}

/// The convolution painter.
#[component]
pub fn ConvPainter() -> Html {
    let texts = use_texts();
    let t = texts.conv_ui;
    let model = use_mut_ref(initial_model);
    let drawer = use_mut_ref(Drawer::default);
    let live = use_mut_ref(Live::default);
    let probe_write = use_mut_ref(|| None::<Timeout>);
    let copied = use_state_eq(|| false);
    let force = use_force_update();

    let dispatch = {
        let (model, probe_write, force) = (model.clone(), probe_write.clone(), force.clone());
        let copied = copied.clone();
        Callback::from(move |msg: Msg| {
            let probing = matches!(msg, Msg::Probe(..));
            // Brush settings are not part of the link; everything else is.
            let writes =
                !probing && !matches!(msg, Msg::Tool(_) | Msg::BrushSize(_) | Msg::Intensity(_));
            let mut m = model.borrow_mut();
            m.update(msg);
            if writes {
                copied.set(false);
                probe_write.borrow_mut().take();
                write_link(&mut m);
            } else if probing {
                let model = model.clone();
                *probe_write.borrow_mut() = Some(Timeout::new(PROBE_WRITE_MS, move || {
                    write_link(&mut model.borrow_mut());
                }));
            }
            drop(m);
            force.force_update();
        })
    };
    let on_open = {
        let (model, probe_write, force) = (model.clone(), probe_write.clone(), force.clone());
        Callback::from(move |query: String| {
            probe_write.borrow_mut().take();
            let mut m = model.borrow_mut();
            let generation = m.generation;
            *m = model_from_query(&query);
            m.generation = generation + 1;
            write_link(&mut m);
            drop(m);
            force.force_update();
        })
    };
    let on_copy = {
        let (model, copied) = (model.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            // A state restored from storage is not in the address bar until now.
            write_link(&mut model.borrow_mut());
            copied.set(copy_link());
        })
    };
    let state_query = {
        let model = model.clone();
        Callback::from(move |_: ()| full_query(&model.borrow()))
    };

    let generation = model.borrow().generation;
    {
        let (model, drawer) = (model.clone(), drawer.clone());
        use_effect_with(generation, move |_| {
            drawer.borrow_mut().draw_all(&model.borrow());
        });
    }
    {
        let live = live.clone();
        use_effect_with((), move |_| move || drop(live.borrow_mut().frame.take()));
    }
    {
        let probe_write = probe_write.clone();
        use_effect_with((), move |_| move || drop(probe_write.borrow_mut().take()));
    }

    let paint = {
        let (model, drawer, live) = (model.clone(), drawer.clone(), live.clone());
        Rc::new(move |event: &PointerEvent, begin: bool| {
            let Some(target) = event.target() else {
                return;
            };
            let Ok(element) = wasm_bindgen::JsCast::dyn_into::<Element>(target) else {
                return;
            };
            let dirty = {
                let mut m = model.borrow_mut();
                if !begin && !m.stroking() {
                    return;
                }
                let n = m.resolution();
                let (x, y) = grid_position(event, &element, n, n);
                if begin {
                    live.borrow_mut().timing = StrokeTiming::default();
                    let _ = element.set_pointer_capture(event.pointer_id());
                    m.stroke_begin(x, y)
                } else {
                    m.stroke_to(x, y)
                }
            };
            event.prevent_default();
            let mut l = live.borrow_mut();
            l.pending = l.pending.union(dirty);
            if !l.scheduled {
                l.scheduled = true;
                let (model, drawer, live2) = (model.clone(), drawer.clone(), live.clone());
                // One frame: the strokes of this frame are drawn together.
                l.frame = Some(FrameLoop::start(move || {
                    flush(&model, &drawer, &live2);
                    false
                }));
            }
        })
    };
    let on_down = {
        let paint = paint.clone();
        Callback::from(move |e: PointerEvent| paint(&e, true))
    };
    let on_move = Callback::from(move |e: PointerEvent| paint(&e, false));
    let on_up = {
        let (model, drawer, live, dispatch) = (
            model.clone(),
            drawer.clone(),
            live.clone(),
            dispatch.clone(),
        );
        Callback::from(move |_: PointerEvent| {
            if model.borrow().stroking() {
                flush(&model, &drawer, &live);
                dispatch.emit(Msg::StrokeEnd);
            }
        })
    };
    let key_cursor = use_state_eq(|| None::<(f32, f32)>);
    let on_key = keys::paint_keys(
        model.clone(),
        drawer.clone(),
        live.clone(),
        dispatch.clone(),
        key_cursor.clone(),
    );
    let on_blur = keys::on_blur(
        model.clone(),
        drawer.clone(),
        live.clone(),
        dispatch.clone(),
        key_cursor.clone(),
    );
    let on_upload = {
        let (model, dispatch) = (model.clone(), dispatch.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            if upload::too_large(file.size()) {
                dispatch.emit(Msg::UploadTooLarge);
                return;
            }
            let size = match model.borrow().resolution() {
                LECTURE_SIZE => 128,
                n => n,
            };
            let done = dispatch.reform(move |grey: Option<Vec<f32>>| match grey {
                Some(grey) => Msg::Upload(size, grey),
                None => Msg::UploadFailed,
            });
            upload::decode(&file, size, done);
        })
    };

    let m = model.borrow();
    let d = drawer.borrow();
    html! {
        <section class="screen screen-conv">
            <p class="screen-section">{ SCREEN.text(texts).section }</p>
            <h1>{ SCREEN.text(texts).name }</h1>
            <p class="lead">{ t.intro }</p>
            <Panel id="tools">{ view::toolbar(t, &m, &dispatch, on_upload) }</Panel>
            if crate::share::debug_on() {
                { view_timing(t, live.borrow().timing) }
            }
            <div class="conv-stage">
                { view::input_panel(t, &m, &d, view::PaintEvents {
                    down: on_down,
                    moved: on_move,
                    up: on_up,
                    key: on_key,
                    blur: on_blur,
                    cursor: keys::view_cursor(*key_cursor, m.brush_size, m.resolution(), m.stroking()),
                }) }
                { view::maps_panel(t, &m, &d, &dispatch) }
                { view_probe::probe_panel(t, &m) }
            </div>
            <Panel id="file">
            <div class="conv-group conv-share">
                <button type="button" class="conv-copy-link" onclick={on_copy}>
                    { if *copied { format!("✓ {}", t.link_copied) } else { t.copy_link.to_owned() } }
                </button>
                <StateFile screen={&SCREEN} query={state_query} on_open={on_open} />
                { view::link_status(t, &m) }
            </div>
            </Panel>
            <Panel id="kernels">{ kernels::kernels_panel(t, &m, &dispatch) }</Panel>
            <Panel id="chain">{ view_chain::chain_panel(t, &m, &d, &dispatch) }</Panel>
            <Panel id="params">{ view_params::params_panel(t, &m) }</Panel>
        </section>
    }
}

/// The last stroke's slowest frame: the brush must keep up with the pointer.
fn view_timing(t: &'static ConvTexts, timing: StrokeTiming) -> Html {
    if timing.frames == 0 {
        return Html::default();
    }
    let (math, drawing) = timing.slowest;
    let text = fill(
        t.stroke_timing,
        &[
            &timing.frames.to_string(),
            &format!("{:.1}", math + drawing),
            &format!("{math:.1}"),
            &format!("{drawing:.1}"),
        ],
    );
    html! { <p class="conv-timing" aria-live="polite">{ text }</p> }
}

//! Decision boundaries (lecture §1–3): points of two classes, a feature map φ(x), a linear
//! model W·φ(x) or a network, trained live; the score over the plane and every feature and
//! hidden unit as a picture.

mod controls;
mod draw;
mod hypothesis;
mod link;
mod margin;
mod model;
mod msg;
mod network;
mod network_links;
mod pack;
mod persist;
mod plane;
mod readout;

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement, KeyboardEvent};
use yew::prelude::*;

use crate::i18n::ScreenText;
use crate::i18n::use_texts;
use crate::screen::Screen;
use crate::share::copy_link;
use crate::shortcuts::{History, Shortcut, history_key, is_free_key, use_shortcuts};
use crate::widgets::{Panel, SavePicture, StateFile, WeightsButtons, use_frame_loop};
use draw::{PLANE_PX, Painter, THUMBS_PER_FRAME};
use model::{GRID, Link, Model, Tool};
use msg::Msg;
use persist::{full_query, initial_model, write_link};

/// This screen, as the router, the navigation and the home page see it.
pub static SCREEN: Screen = Screen {
    slug: "boundaries",
    en: ScreenText {
        name: "Decision boundaries",
        short: "Boundaries",
        blurb: "Paint points, pick φ(x) and a network, and watch the boundary and every hidden unit learn.",
        section: "§1–3 Feature maps, hypothesis classes, networks",
    },
    zh: ScreenText {
        name: "决策边界",
        short: "决策边界",
        blurb: "画出数据点，选择特征提取函数 φ(x) 和网络，观察决策边界和每个隐藏单元如何学习。",
        section: "§1–3 特征提取函数、假设类、神经网络",
    },
    view: || html! { <Boundaries /> },
};

/// The canvases a frame draws on.
#[derive(Clone, PartialEq)]
struct Canvases {
    heat: NodeRef,
    plane: NodeRef,
    net: NodeRef,
}

impl Canvases {
    /// Draws everything; with `thumbs_share`, only that many of the units' thumbnails (in
    /// turn), as a training frame does. A big network's links canvas is drawn when `links`
    /// says how (the link to highlight, presenter mode's thick lines), the points when
    /// `points`.
    fn draw_some(
        &self,
        model: &Model,
        painter: &mut Painter,
        thumbs_share: Option<u32>,
        links: Option<(Option<Link>, bool)>,
        points: bool,
    ) {
        if let Some(heat) = self.heat.cast::<HtmlCanvasElement>() {
            painter.heatmap(&heat, model);
        }
        if points && let Some(plane) = self.plane.cast::<HtmlCanvasElement>() {
            draw::points(&plane, model);
        }
        if let Some(net) = self.net.cast::<Element>() {
            painter.thumbnails(&net, model, thumbs_share);
            if let Some((highlight, thick)) = links {
                network_links::paint_links(&net, model, highlight, thick);
            }
        }
    }
}

/// The training loop's state: at most one epoch per animation frame, less when it is long.
struct TrainLoop {
    model: Rc<RefCell<Model>>,
    painter: Rc<RefCell<Painter>>,
    canvases: Canvases,
    redraw: UseForceUpdateHandle,
    frames: u32,
    /// When Yew last re-rendered the numbers, links and chart (milliseconds).
    rendered_at: f64,
    /// When the replay under way started: (milliseconds, epoch), to estimate its end.
    replay_start: Option<(f64, usize)>,
    /// While a link replays: the epoch its pictures are being drawn for, and the parts
    /// still to draw (the next last).
    replay_drawn: Option<(usize, Vec<ReplayPart>)>,
    /// Presenter mode: links drawn twice as thick.
    thick: bool,
    /// `debug=1`: long frames are described on the console.
    debug: bool,
}

thread_local! {
    /// debug=1: when the training loop last asked Yew for a render.
    static DEBUG_RENDER_ASKED: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// A big network's links canvas is redrawn every this many training frames.
const LINK_FRAMES: u32 = 6;
/// While a link replays, a part of the pictures is drawn every this many frames.
const REPLAY_DRAW_FRAMES: u32 = 2;
/// While a link replays, unit pictures drawn in one part (each changed canvas costs the
/// browser part of a commit: 16 keep a part near 15 ms here).
const REPLAY_THUMBS_PER_FRAME: u32 = 16;

/// A part of the pictures a replay draws in one frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReplayPart {
    /// The plane's heat map.
    Heat,
    /// The points on the plane.
    Points,
    /// The network's links.
    Links,
    /// The next round of unit pictures.
    Thumbs,
}

impl TrainLoop {
    /// One frame's work; returns whether to go on.
    fn tick(&mut self) -> bool {
        let start = now_ms();
        let replaying = self.model.borrow().replay_to.is_some();
        // The drawing of the last frame (heat maps, every unit's thumbnail) is taken off the
        // training budget, so a big network's whole frame stays near 40 ms.
        let drawing = self.model.borrow().frame_ms.map_or(0.0, |(_, d)| d);
        let budget = if replaying {
            REPLAY_MS_PER_FRAME
        } else {
            (FRAME_TARGET_MS - drawing).clamp(4.0, TRAIN_MS_PER_FRAME)
        };
        let keep = self.model.borrow_mut().frame(|| now_ms() - start > budget);
        let trained = now_ms();
        if replaying {
            self.estimate_replay(trained);
        } else {
            self.replay_start = None;
        }
        // A big network's links (on a canvas) are redrawn every few frames: enough to see
        // the weights move, cheap enough for the frame.
        let links = self
            .frames
            .is_multiple_of(LINK_FRAMES)
            .then(|| (self.model.borrow().selected, self.thick));
        // A replay is there to reach its epoch: its pictures follow part by part. Training
        // does not move the points (a stroke paints them through a render).
        if !replaying {
            self.replay_drawn = None;
            self.canvases.draw_some(
                &self.model.borrow(),
                &mut self.painter.borrow_mut(),
                Some(THUMBS_PER_FRAME),
                links,
                false,
            );
        } else {
            self.draw_replay();
        }
        if !replaying {
            self.model.borrow_mut().frame_ms = Some((trained - start, now_ms() - trained));
        }
        self.frames = self.frames.wrapping_add(1);
        if !keep {
            let mut model = self.model.borrow_mut();
            write_link(&mut model);
            drop(model);
            self.redraw.force_update();
            return false;
        }
        // Yew re-renders the numbers, links and chart every few frames only, and a diagram
        // of thousands of links (a re-render of 100 ms or more) twice a second.
        let links = self.model.borrow().mlp.params().len();
        let spacing = if links > 2000 { 500.0 } else { 60.0 };
        let now = now_ms();
        let drawn = now;
        if self.frames.is_multiple_of(4) && now - self.rendered_at > spacing {
            self.rendered_at = now;
            self.redraw.force_update();
            if self.debug {
                DEBUG_RENDER_ASKED.with(|t| t.set(now_ms()));
            }
        }
        if self.debug {
            // debug=1: where a long frame's time went, on the console.
            let total = now_ms() - start;
            if total > 30.0 {
                web_sys::console::log_1(
                    &format!(
                        "boundaries frame {total:.0} ms: train {:.0}, draw {:.0}, render {:.0}",
                        trained - start,
                        drawn - trained,
                        now_ms() - drawn
                    )
                    .into(),
                );
            }
        }
        true
    }
}

impl TrainLoop {
    /// While a link replays, the pictures change only when an epoch ends (the grid is
    /// evaluated then). After an epoch the pictures are drawn one part per frame, every
    /// other frame: the heat map, the links, then the unit pictures in rounds (the points
    /// once, they do not move); the next round starts when this one is drawn and another
    /// epoch has ended. Every repaint costs the browser a commit of the whole page's
    /// canvases, so frames in between only train.
    fn draw_replay(&mut self) {
        let model = self.model.borrow();
        let first = self.replay_drawn.is_none();
        // A new round starts once the last is drawn (fast epochs must not starve the unit
        // pictures); each part draws the latest state.
        let round_done = self
            .replay_drawn
            .as_ref()
            .is_none_or(|(epoch, parts)| parts.is_empty() && *epoch != model.epoch);
        if round_done {
            let pictures: usize = model.mlp.shape().iter().sum();
            let rounds = pictures.div_ceil(REPLAY_THUMBS_PER_FRAME as usize);
            let mut parts = vec![ReplayPart::Thumbs; rounds];
            parts.push(ReplayPart::Links);
            if first {
                parts.push(ReplayPart::Points);
            }
            parts.push(ReplayPart::Heat);
            self.replay_drawn = Some((model.epoch, parts));
        }
        if !self.frames.is_multiple_of(REPLAY_DRAW_FRAMES) {
            return;
        }
        let Some(part) = self
            .replay_drawn
            .as_mut()
            .and_then(|(_, parts)| parts.pop())
        else {
            return;
        };
        let mut painter = self.painter.borrow_mut();
        let net = self.canvases.net.cast::<Element>();
        match part {
            ReplayPart::Heat => {
                if let Some(heat) = self.canvases.heat.cast::<HtmlCanvasElement>() {
                    painter.heatmap(&heat, &model);
                }
            }
            ReplayPart::Points => {
                if let Some(plane) = self.canvases.plane.cast::<HtmlCanvasElement>() {
                    draw::points(&plane, &model);
                }
            }
            ReplayPart::Links => {
                if let Some(net) = &net {
                    network_links::paint_links(net, &model, model.selected, self.thick);
                }
            }
            ReplayPart::Thumbs => {
                if let Some(net) = &net {
                    painter.thumbnails(net, &model, Some(REPLAY_THUMBS_PER_FRAME));
                }
            }
        }
    }

    /// Writes how long the replay still needs into the model, at its pace so far.
    fn estimate_replay(&mut self, now: f64) {
        let mut model = self.model.borrow_mut();
        let Some(target) = model.replay_to else {
            model.replay_seconds_left = None;
            return;
        };
        let (started, from) = *self.replay_start.get_or_insert((now, model.epoch));
        let done = model.epoch.saturating_sub(from);
        let elapsed = (now - started) / 1000.0;
        model.replay_seconds_left = (done > 0 && elapsed > 0.5)
            .then(|| elapsed / done as f64 * target.saturating_sub(model.epoch) as f64);
    }
}

/// Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (the shared rule of [`history_key`]).
fn undo_key(event: &KeyboardEvent) -> Option<Msg> {
    history_key(event).map(|history| match history {
        History::Undo => Msg::Undo,
        History::Redo => Msg::Redo,
    })
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Milliseconds of each frame spent replaying a shared run.
const REPLAY_MS_PER_FRAME: f64 = 12.0;
/// Milliseconds of each frame spent training live before the picture is drawn: an epoch
/// that needs longer goes on in the next frame (the grid and the drawing add 5–25 ms).
const TRAIN_MS_PER_FRAME: f64 = 20.0;
/// What a frame of live training should take at most, drawing included.
const FRAME_TARGET_MS: f64 = 40.0;

/// The screen.
#[component]
pub fn Boundaries() -> Html {
    let texts = use_texts();
    let t = texts.boundaries_ui;
    let presenter = crate::widgets::panel::use_presenter();
    let model = use_mut_ref(initial_model);
    let painter = use_mut_ref(Painter::default);
    let redraw = use_force_update();
    let copied = use_state_eq(|| false);
    let hovered = use_state_eq(|| None::<Link>);
    let canvases = Canvases {
        heat: use_node_ref(),
        plane: use_node_ref(),
        net: use_node_ref(),
    };
    let playing = model.borrow().playing;
    let running = {
        let m = model.borrow();
        m.playing || m.stepping || m.replay_to.is_some()
    };

    {
        let (model, painter, canvases) = (model.clone(), painter.clone(), canvases.clone());
        let highlight = (*hovered).or(model.borrow().selected);
        use_effect(move || {
            let start = now_ms();
            let model = model.borrow();
            // While the loop trains it paints the pictures itself, a share a frame; a render
            // then only adds what changed shape (a replay's loop paints all it needs, part by
            // part). At rest every picture is painted.
            let running = model.playing || model.stepping;
            if model.replay_to.is_none() {
                let (share, links) = if running {
                    (Some(THUMBS_PER_FRAME), None)
                } else {
                    (None, Some((highlight, presenter)))
                };
                canvases.draw_some(&model, &mut painter.borrow_mut(), share, links, true);
            }
            let asked = DEBUG_RENDER_ASKED.with(|t| t.replace(0.0));
            if asked > 0.0 {
                web_sys::console::log_1(
                    &format!(
                        "boundaries render: asked {:.0} ms ago, its pictures took {:.0} ms",
                        now_ms() - asked,
                        now_ms() - start
                    )
                    .into(),
                );
            }
        });
    }
    {
        let mut train_loop = TrainLoop {
            model: model.clone(),
            painter: painter.clone(),
            canvases: canvases.clone(),
            redraw: redraw.clone(),
            frames: 0,
            rendered_at: 0.0,
            replay_start: None,
            replay_drawn: None,
            thick: presenter,
            debug: crate::share::debug_on(),
        };
        use_frame_loop(running, move || train_loop.tick());
    }
    {
        let (model, redraw) = (model.clone(), redraw.clone());
        use_effect_with((), move |_| {
            let listener = gloo::utils::document_element().owner_document().map(|doc| {
                EventListener::new(&doc, "keydown", move |event| {
                    let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if let Some(msg) = undo_key(event) {
                        event.prevent_default();
                        let mut m = model.borrow_mut();
                        m.update(msg);
                        write_link(&mut m);
                        drop(m);
                        redraw.force_update();
                        return;
                    }
                    if !is_free_key(event) {
                        return;
                    }
                    let tool = match event.key().as_str() {
                        "0" => Tool::Look,
                        "1" => Tool::Positive,
                        "2" => Tool::Negative,
                        "e" | "E" | "3" => Tool::Eraser,
                        _ => return,
                    };
                    model.borrow_mut().update(Msg::Tool(tool));
                    redraw.force_update();
                })
            });
            move || drop(listener)
        });
    }

    let send = {
        let (model, redraw, copied) = (model.clone(), redraw.clone(), copied.clone());
        Callback::from(move |msg: Msg| {
            // Typing a formula changes neither the link nor the "copied" mark.
            let typing = matches!(msg, Msg::FormulaText(_));
            if !typing {
                copied.set(msg == Msg::CopyLink && copy_link());
            }
            let mut m = model.borrow_mut();
            if msg == Msg::ExportCsv {
                let _ = crate::share::store::download("points.csv", &m.points_csv());
            }
            m.update(msg);
            if !typing {
                write_link(&mut m);
            }
            drop(m);
            redraw.force_update();
        })
    };

    {
        let send = send.clone();
        use_shortcuts(Callback::from(move |shortcut| {
            send.emit(match shortcut {
                Shortcut::PlayPause if playing => Msg::Pause,
                Shortcut::PlayPause => Msg::Play,
                Shortcut::Step => Msg::Step,
                Shortcut::Reset => Msg::Reset,
            });
        }));
    }
    let plane = plane::use_plane_input(&model, &redraw, &canvases.plane);
    let on_hover = {
        let hovered = hovered.clone();
        Callback::from(move |link: Option<Link>| hovered.set(link))
    };

    let state_query = {
        let model = model.clone();
        Callback::from(move |_: ()| full_query(&model.borrow()))
    };
    let weights_json = {
        let model = model.clone();
        Callback::from(move |_: ()| model.borrow().weights_json())
    };
    let m = model.borrow();
    let tool_class = match m.tool {
        Tool::Look => "tool-look",
        Tool::Positive => "tool-positive",
        Tool::Negative => "tool-negative",
        Tool::Eraser => "tool-eraser",
    };
    html! {
        <section class="screen screen-boundaries">
            <div class="bd-stage">
                <div class="bd-stage-text">
                    <p class="screen-section">{ SCREEN.text(texts).section }</p>
                    <h1>{ SCREEN.text(texts).name }</h1>
                    <p class="lead">{ t.intro }</p>
                    <Panel id="train">{ controls::view_train_bar(&m, t, *copied, &send) }</Panel>
                    { readout::view_replay(&m, t) }
                    { readout::view_notice(&m, texts, &send) }
                    { readout::view_metrics(&m, t) }
                </div>
                <div class="bd-stage-picture">
                    <div class={classes!("bd-plane", tool_class)}>
                        <canvas class="bd-heat" ref={canvases.heat.clone()}
                                width={GRID.to_string()} height={GRID.to_string()} />
                        <canvas class="bd-points" ref={canvases.plane.clone()}
                                width={PLANE_PX.to_string()} height={PLANE_PX.to_string()}
                                role="img" tabindex="0"
                                aria-label={format!("{} {}", t.plane_description, t.plane_keys)}
                                onpointerdown={plane.down} onpointermove={plane.moved}
                                onpointerup={plane.up.clone()} onpointercancel={plane.up}
                                onpointerleave={plane.leave} onkeydown={plane.key}
                                onfocus={plane.focus} onblur={plane.blur} />
                        { plane::view_cursor(plane.probe_at, plane.keyboard) }
                        { plane::view_axes() }
                    </div>
                    <SavePicture target=".bd-plane" name="decision-boundary" />
                </div>
            </div>
            <Panel id="file">
                <StateFile screen={&SCREEN} query={state_query}
                           on_open={send.reform(Msg::OpenState)} />
                <WeightsButtons slug="boundaries" json={weights_json}
                                on_open={send.reform(Msg::OpenWeights)} />
            </Panel>
            <div class="bd-layout">
                <div class="bd-output">
                    if crate::share::debug_on() {
                        <Panel id="timing">{ readout::view_frame_time(&m, t) }</Panel>
                    }
                    <Panel id="loss">{ readout::view_chart(&m, t) }</Panel>
                    <Panel id="margin">{ margin::view(&m, t) }</Panel>
                    <Panel id="probe">{ readout::view_probe(&m, t, plane.probe_at) }</Panel>
                </div>
                <div class="bd-side">
                    <Panel id="data">{ controls::view_data_panel(&m, t, &send) }</Panel>
                    <Panel id="features">{ controls::view_features_panel(&m, t, &send) }</Panel>
                </div>
                { network::view_network(&m, t, *hovered, plane.probe_at, presenter, &on_hover, &send, &canvases.net) }
            </div>
            <Panel id="hypothesis"><hypothesis::Hypothesis texts={t} /></Panel>
        </section>
    }
}

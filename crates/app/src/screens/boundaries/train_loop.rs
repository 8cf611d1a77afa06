//! The decision boundaries' training loop: each animation frame trains for its budget (a
//! live epoch, or a shared run's replay) and paints what changed, a share at a time; Yew
//! re-renders the numbers every few frames.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{Element, HtmlCanvasElement};
use yew::prelude::*;

use super::draw::{self, Painter, THUMBS_PER_FRAME};
use super::model::{Link, Model};
use super::network_links;
use super::pace::{self, Pace};
use super::persist::write_link;

/// The canvases a frame draws on.
#[derive(Clone, PartialEq)]
pub(super) struct Canvases {
    pub(super) heat: NodeRef,
    pub(super) plane: NodeRef,
    pub(super) net: NodeRef,
}

impl Canvases {
    /// Draws everything; with `thumbs_share`, only that many of the units' thumbnails (in
    /// turn), as a training frame does. A big network's links canvas is drawn when `links`
    /// says how (the link to highlight, presenter mode's thick lines), the points when
    /// `points`.
    pub(super) fn draw_some(
        &self,
        model: &Model,
        painter: &mut Painter,
        thumbs_share: Option<u32>,
        links: Option<(Option<Link>, bool, Option<usize>)>,
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
            if let Some((highlight, thick, gap)) = links {
                network_links::paint_links(&net, model, highlight, thick, gap);
            }
        }
    }
}

/// The training loop's state: at most one epoch per animation frame, less when it is long.
pub(super) struct TrainLoop {
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
    /// Whether this device is slow: its whole live frames took longer than the target, so
    /// frames take turns ([`Pace`]).
    slow: bool,
    /// Whether the last frame only trained (the next draws).
    trained_last: bool,
    /// How long the last training-only frame trained (milliseconds).
    light_training_ms: f64,
    /// `debug=1`: long frames are described on the console.
    debug: bool,
}

thread_local! {
    /// When the training loop last asked Yew for a render (0 once it is done).
    pub(super) static RENDER_ASKED: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
    /// How long the last render asked for took, from the ask to its pictures (milliseconds).
    pub(super) static RENDER_MS: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// A gap of a big network's links canvas is redrawn every this many training frames.
const LINK_FRAMES: u32 = 3;
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
    /// The network's links between two columns (this gap: 0 is φ to the first layer).
    Links(usize),
    /// The next round of unit pictures.
    Thumbs,
}

impl TrainLoop {
    /// The loop of the screen's `model`, drawing on `canvases`; `thick` in presenter mode.
    pub(super) fn new(
        model: Rc<RefCell<Model>>,
        painter: Rc<RefCell<Painter>>,
        canvases: Canvases,
        redraw: UseForceUpdateHandle,
        thick: bool,
    ) -> Self {
        Self {
            model,
            painter,
            canvases,
            redraw,
            frames: 0,
            rendered_at: 0.0,
            replay_start: None,
            replay_drawn: None,
            thick,
            slow: false,
            trained_last: false,
            light_training_ms: 0.0,
            debug: crate::share::debug_on(),
        }
    }

    /// One frame's work; returns whether to go on.
    pub(super) fn tick(&mut self) -> bool {
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
        // On a slow device (a phone) live frames take turns: one trains, the next evaluates
        // the pictures and draws them, so that no frame does both.
        let pace = Pace::of(replaying, self.slow, self.trained_last);
        let keep = match pace {
            Pace::Both => self.model.borrow_mut().frame(|| now_ms() - start > budget),
            Pace::TrainOnly => self
                .model
                .borrow_mut()
                .frame_without_grid(|| now_ms() - start > TRAIN_MS_PER_FRAME),
            Pace::DrawOnly => {
                let mut model = self.model.borrow_mut();
                model.fresh_grid();
                model.playing || model.stepping
            }
        };
        self.trained_last = pace == Pace::TrainOnly;
        let trained = now_ms();
        if pace == Pace::TrainOnly {
            return self.after_training_only(keep, trained - start);
        }
        if replaying {
            self.estimate_replay(trained);
        } else {
            self.replay_start = None;
        }
        // A big network's links (on a canvas) are redrawn a gap between two columns every
        // few frames, in turn: enough to see the weights move, cheap enough for the frame.
        let links = self.frames.is_multiple_of(LINK_FRAMES).then(|| {
            let model = self.model.borrow();
            let gaps = model.mlp.layers().len().max(1);
            let gap = (self.frames / LINK_FRAMES) as usize % gaps;
            (model.selected, self.thick, Some(gap))
        });
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
            let drawn = now_ms() - trained;
            let training = match pace {
                Pace::DrawOnly => self.light_training_ms,
                _ => trained - start,
            };
            self.model.borrow_mut().frame_ms = Some((training, drawn));
            self.slow = pace::still_slow(self.slow, training + drawn);
        }
        self.frames = self.frames.wrapping_add(1);
        if !keep {
            let mut model = self.model.borrow_mut();
            write_link(&mut model);
            drop(model);
            self.redraw.force_update();
            return false;
        }
        let drawn = now_ms();
        self.render_now_and_then();
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
    /// The end of a slow device's frame that only trained: no picture is drawn, Yew
    /// re-renders as usual, and a stop brings the pictures up to date first.
    fn after_training_only(&mut self, keep: bool, training_ms: f64) -> bool {
        self.light_training_ms = training_ms;
        self.frames = self.frames.wrapping_add(1);
        if !keep {
            let mut model = self.model.borrow_mut();
            model.fresh_grid();
            write_link(&mut model);
            drop(model);
            self.redraw.force_update();
            return false;
        }
        self.render_now_and_then();
        true
    }

    /// Yew re-renders the numbers, links and chart every few frames only, a diagram of
    /// thousands of links (a re-render of 100 ms or more) twice a second, and no render
    /// more often than keeps renders to a fifth of the time ([`pace::render_spacing`]).
    fn render_now_and_then(&mut self) {
        let links = self.model.borrow().mlp.params().len();
        let spacing = pace::render_spacing(links, RENDER_MS.with(std::cell::Cell::get));
        let now = now_ms();
        if self.frames.is_multiple_of(4) && now - self.rendered_at > spacing {
            self.rendered_at = now;
            self.redraw.force_update();
            RENDER_ASKED.with(|t| t.set(now_ms()));
        }
    }

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
            parts.extend((0..model.mlp.layers().len()).rev().map(ReplayPart::Links));
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
            ReplayPart::Links(gap) => {
                if let Some(net) = &net {
                    network_links::paint_links(net, &model, model.selected, self.thick, Some(gap));
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

pub(super) fn now_ms() -> f64 {
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

//! A convolutional network that learns the handwritten digits (lecture §6): eight 3×3
//! kernels slid over the 8×8 digit give feature maps, ReLU and pooling shrink them, a fully
//! connected layer classifies. The kernels are learned from the labels; the visitor watches
//! them form, follows a digit (or their own drawing) through every layer, and reads the
//! test confusion matrix.

mod draw_input;
mod drawing;
mod link;
mod model;
mod msg;
mod paint;
mod text;
mod view_charts;
mod view_confusion;
mod view_controls;
mod view_draw;
mod view_network;

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::ScreenText;
use crate::i18n::{fill, use_texts};
use crate::screen::Screen;
use crate::share;
use crate::share::store::{self, Origin};
use crate::shortcuts::{Shortcut, use_shortcuts};
use crate::widgets::{Panel, StateFile, use_frame_loop};
use draw_input::use_draw_events;
use model::{LinkNotice, Load, LoadError, Model};
use msg::Msg;
use paint::{Canvases, Painter};

/// This screen, as the router, the navigation and the home page see it.
pub static SCREEN: Screen = Screen {
    slug: "cnn",
    en: ScreenText {
        name: "A CNN that learns digits",
        short: "CNN",
        blurb: "Watch a small convolutional network learn its kernels from labelled digits, follow a digit through every layer, and draw your own.",
        section: "§6 Convolutional networks",
    },
    zh: ScreenText {
        name: "会学习的卷积网络（手写数字）",
        short: "卷积网络",
        blurb: "看一个小型卷积网络从带标签的手写数字中学出自己的卷积核，跟随一个数字穿过每一层，还可以自己写一个数字。",
        section: "§6 卷积神经网络",
    },
    view: || html! { <CnnScreen /> },
};

/// Milliseconds of training (or replaying) per animation frame.
const FRAME_BUDGET_MS: f64 = 12.0;
/// Live training's pace: at most this many turns of the model's update chunk per frame,
/// so a student can watch the kernels form (the default budget takes a few seconds, not
/// a blink). A shared link's replay runs at full speed.
const LIVE_TURNS_PER_FRAME: u32 = 1;
/// Yew re-renders the charts and numbers every this many frames.
const RENDER_EVERY: u32 = 4;
/// The data set's citation (a title and names: not translated).
const CREDIT: &str = "UCI Machine Learning Repository, “Optical Recognition of Handwritten Digits” (optdigits), E. Alpaydin & C. Kaynak, 1998, CC BY 4.0.";

/// The model the page's link describes, else the one this browser remembered, else the
/// default one. A remembered state that cannot be read in full is set aside.
fn initial_model() -> Model {
    let Some(origin) = store::starting_state(&SCREEN) else {
        return Model::new();
    };
    let mut model = Model::from_query(origin.query());
    if let Some(LinkNotice::LinkPartlyRead(keys)) = &model.link_notice {
        if matches!(origin, Origin::Saved(_)) {
            store::set_aside(&SCREEN);
            model.link_notice = Some(LinkNotice::SavedPartlyRead(keys.clone()));
        }
        // The address shows what was used, not what was refused or out of range.
        share::replace_query(&SCREEN, &full_query(&model));
    }
    model
}

/// The model's whole state as a query.
fn full_query(model: &Model) -> String {
    share::write_query(&link::fields(), &model.settings())
}

/// Puts the model's share link into the address bar and remembers it (it is always short).
fn write_link(model: &Model) {
    let query = full_query(model);
    share::replace_query(&SCREEN, &query);
    store::remember(&SCREEN, &query);
}

/// Props of [`CnnScreen`].
#[derive(Debug, Clone, PartialEq, Default, Properties)]
pub struct CnnScreenProps {
    /// The digits file's text; without it the screen fetches [`crate::digits_file::DATA_URL`].
    #[prop_or_default]
    pub csv: Option<AttrValue>,
}

fn paint_all(model: &Model, painter: &mut Painter, canvases: &Canvases) {
    if let (Some(acts), Some(t)) = (model.shown(), model.trainer()) {
        let bank = &t.net().conv().kernels;
        painter.network(canvases, bank.weights(), bank.width(), acts);
    }
    painter.drawing(canvases, &model.drawing);
}

/// The training loop's state: about 12 ms of updates per animation frame.
struct TrainLoop {
    model: Rc<RefCell<Model>>,
    painter: Rc<RefCell<Painter>>,
    canvases: Rc<Canvases>,
    force: UseForceUpdateHandle,
    frames: u32,
}

impl TrainLoop {
    /// One frame's work; returns whether to go on.
    fn tick(&mut self) -> bool {
        let clock = web_sys::window().and_then(|w| w.performance());
        let now = move || clock.as_ref().map_or(f64::INFINITY, |p| p.now());
        let start = now();
        let keep = {
            let mut model = self.model.borrow_mut();
            let keep = if model.replay_progress().is_some() {
                model.replay_slice(|| now() - start < FRAME_BUDGET_MS);
                model.busy()
            } else {
                let mut turns = 0;
                model.train_while(|| {
                    turns += 1;
                    turns < LIVE_TURNS_PER_FRAME && now() - start < FRAME_BUDGET_MS
                })
            };
            paint_all(&model, &mut self.painter.borrow_mut(), &self.canvases);
            keep
        };
        self.frames = self.frames.wrapping_add(1);
        if !keep {
            let mut model = self.model.borrow_mut();
            model.running = false;
            // Training paused, reached its budget, diverged, or the replay ended.
            write_link(&model);
            drop(model);
            self.force.force_update();
            return false;
        }
        if self.frames.is_multiple_of(RENDER_EVERY) {
            self.force.force_update();
        }
        true
    }
}

/// The CNN screen.
#[component]
pub fn CnnScreen(props: &CnnScreenProps) -> Html {
    let texts = use_texts();
    let t = texts.cnn_ui;
    let model = use_mut_ref(initial_model);
    let painter = use_mut_ref(Painter::default);
    let force = use_force_update();
    let attempt = use_state_eq(|| 0_u32);
    let canvases = use_memo((), |_| Canvases::default());

    let send = {
        let (model, force, attempt) = (model.clone(), force.clone(), attempt.clone());
        Callback::from(move |msg: Msg| {
            if msg == Msg::Retry {
                attempt.set(*attempt + 1);
            }
            let writes_link = msg.changes_link();
            let mut m = model.borrow_mut();
            m.update(msg);
            if writes_link {
                write_link(&m);
            }
            drop(m);
            force.force_update();
        })
    };
    {
        let send = send.clone();
        use_effect_with((*attempt, props.csv.clone()), move |(_, csv)| match csv {
            Some(text) => send.emit(Msg::Loaded(Ok(text.to_string()))),
            None => wasm_bindgen_futures::spawn_local(async move {
                send.emit(Msg::Loaded(
                    crate::digits_file::fetch_text(crate::digits_file::DATA_URL).await,
                ));
            }),
        });
    }
    {
        let (model, painter, canvases) = (model.clone(), painter.clone(), canvases.clone());
        use_effect(move || {
            paint_all(&model.borrow(), &mut painter.borrow_mut(), &canvases);
        });
    }
    let (running, busy) = {
        let m = model.borrow();
        (m.running, m.busy())
    };
    {
        let send = send.clone();
        use_shortcuts(Callback::from(move |shortcut| {
            send.emit(match shortcut {
                Shortcut::PlayPause if running => Msg::Pause,
                Shortcut::PlayPause => Msg::Play,
                Shortcut::Step => Msg::Step,
                Shortcut::Reset => Msg::Reset,
            });
        }));
    }
    {
        let mut train_loop = TrainLoop {
            model: model.clone(),
            painter: painter.clone(),
            canvases: canvases.clone(),
            force: force.clone(),
            frames: 0,
        };
        use_frame_loop(busy, move || train_loop.tick());
    }
    let draw_events = use_draw_events(&send, &canvases.draw);

    let state_query = {
        let model = model.clone();
        Callback::from(move |_: ()| full_query(&model.borrow()))
    };
    let m = model.borrow();
    let body = match &m.load {
        Load::Loading => html! {
            <p class="notice notice-info cnn-loading" role="status">{ t.loading }</p>
        },
        Load::Failed(error) => {
            let message = match error {
                LoadError::Network => t.failed_network.to_owned(),
                LoadError::Status(code) => fill(t.failed_status, &[&code.to_string()]),
                LoadError::Parse(e) => fill(t.failed_parse, &[&e.line.to_string()]),
            };
            html! {
                <div class="notice notice-error cnn-load-error" role="alert">
                    <p>{ message }</p>
                    <button class="cnn-retry" onclick={send.reform(|_| Msg::Retry)}>
                        { t.retry }
                    </button>
                </div>
            }
        }
        Load::Ready => html! {
            <>
                <div class="cnn-main">
                    <div class="cnn-panel cnn-train">
                        <Panel id="controls">{ view_controls::controls(t, &m, &send) }</Panel>
                        { view_controls::status(t, &m) }
                        { view_controls::replay(t, &m, &send) }
                        { view_controls::notice(t, &m) }
                    </div>
                    <Panel id="explain">
                        <div class="cnn-panel cnn-explain">
                            <p>{ t.explain_kernels }</p>
                            <p>{ t.explain_pool }</p>
                            <p>{ t.explain_dense }</p>
                            <p>{ t.explain_learned }{ " " }
                               <a href="#/conv">{ t.conv_link }</a>{ t.explain_learned_end }</p>
                        </div>
                    </Panel>
                    { view_network::network(t, &m, &canvases, &send) }
                    <Panel id="draw">
                        { view_draw::draw_box(t, &m, &canvases, &draw_events, &send) }
                    </Panel>
                </div>
                <div class="cnn-grid">
                    <Panel id="loss">{ view_charts::loss_chart(t, &m) }</Panel>
                    <Panel id="accuracy">{ view_charts::accuracy_chart(t, &m) }</Panel>
                    <Panel id="confusion">{ view_confusion::confusion(t, &m) }</Panel>
                    <Panel id="settings">
                        { view_controls::settings(t, &m, &send) }
                        <div class="cnn-panel cnn-file">
                            <StateFile screen={&SCREEN} query={state_query} copy_link=true
                                       on_open={send.reform(Msg::OpenState)} />
                        </div>
                    </Panel>
                </div>
            </>
        },
    };
    html! {
        <section class="screen screen-cnn">
            <p class="screen-section">{ SCREEN.text(texts).section }</p>
            <h1>{ SCREEN.text(texts).name }</h1>
            <p class="lead">{ t.intro }</p>
            { view_controls::link_notice(t, &m) }
            { body }
            <p class="cnn-credit"><small>{ t.credit }{ " " }<cite translate="no">{ CREDIT }</cite></small></p>
        </section>
    }
}

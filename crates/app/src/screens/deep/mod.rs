//! Deep networks by greedy layer-wise autoencoder pretraining (lecture §5): pretrain layer
//! 1, then 2, on unlabelled digits, then fine-tune with a few labels, next to the same net
//! trained from random weights.

mod draw;
mod link;
mod model;
mod msg;
mod series;
mod text;
mod view_charts;
mod view_pictures;
mod view_settings;
mod view_share;
mod view_stack;

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::i18n::ScreenText;
use crate::i18n::use_texts;
use crate::screen::Screen;
use crate::share;
use crate::share::store::{self, Origin};
use crate::shortcuts::{Shortcut, use_shortcuts};
use crate::widgets::{Panel, StateFile, WeightsButtons, use_frame_loop};
use draw::Painter;
use model::{LinkNotice, Load, LoadError, Model};
use msg::Msg;
use text::fill;
use view_pictures::Canvases;

/// This screen, as the router, the navigation and the home page see it.
pub static SCREEN: Screen = Screen {
    slug: "deep",
    en: ScreenText {
        name: "Deep networks, layer by layer",
        short: "Deep nets",
        blurb: "Pretrain each hidden layer as an autoencoder on unlabelled digits, stack them, then fine-tune with a few labels.",
        section: "§5 Deep networks and autoencoders",
    },
    zh: ScreenText {
        name: "深度网络：逐层预训练",
        short: "深度网络",
        blurb: "把每个隐藏层当作自编码器在无标签的手写数字上预训练，逐层堆叠，再用少量标签微调。",
        section: "§5 深度网络与自编码器",
    },
    view: || html! { <DeepScreen /> },
};

/// Milliseconds of training per animation frame.
const FRAME_BUDGET_MS: f64 = 7.0;
/// Milliseconds of each frame spent replaying a shared experiment.
const REPLAY_MS_PER_FRAME: f64 = 12.0;
/// Yew re-renders the charts and numbers every this many frames.
const RENDER_EVERY: u32 = 6;
const CREDIT: &str = "UCI optdigits, Alpaydin & Kaynak, CC BY 4.0";

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

/// Props of [`DeepScreen`].
#[derive(Debug, Clone, PartialEq, Default, Properties)]
pub struct DeepScreenProps {
    /// The digits file's text; without it the screen fetches [`crate::digits_file::DATA_URL`].
    #[prop_or_default]
    pub csv: Option<AttrValue>,
}

impl Canvases {
    fn paint(&self, model: &Model, painter: &mut Painter) {
        if let Some(canvas) = self.digits.cast::<HtmlCanvasElement>() {
            painter.digits(&canvas, &model.reconstructions());
        }
        if let Some(canvas) = self.features.cast::<HtmlCanvasElement>() {
            painter.features(&canvas, &model.feature_images());
        }
    }
}

/// The training loop's state: a few milliseconds of steps per animation frame.
struct TrainLoop {
    model: Rc<RefCell<Model>>,
    painter: Rc<RefCell<Painter>>,
    canvases: Canvases,
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
                // A shared experiment is replayed as fast as a frame allows.
                model.replay_slice(|| now() - start < REPLAY_MS_PER_FRAME);
                model.busy()
            } else {
                model.running && model.train_while(|| now() - start < FRAME_BUDGET_MS)
            };
            self.canvases.paint(&model, &mut self.painter.borrow_mut());
            keep
        };
        self.frames = self.frames.wrapping_add(1);
        if !keep {
            let mut model = self.model.borrow_mut();
            model.running = false;
            // Training paused, the loss exploded or the replay ended: the link follows.
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

/// The deep-networks screen.
#[component]
pub fn DeepScreen(props: &DeepScreenProps) -> Html {
    let texts = use_texts();
    let t = texts.deep_ui;
    let model = use_mut_ref(initial_model);
    let painter = use_mut_ref(Painter::default);
    let force = use_force_update();
    let attempt = use_state_eq(|| 0_u32);
    let canvases = Canvases {
        digits: use_node_ref(),
        features: use_node_ref(),
        plane: use_node_ref(),
    };

    let send = {
        let (model, force, attempt) = (model.clone(), force.clone(), attempt.clone());
        Callback::from(move |msg: Msg| {
            if msg == Msg::Retry {
                attempt.set(*attempt + 1);
            }
            let by_user = !matches!(msg, Msg::Retry | Msg::Loaded(_));
            let mut m = model.borrow_mut();
            m.update(msg);
            if by_user {
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
            let mut m = model.borrow_mut();
            canvases.paint(&m, &mut painter.borrow_mut());
            if let (Some(canvas), Some(p)) =
                (canvases.plane.cast::<HtmlCanvasElement>(), m.projection())
            {
                draw::projection(&canvas, p);
            }
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
                Shortcut::Step => Msg::Steps,
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

    let state_query = {
        let model = model.clone();
        Callback::from(move |_: ()| full_query(&model.borrow()))
    };
    let weights_json = {
        let model = model.clone();
        Callback::from(move |_: ()| model.borrow().weights_json().unwrap_or_default())
    };
    let mut m = model.borrow_mut();
    let body = match &m.load {
        Load::Loading => html! {
            <p class="notice notice-info deep-loading" role="status">{ t.loading }</p>
        },
        Load::Failed(error) => {
            let message = match error {
                LoadError::Network => t.failed_network.to_owned(),
                LoadError::Status(code) => fill(t.failed_status, &[&code.to_string()]),
                LoadError::Parse(e) => fill(t.failed_parse, &[&e.line.to_string()]),
            };
            html! {
                <div class="notice notice-error deep-load-error" role="alert">
                    <p>{ message }</p>
                    <button class="deep-retry" onclick={send.reform(|_| Msg::Retry)}>
                        { t.retry }
                    </button>
                </div>
            }
        }
        Load::Ready => html! {
            <>
                <div class="deep-panel deep-train">
                    { view_stack::stack(t, &m) }
                    { view_stack::phases(t, &m) }
                    <Panel id="controls">{ view_stack::controls(t, &m, &send) }</Panel>
                    <Panel id="file">
                        <StateFile screen={&SCREEN} query={state_query} copy_link=true
                                   on_open={send.reform(Msg::OpenState)} />
                        <WeightsButtons slug="deep" json={weights_json}
                                        on_open={send.reform(Msg::OpenWeights)} />
                        { view_share::weights_notice(texts, &m) }
                    </Panel>
                    { view_share::replay(t, &m, &send) }
                    { view_stack::status(t, &m) }
                    { view_stack::notice(t, &m) }
                </div>
                <div class="deep-grid">
                    { view_pictures::reconstructions(t, &m, &canvases) }
                    { view_pictures::features(t, &m, &canvases) }
                    <Panel id="loss">{ view_charts::loss_chart(t, &m) }</Panel>
                    <Panel id="accuracy">{ view_charts::accuracy_chart(t, &m) }</Panel>
                    <Panel id="settings">{ view_settings::settings(t, &m, &send) }</Panel>
                    { view_pictures::projection(t, &mut m, &canvases, &send) }
                </div>
            </>
        },
    };
    html! {
        <section class="screen screen-deep">
            <p class="screen-section">{ SCREEN.text(texts).section }</p>
            <h1>{ SCREEN.text(texts).name }</h1>
            <p class="lead">{ t.intro }</p>
            { view_share::link_notice(t, &m) }
            { body }
            <p class="deep-credit">{ t.credit }{ " " }{ CREDIT }</p>
        </section>
    }
}

//! The lecture's §2 and §4: the car network as a computation graph, stepped node by node
//! (forward values f, local derivatives on the edges, backward values g), updated and
//! trained, next to the plane where its hidden units fire.

mod format;
mod layout;
mod link;
mod model;
mod view_chain;
mod view_controls;
mod view_graph;
mod view_plane;
mod view_table;

use std::cell::{Cell, RefCell};

use nnp_core::graph::Phase;
use nnp_core::loss::Loss;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::ScreenText;
use crate::i18n::backprop::BackpropTexts;
use crate::i18n::use_texts;
use crate::screen::Screen;
use crate::share;
use crate::share::store::{self, Origin};
use crate::shortcuts::{History, Shortcut, use_history_keys, use_shortcuts};
use crate::widgets::{Panel, StateFile, use_frame_loop};
use model::{InputError, Model, TrainSet};

/// This screen, as the router, the navigation and the home page see it.
pub static SCREEN: Screen = Screen {
    slug: "backprop",
    en: ScreenText {
        name: "Backprop on the car example",
        short: "Backprop",
        blurb: "The two-cars network as a computation graph: forward values f_i, backward values g_i, one node at a time.",
        section: "§2 & §4 The car example, backpropagation",
    },
    zh: ScreenText {
        name: "两辆车的反向传播",
        short: "反向传播",
        blurb: "把两辆车的网络画成计算图：前向值 f_i、反向值 g_i，一个节点一个节点地计算。",
        section: "§2 与 §4 神经网络的例子、反向传播",
    },
    view: || html! { <Backprop /> },
};

/// What a person can do on this screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Compute the next node of the pass.
    Step,
    /// Run the forward pass to the loss.
    FinishForward,
    /// Run the pass to the last gradient.
    FinishBackward,
    /// Move every parameter by −η·g.
    Update,
    /// Forget the pass.
    ResetPass,
    /// Random weights from the next seed.
    Randomize,
    /// The lecture's hand-built weights.
    Textbook,
    /// Train the chosen number of epochs, one per animation frame.
    Train,
    /// Stop training.
    Stop,
    /// Another loss at the top.
    Loss(Loss),
    /// The optional output bias `w0` on or off (off is the lecture's exact graph).
    OutputBias(bool),
    /// The examples training visits.
    TrainOn(TrainSet),
    /// η typed.
    LearningRate(String),
    /// The sharpness k of σ(k·z) typed.
    Sharpness(String),
    /// Epochs typed.
    Epochs(String),
    /// Example `k` of the lecture's table.
    Row(usize),
    /// Car positions typed.
    Position(String, String),
    /// A parameter clicked in the graph.
    Select(usize),
    /// A parameter's value typed.
    Weight(usize, String),
    /// Put back the weights before the last hand edit.
    Undo,
    /// Do the undone edit again.
    Redo,
    /// Everything replaced by the state of an opened file (its query).
    OpenState(String),
}

/// The state shared by the component, its callbacks and the training loop.
#[derive(Debug, Default)]
struct State {
    model: Model,
    error: Option<InputError>,
    epochs_left: usize,
    /// Keys of the page's link that could not be used.
    link_problems: Vec<String>,
}

impl State {
    /// The screen the page's link describes, else the one this browser remembered, else
    /// the default screen. A remembered state that cannot be read in full is set aside.
    fn from_link() -> Self {
        let Some(origin) = store::starting_state(&SCREEN) else {
            return Self::default();
        };
        let state = Self::from_query(origin.query());
        match origin {
            Origin::Saved(_) if !state.link_problems.is_empty() => store::set_aside(&SCREEN),
            // A link opened here is this browser's state from now on.
            Origin::Link(_) => write_link(&state.model),
            Origin::Saved(_) => {}
        }
        state
    }

    /// The screen a query describes; unusable parts are listed.
    fn from_query(query: &str) -> Self {
        let mut settings = Model::new().settings();
        let problems = share::read_query(&link::fields(), query, &mut settings);
        Self {
            model: Model::from_settings(&settings),
            link_problems: problems.iter().map(share::LinkProblem::shown).collect(),
            ..Self::default()
        }
    }
}

/// Puts the screen's share link into the address bar and remembers it in the browser.
fn write_link(model: &Model) {
    let query = share::write_query(&link::fields(), &model.settings());
    share::replace_query(&SCREEN, &query);
    store::remember(&SCREEN, &query);
}

/// The screen.
#[component]
pub fn Backprop() -> Html {
    let texts = use_texts();
    let t = texts.backprop_ui;
    let state = use_mut_ref(State::from_link);
    let focus_editor = use_mut_ref(|| Cell::new(false));
    let editor = use_node_ref();
    let redraw = use_force_update();

    {
        let (focus_editor, editor) = (focus_editor.clone(), editor.clone());
        use_effect(move || {
            if focus_editor.borrow().replace(false)
                && let Some(input) = editor.cast::<HtmlInputElement>()
            {
                let _ = input.focus();
                input.select();
            }
        });
    }

    // On a phone the graph scrolls sideways: it follows the node just computed (the loss
    // at first).
    use_effect_with(
        view_graph::focus_fraction(&state.borrow().model.net.graph),
        |fraction| {
            view_graph::scroll_to(*fraction);
        },
    );

    let on_msg = {
        let (state, redraw) = (state.clone(), redraw.clone());
        Callback::from(move |msg: Msg| {
            if matches!(msg, Msg::Select(_)) {
                focus_editor.borrow().set(true);
            }
            update(&mut state.borrow_mut(), msg);
            write_link(&state.borrow().model);
            redraw.force_update();
        })
    };
    {
        let (state, redraw) = (state.clone(), redraw.clone());
        let training = state.borrow().epochs_left > 0;
        use_frame_loop(training, move || train_one_epoch(&state, &redraw));
    }

    {
        let (on_msg, training) = (on_msg.clone(), state.borrow().epochs_left > 0);
        use_shortcuts(Callback::from(move |shortcut| {
            on_msg.emit(match shortcut {
                Shortcut::PlayPause if training => Msg::Stop,
                Shortcut::PlayPause => Msg::Train,
                Shortcut::Step => Msg::Step,
                Shortcut::Reset => Msg::ResetPass,
            });
        }));
    }

    {
        let on_msg = on_msg.clone();
        use_history_keys(Callback::from(move |history| {
            on_msg.emit(match history {
                History::Undo => Msg::Undo,
                History::Redo => Msg::Redo,
            });
        }));
    }

    let revision = state.borrow().model.revision;
    let plane = {
        let state = state.clone();
        use_memo(revision, move |_| {
            state.borrow().model.plane(view_plane::SAMPLES)
        })
    };

    let state_query = {
        let state = state.clone();
        Callback::from(move |_: ()| {
            share::write_query(&link::fields(), &state.borrow().model.settings())
        })
    };
    let s = state.borrow();
    html! {
        <section class="screen screen-backprop">
            <p class="screen-section">{ SCREEN.text(texts).section }</p>
            <h1>{ SCREEN.text(texts).name }</h1>
            <div class="bp-layout">
                <div class="bp-main">
                    { view_controls::pass(&s.model, t, &on_msg) }
                    { view_graph::view(&s.model, t, html! {
                        <>
                            <p class="lead">{ t.intro }</p>
                            { view_controls::status(&s.model, t) }
                        </>
                    }, &on_msg) }
                    <Panel id="controls">{ view_controls::view(&s.model, s.epochs_left > 0, t, &on_msg) }</Panel>
                    { view_error(s.error, t) }
                    if !s.link_problems.is_empty() {
                        <p class="bp-link-problems notice notice-error" role="status">
                            { crate::i18n::fill(t.link_partly_read, &[&s.link_problems.join(", ")]) }
                        </p>
                    }
                    <Panel id="file">
                        <StateFile screen={&SCREEN} query={state_query} copy_link=true
                                   on_open={on_msg.reform(Msg::OpenState)} />
                    </Panel>
                    <Panel id="chain">{ view_chain::view(&s.model, t, &on_msg, &editor) }</Panel>
                </div>
                <aside class="bp-side">
                    <view_plane::Plane outputs={plane} example={s.model.example} texts={t} />
                    <Panel id="table">{ view_table::view(&s.model, t, &on_msg) }</Panel>
                    <Panel id="loss">{ view_plane::history(&s.model, t) }</Panel>
                </aside>
            </div>
        </section>
    }
}

/// Applies `msg` (training runs while epochs are left).
fn update(state: &mut State, msg: Msg) {
    let m = &mut state.model;
    let result = match msg {
        Msg::Update => m.apply_update(),
        Msg::LearningRate(text) => m.set_learning_rate(&text),
        Msg::Sharpness(text) => m.set_sharpness(&text),
        Msg::Epochs(text) => m.set_epochs(&text),
        Msg::Position(x1, x2) => m.set_position(&x1, &x2),
        Msg::Weight(i, text) => m.set_weight(i, &text),
        Msg::Train => {
            state.epochs_left = m.epochs;
            state.error = None;
            return;
        }
        Msg::Stop => {
            state.epochs_left = 0;
            Ok(())
        }
        Msg::OpenState(query) => {
            *state = State::from_query(&query);
            return;
        }
        other => {
            apply(m, other);
            Ok(())
        }
    };
    state.error = result.err();
}

/// The messages that cannot fail.
fn apply(m: &mut Model, msg: Msg) {
    match msg {
        Msg::Step => m.step(),
        Msg::FinishForward => m.finish_forward(),
        Msg::FinishBackward => m.finish_backward(),
        Msg::ResetPass => m.reset_pass(),
        Msg::Randomize => m.randomize(),
        Msg::Textbook => m.textbook(),
        Msg::Undo => {
            m.undo();
        }
        Msg::Redo => {
            m.redo();
        }
        Msg::Loss(loss) => m.reconfigure(loss, m.config().output_bias),
        Msg::OutputBias(on) => m.reconfigure(m.config().loss, on),
        Msg::TrainOn(set) => m.train_set = set,
        Msg::Row(k) => m.choose_row(k),
        Msg::Select(i) => m.select(i),
        Msg::Update
        | Msg::LearningRate(_)
        | Msg::Sharpness(_)
        | Msg::Epochs(_)
        | Msg::Position(..)
        | Msg::Weight(..)
        | Msg::Train
        | Msg::Stop
        | Msg::OpenState(_) => {}
    }
}

/// One frame of training: one epoch; returns whether epochs are left.
fn train_one_epoch(state: &RefCell<State>, redraw: &UseForceUpdateHandle) -> bool {
    let more = {
        let mut s = state.borrow_mut();
        if s.epochs_left > 0 {
            match s.model.train(1) {
                Ok(()) => s.epochs_left -= 1,
                Err(error) => {
                    s.epochs_left = 0;
                    s.error = Some(error);
                }
            }
        }
        s.epochs_left > 0
    };
    if !more {
        write_link(&state.borrow().model);
    }
    redraw.force_update();
    more
}

fn view_error(error: Option<InputError>, t: &'static BackpropTexts) -> Html {
    let Some(error) = error else {
        return html! { <p class="bp-error" role="status" aria-live="polite"></p> };
    };
    let text = match error {
        InputError::NotANumber => t.err_not_a_number,
        InputError::LearningRate => t.err_learning_rate,
        InputError::Sharpness => t.err_sharpness,
        InputError::Epochs => t.err_epochs,
        InputError::Position => t.err_position,
        InputError::NeedsBackward => t.err_needs_backward,
        InputError::Diverged => t.err_diverged,
    };
    html! { <p class="bp-error notice notice-error" role="status" aria-live="polite">{ text }</p> }
}

/// The phase described for the status line.
fn phase_text(model: &Model, t: &'static BackpropTexts) -> String {
    let g = &model.net.graph;
    match model.phase() {
        Phase::Idle => t.phase_idle.to_owned(),
        Phase::Forward { next } => format!("{}{}", t.phase_forward, g.node(next).label),
        Phase::Backward { next } => format!("{}{}", t.phase_backward, g.node(next).label),
        Phase::Done => format!(
            "{}{}",
            t.phase_done,
            format::num(g.loss().unwrap_or(f64::NAN))
        ),
    }
}

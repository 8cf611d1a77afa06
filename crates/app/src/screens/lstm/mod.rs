//! LSTM gates over time (lecture §7): the same input through RNN, LSTM, peephole, coupled
//! LSTM and GRU; every gate and state as a unit × time heatmap, the cell diagram and the
//! equations of the selected step with numbers, training live, and the long-dependency race.

mod choices;
mod compare;
mod draw;
mod format;
mod input;
mod link;
mod model;
mod msg;
mod readout;
mod view_charts;
mod view_compare;
mod view_controls;
mod view_diagram;
mod view_equations;
mod view_heatmaps;
mod view_share;

#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Interval;
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
use model::{Model, Notice};
use msg::Msg;

/// This screen, as the router, the navigation and the home page see it.
pub static SCREEN: Screen = Screen {
    slug: "lstm",
    en: ScreenText {
        name: "LSTM gates over time",
        short: "LSTM gates",
        blurb: "RNN, LSTM, peephole, coupled LSTM and GRU on the same sequence, every gate unrolled over time.",
        section: "§7 Recurrent networks",
    },
    zh: ScreenText {
        name: "LSTM 的门随时间变化",
        short: "LSTM 门",
        blurb: "RNN、LSTM、窥视孔、耦合 LSTM 和 GRU 处理同一个序列，每个门按时间展开。",
        section: "§7 循环神经网络",
    },
    view: || html! { <LstmScreen /> },
};

/// Work per animation frame, so the page stays responsive while training.
const FRAME_BUDGET_MS: f64 = 10.0;
/// Most bands a variant shows (input, six LSTM quantities, output).
const MAX_BANDS: usize = 8;
/// Time-step playback speed.
const TIME_STEP_MS: u32 = 450;

fn now() -> f64 {
    js_sys::Date::now()
}

/// The model the page's link describes, else the one this browser remembered, else the
/// default one. A remembered state that cannot be read in full is set aside.
fn initial_model() -> Model {
    let Some(origin) = store::starting_state(&SCREEN) else {
        return Model::new();
    };
    let mut model = Model::from_query(origin.query());
    if let Some(Notice::LinkPartlyRead(keys)) = &model.notice {
        if matches!(origin, Origin::Saved(_)) {
            store::set_aside(&SCREEN);
            model.notice = Some(Notice::SavedPartlyRead(keys.clone()));
        }
        // The address shows what was used, not what was refused or out of range.
        share::replace_query(&SCREEN, &link::write(&model.settings()).0);
    }
    model
}

/// The model's whole state as a query (no length limit: for storage and files).
fn full_query(model: &Model) -> String {
    share::write_query(&link::fields(), &model.settings())
}

/// Puts the model's share link into the address bar and remembers the whole state.
fn write_link(model: &mut Model) {
    let settings = model.settings();
    let (query, shortened) = link::write(&settings);
    share::replace_query(&SCREEN, &query);
    store::remember(&SCREEN, &share::write_query(&link::fields(), &settings));
    model.link_short = shortened;
}

/// The training / comparison loop's state: a slice of work per animation frame.
struct WorkLoop {
    model: Rc<RefCell<Model>>,
    redraw: UseForceUpdateHandle,
    frames: u32,
}

impl WorkLoop {
    /// One frame's work; returns whether to go on.
    fn tick(&mut self) -> bool {
        let busy = {
            let mut m = self.model.borrow_mut();
            m.work(&now, FRAME_BUDGET_MS);
            m.busy()
        };
        self.frames = self.frames.wrapping_add(1);
        // Yew re-renders (and the effect redraws the canvases) every other frame.
        if !busy || self.frames.is_multiple_of(2) {
            self.redraw.force_update();
        }
        if !busy {
            // Training paused at the target, the replay or the race ended.
            write_link(&mut self.model.borrow_mut());
        }
        busy
    }
}

fn canvas(node: &NodeRef) -> Option<HtmlCanvasElement> {
    node.cast::<HtmlCanvasElement>()
}

/// The LSTM screen.
#[component]
pub fn LstmScreen() -> Html {
    let texts = use_texts();
    let t = texts.lstm_ui;
    let presenter = crate::widgets::panel::use_presenter();
    let model = use_mut_ref(initial_model);
    let painter = use_mut_ref(Painter::default);
    let redraw = use_force_update();
    let ticker = use_mut_ref(|| None::<Interval>);
    let time_playing = use_state_eq(|| false);
    let bands = use_memo((), |_| {
        (0..MAX_BANDS)
            .map(|_| NodeRef::default())
            .collect::<Vec<_>>()
    });
    let loss_canvas = use_node_ref();
    let lines_canvas = use_node_ref();

    let (busy, generation) = {
        let m = model.borrow();
        (m.busy(), m.generation)
    };
    {
        let mut work = WorkLoop {
            model: model.clone(),
            redraw: redraw.clone(),
            frames: 0,
        };
        use_frame_loop(busy, move || work.tick());
    }
    {
        let (model, painter, bands) = (model.clone(), painter.clone(), bands.clone());
        let (loss_canvas, lines_canvas) = (loss_canvas.clone(), lines_canvas.clone());
        let strokes = draw::Strokes::of(presenter);
        use_effect_with((generation, t.loss_title, presenter), move |_| {
            let m = model.borrow();
            let mut p = painter.borrow_mut();
            for (q, node) in m.bands().into_iter().zip(bands.iter()) {
                if let Some(c) = canvas(node) {
                    p.band(&c, &m, q);
                }
            }
            let empty = nnp_core::curve::Curve::default();
            let curve = m.current().map_or(&empty, |r| r.trainer.loss_curve());
            let drawn = canvas(&loss_canvas)
                .map(|c| draw::loss_chart(c, curve, t, strokes))
                .into_iter()
                .chain(canvas(&lines_canvas).map(|c| draw::lines_chart(c, &m, t, strokes)));
            for result in drawn {
                if let Err(message) = result {
                    web_sys::console::warn_1(&format!("chart not drawn: {message}").into());
                }
            }
        });
    }
    {
        let (model, redraw, time_playing, ticker) = (
            model.clone(),
            redraw.clone(),
            time_playing.clone(),
            ticker.clone(),
        );
        use_effect_with(*time_playing, move |&on| {
            if on {
                let playing = time_playing.clone();
                let interval = Interval::new(TIME_STEP_MS, move || {
                    let mut m = model.borrow_mut();
                    if m.t + 1 < m.steps() {
                        let next = m.t + 1;
                        m.update(Msg::Time(next), &now);
                    } else {
                        playing.set(false);
                        write_link(&mut m);
                    }
                    drop(m);
                    redraw.force_update();
                });
                *ticker.borrow_mut() = Some(interval);
            }
            move || drop(ticker.borrow_mut().take())
        });
    }

    let send = {
        let (model, redraw, time_playing) = (model.clone(), redraw.clone(), time_playing.clone());
        Callback::from(move |msg: Msg| {
            if matches!(msg, Msg::Time(_) | Msg::Select(..)) {
                time_playing.set(false);
            }
            let mut m = model.borrow_mut();
            m.update(msg, &now);
            write_link(&mut m);
            drop(m);
            redraw.force_update();
        })
    };
    {
        let (send, training) = (send.clone(), model.borrow().training);
        use_shortcuts(Callback::from(move |shortcut| {
            send.emit(match shortcut {
                Shortcut::PlayPause if training => Msg::Pause,
                Shortcut::PlayPause => Msg::Train,
                Shortcut::Step => Msg::Step,
                Shortcut::Reset => Msg::Reset,
            });
        }));
    }
    let on_play_time = {
        let (model, time_playing) = (model.clone(), time_playing.clone());
        Callback::from(move |_: MouseEvent| {
            let mut m = model.borrow_mut();
            if *time_playing {
                write_link(&mut m);
            } else if m.t + 1 >= m.steps() {
                m.update(Msg::Time(0), &now);
            }
            time_playing.set(!*time_playing);
        })
    };

    let state_query = {
        let model = model.clone();
        Callback::from(move |_: ()| full_query(&model.borrow()))
    };
    let weights_json = {
        let model = model.clone();
        Callback::from(move |_: ()| model.borrow_mut().weights_json())
    };
    let m = model.borrow();
    html! {
        <section class="screen screen-lstm">
            <p class="screen-section">{ SCREEN.text(texts).section }</p>
            <h1>{ SCREEN.text(texts).name }</h1>
            <p class="lead">{ t.intro }</p>
            { view_share::view_replay(&m, t, &send) }
            { view_controls::view_notice(&m, texts, &send) }
            <Panel id="variants">{ view_controls::view_variants(&m, t, &send) }</Panel>
            <Panel id="train">{ view_controls::view_train_bar(&m, t, &send) }</Panel>
            <div class="lstm-main">
                <div class="lstm-panel lstm-diagram-panel">
                    <h2>{ t.diagram_title }</h2>
                    { view_diagram::view_diagram(&m, t) }
                    <p class="lstm-hint">{ t.diagram_hint }</p>
                </div>
                <div class="lstm-panel lstm-heat-panel">
                    <h2>{ t.heat_title }</h2>
                    { view_heatmaps::view_scrubber(&m, t, &send, *time_playing, &on_play_time) }
                    { view_heatmaps::view_bands(&m, t, &send, &bands) }
                    <p class="lstm-hint">{ t.heat_hint }</p>
                </div>
            </div>
            <Panel id="file">
                <div class="lstm-share">
                    <StateFile screen={&SCREEN} query={state_query} copy_link=true
                               on_open={send.reform(Msg::OpenState)} />
                    <WeightsButtons slug="lstm" json={weights_json}
                                    on_open={send.reform(Msg::OpenWeights)} />
                    { view_share::view_link_note(&m, t) }
                </div>
            </Panel>
            <Panel id="task">{ view_controls::view_task(&m, t, &send) }</Panel>
            <Panel id="equations">{ view_equations::view_equations(&m, t, &send) }</Panel>
            <Panel id="charts">
                { view_charts::view_charts(&m, t, &send, &loss_canvas, &lines_canvas) }
            </Panel>
            <Panel id="compare">{ view_compare::view_compare(&m, t, &send) }</Panel>
        </section>
    }
}

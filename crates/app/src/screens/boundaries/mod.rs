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
mod network_editor;
mod network_links;
mod pace;
mod pack;
mod persist;
mod plane;
mod readout;
mod train_loop;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::i18n::ScreenText;
use crate::i18n::use_texts;
use crate::screen::Screen;
use crate::share::copy_link;
use crate::shortcuts::{History, Shortcut, history_key, is_free_key, use_shortcuts};
use crate::widgets::{Panel, SavePicture, StateFile, WeightsButtons, use_frame_loop};
use draw::{PLANE_PX, Painter, THUMBS_PER_FRAME};
use model::{GRID, Link, Tool};
use msg::Msg;
use persist::{full_query, initial_model, write_link};
use train_loop::{Canvases, RENDER_ASKED, RENDER_MS, TrainLoop, now_ms};

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

/// Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (the shared rule of [`history_key`]).
fn undo_key(event: &KeyboardEvent) -> Option<Msg> {
    history_key(event).map(|history| match history {
        History::Undo => Msg::Undo,
        History::Redo => Msg::Redo,
    })
}

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
            // At rest the pictures show the weights (a slow device's last frame may have
            // trained without them).
            if !(model.borrow().playing || model.borrow().stepping) {
                model.borrow_mut().fresh_grid();
            }
            let model = model.borrow();
            // While the loop trains it paints the pictures itself, a share a frame; a render
            // then only adds what changed shape (a replay's loop paints all it needs, part by
            // part). At rest every picture is painted.
            let running = model.playing || model.stepping;
            if model.replay_to.is_none() {
                let (share, links) = if running {
                    (Some(THUMBS_PER_FRAME), None)
                } else {
                    (None, Some((highlight, presenter, None)))
                };
                canvases.draw_some(&model, &mut painter.borrow_mut(), share, links, true);
            }
            let asked = RENDER_ASKED.with(|t| t.replace(0.0));
            if asked > 0.0 {
                RENDER_MS.with(|t| t.set(now_ms() - asked));
            }
            if asked > 0.0 && crate::share::debug_on() {
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
        let mut train_loop = TrainLoop::new(
            model.clone(),
            painter.clone(),
            canvases.clone(),
            redraw.clone(),
            presenter,
        );
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

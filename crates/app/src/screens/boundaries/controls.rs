//! The control panels: training bar, data and painting, the feature map φ.

use nnp_core::dataset::DatasetKind;
use nnp_core::features::Named;
use nnp_core::loss::Loss;
use nnp_core::mlp::Regularization;
use yew::prelude::*;

use crate::widgets::event_value;

use super::Msg;
use super::model::{MAX_DEGREE, Model, Tool};
use super::readout;
use crate::i18n::boundaries::BoundariesTexts;

const REGULARIZATIONS: [Regularization; 3] =
    [Regularization::None, Regularization::L1, Regularization::L2];

pub fn on_value(
    send: &Callback<Msg>,
    make: impl Fn(String) -> Option<Msg> + 'static,
) -> Callback<Event> {
    let send = send.clone();
    Callback::from(move |e: Event| {
        if let Some(msg) = make(event_value(&e)) {
            send.emit(msg);
        }
    })
}

fn on_input_value(
    send: &Callback<Msg>,
    make: impl Fn(String) -> Option<Msg> + 'static,
) -> Callback<InputEvent> {
    let send = send.clone();
    Callback::from(move |e: InputEvent| {
        if let Some(msg) = make(event_value(&e)) {
            send.emit(msg);
        }
    })
}

fn click(send: &Callback<Msg>, msg: Msg) -> Callback<MouseEvent> {
    send.reform(move |_| msg.clone())
}

/// Play/pause, step, reset, the epoch, and the training settings.
pub fn view_train_bar(
    m: &Model,
    t: &'static BoundariesTexts,
    copied: bool,
    send: &Callback<Msg>,
) -> Html {
    let play = if m.playing {
        html! { <button class="bd-play primary" onclick={click(send, Msg::Pause)}>{ "▮▮ " }{ t.pause }</button> }
    } else {
        html! { <button class="bd-play primary" onclick={click(send, Msg::Play)}>{ "▶ " }{ t.play }</button> }
    };
    let lr_error = m.field_errors.learning_rate;
    let rate_error = m.field_errors.regularization_rate;
    let batch = m.train_config.batch_size;
    html! {
        <div class="bd-trainbar" role="group" aria-label={t.train_heading}
             data-running={(m.playing || m.stepping || m.replay_to.is_some()).to_string()}>
            <div class="bd-buttons">
                { play }
                <button class="bd-step" onclick={click(send, Msg::Step)}>{ "▶▮ " }{ t.step }</button>
                <button class="bd-reset" onclick={click(send, Msg::Reset)}>{ "↺ " }{ t.reset }</button>
                <div class="bd-epoch"><span>{ t.epoch }</span>
                    <output class="bd-epoch-value">{ m.epoch }</output>
                    { readout::view_epoch_part(m, t) }</div>
                <button class="bd-copy-link" onclick={click(send, Msg::CopyLink)}>
                    { if copied { format!("✓ {}", t.link_copied) } else { t.copy_link.to_string() } }
                </button>
            </div>
            <label class="bd-field">
                <span>{ t.learning_rate }</span>
                <input class={classes!("bd-lr", lr_error.then_some("invalid"))} type="text"
                       inputmode="decimal" value={m.learning_rate_text.clone()}
                       aria-invalid={lr_error.to_string()}
                       onchange={on_value(send, |v| Some(Msg::LearningRate(v)))} />
            </label>
            <label class="bd-field">
                <span>{ t.batch_size }{ ": " }<b>{ batch }</b></span>
                <input class="bd-batch" type="range" min="1" max="50" value={batch.to_string()}
                       oninput={on_input_value(send, |v| v.parse().ok().map(Msg::BatchSize))} />
            </label>
            <label class="bd-field">
                <span>{ t.regularization }</span>
                <select class="bd-reg" onchange={on_value(send, |v| {
                    Regularization::from_id(&v).map(Msg::Regularization)
                })}>
                    { for REGULARIZATIONS.iter().zip(t.regularization_names).map(|(r, name)| html! {
                        <option value={r.id()} selected={*r == m.train_config.regularization}>{ name }</option>
                    }) }
                </select>
            </label>
            <label class="bd-field">
                <span>{ t.regularization_rate }</span>
                <input class={classes!("bd-reg-rate", rate_error.then_some("invalid"))} type="text"
                       inputmode="decimal" value={m.regularization_rate_text.clone()}
                       aria-invalid={rate_error.to_string()}
                       onchange={on_value(send, |v| Some(Msg::RegularizationRate(v)))} />
            </label>
            <label class="bd-field">
                <span>{ t.loss }{ " " }<b class="bd-formula-text">{ m.loss.formula() }</b></span>
                <select class="bd-loss" onchange={on_value(send, |v| Loss::from_id(&v).map(Msg::Loss))}>
                    { for Loss::ALL.iter().zip(t.loss_names).map(|(l, name)| html! {
                        <option value={l.id()} selected={*l == m.loss}>{ name }</option>
                    }) }
                </select>
            </label>
            if lr_error || rate_error {
                <p class="bd-field-error" role="alert">{ t.bad_number }</p>
            }
        </div>
    }
}

/// The data set, its noise and split, and the painting tools.
pub fn view_data_panel(m: &Model, t: &'static BoundariesTexts, send: &Callback<Msg>) -> Html {
    let noise = (m.data.noise * 100.0).round() as u32;
    let ratio = (m.data.train_fraction * 100.0).round() as u32;
    let counts = t
        .point_counts
        .replace("{train}", &m.train.points.len().to_string())
        .replace("{test}", &m.test.points.len().to_string());
    let tool = |tool: Tool, label: &'static str, class: &'static str| {
        let active = m.tool == tool;
        html! {
            <button class={classes!("bd-tool", class, active.then_some("active"))}
                    aria-pressed={active.to_string()} onclick={click(send, Msg::Tool(tool))}>
                { label }
            </button>
        }
    };
    let show_test = m.show_test;
    let discretize = m.discretize;
    html! {
        <section class="bd-panel bd-data">
            <h2>{ t.data_heading }</h2>
            <label class="bd-field">
                <span>{ t.dataset }</span>
                <select class="bd-dataset" onchange={on_value(send, |v| {
                    DatasetKind::from_id(&v).map(Msg::Dataset)
                })}>
                    { for DatasetKind::ALL.iter().zip(t.dataset_names).map(|(k, name)| html! {
                        <option value={k.id()} selected={*k == m.data.kind}>{ name }</option>
                    }) }
                </select>
            </label>
            <label class="bd-field">
                <span>{ t.noise }{ ": " }<b>{ format!("{noise} %") }</b></span>
                <input class="bd-noise" type="range" min="0" max="50" step="5" value={noise.to_string()}
                       onchange={on_value(send, |v| v.parse::<f64>().ok().map(|v| Msg::Noise(v / 100.0)))} />
            </label>
            <label class="bd-field">
                <span>{ t.train_ratio }{ ": " }<b>{ format!("{ratio} %") }</b></span>
                <input class="bd-ratio" type="range" min="10" max="90" step="10" value={ratio.to_string()}
                       onchange={on_value(send, |v| v.parse::<f64>().ok().map(|v| Msg::TrainFraction(v / 100.0)))} />
            </label>
            <div class="bd-row">
                <button class="bd-regenerate" onclick={click(send, Msg::Regenerate)}>{ "⟳ " }{ t.regenerate }</button>
                <label class="bd-check">
                    <input type="checkbox" class="bd-show-test" checked={show_test}
                           onchange={send.reform(move |_| Msg::ShowTest(!show_test))} />
                    { t.show_test }
                </label>
                <label class="bd-check">
                    <input type="checkbox" class="bd-discretize" checked={discretize}
                           onchange={send.reform(move |_| Msg::Discretize(!discretize))} />
                    { t.discretize }
                </label>
            </div>
            <p class="bd-counts">{ counts }</p>
            <h3>{ t.paint_heading }</h3>
            <div class="bd-row bd-tools" role="group" aria-label={t.paint_heading}>
                { tool(Tool::Look, t.tool_look, "look") }
                { tool(Tool::Positive, t.tool_positive, "positive") }
                { tool(Tool::Negative, t.tool_negative, "negative") }
                { tool(Tool::Eraser, t.tool_eraser, "eraser") }
                <button class="bd-clear" onclick={click(send, Msg::ClearPoints)}>{ t.clear_points }</button>
                <button class="bd-undo" disabled={!m.edits.can_undo()} title={t.undo_hint}
                        onclick={click(send, Msg::Undo)}>{ "↶ " }{ t.undo }</button>
                <button class="bd-redo" disabled={!m.edits.can_redo()} title={t.redo_hint}
                        onclick={click(send, Msg::Redo)}>{ "↷ " }{ t.redo }</button>
            </div>
            <p class="bd-hint">{ t.paint_hint }</p>
            { view_csv(t, send) }
        </section>
    }
}

/// The φ picker: named features, the monomial degree, typed formulas.
pub fn view_features_panel(m: &Model, t: &'static BoundariesTexts, send: &Callback<Msg>) -> Html {
    let degree = m.phi.degree;
    let degree_label = if degree == 0 {
        t.degree_off.to_string()
    } else {
        degree.to_string()
    };
    let on_formula_input = send.reform(|e: InputEvent| Msg::FormulaText(event_value(&e)));
    let on_submit = {
        let text = m.formula_text.clone();
        send.reform(move |e: SubmitEvent| {
            e.prevent_default();
            Msg::AddFormula(text.clone())
        })
    };
    html! {
        <section class="bd-panel bd-features">
            <h2>{ t.features_heading }</h2>
            <p class="bd-hint">{ t.features_hint }</p>
            <div class="bd-named">
                { for Named::ALL.iter().enumerate().map(|(i, n)| html! {
                    <label class="bd-check">
                        <input type="checkbox" class={format!("bd-named-{}", n.id())}
                               checked={m.phi.named[i]}
                               onchange={send.reform(move |_| Msg::ToggleNamed(i))} />
                        { n.label() }
                    </label>
                }) }
            </div>
            <label class="bd-field">
                <span>{ t.degree }{ ": " }<b>{ degree_label }</b></span>
                <input class="bd-degree" type="range" min="0" max={MAX_DEGREE.to_string()}
                       value={degree.to_string()}
                       onchange={on_value(send, |v| v.parse().ok().map(Msg::Degree))} />
            </label>
            <form class="bd-formula" onsubmit={on_submit}>
                <label class="bd-field">
                    <span>{ t.formula }</span>
                    <span class="bd-row">
                        <input class="bd-formula-input" type="text" spellcheck="false"
                               autocomplete="off" placeholder={t.formula_placeholder}
                               value={m.formula_text.clone()} oninput={on_formula_input} />
                        <button type="submit" class="bd-formula-add">{ t.formula_add }</button>
                    </span>
                </label>
            </form>
            if let Some(error) = &m.formula_error {
                <div class="bd-formula-error" role="alert">
                    <p>{ t.formula_error }{ ": " }{ t.formula_problem.say(&error.problem) }</p>
                    if let Some(at) = error.position {
                        <pre class="bd-caret">{ caret_lines(&error.formula, at) }</pre>
                    }
                </div>
            }
            if !m.phi.custom.is_empty() {
                <ul class="bd-custom">
                    { for m.phi.custom.iter().enumerate().map(|(i, f)| html! {
                        <li>
                            <code>{ f.text() }</code>
                            <button class="bd-formula-remove" aria-label={t.formula_remove}
                                    title={t.formula_remove}
                                    onclick={click(send, Msg::RemoveFormula(i))}>{ "×" }</button>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

/// The formula with a caret under character `at` (counted in characters).
fn caret_lines(formula: &str, at: usize) -> String {
    let pad: String = formula.chars().take(at).map(|_| ' ').collect();
    format!("{formula}\n{pad}^")
}

/// Export the points as CSV, or import a CSV file of points.
fn view_csv(t: &'static BoundariesTexts, send: &Callback<Msg>) -> Html {
    let export = send.reform(|_: MouseEvent| Msg::ExportCsv);
    let import = {
        let send = send.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let send = send.clone();
            crate::share::store::read_text(
                &file,
                Callback::from(move |text: Result<String, _>| {
                    send.emit(match text {
                        Ok(text) => Msg::ImportCsv(text),
                        Err(_) => Msg::CsvUnreadable,
                    });
                }),
            );
        })
    };
    html! {
        <div class="bd-row bd-csv">
            <button type="button" class="bd-csv-export" onclick={export}>{ t.csv_export }</button>
            <label class="bd-csv-import">
                <span>{ t.csv_import }</span>
                <input type="file" accept=".csv,text/csv,text/plain" onchange={import} />
            </label>
            <p class="bd-hint">{ t.csv_hint }{ " " }<code>{ "x1,x2,label" }</code></p>
        </div>
    }
}

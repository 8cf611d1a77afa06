//! The tour's card above the live screen: where we are, the stop's text, the question to
//! predict (revealed on request), Back / Next, and the tour file. It never covers the
//! screen: it is a strip at the top of the page, and it brings the stop's picture into
//! view below itself.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use super::format::{Question, Tour};
use super::keys::{Move, target};
use super::place::{self, Place};
use super::text::{TourTexts, texts};
use crate::i18n::{Lang, fill, use_texts};
use crate::share::store::{self, FileError};
use crate::share::{self, TOUR_KEY, TOUR_SOURCE_KEY};

/// Props of [`TourCard`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct TourCardProps {
    /// The stop shown.
    pub place: Place,
}

/// The class that outlines a stop's picture.
const FOCUS_CLASS: &str = "tour-focus";

/// The card of the stop at `place`.
#[component]
pub fn TourCard(props: &TourCardProps) -> Html {
    let lang = use_texts().lang;
    let t = texts(lang);
    let chosen = use_state_eq(|| None::<usize>);
    let revealed = use_state_eq(|| false);
    let message = use_state_eq(|| None::<Result<(), String>>);
    let copied = use_state_eq(|| false);
    let place = props.place.clone();
    let tour = place.tour();
    let show = tour
        .as_ref()
        .ok()
        .and_then(|t| t.stops.get(place.index))
        .and_then(|s| s.show.clone());
    // Once the answer is revealed (and the card has grown by its text), what it points at
    // comes into view below the card.
    let answer_show = tour
        .as_ref()
        .ok()
        .and_then(|t| t.stops.get(place.index))
        .and_then(|s| s.question.as_ref())
        .and_then(|q| q.show.clone());
    use_effect_with(*revealed, move |&revealed| {
        if revealed && answer_show.is_some() {
            // The stop's search for its picture ends here: a last look would take the
            // outline back from the answer.
            next_search();
            bring_into_view(answer_show.as_deref(), Scroll::Least);
        }
    });
    {
        let (chosen, revealed, copied) = (chosen.clone(), revealed.clone(), copied.clone());
        use_effect_with(place.clone(), move |_| {
            chosen.set(None);
            revealed.set(false);
            copied.set(false);
            look_for_picture(show, next_search());
        });
    }
    let tour = match tour {
        Ok(tour) => tour,
        Err(error) => {
            return html! {
                <aside class="tour-card tour-broken" aria-label={t.label}>
                    <p class="tour-error" role="alert">{ t.broken_link }{ " " }{ error.message(lang) }</p>
                    <a class="tour-lecture-link" href="#/tour">{ t.lecture_tour }</a>
                </aside>
            };
        }
    };
    let count = tour.stops.len();
    let Some(stop) = tour.stops.get(place.index) else {
        return html! {
            <aside class="tour-card tour-broken" aria-label={t.label}>
                <p class="tour-error" role="alert">{ fill(t.progress, &[&(place.index + 1).to_string(), &count.to_string()]) }</p>
                <a class="tour-lecture-link" href="#/tour">{ t.lecture_tour }</a>
            </aside>
        };
    };
    let go = |step: Move| {
        let next = target(&place, count, step);
        Callback::from(move |_: MouseEvent| {
            if let Some(next) = &next {
                place::go(next);
            }
        })
    };
    let last = place.index + 1 == count;
    let next_button = if last {
        html! { <a class="tour-next tour-finish" href="#/">{ t.finish }</a> }
    } else {
        html! { <button type="button" class="tour-next" onclick={go(Move::Next)}>{ t.next }</button> }
    };
    let question = stop
        .question
        .as_ref()
        .map(|q| view_question(q, lang, t, &chosen, &revealed))
        .unwrap_or_default();
    let number = (place.index + 1).to_string();
    html! {
        <aside class="tour-card" aria-label={t.label} data-stop={number.clone()}>
            <div class="tour-head">
                <span class="tour-progress">
                    { fill(t.progress, &[&number, &count.to_string()]) }
                    <progress class="tour-progress-bar" max={count.to_string()}
                              value={number.clone()} aria-hidden="true" />
                </span>
                <h2 class="tour-title">{ stop.title.get(lang) }</h2>
                <span class="tour-nav">
                    <button type="button" class="tour-back" onclick={go(Move::Back)}
                            disabled={place.index == 0}>{ t.back }</button>
                    { next_button }
                </span>
            </div>
            <p class="tour-text">{ stop.text.get(lang) }</p>
            { question }
            { view_tools(&tour, t, lang, &message, &copied) }
        </aside>
    }
}

fn view_question(
    q: &Question,
    lang: Lang,
    t: &'static TourTexts,
    chosen: &UseStateHandle<Option<usize>>,
    revealed: &UseStateHandle<bool>,
) -> Html {
    let choices = q.choices.iter().enumerate().map(|(i, choice)| {
        let picked = **chosen == Some(i);
        let verdict = revealed.then(|| if i == q.answer { "right" } else { "wrong" });
        let onclick = {
            let (chosen, revealed) = (chosen.clone(), revealed.clone());
            Callback::from(move |_: MouseEvent| {
                chosen.set(Some(i));
                revealed.set(false);
            })
        };
        html! {
            <button type="button" class={classes!("tour-choice", picked.then_some("chosen"), verdict)}
                    aria-pressed={picked.to_string()} {onclick}>
                { choice.get(lang) }
            </button>
        }
    });
    let reveal = {
        let revealed = revealed.clone();
        Callback::from(move |_: MouseEvent| revealed.set(true))
    };
    let answer = q.choices.get(q.answer).map_or("", |c| c.get(lang));
    let verdict = if **chosen == Some(q.answer) {
        t.right.to_string()
    } else {
        fill(t.wrong, &[answer])
    };
    html! {
        <div class="tour-question">
            <p class="tour-prompt"><strong>{ t.predict }</strong>{ " " }{ q.prompt.get(lang) }</p>
            <div class="tour-choices" role="group" aria-label={q.prompt.get(lang).to_string()}>
                { for choices }
                if !**revealed {
                    <button type="button" class="tour-reveal" onclick={reveal}
                            disabled={chosen.is_none()}>{ t.reveal }</button>
                }
            </div>
            if chosen.is_some() && !**revealed {
                <p class="tour-reveal-hint">{ t.reveal_hint }</p>
            }
            if **revealed {
                <p class="tour-answer" role="status">
                    <strong>{ verdict }</strong>{ " " }{ q.explain.get(lang) }
                </p>
            }
        </div>
    }
}

fn view_tools(
    tour: &Tour,
    t: &'static TourTexts,
    lang: Lang,
    message: &UseStateHandle<Option<Result<(), String>>>,
    copied: &UseStateHandle<bool>,
) -> Html {
    let save = {
        let json = tour.to_json(true);
        Callback::from(move |_: MouseEvent| {
            let _ = store::download("nnp-tour.json", &json);
        })
    };
    let open = {
        let message = message.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let message = message.clone();
            store::read_text(
                &file,
                Callback::from(move |text: Result<String, FileError>| {
                    let Ok(text) = text else {
                        message.set(Some(Err(texts(lang).unreadable.to_string())));
                        return;
                    };
                    match Tour::parse(&text) {
                        Ok(tour) => {
                            message.set(Some(Ok(())));
                            place::go(&Place {
                                index: 0,
                                source: Some(place::source_of(&tour)),
                            });
                        }
                        Err(error) => message.set(Some(Err(error.message(lang)))),
                    }
                }),
            );
        })
    };
    let copy = {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| copied.set(share::copy_link()))
    };
    let shown = match &**message {
        None => Html::default(),
        Some(Ok(())) => html! { <span class="tour-file-message" role="status">{ t.opened }</span> },
        Some(Err(why)) => {
            html! { <span class="tour-file-message tour-file-error" role="alert">{ why.clone() }</span> }
        }
    };
    let open_error = matches!(&**message, Some(Err(_)));
    html! {
        <details class="tour-tools" open={open_error}>
            <summary>{ t.tools }<span class="tour-keys-hint">{ " · " }{ t.keys_hint }</span></summary>
            <div class="tour-tools-row">
                <label class="tour-open">
                    <span>{ t.open_tour }</span>
                    <input type="file" accept=".json,application/json" onchange={open} />
                </label>
                <button type="button" class="tour-save" onclick={save}>{ t.save_tour }</button>
                <button type="button" class="tour-copy" onclick={copy}>
                    { if **copied { t.link_copied } else { t.copy_link } }
                </button>
                <button type="button" class="tour-leave" onclick={Callback::from(|_: MouseEvent| leave())}>
                    { t.leave }
                </button>
            </div>
            { shown }
        </details>
    }
}

/// Goes on with the screen as it is now, outside the tour.
fn leave() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    let (path, query) = hash.split_once('?').unwrap_or((&hash, ""));
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let key = p.split_once('=').map_or(*p, |(k, _)| k);
            !p.is_empty() && key != TOUR_KEY && key != TOUR_SOURCE_KEY
        })
        .collect();
    let next = if kept.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", kept.join("&"))
    };
    let _ = window.location().set_hash(&next);
}

thread_local! {
    static SEARCH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A new search for a stop's picture; the searches of earlier stops stop looking.
fn next_search() -> u32 {
    SEARCH.with(|s| {
        s.set(s.get().wrapping_add(1));
        s.get()
    })
}

/// How often and how long to look for a picture that a screen draws only once its data is
/// there (the digits of the deep and CNN screens are read from a file).
const LOOK_EVERY_MS: u32 = 150;
const LOOKS: u32 = 80;

/// Looks for the stop's picture after the screen has rendered, again until it is there, and
/// once more when it was found (its canvases may still have grown).
fn look_for_picture(selector: Option<String>, search: u32) {
    fn attempt(selector: Option<String>, search: u32, left: u32, found_before: bool) {
        gloo::timers::callback::Timeout::new(LOOK_EVERY_MS, move || {
            if SEARCH.with(std::cell::Cell::get) != search {
                return;
            }
            let found = bring_into_view(selector.as_deref(), Scroll::ToTop);
            if left > 0 && !found_before {
                attempt(selector, search, left - 1, found);
            }
        })
        .forget();
    }
    attempt(selector, search, LOOKS, false);
}

/// How [`bring_into_view`] scrolls an element that is not wholly in view.
#[derive(Clone, Copy, PartialEq)]
enum Scroll {
    /// Its top just below the card (a stop's picture).
    ToTop,
    /// As little as brings it in (an answer's sum keeps what is above it on screen).
    Least,
}

/// Outlines the stop's picture and, when the card stays at the top of the window, scrolls
/// the picture into view below it. Returns whether the picture is there.
fn bring_into_view(selector: Option<&str>, how: Scroll) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    if let Ok(old) = document.query_selector_all(&format!(".{FOCUS_CLASS}")) {
        for i in 0..old.length() {
            if let Some(e) = old
                .get(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = e.class_list().remove_1(FOCUS_CLASS);
            }
        }
    }
    // A selector that is not valid CSS simply finds nothing.
    let Some(picture) = selector.and_then(|s| document.query_selector(s).ok().flatten()) else {
        return false;
    };
    let _ = picture.class_list().add_1(FOCUS_CLASS);
    let card = document
        .query_selector(".tour-card")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<HtmlElement>().ok());
    let Some(card) = card else {
        return true;
    };
    let window = web_sys::window();
    let sticky = window
        .as_ref()
        .and_then(|w| w.get_computed_style(&card).ok().flatten())
        .and_then(|s| s.get_property_value("position").ok())
        .is_some_and(|p| p == "sticky" || p == "fixed");
    if !sticky {
        return true;
    }
    let below = card.get_bounding_client_rect().height() + 8.0;
    let top = picture.get_bounding_client_rect().top();
    if let Some(w) = window {
        let height = w
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(768.0);
        let bottom = picture.get_bounding_client_rect().bottom();
        if top < below || bottom > height {
            let by = match how {
                Scroll::Least if top >= below => (bottom - height + 8.0).min(top - below),
                _ => top - below,
            };
            w.scroll_by_with_x_and_y(0.0, by);
        }
    }
    true
}

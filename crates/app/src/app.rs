//! The shell around every screen: language, routing, header, navigation and footer.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::i18n::{Lang, LangContext, Texts, fill};
use crate::prefs::Prefs;
use crate::route::Route;
use crate::screen::Screen;
use crate::screens;
use crate::screens::tour::{self, TourCard, TourStop};
use crate::share;
use crate::shortcuts::{self, Shortcut, is_free_for_shortcut};
use crate::widgets::PresenterContext;
use crate::widgets::panel::{hidden_value, parse_hidden, toggled};

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The panels the current address hides, if it says (`hide=`).
fn hidden_in_address(hash: &str) -> Option<Vec<String>> {
    let value = share::global_value(share::query_of(hash)?, share::HIDE_KEY)?;
    Some(share::decode(value).map_or_else(|_| Vec::new(), |v| parse_hidden(&v)))
}

/// The hidden panels of each screen visited in this page view (a link's, or the teacher's
/// choice), so leaving a screen and coming back keeps them hidden.
type HiddenMemory = Vec<(Route, Vec<String>)>;

fn remember_hidden(memory: &mut HiddenMemory, route: Route, ids: &[String]) {
    memory.retain(|(r, _)| *r != route);
    memory.push((route, ids.to_vec()));
}

/// The hidden panels for the page's address: the link's, else those this page view
/// remembers for the screen (written back into the address so the link stays true).
fn hidden_for_address(memory: &mut HiddenMemory) -> Vec<String> {
    let hash = current_hash();
    let route = Route::from_hash(&hash);
    if let Some(ids) = hidden_in_address(&hash) {
        remember_hidden(memory, route, &ids);
        return ids;
    }
    let ids = memory
        .iter()
        .find(|(r, _)| *r == route)
        .map(|(_, ids)| ids.clone())
        .unwrap_or_default();
    if !ids.is_empty() {
        share::replace_global(share::HIDE_KEY, Some(&hidden_value(&ids)));
    }
    ids
}

fn set_document_lang(lang: Lang, title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        document.set_title(title);
    }
}

/// The language a link asks for (`lang=en|zh`), else the visitor's own.
fn opening_lang() -> Lang {
    match share::address_global(share::LANG_KEY).as_deref() {
        Some("en") => Lang::En,
        Some("zh") | Some("zh-CN") => Lang::Zh,
        _ => Prefs::load().lang,
    }
}

/// Presenter mode as a link asks for it (`presenter=1|0`), else the visitor's own.
fn opening_presenter() -> bool {
    match share::address_global(share::PRESENTER_KEY).as_deref() {
        Some("1") => true,
        Some("0") => false,
        _ => Prefs::load().presenter,
    }
}

/// The whole app.
#[component]
pub fn App() -> Html {
    let lang = use_state(opening_lang);
    let presenter = use_state_eq(opening_presenter);
    // `embed=1`: the screen alone, for an iframe (read once: the embedding page sets it).
    let embed = use_memo((), |_| {
        share::address_global(share::EMBED_KEY).as_deref() == Some("1")
    });
    let keys_open = use_state_eq(|| false);
    let route = use_state(|| Route::from_hash(&current_hash()));
    let hidden_memory = use_mut_ref(HiddenMemory::new);
    let hidden = {
        let memory = hidden_memory.clone();
        use_state_eq(move || Rc::new(hidden_for_address(&mut memory.borrow_mut())))
    };

    use_effect_with(*presenter, |on| set_presenter_class(*on));
    use_effect_with(*embed, |on| set_root_class("embed", *on));
    crate::print_fit::use_print_fit();
    {
        let keys_open = keys_open.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                // Not passive: Space and → must not scroll the page when they are shortcuts.
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&window, "keydown", options, move |event| {
                    if let Some(event) = event.dyn_ref::<KeyboardEvent>() {
                        on_key(event, &keys_open);
                    }
                })
            });
            move || drop(listener)
        });
    }

    {
        let (route, hidden, memory) = (route.clone(), hidden.clone(), hidden_memory.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    hidden.set(Rc::new(hidden_for_address(&mut memory.borrow_mut())));
                    route.set(Route::from_hash(&current_hash()));
                })
            });
            move || drop(listener)
        });
    }

    // Another screen opens at its top, not at the old screen's scroll position (a new
    // query on the same screen keeps the place).
    use_effect_with(route.screen().map(|s| s.slug), |_| {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        show_active_tab();
    });

    // Read at each render: the app renders again on every change of the address.
    let tour_place = tour::place::Place::current();
    let texts = lang.texts();
    let screen_name = route.screen().map(|s| s.text(texts).name);
    {
        let title = match screen_name {
            Some(name) => format!("{name} · {}", texts.app_title),
            None => texts.app_title.to_owned(),
        };
        use_effect_with((*lang, title), |(lang, title)| {
            set_document_lang(*lang, title);
        });
    }

    let set_lang = {
        let (lang, presenter) = (lang.clone(), presenter.clone());
        Callback::from(move |next: Lang| {
            Prefs {
                lang: next,
                presenter: *presenter,
            }
            .save();
            lang.set(next);
        })
    };
    let toggle_presenter = {
        let (lang, presenter) = (lang.clone(), presenter.clone());
        Callback::from(move |_: MouseEvent| {
            let on = !*presenter;
            Prefs {
                lang: *lang,
                presenter: on,
            }
            .save();
            presenter.set(on);
        })
    };
    let toggle_keys = {
        let keys_open = keys_open.clone();
        Callback::from(move |_: MouseEvent| keys_open.set(!*keys_open))
    };
    let context = LangContext {
        lang: *lang,
        set: set_lang.clone(),
    };
    let set_hidden = {
        let (hidden, memory, route) = (hidden.clone(), hidden_memory.clone(), *route);
        Callback::from(move |ids: Vec<String>| {
            remember_hidden(&mut memory.borrow_mut(), route, &ids);
            share::replace_global(share::HIDE_KEY, Some(&hidden_value(&ids)));
            hidden.set(Rc::new(ids));
        })
    };
    let presenter_context = PresenterContext {
        on: *presenter,
        hidden: (*hidden).clone(),
        toggle: {
            let (hidden, set_hidden) = (hidden.clone(), set_hidden.clone());
            Callback::from(move |id: String| {
                let next = toggled(&hidden, &id);
                let hid_one = next.len() > hidden.len();
                set_hidden.emit(next);
                if hid_one {
                    focus_show_all_soon();
                }
            })
        },
    };
    let show_all = Callback::from(move |_: MouseEvent| set_hidden.emit(Vec::new()));
    let toggle = {
        let next = lang.other();
        Callback::from(move |_: MouseEvent| set_lang.emit(next))
    };

    html! {
        <ContextProvider<LangContext> {context}>
        <ContextProvider<PresenterContext> context={presenter_context}>
            if !*embed {
            <a class="skip-link" href="#main" onclick={skip_to_main()}>{ texts.skip_to_content }</a>
            <header class="site-header">
                <a class="brand" href="#/">
                    <span class="brand-mark" aria-hidden="true">{ "∑σ" }</span>
                    <span class="brand-name">{ texts.app_title }</span>
                </a>
                <nav class="site-nav" aria-label={texts.nav_label}>
                    { for screens::ALL.iter().copied().map(|s| nav_link(s, *route, texts)) }
                </nav>
                <div class="header-tools">
                    if !hidden.is_empty() {
                        <button id="hidden-chip" class="hidden-chip" onclick={show_all}
                                title={texts.hidden_title}>
                            { fill(texts.hidden_count, &[&hidden.len().to_string()]) }
                        </button>
                    }
                    <button class="keys-button" onclick={toggle_keys.clone()} title={texts.keys_title}
                            aria-label={texts.keys_title}
                            aria-expanded={keys_open.to_string()} aria-controls="keys-list">
                        { "?" }
                    </button>
                    if *presenter {
                        <button class="fullscreen-switch" onclick={Callback::from(|_: MouseEvent| toggle_fullscreen())}
                                title={texts.fullscreen}>{ "⤢ " }{ texts.fullscreen }</button>
                    }
                    <button class="presenter-switch" onclick={toggle_presenter}
                            aria-pressed={presenter.to_string()} title={texts.presenter_title}>
                        { texts.presenter }
                    </button>
                    <button class="lang-switch" onclick={toggle} lang={lang.other().tag()}>
                        { texts.switch_language }
                    </button>
                </div>
            </header>
            }
            if *keys_open {
                { view_keys(texts, toggle_keys) }
            }
            <main id="main" class="site-main" tabindex="-1">
                if let Some(place) = tour_place.clone().filter(|_| route.screen().is_some()) {
                    <TourCard {place} />
                }
                <TourStop key={tour::stop_key(tour_place.as_ref())}>{ route.view() }</TourStop>
            </main>
            if !*embed {
                <footer class="site-footer">{ texts.footer }</footer>
            }
        </ContextProvider<PresenterContext>>
        </ContextProvider<LangContext>>
    }
}

/// The skip link must not change the hash (that is the router's), so it moves focus itself.
fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|event: MouseEvent| {
        event.prevent_default();
        let main = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"));
        if let Some(main) =
            main.and_then(|m| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m).ok())
        {
            let _ = main.focus();
        }
    })
}

fn nav_link(target: &'static Screen, current: Route, texts: &'static Texts) -> Html {
    let screen = target.text(texts);
    let active = current == Route::Screen(target);
    html! {
        <a href={target.href()}
           class={classes!("nav-link", active.then_some("active"))}
           aria-current={active.then_some("page")} title={screen.name}>
            { screen.short }
        </a>
    }
}

/// Presenter mode is a class on `<html>`, so every screen's styles can follow it.
fn set_presenter_class(on: bool) {
    set_root_class("presenter", on);
}

/// Scrolls a navigation bar that scrolls sideways (presenter mode, phones) so that the
/// current screen's tab is in view.
fn show_active_tab() {
    let document = web_sys::window().and_then(|w| w.document());
    let find = |selector: &str| {
        document
            .as_ref()
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    };
    if let (Some(nav), Some(active)) = (find(".site-nav"), find(".nav-link.active")) {
        let (bar, tab) = (
            nav.get_bounding_client_rect(),
            active.get_bounding_client_rect(),
        );
        if tab.left() < bar.left() || tab.right() > bar.right() {
            let into = tab.left() - bar.left() + f64::from(nav.scroll_left());
            nav.set_scroll_left((into - 8.0).max(0.0) as i32);
        }
    }
}

/// Adds or removes a class of `<html>`.
fn set_root_class(class: &str, on: bool) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let classes = root.class_list();
        let _ = if on {
            classes.add_1(class)
        } else {
            classes.remove_1(class)
        };
    }
}

/// A key pressed anywhere: `?` and Esc belong to the shortcut list, the others are
/// announced to the screen (unless a control is using the key).
fn on_key(event: &KeyboardEvent, keys_open: &UseStateHandle<bool>) {
    // On a stop of the guided tour the clicker's keys move through the stops.
    if tour::on_key(event) {
        return;
    }
    if !is_free_for_shortcut(event) {
        return;
    }
    match event.key().as_str() {
        "?" => keys_open.set(!**keys_open),
        "Escape" => keys_open.set(false),
        key => {
            if let Some(shortcut) = Shortcut::from_key(key) {
                // Space would scroll the page and → would move it sideways.
                event.prevent_default();
                shortcuts::announce(shortcut);
            }
        }
    }
}

/// The list of keyboard shortcuts.
fn view_keys(texts: &'static Texts, close: Callback<MouseEvent>) -> Html {
    html! {
        <aside id="keys-list" class="keys-list" role="dialog" aria-labelledby="keys-title">
            <h2 id="keys-title">{ texts.keys_title }</h2>
            <dl>
                { for texts.keys_rows.iter().map(|(keys, what)| html! {
                    <><dt><kbd>{ *keys }</kbd></dt><dd>{ *what }</dd></>
                }) }
            </dl>
            <button class="keys-close" onclick={close}>{ texts.close }</button>
        </aside>
    }
}

/// Enters or leaves full screen (the whole page, so the header stays usable).
fn toggle_fullscreen() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(root) = document.document_element() {
        // Refused outside a click or by the browser: the page simply stays as it is.
        let _ = root.request_fullscreen();
    }
}

/// After a panel is hidden its Hide button is gone: keyboard focus moves to "Show all",
/// which appears with the next render, so the teacher can undo with Enter.
fn focus_show_all_soon() {
    gloo::timers::callback::Timeout::new(0, || {
        let chip = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("hidden-chip"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(chip) = chip {
            let _ = chip.focus();
        }
    })
    .forget();
}

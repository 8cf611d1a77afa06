//! The shell around every screen: language, routing, header, navigation and footer.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::i18n::{Lang, Texts};
use crate::prefs::Prefs;
use crate::route::Route;
use crate::screens;

/// The active language and a way to change it, shared with every component.
#[derive(Debug, Clone, PartialEq)]
pub struct LangContext {
    /// The language shown.
    pub lang: Lang,
    /// Switches (and remembers) the language.
    pub set: Callback<Lang>,
}

/// The strings of the active language.
#[hook]
pub fn use_texts() -> &'static Texts {
    use_context::<LangContext>()
        .map(|c| c.lang)
        .unwrap_or_default()
        .texts()
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

fn set_document_lang(lang: Lang, title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        document.set_title(title);
    }
}

/// The whole app.
#[component]
pub fn App() -> Html {
    let lang = use_state(|| Prefs::load().lang);
    let route = use_state(|| Route::from_hash(&current_hash()));

    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    route.set(Route::from_hash(&current_hash()));
                })
            });
            move || drop(listener)
        });
    }

    let texts = lang.texts();
    let screen_name = route.text(texts).map(|s| s.name);
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
        let lang = lang.clone();
        Callback::from(move |next: Lang| {
            Prefs { lang: next }.save();
            lang.set(next);
        })
    };
    let context = LangContext {
        lang: *lang,
        set: set_lang.clone(),
    };
    let toggle = {
        let next = lang.other();
        Callback::from(move |_: MouseEvent| set_lang.emit(next))
    };

    html! {
        <ContextProvider<LangContext> {context}>
            <a class="skip-link" href="#main" onclick={skip_to_main()}>{ texts.skip_to_content }</a>
            <header class="site-header">
                <a class="brand" href="#/">
                    <span class="brand-mark" aria-hidden="true">{ "∑σ" }</span>
                    <span class="brand-name">{ texts.app_title }</span>
                </a>
                <nav class="site-nav" aria-label={texts.nav_label}>
                    { for Route::SCREENS.into_iter().map(|r| nav_link(r, *route, texts)) }
                </nav>
                <button class="lang-switch" onclick={toggle} lang={lang.other().tag()}>
                    { texts.switch_language }
                </button>
            </header>
            <main id="main" class="site-main" tabindex="-1">
                { screens::view(*route) }
            </main>
            <footer class="site-footer">{ texts.footer }</footer>
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

fn nav_link(target: Route, current: Route, texts: &'static Texts) -> Html {
    let Some(screen) = target.text(texts) else {
        return Html::default();
    };
    let active = target == current;
    html! {
        <a href={target.href()}
           class={classes!("nav-link", active.then_some("active"))}
           aria-current={active.then_some("page")} title={screen.name}>
            { screen.short }
        </a>
    }
}

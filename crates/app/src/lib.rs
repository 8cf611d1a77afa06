//! The neural-network playground: a Yew single-page app over `nnp-core`.
//! Screens draw; the core computes.

pub mod app;
pub mod digits_file;
pub mod home;
pub mod i18n;
pub mod json;
pub mod not_found;
pub mod offline;
pub mod panic_banner;
pub mod prefs;
pub mod print_fit;
pub mod route;
pub mod screen;
pub mod screens;
pub mod share;
pub mod shortcuts;
pub mod weights_file;
pub mod widgets;

/// Starts the app in the page's `<div id="app">` (or the body).
pub fn start() {
    panic_banner::install();
    offline::register();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<app::App>::with_root(root).render(),
        None => yew::Renderer::<app::App>::new().render(),
    };
}

//! One module per screen; [`view`] picks the one the route names.
//!
//! Every screen has the same shape: a `Model` (plain Rust, tested natively) changed only
//! by `update(Msg)`, pure `view_*` helpers that turn it into Html, and a thin component
//! (`mod.rs`) that owns the model, forwards messages, writes the share link and drives
//! animation with [`crate::widgets::use_frame_loop`]. Pictures go through
//! [`crate::widgets::canvas`], strings through [`crate::i18n::use_texts`], keys through
//! [`crate::shortcuts::use_shortcuts`]. Screens never import `app.rs`.
//!
//! To add a screen: copy a small one (`activations.rs`), add its variant, slug and title
//! to [`Route`](crate::route::Route) and its `ScreenText` to both languages in
//! `i18n/shell.rs`, and one arm to [`view`] here. The navigation, the home page's cards
//! and the router follow `Route::SCREENS`.

mod activations;
mod backprop;
mod boundaries;
mod conv;
mod deep;
mod home;
mod lstm;
mod not_found;

use yew::prelude::*;

use crate::route::Route;

pub use activations::Activations;
pub use backprop::Backprop;
pub use boundaries::Boundaries;
pub use conv::ConvPainter;
pub use deep::DeepScreen;
pub use home::Home;
pub use lstm::LstmScreen;
pub use not_found::NotFound;

/// The screen for `route`.
pub fn view(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Activations => html! { <Activations /> },
        Route::Backprop => html! { <Backprop /> },
        Route::Conv => html! { <ConvPainter /> },
        Route::Boundaries => html! { <Boundaries /> },
        Route::Deep => html! { <DeepScreen /> },
        Route::Lstm => html! { <LstmScreen /> },
        Route::NotFound => html! { <NotFound /> },
    }
}

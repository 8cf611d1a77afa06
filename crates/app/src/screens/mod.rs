//! One module per screen; `view` picks the one the route names.

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

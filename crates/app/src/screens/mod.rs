//! One module per screen; `view` picks the one the route names.

mod activations;
mod home;
mod placeholder;

use yew::prelude::*;

use crate::route::Route;

pub use activations::Activations;
pub use home::Home;
pub use placeholder::{NotFound, Placeholder};

/// The screen for `route`.
pub fn view(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Activations => html! { <Activations /> },
        Route::Boundaries | Route::Backprop | Route::Conv | Route::Lstm => {
            html! { <Placeholder {route} /> }
        }
        Route::NotFound => html! { <NotFound /> },
    }
}

//! (being built) — until then it shows the announcement.

use yew::prelude::*;

use crate::route::Route;
use crate::screens::Placeholder;

/// The screen.
#[component]
pub fn Backprop() -> Html {
    html! { <Placeholder route={Route::Backprop} /> }
}

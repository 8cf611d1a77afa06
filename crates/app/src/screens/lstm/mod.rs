//! LSTM gates over time (lecture §7): being built; shows the announcement until then.

use yew::prelude::*;

use crate::route::Route;
use crate::screens::Placeholder;

/// The LSTM screen.
#[component]
pub fn LstmScreen() -> Html {
    html! { <Placeholder route={Route::Lstm} /> }
}

//! Deep networks by greedy layer-wise autoencoder pretraining (lecture §5): being built;
//! shows the announcement until then.

use yew::prelude::*;

use crate::route::Route;
use crate::screens::Placeholder;

/// The deep-networks screen.
#[component]
pub fn DeepScreen() -> Html {
    html! { <Placeholder route={Route::Deep} /> }
}

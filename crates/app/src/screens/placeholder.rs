//! Screens that are still being built say so, and say what they will show.

use yew::prelude::*;

use crate::app::use_texts;
use crate::route::Route;

/// Props of [`Placeholder`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct PlaceholderProps {
    /// The screen being announced.
    pub route: Route,
}

/// A screen announced but not yet built.
#[component]
pub fn Placeholder(props: &PlaceholderProps) -> Html {
    let texts = use_texts();
    let Some(screen) = props.route.text(texts) else {
        return html! { <NotFound /> };
    };
    let plan: &[&str] = match props.route {
        Route::Lstm => texts.lstm_plan,
        _ => &[],
    };
    html! {
        <section class={classes!("screen", format!("screen-{}", props.route.slug()))}>
            <p class="screen-section">{ screen.section }</p>
            <h1>{ screen.name }</h1>
            <p class="lead">{ screen.blurb }</p>
            <div class="notice notice-info" role="status">
                <strong>{ texts.coming_soon }</strong>{ " — " }{ texts.coming_soon_body }
            </div>
            <h2>{ texts.will_show }</h2>
            <ol class="plan">
                { for plan.iter().map(|step| html! { <li>{ *step }</li> }) }
            </ol>
        </section>
    }
}

/// What a link to an unknown screen shows.
#[component]
pub fn NotFound() -> Html {
    let texts = use_texts();
    html! {
        <section class="screen screen-not-found">
            <h1>{ texts.not_found }</h1>
            <p class="notice notice-error" role="alert">{ texts.not_found_body }</p>
        </section>
    }
}

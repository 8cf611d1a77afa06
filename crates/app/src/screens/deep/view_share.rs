//! Sharing: the replay of a shared experiment, and what a link could not restore.

use yew::prelude::*;

use super::model::{LinkNotice, Model};
use super::msg::Msg;
use super::text::{count, fill};
use crate::i18n::Texts;
use crate::i18n::deep::DeepTexts;
use crate::weights_file;

/// While a shared experiment is replayed: how far it is, and a way to stop.
pub fn replay(t: &DeepTexts, m: &Model, send: &Callback<Msg>) -> Html {
    let Some((done, total)) = m.replay_progress() else {
        return html! {};
    };
    html! {
        <div class="notice notice-info deep-notice deep-replay" role="status">
            <span>{ fill(t.replaying, &[&count(done), &count(total)]) }</span>{ " " }
            <button class="deep-replay-stop" onclick={send.reform(|_| Msg::Pause)}>{ t.replay_stop }</button>
        </div>
    }
}

/// What a link or the remembered state could not restore.
pub fn link_notice(t: &DeepTexts, m: &Model) -> Html {
    let text = match &m.link_notice {
        None => return html! {},
        Some(LinkNotice::LinkPartlyRead(keys)) => fill(t.link_partly_read, &[&keys.join(", ")]),
        Some(LinkNotice::SavedPartlyRead(keys)) => fill(t.saved_partly_read, &[&keys.join(", ")]),
    };
    html! { <p class="notice notice-error deep-link-notice" role="alert">{ text }</p> }
}

/// How opening the last weights file went.
pub fn weights_notice(texts: &'static Texts, m: &Model) -> Html {
    let Some(outcome) = &m.weights_notice else {
        return html! {};
    };
    let (class, role) = if outcome.is_ok() {
        ("notice-info", "status")
    } else {
        ("notice-error", "alert")
    };
    html! {
        <p class={classes!("notice", "deep-weights-notice", class)} {role}>
            { weights_file::say(texts, outcome) }
        </p>
    }
}

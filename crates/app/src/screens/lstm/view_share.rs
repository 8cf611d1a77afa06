//! Sharing: the replay of a shared run, and what the link leaves out.

use yew::prelude::*;

use super::link::Shortened;
use super::model::Model;
use super::msg::Msg;
use super::view_controls::click;
use crate::i18n::fill;
use crate::i18n::lstm::LstmTexts;

/// While a shared run is replayed: how far it is, and a way to stop.
pub fn view_replay(m: &Model, t: &'static LstmTexts, send: &Callback<Msg>) -> Html {
    let Some((done, total)) = m.replay_progress() else {
        return Html::default();
    };
    html! {
        <div class="notice notice-info lstm-notice lstm-replay" role="status">
            <span>{ fill(t.replaying, &[&done.to_string(), &total.to_string()]) }</span>{ " " }
            <button class="lstm-replay-stop" onclick={click(send, Msg::Pause)}>{ t.replay_stop }</button>
        </div>
    }
}

/// Says what the share link leaves out, when it is too long.
pub fn view_link_note(m: &Model, t: &'static LstmTexts) -> Html {
    let text = match m.link_short {
        None => return Html::default(),
        Some(Shortened::Sequence) => t.link_without_sequence,
        Some(Shortened::Text) => t.link_without_text,
    };
    html! { <p class="lstm-hint lstm-link-note" role="status">{ text }</p> }
}

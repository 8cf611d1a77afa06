//! The clicker's keys. Presentation clickers send PageDown / PageUp (some send → / ←): on a
//! stop of a tour these move through the stops. A key a control is using (a field, a
//! canvas or diagram moved with the arrows, a key it already handled) stays the control's.

use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};

use super::place::{self, Place};
use crate::shortcuts::is_free_key;

/// A step through the tour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// The next stop.
    Next,
    /// The stop before.
    Back,
}

/// The move a key stands for; `arrows` is false when the arrows belong to the focused
/// element.
pub fn move_of(key: &str, arrows: bool) -> Option<Move> {
    match key {
        "PageDown" => Some(Move::Next),
        "PageUp" => Some(Move::Back),
        "ArrowRight" if arrows => Some(Move::Next),
        "ArrowLeft" if arrows => Some(Move::Back),
        _ => None,
    }
}

/// Whether the focused element moves something with the arrow keys itself.
fn arrows_taken(event: &KeyboardEvent) -> bool {
    let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
    target.is_some_and(|e| {
        let role = e.get_attribute("role").unwrap_or_default();
        e.namespace_uri().as_deref() == Some("http://www.w3.org/2000/svg")
            || matches!(e.tag_name().as_str(), "CANVAS" | "svg")
            || matches!(
                role.as_str(),
                "application" | "slider" | "grid" | "listbox" | "tablist" | "radiogroup"
            )
    })
}

/// The stop a move leads to, if there is one.
pub fn target(place: &Place, stops: usize, step: Move) -> Option<Place> {
    let index = match step {
        Move::Next => place.index.checked_add(1).filter(|&i| i < stops)?,
        Move::Back => place.index.checked_sub(1)?,
    };
    Some(place.at(index))
}

/// Handles a key on a stop of a tour; returns whether it moved the tour (then the key is
/// used up: no screen shortcut, no scrolling).
pub fn on_key(event: &KeyboardEvent) -> bool {
    if event.default_prevented() || !is_free_key(event) || event.shift_key() {
        return false;
    }
    let Some(step) = move_of(&event.key(), !arrows_taken(event)) else {
        return false;
    };
    let Some(place) = Place::current() else {
        return false;
    };
    let Ok(tour) = place.tour() else {
        return false;
    };
    event.prevent_default();
    if let Some(next) = target(&place, tour.stops.len(), step) {
        place::go(&next);
    }
    true
}

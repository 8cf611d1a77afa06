//! Keyboard shortcuts shared by the screens: Space plays or pauses, → steps, R resets, ?
//! shows the list. The app listens for keys once and announces a typed [`Shortcut`] to
//! the screens that subscribed with [`use_shortcuts`]; each maps it onto its own messages.
//! One rule, [`is_typing`], says when a key belongs to a field rather than to a shortcut.

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

/// An action a key stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    /// Space: start or pause training.
    PlayPause,
    /// →: one step (an epoch, a node of the pass, an update).
    Step,
    /// R: start over.
    Reset,
}

impl Shortcut {
    /// The shortcut a key press stands for (`KeyboardEvent.key`).
    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            " " | "Spacebar" => Some(Shortcut::PlayPause),
            "ArrowRight" => Some(Shortcut::Step),
            "r" | "R" => Some(Shortcut::Reset),
            _ => None,
        }
    }
}

fn target_element(event: &KeyboardEvent) -> Option<Element> {
    event.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// Whether the user is typing: the key goes into a text field, a menu or an editable
/// element, so no screen key (a shortcut, a tool key) may take it.
pub fn is_typing(event: &KeyboardEvent) -> bool {
    target_element(event).is_some_and(|e| {
        matches!(e.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
            || e.has_attribute("contenteditable")
    })
}

/// Whether a key press is free for the screen's keys: no modifier (those are the
/// browser's) and the user is not typing.
pub fn is_free_key(event: &KeyboardEvent) -> bool {
    !(event.ctrl_key() || event.meta_key() || event.alt_key() || is_typing(event))
}

/// Whether a key press is free for a [`Shortcut`]: free, and not on a button, link or
/// summary, which Space and Enter press.
pub fn is_free_for_shortcut(event: &KeyboardEvent) -> bool {
    is_free_key(event)
        && !target_element(event)
            .is_some_and(|e| matches!(e.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY"))
}

/// Undo or redo, asked for from the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// Ctrl+Z (⌘Z).
    Undo,
    /// Ctrl+Shift+Z or Ctrl+Y.
    Redo,
}

/// Ctrl+Z (⌘Z) undoes, Ctrl+Shift+Z and Ctrl+Y redo — unless the user is typing, where the
/// browser undoes the typing.
pub fn history_key(event: &KeyboardEvent) -> Option<History> {
    if !(event.ctrl_key() || event.meta_key()) || event.alt_key() || is_typing(event) {
        return None;
    }
    match event.key().as_str() {
        "z" | "Z" if event.shift_key() => Some(History::Redo),
        "z" | "Z" => Some(History::Undo),
        "y" | "Y" => Some(History::Redo),
        _ => None,
    }
}

/// Calls `on_history` for Ctrl+Z and Ctrl+Shift+Z / Ctrl+Y while the calling component is
/// mounted (the page does not also undo).
#[hook]
pub fn use_history_keys(on_history: Callback<History>) {
    let current = use_mut_ref(|| on_history.clone());
    *current.borrow_mut() = on_history;
    use_effect_with((), move |_| {
        let listener = web_sys::window()
            .and_then(|w| w.document())
            .map(|document| {
                gloo::events::EventListener::new(&document, "keydown", move |event| {
                    let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if let Some(history) = history_key(event) {
                        event.prevent_default();
                        let callback = current.borrow().clone();
                        callback.emit(history);
                    }
                })
            });
        move || drop(listener)
    });
}

thread_local! {
    static SUBSCRIBERS: RefCell<Vec<(u64, Callback<Shortcut>)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u64> = const { Cell::new(0) };
}

/// Hands `shortcut` to every subscribed screen.
pub fn announce(shortcut: Shortcut) {
    // Cloned out first: a callback may re-render and (un)subscribe.
    let subscribers: Vec<Callback<Shortcut>> =
        SUBSCRIBERS.with(|s| s.borrow().iter().map(|(_, c)| c.clone()).collect());
    for callback in subscribers {
        callback.emit(shortcut);
    }
}

/// Calls `on_shortcut` for every shortcut while the calling component is mounted. It
/// subscribes once; each render only swaps in the newest callback (which sees the
/// component's current state), so a screen re-rendering while it trains costs nothing here.
#[hook]
pub fn use_shortcuts(on_shortcut: Callback<Shortcut>) {
    let current = use_mut_ref(|| on_shortcut.clone());
    *current.borrow_mut() = on_shortcut;
    use_effect_with((), move |_| {
        let id = NEXT_ID.with(|n| n.replace(n.get() + 1));
        let forward = Callback::from(move |shortcut| {
            let callback = current.borrow().clone();
            callback.emit(shortcut);
        });
        SUBSCRIBERS.with(|s| s.borrow_mut().push((id, forward)));
        move || SUBSCRIBERS.with(|s| s.borrow_mut().retain(|(i, _)| *i != id))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn keys_name_their_shortcuts() {
        assert_eq!(Shortcut::from_key(" "), Some(Shortcut::PlayPause));
        assert_eq!(Shortcut::from_key("ArrowRight"), Some(Shortcut::Step));
        assert_eq!(Shortcut::from_key("R"), Some(Shortcut::Reset));
        assert_eq!(Shortcut::from_key("x"), None);
    }

    #[test]
    fn announced_shortcuts_reach_subscribers_only() {
        let seen = std::rc::Rc::new(RefCell::new(Vec::new()));
        let log = seen.clone();
        SUBSCRIBERS.with(|s| {
            s.borrow_mut()
                .push((u64::MAX, Callback::from(move |k| log.borrow_mut().push(k))))
        });
        announce(Shortcut::Step);
        SUBSCRIBERS.with(|s| s.borrow_mut().retain(|(i, _)| *i != u64::MAX));
        announce(Shortcut::Reset);
        assert_eq!(*seen.borrow(), [Shortcut::Step]);
    }
}

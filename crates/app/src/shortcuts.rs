//! Keyboard shortcuts shared by the screens: Space plays or pauses, → steps, R resets, 1 · 2
//! · E pick the decision boundaries' paint tool. The app listens for keys once, turns each
//! into a typed [`Shortcut`] with [`Shortcut::from_event`] and [`announce`]s it; each screen
//! that has something to play, step or reset subscribes with [`use_shortcuts`] and maps it
//! onto its own messages.

use std::cell::RefCell;
use std::rc::Rc;

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
    /// 1: paint +1 points (decision boundaries).
    PaintPositive,
    /// 2: paint −1 points (decision boundaries).
    PaintNegative,
    /// E (or 3): erase points (decision boundaries).
    Erase,
}

impl Shortcut {
    /// The shortcut a key press stands for (`KeyboardEvent.key`).
    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            " " | "Spacebar" => Some(Shortcut::PlayPause),
            "ArrowRight" => Some(Shortcut::Step),
            "r" | "R" => Some(Shortcut::Reset),
            "1" => Some(Shortcut::PaintPositive),
            "2" => Some(Shortcut::PaintNegative),
            "e" | "E" | "3" => Some(Shortcut::Erase),
            _ => None,
        }
    }

    /// The shortcut a key press stands for, unless a modifier is held or the focused
    /// control uses the key itself ([`focus_takes_key`]).
    pub fn from_event(event: &KeyboardEvent) -> Option<Self> {
        if event.ctrl_key() || event.meta_key() || event.alt_key() || focus_takes_key(event) {
            return None;
        }
        Self::from_key(&event.key())
    }
}

/// The one rule for "the user is typing": the key press belongs to the control it was
/// typed into. Text fields, menus and editable text take every key; a button, link or
/// disclosure takes Space and Enter (they press it).
pub fn focus_takes_key(event: &KeyboardEvent) -> bool {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return false;
    };
    let editable = target
        .dyn_ref::<web_sys::HtmlElement>()
        .is_some_and(|e| e.is_content_editable());
    match target.tag_name().as_str() {
        "INPUT" | "SELECT" | "TEXTAREA" => true,
        "BUTTON" | "A" | "SUMMARY" => matches!(event.key().as_str(), " " | "Spacebar" | "Enter"),
        _ => editable,
    }
}

type Listener = Rc<RefCell<Callback<Shortcut>>>;

thread_local! {
    /// The mounted subscribers, in the order they subscribed.
    static LISTENERS: RefCell<Vec<Listener>> = const { RefCell::new(Vec::new()) };
}

/// Tells every subscribed component about `shortcut`.
pub fn announce(shortcut: Shortcut) {
    // Cloned out first: a callback may re-render, subscribe or unsubscribe.
    let callbacks: Vec<Callback<Shortcut>> =
        LISTENERS.with(|l| l.borrow().iter().map(|c| c.borrow().clone()).collect());
    for callback in callbacks {
        callback.emit(shortcut);
    }
}

/// A subscription to [`announce`]; dropping it unsubscribes.
struct Subscription(Listener);

impl Subscription {
    fn new(listener: Listener) -> Self {
        LISTENERS.with(|l| l.borrow_mut().push(listener.clone()));
        Subscription(listener)
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        LISTENERS.with(|l| l.borrow_mut().retain(|c| !Rc::ptr_eq(c, &self.0)));
    }
}

/// Calls `on_shortcut` for every shortcut while the calling component is mounted. The
/// subscription is made once; each render only swaps in the newest callback (which sees
/// the component's current state), so a screen re-rendering while it trains costs nothing.
#[hook]
pub fn use_shortcuts(on_shortcut: Callback<Shortcut>) {
    let current = use_mut_ref(|| on_shortcut.clone());
    *current.borrow_mut() = on_shortcut;
    use_effect_with((), move |_| {
        let subscription = Subscription::new(current);
        move || drop(subscription)
    });
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn keys_name_their_shortcuts() {
        assert_eq!(Shortcut::from_key(" "), Some(Shortcut::PlayPause));
        assert_eq!(Shortcut::from_key("ArrowRight"), Some(Shortcut::Step));
        assert_eq!(Shortcut::from_key("R"), Some(Shortcut::Reset));
        assert_eq!(Shortcut::from_key("2"), Some(Shortcut::PaintNegative));
        assert_eq!(Shortcut::from_key("e"), Some(Shortcut::Erase));
        assert_eq!(Shortcut::from_key("x"), None);
    }

    #[test]
    fn only_subscribers_still_held_hear_a_shortcut() {
        let heard = Rc::new(Cell::new(0));
        let count = heard.clone();
        let listener: Listener = Rc::new(RefCell::new(Callback::from(move |s| {
            assert_eq!(s, Shortcut::Step);
            count.set(count.get() + 1);
        })));
        let subscription = Subscription::new(listener);
        announce(Shortcut::Step);
        assert_eq!(heard.get(), 1);
        drop(subscription);
        announce(Shortcut::Step);
        assert_eq!(heard.get(), 1, "a dropped subscription still heard the shortcut");
    }
}

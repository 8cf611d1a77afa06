//! Keyboard shortcuts shared by the screens: Space plays or pauses, → steps, R resets, ?
//! shows the list. The app listens for keys once and announces a [`Shortcut`] as a DOM
//! event; each screen that has something to play, step or reset subscribes with
//! [`use_shortcuts`] and maps it onto its own messages.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element, KeyboardEvent};
use yew::prelude::*;

const EVENT: &str = "nnp-shortcut";

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
    fn id(self) -> &'static str {
        match self {
            Shortcut::PlayPause => "play-pause",
            Shortcut::Step => "step",
            Shortcut::Reset => "reset",
        }
    }

    fn from_id(id: &str) -> Option<Self> {
        [Shortcut::PlayPause, Shortcut::Step, Shortcut::Reset]
            .into_iter()
            .find(|s| s.id() == id)
    }

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

/// Whether a key press belongs to a control that uses keys itself (a text field, a menu, a
/// button that Space would press), so no shortcut may take it.
pub fn typed_into_control(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|e| {
            matches!(
                e.tag_name().as_str(),
                "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON" | "A" | "SUMMARY"
            ) || e.has_attribute("contenteditable")
        })
}

/// Announces `shortcut` to the screens; returns whether the key was free to use.
pub fn announce(shortcut: Shortcut) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = CustomEventInit::new();
    init.set_detail(&shortcut.id().into());
    if let Ok(event) = CustomEvent::new_with_event_init_dict(EVENT, &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// Calls `on_shortcut` for every shortcut while the calling component is mounted. The
/// listener is added once; each render only swaps in the newest callback (which sees the
/// component's current state), so a screen re-rendering while it trains costs nothing here.
#[hook]
pub fn use_shortcuts(on_shortcut: Callback<Shortcut>) {
    let current = use_mut_ref(|| on_shortcut.clone());
    *current.borrow_mut() = on_shortcut;
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, EVENT, move |event| {
                let shortcut = event
                    .dyn_ref::<CustomEvent>()
                    .and_then(|e| e.detail().as_string())
                    .and_then(|id| Shortcut::from_id(&id));
                if let Some(shortcut) = shortcut {
                    // Cloned out first: the callback may re-render and swap the handle.
                    let callback = current.borrow().clone();
                    callback.emit(shortcut);
                }
            })
        });
        move || drop(listener)
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
        for s in [Shortcut::PlayPause, Shortcut::Step, Shortcut::Reset] {
            assert_eq!(Shortcut::from_id(s.id()), Some(s));
        }
    }
}

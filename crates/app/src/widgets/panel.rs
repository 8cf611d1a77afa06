//! A part of a screen that a teacher can hide in presenter mode (to leave a clean view for
//! the room). Which panels are hidden travels in the link as `hide=train.loss`, so a student
//! who opens the teacher's link sees the same view, with a "Show all" way back.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::use_texts;

/// At most this many hidden panels are read from a link.
const MAX_HIDDEN: usize = 32;

/// Presenter mode and the hidden panels of the current screen, shared with every panel.
#[derive(Debug, Clone, PartialEq)]
pub struct PresenterContext {
    /// Whether presenter mode is on (panels offer a Hide button).
    pub on: bool,
    /// The ids of the current screen's hidden panels, sorted.
    pub hidden: Rc<Vec<String>>,
    /// Hides a panel that is shown or shows one that is hidden.
    pub toggle: Callback<String>,
}

/// Whether presenter mode is on (false outside the app shell, e.g. in component tests).
#[hook]
pub fn use_presenter() -> bool {
    use_context::<PresenterContext>().is_some_and(|c| c.on)
}

/// A panel id: a lowercase letter, then up to 23 lowercase letters, digits or `-`.
pub fn is_panel_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && id.len() <= 24
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The panel ids of a link's `hide=` value (`train.loss`): sorted, without repeats; pieces
/// that are no panel id are dropped (an unknown id is harmless, it hides nothing).
pub fn parse_hidden(value: &str) -> Vec<String> {
    let mut ids: Vec<String> = value
        .split('.')
        .filter(|id| is_panel_id(id))
        .take(MAX_HIDDEN)
        .map(str::to_string)
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// The `hide=` value for `ids` (empty when nothing is hidden).
pub fn hidden_value(ids: &[String]) -> String {
    ids.join(".")
}

/// `ids` with `id` added, or removed when it was there; stays sorted.
pub fn toggled(ids: &[String], id: &str) -> Vec<String> {
    let mut next: Vec<String> = ids.iter().filter(|i| *i != id).cloned().collect();
    if next.len() == ids.len() && is_panel_id(id) {
        next.push(id.to_string());
        next.sort();
    }
    next
}

/// Props of [`Panel`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct PanelProps {
    /// Short, stable and unique on its screen; it appears in links (`hide=<id>`).
    pub id: AttrValue,
    /// Extra classes of the wrapper.
    #[prop_or_default]
    pub class: Classes,
    /// What the panel holds.
    #[prop_or_default]
    pub children: Html,
}

/// Wraps a screen's controls: outside presenter mode it changes nothing on the page (the
/// wrapper has `display: contents`); in presenter mode it shows a Hide button; hidden, it
/// stays in the page (canvases and their state live on) but is not shown.
#[component]
pub fn Panel(props: &PanelProps) -> Html {
    let texts = use_texts();
    let context = use_context::<PresenterContext>();
    let (on, hidden) = context.as_ref().map_or((false, false), |c| {
        (c.on, c.hidden.iter().any(|id| *id == *props.id))
    });
    let hide = context.map(|c| {
        let id = props.id.to_string();
        Callback::from(move |_: MouseEvent| c.toggle.emit(id.clone()))
    });
    html! {
        <div data-panel={props.id.clone()} class={classes!("panel", props.class.clone())}
             hidden={hidden}>
            if on && !hidden {
                <button type="button" class="panel-hide" onclick={hide}
                        aria-label={texts.hide_panel} title={texts.hide_panel}>
                    { "✕ " }{ texts.hide }
                </button>
            }
            { props.children.clone() }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn a_link_s_hidden_panels_are_checked_sorted_and_unique() {
        assert_eq!(parse_hidden("train.loss.train"), ["loss", "train"]);
        assert_eq!(parse_hidden(""), Vec::<String>::new());
        assert_eq!(parse_hidden("ok..<script>.Up.9x.a-b.x"), ["a-b", "ok", "x"]);
        assert_eq!(parse_hidden(&"a.".repeat(1000)), ["a"]);
        assert!(!is_panel_id(&"a".repeat(25)));
    }

    #[test]
    fn toggling_hides_then_shows() {
        let one = toggled(&[], "train");
        assert_eq!(one, ["train"]);
        let two = toggled(&one, "data");
        assert_eq!(hidden_value(&two), "data.train");
        assert_eq!(toggled(&two, "train"), ["data"]);
        assert_eq!(toggled(&[], "Bad Id"), Vec::<String>::new());
    }
}

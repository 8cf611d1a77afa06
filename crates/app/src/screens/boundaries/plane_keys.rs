//! Painting with the keyboard: the focused plane has a cursor that the arrow keys move
//! (Shift for bigger steps); Enter or Space paints there with the chosen tool (1, 2, E
//! choose it, as for the mouse), and the readout below shows every unit at the cursor.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use nnp_core::dataset::RANGE;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::model::Model;
use super::persist::write_link;

/// How far one arrow press moves the cursor, and with Shift.
const STEP: f64 = 0.25;
const BIG_STEP: f64 = 1.0;

/// The keydown handler of the plane: moves `cursor` (starting in the middle), paints at it.
/// `keyboard` says whether the cursor should be drawn (the keyboard is in use). A plane that
/// got its focus from a click leaves the keys to the shortcuts (→ steps, Space plays), as
/// before the plane could take keys.
pub fn plane_keys(
    model: Rc<RefCell<Model>>,
    redraw: UseForceUpdateHandle,
    cursor: UseStateHandle<Option<(f64, f64)>>,
    keyboard: UseStateHandle<bool>,
    clicked: Rc<Cell<bool>>,
) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        if clicked.get() {
            return;
        }
        let (x1, x2) = cursor.unwrap_or((0.0, 0.0));
        let step = if e.shift_key() { BIG_STEP } else { STEP };
        let moved = match e.key().as_str() {
            "ArrowLeft" => Some((x1 - step, x2)),
            "ArrowRight" => Some((x1 + step, x2)),
            "ArrowUp" => Some((x1, x2 + step)),
            "ArrowDown" => Some((x1, x2 - step)),
            "Enter" | " " => {
                let mut m = model.borrow_mut();
                if m.paint(x1, x2) {
                    write_link(&mut m);
                    redraw.force_update();
                }
                Some((x1, x2))
            }
            _ => None,
        };
        let Some((x1, x2)) = moved else {
            return;
        };
        // The keys belong to the plane now: → is not Step, Space is not Play.
        e.prevent_default();
        e.stop_propagation();
        let clamp = |v: f64| v.clamp(RANGE.0, RANGE.1);
        cursor.set(Some((clamp(x1), clamp(x2))));
        keyboard.set(true);
    })
}

/// The keyboard cursor over the plane, where `at` is, while the keyboard is in use.
pub fn view_cursor(at: Option<(f64, f64)>, keyboard: bool) -> Html {
    let Some((x1, x2)) = at.filter(|_| keyboard) else {
        return html! {};
    };
    let (lo, hi) = RANGE;
    let left = (x1 - lo) / (hi - lo) * 100.0;
    let top = (hi - x2) / (hi - lo) * 100.0;
    html! {
        <span class="bd-key-cursor" aria-hidden="true"
              style={format!("left:{left:.2}%;top:{top:.2}%")}></span>
    }
}

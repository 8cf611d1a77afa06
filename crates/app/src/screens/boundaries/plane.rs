//! What the plane answers to: a pointer (mouse, finger or pen) paints and erases points
//! and shows every unit where it points; the keyboard does the same with a cursor that the
//! arrow keys move (Shift for bigger steps), Enter or Space painting with the chosen tool
//! (1, 2, E choose it, as for the mouse).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use nnp_core::dataset::RANGE;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use super::model::{Model, Tool};
use super::persist::write_link;

/// Pointer moves closer than this (in plane units) to the last painted point paint nothing.
const PAINT_SPACING: f64 = 0.35;

/// The plane's event handlers and what they show.
#[derive(Debug)]
pub struct PlaneInput {
    /// A pointer goes down: a point is painted (or erased).
    pub down: Callback<PointerEvent>,
    /// A pointer moves: painting goes on while it is down; the probe follows it.
    pub moved: Callback<PointerEvent>,
    /// A pointer goes up or is cancelled: the link is written.
    pub up: Callback<PointerEvent>,
    /// A pointer leaves: the probe goes (unless the keyboard's cursor holds it).
    pub leave: Callback<PointerEvent>,
    /// Keys on the focused plane.
    pub key: Callback<KeyboardEvent>,
    /// The plane gets the focus (from the keyboard: painting does not move the focus).
    pub focus: Callback<FocusEvent>,
    /// The plane loses the focus: the keyboard's cursor goes.
    pub blur: Callback<FocusEvent>,
    /// Where every unit is shown: the pointer's or the keyboard cursor's place.
    pub probe_at: Option<(f64, f64)>,
    /// Whether the keyboard's cursor is shown.
    pub keyboard: bool,
}

/// Where a pointer event falls on the plane, in plane coordinates.
fn plane_point(canvas: &NodeRef, event: &PointerEvent) -> Option<(f64, f64)> {
    let canvas = canvas.cast::<Element>()?;
    let rect = canvas.get_bounding_client_rect();
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return None;
    }
    let fx = (f64::from(event.client_x()) - rect.left()) / rect.width();
    let fy = (f64::from(event.client_y()) - rect.top()) / rect.height();
    let (lo, hi) = RANGE;
    Some((lo + fx * (hi - lo), hi - fy * (hi - lo)))
}

/// The plane's handlers for `model`, drawn on `canvas`.
#[hook]
pub fn use_plane_input(
    model: &Rc<RefCell<Model>>,
    redraw: &UseForceUpdateHandle,
    canvas: &NodeRef,
) -> PlaneInput {
    let probe_at = use_state_eq(|| None::<(f64, f64)>);
    let keyboard = use_state_eq(|| false);
    // Whether the plane has its focus from a click (then keys stay shortcuts).
    let clicked: Rc<Cell<bool>> = use_memo((), |_| Cell::new(false));
    // The last painted point of the stroke under way.
    let painting = use_mut_ref(|| None::<(f64, f64)>);

    let down = {
        let (model, redraw, painting, canvas, clicked, probe_at) = (
            model.clone(),
            redraw.clone(),
            painting.clone(),
            canvas.clone(),
            clicked.clone(),
            probe_at.clone(),
        );
        Callback::from(move |e: PointerEvent| {
            clicked.set(true);
            let Some((x1, x2)) = plane_point(&canvas, &e) else {
                return;
            };
            if model.borrow().tool == Tool::Look {
                // Only the probe (a tap shows the values there); a finger goes on scrolling.
                let inside = (RANGE.0..=RANGE.1).contains(&x1) && (RANGE.0..=RANGE.1).contains(&x2);
                probe_at.set(inside.then_some((x1, x2)));
                return;
            }
            e.prevent_default();
            if let Some(target) = canvas.cast::<Element>() {
                let _ = target.set_pointer_capture(e.pointer_id());
            }
            *painting.borrow_mut() = Some((x1, x2));
            let mut m = model.borrow_mut();
            // One stroke is one step of Undo.
            m.begin_stroke();
            if m.paint(x1, x2) {
                drop(m);
                redraw.force_update();
            }
        })
    };
    let moved = {
        let (model, redraw, painting, canvas, probe_at) = (
            model.clone(),
            redraw.clone(),
            painting.clone(),
            canvas.clone(),
            probe_at.clone(),
        );
        Callback::from(move |e: PointerEvent| {
            let Some((x1, x2)) = plane_point(&canvas, &e) else {
                return;
            };
            let last = *painting.borrow();
            if let Some((a, b)) = last {
                let erasing = model.borrow().tool == Tool::Eraser;
                if erasing || (x1 - a).hypot(x2 - b) >= PAINT_SPACING {
                    *painting.borrow_mut() = Some((x1, x2));
                    if model.borrow_mut().paint(x1, x2) {
                        redraw.force_update();
                    }
                }
            }
            let inside = (RANGE.0..=RANGE.1).contains(&x1) && (RANGE.0..=RANGE.1).contains(&x2);
            probe_at.set(inside.then_some((x1, x2)));
        })
    };
    let up = {
        let (painting, model) = (painting.clone(), model.clone());
        Callback::from(move |_: PointerEvent| {
            if painting.borrow_mut().take().is_some() {
                write_link(&mut model.borrow_mut());
            }
        })
    };
    let leave = {
        let (probe_at, keyboard) = (probe_at.clone(), keyboard.clone());
        Callback::from(move |e: PointerEvent| {
            // A lifted finger leaves the values of the point it tapped on show; a mouse that
            // leaves the plane takes them away.
            if !*keyboard && e.pointer_type() != "touch" {
                probe_at.set(None);
            }
        })
    };
    let key = plane_keys(
        model.clone(),
        redraw.clone(),
        probe_at.clone(),
        keyboard.clone(),
        clicked.clone(),
    );
    let focus = {
        let clicked = clicked.clone();
        Callback::from(move |_: FocusEvent| clicked.set(false))
    };
    let blur = {
        let keyboard = keyboard.clone();
        Callback::from(move |_: FocusEvent| {
            keyboard.set(false);
            clicked.set(false);
        })
    };
    PlaneInput {
        down,
        moved,
        up,
        leave,
        key,
        focus,
        blur,
        probe_at: *probe_at,
        keyboard: *keyboard,
    }
}

/// How far one arrow press moves the cursor, and with Shift.
const STEP: f64 = 0.25;
const BIG_STEP: f64 = 1.0;

/// The keydown handler of the plane: moves `cursor` (starting in the middle), paints at it.
/// `keyboard` says whether the cursor should be drawn (the keyboard is in use). A plane that
/// got its focus from a click leaves the keys to the shortcuts (→ steps, Space plays), as
/// before the plane could take keys.
fn plane_keys(
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
                m.begin_stroke();
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

/// The plane's axes: the names x1 and x2 and their ticks at every even value inside the
/// range, written over the plane's edges (left for x2, bottom for x1).
pub fn view_axes() -> Html {
    let (lo, hi) = RANGE;
    let ticks = axis_ticks(lo, hi, 2.0);
    let percent = |v: f64| (v - lo) / (hi - lo) * 100.0;
    html! {
        <div class="bd-axes" aria-hidden="true">
            { for ticks.iter().map(|&v| html! {
                <span class="bd-tick bd-tick-x" style={format!("left:{:.2}%", percent(v))}>
                    { tick_label(v) }
                </span>
            }) }
            { for ticks.iter().map(|&v| html! {
                <span class="bd-tick bd-tick-y" style={format!("top:{:.2}%", 100.0 - percent(v))}>
                    { tick_label(v) }
                </span>
            }) }
            <span class="bd-axis bd-axis-x">{ "x1 →" }</span>
            <span class="bd-axis bd-axis-y">{ "x2 ↑" }</span>
        </div>
    }
}

/// Multiples of `step` strictly inside (lo, hi): the ends are the plane's edges.
fn axis_ticks(lo: f64, hi: f64, step: f64) -> Vec<f64> {
    let first = (lo / step).floor() as i64 + 1;
    let last = (hi / step).ceil() as i64 - 1;
    (first..=last).map(|k| k as f64 * step).collect()
}

/// A tick's text with a true minus sign.
fn tick_label(v: f64) -> String {
    let text = format!("{v}");
    text.replacen('-', "\u{2212}", 1)
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn ticks_are_the_even_values_strictly_inside_the_range() {
        assert_eq!(axis_ticks(-6.0, 6.0, 2.0), vec![-4.0, -2.0, 0.0, 2.0, 4.0]);
        assert_eq!(axis_ticks(-5.0, 5.0, 2.0), vec![-4.0, -2.0, 0.0, 2.0, 4.0]);
        assert_eq!(tick_label(-4.0), "\u{2212}4");
        assert_eq!(tick_label(0.0), "0");
    }
}

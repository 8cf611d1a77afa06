//! What the draw box answers to: a pointer (mouse, pen or finger) going down inks a dab,
//! moving while down inks the line since the last event, going up ends the stroke.

use nnp_core::cnn::DRAWING_SIDE;
use web_sys::Element;
use yew::prelude::*;

use super::msg::Msg;

/// The draw box's pointer handlers.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawEvents {
    /// A pointer goes down: a stroke begins.
    pub down: Callback<PointerEvent>,
    /// It moves: the stroke goes on while it is down.
    pub moved: Callback<PointerEvent>,
    /// It goes up, is cancelled or leaves: the stroke ends.
    pub up: Callback<PointerEvent>,
}

/// Where a pointer event falls on the box, in drawing cells (`0..32` on both axes).
fn cell_point(canvas: &NodeRef, event: &PointerEvent) -> Option<(f64, f64)> {
    let canvas = canvas.cast::<Element>()?;
    let rect = canvas.get_bounding_client_rect();
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return None;
    }
    let side = DRAWING_SIDE as f64;
    let x = (f64::from(event.client_x()) - rect.left()) / rect.width() * side;
    let y = (f64::from(event.client_y()) - rect.top()) / rect.height() * side;
    Some((x, y))
}

/// The handlers of the draw box `canvas`, sending [`Msg::Draw`].
#[hook]
pub fn use_draw_events(send: &Callback<Msg>, canvas: &NodeRef) -> DrawEvents {
    let last = use_mut_ref(|| None::<(f64, f64)>);
    let down = {
        let (send, canvas, last) = (send.clone(), canvas.clone(), last.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(p) = cell_point(&canvas, &e) else {
                return;
            };
            e.prevent_default();
            if let Some(target) = canvas.cast::<Element>() {
                let _ = target.set_pointer_capture(e.pointer_id());
            }
            *last.borrow_mut() = Some(p);
            send.emit(Msg::Draw(None, p));
        })
    };
    let moved = {
        let (send, canvas, last) = (send.clone(), canvas.clone(), last.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(from) = *last.borrow() else {
                return;
            };
            let Some(p) = cell_point(&canvas, &e) else {
                return;
            };
            e.prevent_default();
            *last.borrow_mut() = Some(p);
            send.emit(Msg::Draw(Some(from), p));
        })
    };
    let up = Callback::from(move |_: PointerEvent| {
        last.borrow_mut().take();
    });
    DrawEvents { down, moved, up }
}

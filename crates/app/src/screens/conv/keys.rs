//! Painting with the keyboard: the focused canvas shows the brush as a cursor; the arrow
//! keys move it (by half a brush, Shift four times as far), Enter or Space puts the brush
//! down and lifts it again, so moving with the brush down paints a line; Escape lifts it.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::draw::Drawer;
use super::model::Model;
use super::msg::Msg;
use super::{Live, flush};

/// Where the keyboard's brush is, in image pixels, and whether to draw it.
pub type Cursor = UseStateHandle<Option<(f32, f32)>>;

/// The canvas's keydown handler.
pub fn paint_keys(
    model: Rc<RefCell<Model>>,
    drawer: Rc<RefCell<Drawer>>,
    live: Rc<RefCell<Live>>,
    dispatch: Callback<Msg>,
    cursor: Cursor,
) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        let (n, step, stroking) = {
            let m = model.borrow();
            let step = (m.brush_size / 2.0).max(1.0) * if e.shift_key() { 4.0 } else { 1.0 };
            (m.resolution() as f32, step, m.stroking())
        };
        let (x, y) = cursor.unwrap_or((n / 2.0, n / 2.0));
        let clamp = |v: f32| v.clamp(0.0, n - 1.0);
        let (to, lift) = match e.key().as_str() {
            "ArrowLeft" => ((clamp(x - step), y), false),
            "ArrowRight" => ((clamp(x + step), y), false),
            "ArrowUp" => ((x, clamp(y - step)), false),
            "ArrowDown" => ((x, clamp(y + step)), false),
            "Enter" | " " => ((x, y), stroking),
            "Escape" if stroking => ((x, y), true),
            _ => return,
        };
        e.prevent_default();
        e.stop_propagation();
        if lift {
            flush(&model, &drawer, &live);
            dispatch.emit(Msg::StrokeEnd);
        } else {
            let dirty = {
                let mut m = model.borrow_mut();
                match e.key().as_str() {
                    "Enter" | " " => Some(m.stroke_begin(to.0, to.1)),
                    _ if stroking => Some(m.stroke_to(to.0, to.1)),
                    _ => None,
                }
            };
            if let Some(dirty) = dirty {
                let pending = live.borrow().pending.union(dirty);
                live.borrow_mut().pending = pending;
                flush(&model, &drawer, &live);
            }
        }
        cursor.set(Some(to));
    })
}

/// Ends a keyboard stroke when the canvas loses the focus and hides the cursor.
pub fn on_blur(
    model: Rc<RefCell<Model>>,
    drawer: Rc<RefCell<Drawer>>,
    live: Rc<RefCell<Live>>,
    dispatch: Callback<Msg>,
    cursor: Cursor,
) -> Callback<FocusEvent> {
    Callback::from(move |_: FocusEvent| {
        if model.borrow().stroking() {
            flush(&model, &drawer, &live);
            dispatch.emit(Msg::StrokeEnd);
        }
        cursor.set(None);
    })
}

/// The brush's outline at the keyboard cursor (nothing while the mouse paints).
pub fn view_cursor(at: Option<(f32, f32)>, brush: f32, side: usize, down: bool) -> Html {
    let Some((x, y)) = at else {
        return html! {};
    };
    let pct = |v: f32| v / side as f32 * 100.0;
    let style = format!(
        "left:{:.3}%;top:{:.3}%;width:{:.3}%;height:{:.3}%",
        pct(x),
        pct(y),
        pct(brush),
        pct(brush)
    );
    let class = classes!("conv-key-cursor", down.then_some("down"));
    html! { <span {class} {style} aria-hidden="true"></span> }
}

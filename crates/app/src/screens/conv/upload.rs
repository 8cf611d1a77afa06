//! Reading a user's picture in the browser: the file becomes an object URL, an `<img>`
//! decodes it, a canvas scales it into the painting square and gives back its pixels.
//! Nothing leaves the machine.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{File, HtmlCanvasElement, HtmlImageElement, Url};
use yew::Callback;

/// Larger files are refused before the browser tries to decode them (a photo from a phone
/// is a few megabytes; a 50 MB image would take the tab's memory to decode).
pub const MAX_BYTES: f64 = 30.0 * 1024.0 * 1024.0;

/// Whether a file of `bytes` is refused before any decoding.
pub fn too_large(bytes: f64) -> bool {
    bytes > MAX_BYTES
}

/// Decodes `file` into `size × size` grey values in 0–1 (fitted, centred on black) and
/// hands them to `done`, or `None` when the file is not an image the browser can read.
pub fn decode(file: &File, size: usize, done: Callback<Option<Vec<f32>>>) {
    if !file.type_().starts_with("image/") {
        done.emit(None);
        return;
    }
    let Ok(url) = Url::create_object_url_with_blob(file) else {
        done.emit(None);
        return;
    };
    let Ok(img) = HtmlImageElement::new() else {
        done.emit(None);
        return;
    };
    let on_load = {
        let (img, url, done) = (img.clone(), url.clone(), done.clone());
        Closure::once_into_js(move || {
            let _ = Url::revoke_object_url(&url);
            done.emit(pixels(&img, size));
        })
    };
    let on_error = {
        let url = url.clone();
        Closure::once_into_js(move || {
            let _ = Url::revoke_object_url(&url);
            done.emit(None);
        })
    };
    img.set_onload(Some(on_load.unchecked_ref()));
    img.set_onerror(Some(on_error.unchecked_ref()));
    img.set_src(&url);
}

fn pixels(img: &HtmlImageElement, size: usize) -> Option<Vec<f32>> {
    let (w, h) = (
        f64::from(img.natural_width()),
        f64::from(img.natural_height()),
    );
    if w < 1.0 || h < 1.0 {
        return None;
    }
    let document = web_sys::window()?.document()?;
    let canvas: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(size as u32);
    canvas.set_height(size as u32);
    let ctx = crate::widgets::canvas::context_2d(&canvas)?;
    let side = size as f64;
    let scale = (side / w).min(side / h);
    let (dw, dh) = (w * scale, h * scale);
    ctx.set_fill_style_str("#000");
    ctx.fill_rect(0.0, 0.0, side, side);
    ctx.draw_image_with_html_image_element_and_dw_and_dh(
        img,
        (side - dw) / 2.0,
        (side - dh) / 2.0,
        dw,
        dh,
    )
    .ok()?;
    let data = ctx.get_image_data(0.0, 0.0, side, side).ok()?.data();
    Some(
        data.chunks_exact(4)
            .map(|p| {
                let alpha = f32::from(p[3]) / 255.0;
                let luma =
                    0.2126 * f32::from(p[0]) + 0.7152 * f32::from(p[1]) + 0.0722 * f32::from(p[2]);
                luma / 255.0 * alpha
            })
            .collect(),
    )
}

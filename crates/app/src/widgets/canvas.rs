//! The one way a picture reaches a canvas: every heat map, feature map and plane is an
//! RGBA buffer (one canvas pixel per value, enlarged by CSS) that [`blit`] copies in.

use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

/// The canvas's 2D drawing context (none when the browser refuses one).
pub fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// Gives `canvas` `width × height` pixels, unless it has them already (resizing clears it).
pub fn fit(canvas: &HtmlCanvasElement, width: usize, height: usize) {
    if canvas.width() as usize != width || canvas.height() as usize != height {
        canvas.set_width(width as u32);
        canvas.set_height(height as u32);
    }
}

/// Copies `rgba`, a `width × height` picture of 4 bytes per pixel, onto `canvas` with its
/// top-left corner at pixel `at`. A buffer of the wrong length is a programmer
/// error (checked in debug builds; a release build draws nothing).
pub fn blit(
    canvas: &HtmlCanvasElement,
    rgba: &[u8],
    width: usize,
    height: usize,
    at: (usize, usize),
) {
    debug_assert_eq!(
        rgba.len(),
        width * height * 4,
        "an RGBA buffer of {width}×{height} pixels"
    );
    if width == 0 || height == 0 {
        return;
    }
    let Some(ctx) = context_2d(canvas) else {
        return;
    };
    if let Ok(image) =
        ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), width as u32, height as u32)
    {
        let _ = ctx.put_image_data(&image, at.0 as f64, at.1 as f64);
    }
}

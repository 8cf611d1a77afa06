//! "Save picture": the canvases of one picture (a plane drawn as a heat map with points on
//! top, a row of feature maps, …) put together as they are laid out on the page, at twice
//! their on-screen size, and offered as a PNG file. Made in the page, sent nowhere.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Element, HtmlAnchorElement, HtmlCanvasElement};
use yew::prelude::*;

use crate::i18n::use_texts;

/// Props of [`SavePicture`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct SavePictureProps {
    /// A CSS selector of the element whose canvases make the picture.
    pub target: AttrValue,
    /// The file's name, without `.png`.
    pub name: AttrValue,
}

/// How many file pixels per CSS pixel.
const SCALE: f64 = 2.0;

/// A small button that saves the picture under `target` as a PNG.
#[component]
pub fn SavePicture(props: &SavePictureProps) -> Html {
    let texts = use_texts();
    let onclick = {
        let (target, name) = (props.target.clone(), props.name.clone());
        Callback::from(move |_: MouseEvent| {
            let _ = save(&target, &name);
        })
    };
    html! {
        <button type="button" class="save-picture" {onclick} title={texts.save_picture_title}>
            { "⤓ " }{ texts.save_picture }
        </button>
    }
}

/// Composes the canvases under the first element matching `selector` and downloads them.
fn save(selector: &str, name: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let root: Element = document.query_selector(selector).ok()??;
    let frame = root.get_bounding_client_rect();
    let canvases = root.query_selector_all("canvas").ok()?;
    let out: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    out.set_width((frame.width() * SCALE).round().max(1.0) as u32);
    out.set_height((frame.height() * SCALE).round().max(1.0) as u32);
    let context: CanvasRenderingContext2d = out.get_context("2d").ok()??.dyn_into().ok()?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, f64::from(out.width()), f64::from(out.height()));
    // Small canvases shown enlarged (a heat map, 8×8 maps) stay sharp, as on the page.
    context.set_image_smoothing_enabled(false);
    for i in 0..canvases.length() {
        let Some(canvas) = canvases
            .item(i)
            .and_then(|n| n.dyn_into::<HtmlCanvasElement>().ok())
        else {
            continue;
        };
        let rect = canvas.get_bounding_client_rect();
        if rect.width() == 0.0 || rect.height() == 0.0 {
            continue;
        }
        let _ = context.draw_image_with_html_canvas_element_and_dw_and_dh(
            &canvas,
            (rect.left() - frame.left()) * SCALE,
            (rect.top() - frame.top()) * SCALE,
            rect.width() * SCALE,
            rect.height() * SCALE,
        );
    }
    let url = out.to_data_url_with_type("image/png").ok()?;
    let link: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(&format!("{name}.png"));
    link.click();
    Some(())
}

//! "Save picture": the canvases and SVG drawings of one picture (a plane drawn as a heat map
//! with points on top, a row of feature maps, a computation graph, …) put together as they
//! are laid out on the page, at twice their on-screen size, and offered as a PNG file. Made
//! in the page, sent nowhere.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CanvasRenderingContext2d, DomRect, Element, HtmlAnchorElement, HtmlCanvasElement,
    HtmlImageElement,
};
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
    // SVG drawings (on top of the canvases, as on the page) load as images first.
    let mut drawings = Vec::new();
    let svgs = root.query_selector_all("svg").ok()?;
    let own = root.matches("svg").unwrap_or(false).then(|| root.clone());
    for svg in own.into_iter().chain(
        (0..svgs.length()).filter_map(|i| svgs.item(i).and_then(|n| n.dyn_into::<Element>().ok())),
    ) {
        let rect = svg.get_bounding_client_rect();
        if rect.width() > 0.0 && rect.height() > 0.0 {
            drawings.push((svg_as_image_url(&svg, &rect)?, rect));
        }
    }
    let name = name.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        for (url, rect) in drawings {
            let Ok(image) = HtmlImageElement::new() else {
                continue;
            };
            image.set_src(&url);
            if JsFuture::from(image.decode()).await.is_err() {
                continue;
            }
            let _ = context.draw_image_with_html_image_element_and_dw_and_dh(
                &image,
                (rect.left() - frame.left()) * SCALE,
                (rect.top() - frame.top()) * SCALE,
                rect.width() * SCALE,
                rect.height() * SCALE,
            );
        }
        let _ = download(&out, &name);
    });
    Some(())
}

/// Offers the canvas as `name.png`.
fn download(canvas: &HtmlCanvasElement, name: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let url = canvas.to_data_url_with_type("image/png").ok()?;
    let link: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(&format!("{name}.png"));
    link.click();
    Some(())
}

/// The properties an SVG drawing takes from the page's stylesheets, written into each of its
/// elements so that the drawing looks the same as an image on its own.
const DRAWN_STYLE: [&str; 17] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-dasharray",
    "stroke-linecap",
    "opacity",
    "font-family",
    "font-size",
    "font-style",
    "font-weight",
    "text-anchor",
    "dominant-baseline",
    "paint-order",
    "display",
    "visibility",
];

/// `svg` as a `data:` URL of a standalone SVG of `rect`'s size (times [`SCALE`]), every
/// element carrying the style it has on the page.
fn svg_as_image_url(svg: &Element, rect: &DomRect) -> Option<String> {
    let window = web_sys::window()?;
    let copy: Element = svg.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    let originals = svg.query_selector_all("*").ok()?;
    let copies = copy.query_selector_all("*").ok()?;
    let pairs = std::iter::once((svg.clone(), copy.clone())).chain(
        (0..originals.length()).filter_map(|i| {
            let original = originals.item(i)?.dyn_into::<Element>().ok()?;
            let copied = copies.item(i)?.dyn_into::<Element>().ok()?;
            Some((original, copied))
        }),
    );
    for (original, copied) in pairs {
        let Ok(Some(style)) = window.get_computed_style(&original) else {
            continue;
        };
        let inline: String = DRAWN_STYLE
            .iter()
            .filter_map(|&property| {
                let value = style.get_property_value(property).ok()?;
                (!value.is_empty()).then(|| format!("{property}:{value};"))
            })
            .collect();
        let _ = copied.set_attribute("style", &inline);
    }
    let _ = copy.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    let _ = copy.set_attribute("width", &(rect.width() * SCALE).to_string());
    let _ = copy.set_attribute("height", &(rect.height() * SCALE).to_string());
    // The HTML serialisation, made well-formed XML where the two differ.
    let text = copy.outer_html().replace("&nbsp;", "&#160;");
    let encoded: String = js_sys::encode_uri_component(&text).into();
    Some(format!("data:image/svg+xml;charset=utf-8,{encoded}"))
}

//! Printing the current screen on one page. Just before the browser prints, the screen is
//! laid out as it will print (the `printing` class hides the controls, presenter mode is off
//! until printing ends) at the width it has now and measured, and a page is set until
//! printing ends: as wide as the screen (at least [`MIN_PAGE_WIDTH_PX`]) and as tall as the
//! screen needs, never shorter than a Letter sheet of that width. In print the style
//! sheets' width queries always answer "wide" (`screen and (max-width: …)`, `print,
//! (min-width: …)`), so a wide screen prints its own layout. A printer fits the one page to
//! its paper; "Save as PDF" keeps it as one page.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::CssStyleSheet;
use yew::prelude::*;

/// Height ÷ width of a Letter sheet (the shorter page of Letter and A4).
pub const PAGE_RATIO: f64 = 279.4 / 215.9;
/// Room left around the screen on the page, in CSS pixels.
pub const PAGE_PADDING_PX: f64 = 24.0;

/// The narrowest page: a phone or a tablet prints the desktop layout at this width (the
/// style sheets' width queries answer "wide" in print, whatever the paper).
pub const MIN_PAGE_WIDTH_PX: f64 = 1024.0;
/// Extra height on the page for what printing lays out differently (page-break rounding,
/// pictures redrawn at the print resolution).
pub const SLACK: f64 = 1.12;

/// The page for a screen `width × height`: as wide as the screen, at least as tall as a
/// Letter sheet of that width, and tall enough to hold the whole screen.
pub fn page_size(width: f64, height: f64) -> (f64, f64) {
    let width = width.max(MIN_PAGE_WIDTH_PX);
    let sheet = width * PAGE_RATIO;
    (width, sheet.max(height * SLACK + 2.0 * PAGE_PADDING_PX))
}

fn root() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .document_element()?
        .dyn_into()
        .ok()
}

/// The app's first style sheet, where the page rule goes for the time of printing.
fn first_sheet() -> Option<CssStyleSheet> {
    let sheets = web_sys::window()?.document()?.style_sheets();
    sheets.get(0)?.dyn_into().ok()
}

fn before_print() {
    let Some(root) = root() else { return };
    let width = f64::from(root.client_width());
    let classes = root.class_list();
    // Print the plain layout: presenter mode sizes pictures by the screen's height.
    if classes.contains("presenter") {
        let _ = classes.remove_1("presenter");
        let _ = classes.add_1("presenter-before-print");
    }
    let _ = classes.add_1("printing");
    let main = root
        .owner_document()
        .and_then(|d| d.query_selector(".site-main").ok().flatten());
    let height = main.map_or(0.0, |main| f64::from(main.scroll_height()));
    let (page_width, page_height) = page_size(width, height);
    if let Some(sheet) = first_sheet() {
        remove_page_rule(&sheet);
        let rule = format!("@page {{ size: {page_width:.0}px {page_height:.0}px; margin: 0; }}");
        let at = sheet.css_rules().map_or(0, |r| r.length());
        let _ = sheet.insert_rule_with_index(&rule, at);
    }
}

fn remove_page_rule(sheet: &CssStyleSheet) {
    let Ok(rules) = sheet.css_rules() else { return };
    for k in (0..rules.length()).rev() {
        let is_page = rules.item(k).is_some_and(|r| {
            r.css_text().starts_with("@page") && r.css_text().contains("margin: 0")
        });
        if is_page {
            let _ = sheet.delete_rule(k);
        }
    }
}

fn after_print() {
    let Some(root) = root() else { return };
    let classes = root.class_list();
    let _ = classes.remove_1("printing");
    if classes.contains("presenter-before-print") {
        let _ = classes.remove_1("presenter-before-print");
        let _ = classes.add_1("presenter");
    }
    if let Some(sheet) = first_sheet() {
        remove_page_rule(&sheet);
    }
}

/// Listens for the browser's `beforeprint` and `afterprint` while the app is mounted.
#[hook]
pub fn use_print_fit() {
    use_effect_with((), |_| {
        let listeners = web_sys::window().map(|window| {
            (
                EventListener::new(&window, "beforeprint", |_| before_print()),
                EventListener::new(&window, "afterprint", |_| after_print()),
            )
        });
        move || drop(listeners)
    });
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn the_page_holds_the_whole_screen_and_is_never_shorter_than_a_sheet() {
        let (w, h) = page_size(1280.0, 500.0);
        assert_eq!((w, h), (1280.0, 1280.0 * PAGE_RATIO));
        let (w, h) = page_size(390.0, 5000.0);
        assert_eq!(w, MIN_PAGE_WIDTH_PX, "a phone prints the desktop layout");
        assert!(h >= 5000.0 * SLACK, "{h}");
    }
}

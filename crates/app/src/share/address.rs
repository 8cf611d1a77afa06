//! The address bar: reading the current hash's query, replacing it in place (no history
//! entry, no `hashchange`) and copying the page's link.

use super::{encode, is_global, joined, query_of, screen_part};
use crate::screen::{Screen, slug_of_hash};

pub(super) fn current_hash() -> Option<String> {
    web_sys::window()?.location().hash().ok()
}

/// The screen's part of the page's current location hash (global keys left out).
pub fn current_query() -> Option<String> {
    let hash = current_hash()?;
    Some(screen_part(query_of(&hash)?)).filter(|q| !q.is_empty())
}

/// Puts `query` into the address bar for `screen` without a new history entry and without
/// a `hashchange` (the screen keeps running). The address's global keys (e.g. the hidden
/// panels) stay as they are.
pub fn replace_query(screen: &Screen, query: &str) {
    let hash = current_hash().unwrap_or_default();
    let globals: Vec<String> = if slug_of_hash(&hash) == screen.slug {
        query_of(&hash)
            .unwrap_or_default()
            .split('&')
            .filter(|p| is_global(p))
            .map(str::to_string)
            .collect()
    } else {
        Vec::new()
    };
    write_hash(screen.slug, &joined(&screen_part(query), &globals), &hash);
}

/// Sets (or with `None` removes) the global `key` in the current address, keeping the rest.
pub fn replace_global(key: &str, value: Option<&str>) {
    let hash = current_hash().unwrap_or_default();
    let slug = slug_of_hash(&hash).to_owned();
    let query = query_of(&hash).unwrap_or_default();
    let mut globals: Vec<String> = query
        .split('&')
        .filter(|p| is_global(p) && p.split_once('=').map_or(*p, |(k, _)| k) != key)
        .map(str::to_string)
        .collect();
    if let Some(value) = value.filter(|v| !v.is_empty()) {
        globals.push(format!("{key}={}", encode(value)));
    }
    write_hash(&slug, &joined(&screen_part(query), &globals), &hash);
}

fn write_hash(slug: &str, query: &str, current: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = if query.is_empty() {
        format!("#/{slug}")
    } else {
        format!("#/{slug}?{query}")
    };
    if current == hash {
        return;
    }
    if let Ok(history) = window.history() {
        // Failing to update the address bar only means the link is not current.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
    }
}

/// Copies the page's address (which holds the share link) to the clipboard, if the
/// browser allows it here; returns whether it tried.
pub fn copy_link() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    let Ok(href) = window.location().href() else {
        return false;
    };
    if !has_clipboard {
        return false;
    }
    // A refusal (no permission) is not an error worth a console message.
    let ignore = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
    let _ = navigator.clipboard().write_text(&href).catch(&ignore);
    ignore.forget();
    true
}

//! Offline use: registers the site's service worker (`web/sw.js`, copied next to
//! `index.html`), which keeps a copy of every file after the first visit. Browsers without
//! service workers, or pages opened from `file://`, simply run online-only.

use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;

/// Asks the browser to install the service worker; failures are silent (the site works
/// online either way). Debug builds (`trunk serve`) install none: a worker would answer
/// with stale files while the code changes.
pub fn register() {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let supported = js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .is_ok_and(|sw| !sw.is_undefined() && !sw.is_null());
    let secure = window.is_secure_context();
    if !supported || !secure {
        return;
    }
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
    // Relative to the document's base, so a sub-path deployment keeps its own scope.
    let _ = navigator.service_worker().register("sw.js").catch(&ignore);
    ignore.forget();
}

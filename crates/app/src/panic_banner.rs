//! A Rust panic must never leave a frozen blank page: the hook writes the message to the
//! console and into a banner that `index.html` carries outside the Yew tree (so it shows
//! even when the app itself is what broke).

use std::panic::PanicHookInfo;

/// The id of the banner element in `index.html`.
pub const BANNER_ID: &str = "panic-banner";

/// Installs the hook; call once, first thing.
pub fn install() {
    std::panic::set_hook(Box::new(|info: &PanicHookInfo<'_>| {
        let message = info.to_string();
        web_sys::console::error_1(&message.as_str().into());
        show(&message);
    }));
}

/// Shows `message` in the banner, in both languages because the app may be unable to
/// tell which one is active.
pub fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(banner) = document.get_element_by_id(BANNER_ID) else {
        return;
    };
    let text = format!(
        "Something went wrong and the app stopped. Reload the page to continue; \
         please report this message. / 出错了，程序已停止。请刷新页面继续，并报告下面的信息。\n{message}"
    );
    banner.set_text_content(Some(&text));
    let _ = banner.remove_attribute("hidden");
}

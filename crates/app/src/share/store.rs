//! Keeping what a user made: the same query a share link holds, written in full (no length
//! limit) to the browser's storage as the user works, and to a file the user saves and
//! opens again. A screen opened without a link starts from its remembered state; a
//! remembered state that cannot be read is reported and set aside, never silently dropped.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Blob, BlobPropertyBag, File, FileReader, HtmlAnchorElement, Url};
use yew::Callback;

use crate::screen::Screen;

const KEY_PREFIX: &str = "nnp.state.v1.";
/// The first line of every saved file.
pub const FILE_MAGIC: &str = "nnp-playground 1";
/// Larger files are refused before they are read.
pub const MAX_FILE_BYTES: f64 = 4.0 * 1024.0 * 1024.0;

/// Where a screen's starting state came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The page's link.
    Link(String),
    /// What the browser remembered from the last visit.
    Saved(String),
}

impl Origin {
    /// The query, wherever it came from.
    pub fn query(&self) -> &str {
        match self {
            Origin::Link(q) | Origin::Saved(q) => q,
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn key(screen: &Screen) -> String {
    format!("{KEY_PREFIX}{}", screen.slug)
}

/// Remembers a screen's full state (storage may be full or off: then only this is lost).
pub fn remember(screen: &Screen, query: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(&key(screen), query);
    }
}

/// What this browser remembered for `screen`, whatever the link says.
pub fn remembered(screen: &Screen) -> Option<String> {
    storage()?
        .get_item(&key(screen))
        .ok()?
        .filter(|s| !s.is_empty())
}

/// The state the screen should start from: the link's, else the remembered one.
pub fn starting_state(screen: &Screen) -> Option<Origin> {
    if let Some(query) = super::current_query() {
        return Some(Origin::Link(query));
    }
    // A stop of a tour is its link, even when the link leaves every setting at its default.
    if super::address_global(super::TOUR_KEY).is_some() {
        return Some(Origin::Link(String::new()));
    }
    remembered(screen).map(Origin::Saved)
}

/// Moves a remembered state that could not be read out of the way (kept under another
/// key for whoever wants to look at it), so the next visit starts clean.
pub fn set_aside(screen: &Screen) {
    let Some(s) = storage() else {
        return;
    };
    if let Ok(Some(bad)) = s.get_item(&key(screen)) {
        let _ = s.set_item(&format!("{}.unreadable", key(screen)), &bad);
        let _ = s.remove_item(&key(screen));
    }
}

/// Why an opened file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// Not a file this app saved.
    NotOurs,
    /// A file of another screen (its slug).
    OtherScreen(String),
    /// Larger than [`MAX_FILE_BYTES`].
    TooBig,
    /// The browser could not read it.
    Unreadable,
}

/// The text of a saved file: the magic line, then the screen's hash.
pub fn file_text(screen: &Screen, query: &str) -> String {
    format!("{FILE_MAGIC}\n{}?{query}\n", screen.href())
}

/// The query inside a saved file of `screen`.
pub fn parse_file(text: &str, screen: &Screen) -> Result<String, FileError> {
    let mut lines = text.lines();
    if lines.next().map(str::trim) != Some(FILE_MAGIC) {
        return Err(FileError::NotOurs);
    }
    let hash = lines
        .next()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .ok_or(FileError::NotOurs)?;
    let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
    let slug = path.trim_start_matches('#').trim_start_matches('/');
    if slug != screen.slug {
        return Err(FileError::OtherScreen(slug.chars().take(30).collect()));
    }
    Ok(query.to_string())
}

/// Offers `text` as a file download named `name` (made in the page, sent nowhere).
pub fn download(name: &str, text: &str) -> Option<()> {
    download_as(name, text, "text/plain;charset=utf-8")
}

/// Offers `text` as a file download named `name` of media type `mime`.
pub fn download_as(name: &str, text: &str, mime: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&text.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = Url::create_object_url_with_blob(&blob).ok()?;
    let link: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    Url::revoke_object_url(&url).ok()
}

/// Reads a file the user picked as text and hands it to `done`.
pub fn read_text(file: &File, done: Callback<Result<String, FileError>>) {
    if file.size() > MAX_FILE_BYTES {
        done.emit(Err(FileError::TooBig));
        return;
    }
    let Ok(reader) = FileReader::new() else {
        done.emit(Err(FileError::Unreadable));
        return;
    };
    let on_end = {
        let (reader, done) = (reader.clone(), done.clone());
        Closure::once_into_js(move || {
            let text = reader.result().ok().and_then(|r| r.as_string());
            done.emit(text.ok_or(FileError::Unreadable));
        })
    };
    reader.set_onloadend(Some(on_end.unchecked_ref()));
    if reader.read_as_text(file).is_err() {
        done.emit(Err(FileError::Unreadable));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::ALL;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn screen(slug: &str) -> &'static Screen {
        ALL.iter().copied().find(|s| s.slug == slug).expect(slug)
    }

    #[test]
    fn a_saved_file_opens_on_its_own_screen_only() {
        let text = file_text(screen("boundaries"), "d=xor&e=12");
        assert_eq!(
            parse_file(&text, screen("boundaries")),
            Ok("d=xor&e=12".into())
        );
        assert_eq!(
            parse_file(&text, screen("conv")),
            Err(FileError::OtherScreen("boundaries".into()))
        );
        assert_eq!(parse_file("hello", screen("conv")), Err(FileError::NotOurs));
        assert_eq!(parse_file("", screen("conv")), Err(FileError::NotOurs));
        assert_eq!(
            parse_file(FILE_MAGIC, screen("conv")),
            Err(FileError::NotOurs)
        );
        assert_eq!(
            parse_file(&format!("{FILE_MAGIC}\n\n#/conv?k=1"), screen("conv")),
            Err(FileError::NotOurs),
            "an empty screen line is not another screen"
        );
        let windows = file_text(screen("conv"), "k=1").replace('\n', "\r\n");
        assert_eq!(parse_file(&windows, screen("conv")), Ok("k=1".into()));
    }

    #[test]
    fn files_that_are_not_this_screens_say_why() {
        let query = "a=1&b=x";
        for &screen in ALL {
            for &other in ALL {
                let text = file_text(other, query);
                let expected = if other == screen {
                    Ok(query.to_string())
                } else {
                    Err(FileError::OtherScreen(other.slug.into()))
                };
                assert_eq!(parse_file(&text, screen), expected, "{text:?}");
            }
        }
        let not_ours = [
            "",
            "\n\n",
            "   ",
            "x1,x2,label\n0.5,1.0,1\n",
            "{\"d\": \"xor\"}",
            "<!doctype html><title>nnp-playground 1</title>",
            "nnp-playground 2\n#/conv?k=1\n",
            "NNP-PLAYGROUND 1\n#/conv?k=1\n",
            "#/conv?k=1\nnnp-playground 1\n",
            "\0\0\0\0PNG",
        ];
        for text in not_ours {
            assert_eq!(
                parse_file(text, screen("conv")),
                Err(FileError::NotOurs),
                "{text:?}"
            );
        }
        // A name in the message is cut short, whatever the file says.
        let long = format!("{FILE_MAGIC}\n#/{}?k=1", "z".repeat(500));
        assert_eq!(
            parse_file(&long, screen("conv")),
            Err(FileError::OtherScreen("z".repeat(30)))
        );
        // Edited by hand: spaces around the lines, Windows line endings, lines added below.
        let edited = format!("  {FILE_MAGIC} \r\n #/conv?k=1 \r\n\r\nnotes\n");
        assert_eq!(parse_file(&edited, screen("conv")), Ok("k=1".into()));
    }
}

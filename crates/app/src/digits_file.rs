//! The handwritten digits file (`web/data/digits.csv`), fetched from the site itself (same
//! origin, relative to the document base, so the site works from any sub-path), and where a
//! screen that learns from it stands with it. Shared by the deep-networks and CNN screens.

use nnp_core::deep::DigitsError;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// Where the digits are, relative to the page's `<base>`.
pub const DATA_URL: &str = "data/digits.csv";

/// Why the digits are not there.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The request did not reach the server (offline, blocked).
    Network,
    /// The server answered with this HTTP status.
    Status(u16),
    /// The file arrived but is not a digits file.
    Parse(DigitsError),
}

/// Where the data is.
#[derive(Debug, Clone, PartialEq)]
pub enum Load {
    /// Being fetched.
    Loading,
    /// Could not be had.
    Failed(LoadError),
    /// Parsed; the screen's run exists.
    Ready,
}

/// The text at `url`, or why it could not be had.
pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Network)?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| LoadError::Network)?;
    let response: Response = response.dyn_into().map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    let text = response.text().map_err(|_| LoadError::Network)?;
    let text = JsFuture::from(text).await.map_err(|_| LoadError::Network)?;
    text.as_string().ok_or(LoadError::Network)
}

//! Fetching the digits file from the site itself (same origin, relative to the document
//! base, so the site works from any sub-path).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use super::model::LoadError;

/// Where the digits are, relative to the page's `<base>`.
pub const DATA_URL: &str = "data/digits.csv";

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

//! Reading and writing JSON: in the browser with the browser's own `JSON` (serde_json would
//! add tens of kilobytes to the download), natively with serde_json (for the tests).

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The top-level `"format"` of a JSON text (`None` when it has none); an error when the text
/// is not JSON at all.
#[cfg(target_family = "wasm")]
pub fn format_of(text: &str) -> Result<Option<String>, String> {
    let value = js_sys::JSON::parse(text).map_err(error_text)?;
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Ok(None);
    }
    Ok(js_sys::Reflect::get(&value, &"format".into())
        .ok()
        .and_then(|f| f.as_string()))
}

/// Reads a JSON text into `T`.
#[cfg(target_family = "wasm")]
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(error_text)?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// `value` as JSON, indented by two spaces when `pretty`.
#[cfg(target_family = "wasm")]
pub fn write<T: Serialize>(value: &T, pretty: bool) -> String {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let Ok(js) = value.serialize(&serializer) else {
        return String::new();
    };
    let space = if pretty {
        wasm_bindgen::JsValue::from(2)
    } else {
        wasm_bindgen::JsValue::UNDEFINED
    };
    js_sys::JSON::stringify_with_replacer_and_space(&js, &wasm_bindgen::JsValue::NULL, &space)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

#[cfg(target_family = "wasm")]
fn error_text(error: wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    error
        .dyn_ref::<js_sys::Error>()
        .map_or_else(|| "not JSON".to_string(), |e| String::from(e.message()))
}

/// The top-level `"format"` of a JSON text (`None` when it has none); an error when the text
/// is not JSON at all.
#[cfg(not(target_family = "wasm"))]
pub fn format_of(text: &str) -> Result<Option<String>, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    Ok(value
        .get("format")
        .and_then(|f| f.as_str())
        .map(str::to_string))
}

/// Reads a JSON text into `T` (a mistake is reported with its line and column).
#[cfg(not(target_family = "wasm"))]
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// `value` as JSON, indented by two spaces when `pretty`.
#[cfg(not(target_family = "wasm"))]
pub fn write<T: Serialize>(value: &T, pretty: bool) -> String {
    let written = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    // Plain strings and numbers always serialize.
    written.unwrap_or_default()
}

//! A painted image as link text: the core's run-length packing
//! ([`nnp_core::conv::pack_pixels`]), then base64url. Only the text and the sides this
//! screen paints live here.

pub use nnp_core::conv::Pixels;
#[cfg(test)]
pub use nnp_core::conv::to_pack_levels as to_link_levels;
use nnp_core::conv::{pack_pixels, unpack_pixels};

use crate::share::{from_base64url, to_base64url};

/// Sides an image may have (the lecture's 7 and the painting resolutions).
const SIDES: [usize; 5] = [7, 64, 128, 256, 512];

/// `pixels` as link text; `levels`: 16 grey levels (for a link) instead of every value.
pub fn pack(pixels: &Pixels, levels: bool) -> String {
    to_base64url(&pack_pixels(pixels, levels))
}

/// Undoes [`pack`]; an error says what is wrong with the text.
pub fn unpack(text: &str) -> Result<Pixels, String> {
    let bytes = from_base64url(text)?;
    unpack_pixels(&bytes, &SIDES).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn link_text_round_trips_and_broken_text_is_refused() {
        let patch = Pixels {
            side: 7,
            values: nnp_core::conv::LECTURE_PATCH.to_vec(),
        };
        let text = pack(&patch, true);
        assert!(
            text.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b))
        );
        assert_eq!(unpack(&text), Ok(patch));
        assert!(unpack(&text[..text.len() - 3]).is_err());
        assert!(unpack(&format!("{text}AAAA")).is_err());
        assert!(unpack("").is_err());
        assert!(unpack("BwAAAA").is_err(), "mode 7");
        assert!(unpack("a b").unwrap_err().contains("' '"));
        let wrong_side = to_base64url(&[1, 9, 0, 0, 0, 0, 0, 80]);
        assert!(unpack(&wrong_side).unwrap_err().contains("side 9"));
    }
}

//! The fuzz generators make what they promise.

use super::*;
#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn conv() -> &'static Screen {
    crate::screens::ALL
        .iter()
        .copied()
        .find(|s| s.slug == "conv")
        .expect("the painter")
}

#[test]
fn the_generators_are_reproducible_and_cover_what_they_promise() {
    let good = store::file_text(conv(), "k=sobel&n=0.5");
    let files: Vec<String> = mangled_files(&good, 2000, 3).collect();
    assert_eq!(files, mangled_files(&good, 2000, 3).collect::<Vec<_>>());
    let has = |f: &dyn Fn(&String) -> bool| files.iter().any(f);
    assert!(has(&|t| t.is_empty()), "an empty file");
    assert!(has(&|t| t.starts_with('\u{feff}')), "a byte-order mark");
    assert!(has(&|t| t.contains("\r\n")), "Windows line endings");
    assert!(has(&|t| t.len() > 1 << 20), "a huge file");
    assert!(has(&|t| t.contains("#/lstm?")), "another screen's file");
    let opened = files
        .iter()
        .filter(|t| store::parse_file(t, conv()).is_ok())
        .count();
    assert!((200..1800).contains(&opened), "{opened} of 2000 open");

    let texts: Vec<String> = random_texts(2000, 4).collect();
    assert!(texts.iter().any(|t| t.chars().any(char::is_control)));
    assert!(texts.iter().any(|t| t.contains('&') && t.contains('=')));
    assert!(texts.iter().any(|t| t.chars().any(|c| c as u32 > 0xFFFF)));
    let queries: Vec<String> = random_queries(&["a", "bc"], 500, 5).collect();
    assert!(
        queries
            .iter()
            .all(|q| q.starts_with("a=") || q.starts_with("bc="))
    );
}

#[test]
fn the_number_of_cases_defaults_to_ten_thousand_natively() {
    // The suite runs with the variable unset; the long run sets it.
    match std::env::var("NNP_FUZZ_CASES") {
        Err(_) => assert_eq!(fuzz_cases(), DEFAULT_CASES),
        Ok(v) => assert_eq!(fuzz_cases().to_string(), v.trim().replace('_', "")),
    }
}

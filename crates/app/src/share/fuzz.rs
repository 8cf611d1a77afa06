//! Generated bad input for the fuzz tests of everything that reads what a user pastes or
//! opens: share links, saved files. Each entry point takes [`fuzz_cases`] inputs of each kind
//! (10,000 in the default suite, a million in `scripts/fuzz-long.sh`) and must never panic.

use nnp_core::rng::Rng;

use super::store::{self, FileError};
use super::{Field, read_query};
use crate::screen::Screen;

/// Inputs of each kind per entry point when `NNP_FUZZ_CASES` is not set: 10,000 natively;
/// in the browser the same code runs on fewer (it finds nothing the native run does not, and
/// a browser test that computes for half a minute without a break is cut off by the driver).
pub const DEFAULT_CASES: usize = if cfg!(target_family = "wasm") {
    300
} else {
    10_000
};

/// How many inputs of each kind a fuzz test tries: the whole number in the environment
/// variable `NNP_FUZZ_CASES` (`1000000` or `1_000_000`), else [`DEFAULT_CASES`] (always in
/// the browser, which has no environment).
pub fn fuzz_cases() -> usize {
    std::env::var("NNP_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().replace('_', "").parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(DEFAULT_CASES)
}

/// Screen names a mangled file may carry instead of its own: real screens' and one that
/// never existed.
const OTHER_SLUGS: [&str; 5] = ["boundaries", "conv", "lstm", "deep", "elsewhere"];

/// One line per entry point, which `scripts/fuzz-long.sh` collects.
pub fn report(entry: &str, inputs: usize, used: usize, what: &str) {
    println!("FUZZED {entry}: {inputs} inputs, {used} {what}");
}

/// Damages `bytes` one to four times: a byte removed, junk inserted, a byte changed, the
/// end cut off.
fn damage(bytes: &mut Vec<u8>, rng: &mut Rng) {
    const JUNK: &[u8] = b"%&=?;:,.*\xff09aZ-";
    for _ in 0..1 + rng.index(4) {
        let at = rng.index(bytes.len() + 1);
        match rng.index(4) {
            0 if at < bytes.len() => {
                bytes.remove(at);
            }
            1 => bytes.insert(at, JUNK[rng.index(JUNK.len())]),
            2 if at < bytes.len() => bytes[at] = bytes[at].wrapping_add(1 + rng.index(9) as u8),
            _ => bytes.truncate(at),
        }
    }
}

fn damaged(text: &str, rng: &mut Rng) -> String {
    let mut bytes = text.as_bytes().to_vec();
    damage(&mut bytes, rng);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// `count` damaged copies of a good link (characters removed, junk inserted, the end cut
/// off, a character changed — what a chat app or a careless copy does to a link), for fuzzing link readers.
pub fn mangled_links(good: &str, count: usize, seed: u64) -> impl Iterator<Item = String> {
    let mut rng = Rng::seeded(seed);
    let good = good.to_string();
    (0..count).map(move |_| damaged(&good, &mut rng))
}

/// `count` damaged copies of a good saved file (`store::file_text`): its first line, its
/// screen line or its query damaged, other line endings, a byte-order mark or junk lines
/// around it, cut off, random bytes, empty, one huge line.
pub fn mangled_files(good: &str, count: usize, seed: u64) -> impl Iterator<Item = String> {
    let mut rng = Rng::seeded(seed);
    let mut lines = good.lines();
    let magic = lines.next().unwrap_or_default().to_string();
    let hash = lines.next().unwrap_or_default();
    let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
    let (path, query) = (path.to_string(), query.to_string());
    (0..count).map(move |_| {
        let (mut magic, mut path, mut query) = (magic.clone(), path.clone(), query.clone());
        let (mut head, mut tail, mut newline) = (String::new(), String::from("\n"), "\n");
        let mut whole: Vec<fn(&mut Vec<u8>, &mut Rng)> = Vec::new();
        for _ in 0..1 + rng.index(3) {
            match rng.index(12) {
                0 => magic = damaged(&magic, &mut rng),
                1 => path = damaged(&path, &mut rng),
                2 => {
                    let other = OTHER_SLUGS[rng.index(OTHER_SLUGS.len())];
                    path = ["", "#", "#/", "/"][rng.index(4)].to_string() + other;
                }
                3 | 4 => query = damaged(&query, &mut rng),
                5 => newline = ["\r\n", "\r", "\n\n", " \n", "\t\r\n", "\u{2028}"][rng.index(6)],
                6 => head = ["\u{feff}", "\n", " ", "\0", "junk\n"][rng.index(5)].to_string(),
                7 => tail = ["", "\n\n\n", "\r\n", "more\nlines\n", "\0"][rng.index(5)].to_string(),
                8 => whole.push(|bytes, rng| bytes.truncate(rng.index(bytes.len() + 1))),
                9 => whole.push(|bytes, rng| {
                    for _ in 0..1 + rng.index(8) {
                        let at = rng.index(bytes.len() + 1);
                        bytes.insert(at, rng.index(256) as u8);
                    }
                }),
                10 => {
                    // Rarely huge (a megabyte), else merely long.
                    let target = if rng.index(40) == 0 { 1 << 20 } else { 4096 };
                    let piece = if rng.index(2) == 0 {
                        query.clone()
                    } else {
                        "&".to_string() + &query
                    };
                    let times = 1 + target / piece.len().max(1);
                    query = piece.repeat(times.min(target));
                }
                _ => return String::new(),
            }
        }
        let text = format!("{head}{magic}{newline}{path}?{query}{tail}");
        let mut bytes = text.into_bytes();
        for change in whole {
            change(&mut bytes, &mut rng);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// `count` random texts, not derived from anything good: random bytes, random characters
/// from all of Unicode, and random runs of the characters links and files are made of
/// (`&`, `=`, `%`, `?`, line breaks, control characters, numbers that are not).
pub fn random_texts(count: usize, seed: u64) -> impl Iterator<Item = String> {
    let mut rng = Rng::seeded(seed);
    (0..count).map(move |_| {
        let longest = if rng.index(100) == 0 { 5000 } else { 80 };
        let len = rng.index(longest);
        match rng.index(3) {
            0 => {
                let bytes: Vec<u8> = (0..len).map(|_| rng.index(256) as u8).collect();
                String::from_utf8_lossy(&bytes).into_owned()
            }
            1 => (0..len)
                .filter_map(|_| char::from_u32(rng.index(0x11_0000) as u32))
                .collect(),
            _ => {
                let mut text = String::new();
                for _ in 0..len {
                    text.push_str(piece(&mut rng));
                }
                text
            }
        }
    })
}

/// A piece of a link-like text.
fn piece(rng: &mut Rng) -> &'static str {
    const PIECES: &[&str] = &[
        "=",
        "&",
        "?",
        "%",
        "#/",
        "\n",
        "\r",
        "\t",
        "\0",
        "\u{7f}",
        "\u{feff}",
        "é",
        "日本",
        "😀",
        "\u{202e}",
        "\u{301}",
        "-",
        ".",
        ",",
        ";",
        " ",
        "+",
        "%E4",
        "%ZZ",
        "%2",
        "%00",
        "0",
        "1",
        "9",
        "e",
        "x",
        "NaN",
        "inf",
        "-0",
        "1e308",
        "1e-320",
        "18446744073709551616",
        store::FILE_MAGIC,
    ];
    PIECES[rng.index(PIECES.len())]
}

/// A random value for a setting: numbers (also huge, negative, not finite), words, lists
/// joined by the separators links use, escapes, empty.
fn random_value(rng: &mut Rng) -> String {
    const TOKENS: &[&str] = &[
        "0",
        "1",
        "2",
        "3",
        "7",
        "-1",
        "0.5",
        "-0.25",
        "1e3",
        "1e308",
        "-1e308",
        "1e-320",
        "NaN",
        "inf",
        "-0",
        "255",
        "256",
        "65536",
        "4294967296",
        "18446744073709551615",
        "99999999999",
        "t",
        "f",
        "a",
        "x1",
        "sin(x1)",
        "x1%5E2",
        "xor",
        "circle",
        "spiral",
        "tanh",
        "relu",
        "sigmoid",
        "linear",
        "squared",
        "hinge",
        "logistic",
        "output",
        "lstm",
        "gru",
        "rnn",
        "text",
        "sobel",
        "max",
        "same",
        "%2C",
        "%FF",
        "~",
        "",
    ];
    const SEPARATORS: &[&str] = &[".", ",", ";", "_", "~", "-", "", "%20"];
    let mut value = String::new();
    for k in 0..1 + rng.index(6) {
        if k > 0 {
            value.push_str(SEPARATORS[rng.index(SEPARATORS.len())]);
        }
        match rng.index(8) {
            0 => value.push_str(piece(rng)),
            1 => value.push_str(&super::encode(&(rng.uniform(-1e6, 1e6)).to_string())),
            _ => value.push_str(TOKENS[rng.index(TOKENS.len())]),
        }
    }
    value
}

/// `count` random queries over the screen's own `keys`, so every field reader gets random
/// values (mangled good links only nudge the values they hold).
pub fn random_queries(
    keys: &[&'static str],
    count: usize,
    seed: u64,
) -> impl Iterator<Item = String> {
    let mut rng = Rng::seeded(seed);
    let keys = keys.to_vec();
    (0..count).map(move |_| {
        (0..1 + rng.index(5))
            .map(|_| format!("{}={}", keys[rng.index(keys.len())], random_value(&mut rng)))
            .collect::<Vec<_>>()
            .join("&")
    })
}

/// Fuzzes a link reader: [`fuzz_cases`] mangled copies of `good`, random texts and random
/// queries over `fields`' keys, each read into a copy of `start`. `build(k, settings)` is
/// called with the `k`-th reading that changed something (building a model costs more than
/// reading: the test decides how many to build).
pub fn fuzz_links<S: Clone + PartialEq>(
    entry: &str,
    fields: &[Field<S>],
    good: &str,
    start: &S,
    seed: u64,
    mut build: impl FnMut(usize, &S),
) {
    let cases = fuzz_cases();
    let keys: Vec<&'static str> = fields.iter().map(|f| f.key).collect();
    let inputs = mangled_links(good, cases, seed)
        .chain(random_texts(cases, seed + 1))
        .chain(random_queries(&keys, cases, seed + 2));
    let (mut total, mut changed) = (0, 0);
    for text in inputs {
        total += 1;
        let mut settings = start.clone();
        let problems = read_query(fields, &text, &mut settings);
        assert!(
            problems.iter().all(|p| p.key.chars().count() <= 40),
            "{problems:?}"
        );
        if settings != *start {
            build(changed, &settings);
            changed += 1;
        }
    }
    assert!(
        changed >= cases / 10,
        "the generators should also change settings ({changed} of {total})"
    );
    report(entry, total, changed, "changed a setting");
}

/// Fuzzes a file importer: [`fuzz_cases`] mangled copies of the file of `good_query` and
/// random texts go through [`store::parse_file`] for `screen`; `open(k, query)` gets the
/// query of the `k`-th one that opened (the test sends it to the screen's reader). A file
/// that does not open must say why (not ours, another screen's) and open nothing.
pub fn fuzz_files(screen: &Screen, good_query: &str, seed: u64, mut open: impl FnMut(usize, &str)) {
    let cases = fuzz_cases();
    let good = store::file_text(screen, good_query);
    let inputs = mangled_files(&good, cases, seed).chain(random_texts(cases, seed + 1));
    let (mut total, mut opened) = (0, 0);
    for text in inputs {
        total += 1;
        match store::parse_file(&text, screen) {
            Ok(query) => {
                open(opened, &query);
                opened += 1;
            }
            Err(FileError::NotOurs) => {}
            Err(FileError::OtherScreen(slug)) => {
                assert!(
                    slug != screen.slug && slug.chars().count() <= 30,
                    "{slug:?}"
                );
            }
            Err(other) => panic!("parse_file cannot give {other:?}"),
        }
    }
    assert!(
        opened >= cases / 10 && total - opened >= cases / 10,
        "the generators should give files that open and files that do not ({opened} of {total})"
    );
    report(
        &format!("{} file importer", screen.slug),
        total,
        opened,
        "opened",
    );
}

#[cfg(test)]
#[path = "fuzz_tests.rs"]
mod tests;

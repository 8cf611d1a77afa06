//! Share links: a screen's state written as the query after its slug, e.g.
//! `#/boundaries?d=spiral&n=0.2&h=8t.8t`. One table of [`Field`]s per screen drives both
//! writing and reading, so a setting cannot be forgotten in one direction.
//!
//! Reading never fails as a whole: each field is read on its own, a field that cannot be read
//! leaves the state as it was and is reported, a number outside its range is moved into it
//! and reported ([`set_clamped`]), unknown keys (a newer version's) are reported and skipped.
//! However hostile the link, the report names each key once and at most [`MAX_REPORTED`]
//! keys.

mod address;
mod bytes;
#[cfg(test)]
pub mod fuzz;
mod report;
pub mod store;

pub use address::{copy_link, current_query, replace_global, replace_query};
pub use bytes::{from_base64url, to_base64url};
use report::Report;
pub use report::{LinkProblem, set_clamped};

/// A link longer than this many characters leaves out what is long (e.g. painted points).
pub const MAX_LINK: usize = 2000;

/// The panels hidden in presenter mode (`hide=train.loss`): the app's, not a screen's.
pub const HIDE_KEY: &str = "hide";

/// `debug=1` shows the developer readouts (frame times) that students do not need.
pub const DEBUG_KEY: &str = "debug";

/// `lang=en` or `lang=zh`: the page opens in that language.
pub const LANG_KEY: &str = "lang";

/// `presenter=1` (or `0`): the page opens in presenter mode (or not).
pub const PRESENTER_KEY: &str = "presenter";

/// `embed=1`: the screen alone, without the site's header, navigation and footer (for an
/// iframe in a course page).
pub const EMBED_KEY: &str = "embed";

/// `tour=3`: the page is the third stop of a guided tour (the tour's card shows above it).
pub const TOUR_KEY: &str = "tour";

/// `tsrc=…`: a teacher's own tour carried in the link (its JSON, base64url).
pub const TOUR_SOURCE_KEY: &str = "tsrc";

/// Keys of a link that belong to the whole app: screens never read or write them, and
/// [`read_query`] skips them instead of reporting an unknown setting.
pub const GLOBAL_KEYS: &[&str] = &[
    HIDE_KEY,
    DEBUG_KEY,
    LANG_KEY,
    PRESENTER_KEY,
    EMBED_KEY,
    TOUR_KEY,
    TOUR_SOURCE_KEY,
];

/// The value of the app's global `key` in the current address.
pub fn address_global(key: &str) -> Option<String> {
    let hash = address::current_hash()?;
    global_value(query_of(&hash)?, key).map(str::to_owned)
}

/// Whether the address asks for the developer readouts (`debug=1`).
pub fn debug_on() -> bool {
    address_global(DEBUG_KEY).as_deref() == Some("1")
}

fn is_global(piece: &str) -> bool {
    let key = piece.split_once('=').map_or(piece, |(key, _)| key);
    GLOBAL_KEYS.contains(&key)
}

/// The most keys a report of a link's problems names; the rest are counted.
pub const MAX_REPORTED: usize = 8;

/// One setting of a screen as it appears in a link.
pub struct Field<S> {
    /// The key in the query, short and stable.
    pub key: &'static str,
    /// The value to write, or `None` to leave the field out.
    pub write: fn(&S) -> Option<String>,
    /// Reads a value into the state; an error says why and leaves the state unchanged,
    /// except for a number moved into its range by [`set_clamped`] (used, and reported).
    pub read: fn(&mut S, &str) -> Result<(), String>,
}

impl<S> std::fmt::Debug for Field<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Field").field("key", &self.key).finish()
    }
}

/// The query for `state`: `key=value` pairs joined by `&`, values percent-encoded.
pub fn write_query<S>(fields: &[Field<S>], state: &S) -> String {
    fields
        .iter()
        .filter_map(|f| (f.write)(state).map(|v| format!("{}={}", f.key, encode(&v))))
        .collect::<Vec<_>>()
        .join("&")
}

/// Reads `query` into `state` field by field and lists what could not be used as written:
/// each key once, at most [`MAX_REPORTED`] of them, then one entry `… N more`.
pub fn read_query<S>(fields: &[Field<S>], query: &str, state: &mut S) -> Vec<LinkProblem> {
    let mut report = Report::default();
    for piece in query.split('&').filter(|p| !p.is_empty()) {
        if is_global(piece) {
            continue;
        }
        let Some((key, raw)) = piece.split_once('=') else {
            report.add(piece, None, "no '=' in this part");
            continue;
        };
        let Some(field) = fields.iter().find(|f| f.key == key) else {
            report.add(key, None, "unknown setting");
            continue;
        };
        match decode(raw) {
            Ok(value) => {
                if let Err(reason) = (field.read)(state, &value) {
                    report.add(key, Some(&value), &reason);
                }
            }
            Err(reason) => report.add(key, None, &reason),
        }
    }
    report.finish()
}

/// The part of a location hash after `?`, if any (`#/conv?k=sobel` → `k=sobel`).
pub fn query_of(hash: &str) -> Option<&str> {
    hash.split_once('?')
        .map(|(_, q)| q)
        .filter(|q| !q.is_empty())
}

/// `query` without the app's [`GLOBAL_KEYS`]: what a screen reads.
pub fn screen_part(query: &str) -> String {
    query
        .split('&')
        .filter(|p| !p.is_empty() && !is_global(p))
        .collect::<Vec<_>>()
        .join("&")
}

/// The raw value of the global `key` in `query`, if it is there.
pub fn global_value<'a>(query: &'a str, key: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

/// `screen` (a screen's query) with the global `pieces` (`key=value`) after it.
fn joined(screen: &str, globals: &[String]) -> String {
    std::iter::once(screen)
        .chain(globals.iter().map(String::as_str))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("&")
}

/// Percent-encodes everything but letters, digits and `-_.~!*()',:;` (kept readable).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~!*()',:;".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Undoes [`encode`] (and any other percent-encoding); `+` stays a plus sign.
pub fn decode(value: &str) -> Result<String, String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| "a broken %-escape".to_string())?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| "not valid text (UTF-8)".to_string())
}

/// Reads a finite number.
pub fn number(value: &str) -> Result<f64, String> {
    value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("'{value}' is not a number"))
}

/// Reads a whole number no larger than `max`.
pub fn whole(value: &str, max: u64) -> Result<u64, String> {
    value
        .trim()
        .parse::<u64>()
        .ok()
        .filter(|v| *v <= max)
        .ok_or_else(|| format!("'{value}' is not a whole number up to {max}"))
}

/// Reads `0` or `1`.
pub fn flag(value: &str) -> Result<bool, String> {
    match value {
        "0" => Ok(false),
        "1" => Ok(true),
        _ => Err(format!("'{value}' is neither 0 nor 1")),
    }
}

/// Writes a flag as `0` or `1`.
pub fn flag_text(on: bool) -> String {
    if on { "1" } else { "0" }.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[derive(Debug, Clone, Default, PartialEq)]
    struct Demo {
        name: String,
        rate: f64,
        on: bool,
    }

    fn fields() -> [Field<Demo>; 3] {
        [
            Field {
                key: "name",
                write: |s| Some(s.name.clone()),
                read: |s, v| {
                    s.name = v.to_string();
                    Ok(())
                },
            },
            Field {
                key: "r",
                write: |s| (s.rate != 0.0).then(|| s.rate.to_string()),
                read: |s, v| set_clamped(&mut s.rate, number(v)?, -1.0, 1.0),
            },
            Field {
                key: "on",
                write: |s| Some(flag_text(s.on)),
                read: |s, v| {
                    s.on = flag(v)?;
                    Ok(())
                },
            },
        ]
    }

    #[test]
    fn a_state_survives_its_link() {
        let state = Demo {
            name: "sin(x1) & x2^2 = 50% ²".into(),
            rate: 0.03,
            on: true,
        };
        let query = write_query(&fields(), &state);
        assert!(
            !query.contains(' ') && query.matches('&').count() == 2,
            "{query}"
        );
        let mut back = Demo::default();
        assert_eq!(read_query(&fields(), &query, &mut back), []);
        assert_eq!(back, state);
    }

    #[test]
    fn a_hostile_link_names_each_key_once_and_a_few_at_most() {
        let repeated = "zzz=1&".repeat(100_000);
        let mut state = Demo::default();
        let problems = read_query(&fields(), &repeated, &mut state);
        assert_eq!(problems.len(), 1, "one key, once");
        assert_eq!(problems[0].key, "zzz");

        let distinct: String = (0..50_000).map(|k| format!("k{k}=1&")).collect();
        let problems = read_query(&fields(), &(distinct + "name=kept"), &mut state);
        let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys.len(), MAX_REPORTED + 1);
        assert_eq!(keys[..3], ["k0", "k1", "k2"]);
        assert_eq!(keys[MAX_REPORTED], "… 49992 more");
        assert_eq!(state.name, "kept", "a good part after them is still read");
    }

    #[test]
    fn a_number_outside_its_range_is_moved_in_and_reported() {
        let mut noise = 0.2;
        assert_eq!(set_clamped(&mut noise, 0.3, 0.0, 0.5), Ok(()));
        assert_eq!(noise, 0.3);
        let moved = set_clamped(&mut noise, 7.0, 0.0, 0.5).unwrap_err();
        assert_eq!(noise, 0.5);
        assert_eq!(moved, "outside 0 to 0.5; 0.5 was used");
        let mut batch = 10_usize;
        assert!(set_clamped(&mut batch, 0, 1, 100).is_err());
        assert_eq!(batch, 1);
    }

    #[test]
    fn a_moved_number_is_named_with_what_was_asked_and_what_was_used() {
        let mut state = Demo::default();
        let problems = read_query(&fields(), "r=7&name=ok&on=maybe", &mut state);
        let shown: Vec<String> = problems.iter().map(LinkProblem::shown).collect();
        assert_eq!(shown, ["r 7 → 1", "on"]);
        assert_eq!(state.rate, 1.0);

        let huge = format!("r=-1{}", "0".repeat(300));
        let problems = read_query(&fields(), &huge, &mut state);
        assert_eq!(problems[0].shown(), "r -1000000000… → -1");
    }

    #[test]
    fn bad_parts_are_reported_and_the_rest_is_read() {
        let mut state = Demo {
            rate: 0.5,
            ..Demo::default()
        };
        let problems = read_query(
            &fields(),
            "r=NaN&name=ok&zzz=1&on=maybe&junk&name2=%ZZ&name=%E4%B8",
            &mut state,
        );
        let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["r", "zzz", "on", "junk", "name2", "name"]);
        assert_eq!(state.rate, 0.5, "a bad value leaves the old one");
        assert_eq!(state.name, "ok");
        assert!(problems[5].reason.contains("UTF-8"), "{problems:?}");
    }

    #[test]
    fn global_keys_are_not_a_screen_s_business() {
        let mut state = Demo::default();
        let problems = read_query(&fields(), "hide=train.loss&r=0.5&hide", &mut state);
        assert_eq!(problems, [], "hide is no unknown setting");
        assert_eq!(state.rate, 0.5);
        assert_eq!(screen_part("d=xor&hide=a.b&n=0.1"), "d=xor&n=0.1");
        assert_eq!(screen_part("hide=a"), "");
        assert_eq!(global_value("d=xor&hide=a.b", HIDE_KEY), Some("a.b"));
        assert_eq!(global_value("d=xor&hidex=a", HIDE_KEY), None);
        assert_eq!(joined("d=xor", &["hide=a".into()]), "d=xor&hide=a");
        assert_eq!(joined("", &["hide=a".into()]), "hide=a");
    }

    #[test]
    fn query_is_what_follows_the_question_mark() {
        assert_eq!(query_of("#/boundaries?d=xor&n=0.1"), Some("d=xor&n=0.1"));
        assert_eq!(query_of("#/boundaries?"), None);
        assert_eq!(query_of("#/boundaries"), None);
    }

    #[test]
    fn fuzz_links_never_panic() {
        let good = write_query(
            &fields(),
            &Demo {
                name: "日本 x1²".into(),
                rate: 1e-3,
                on: true,
            },
        );
        fuzz::fuzz_links(
            "generic link reader",
            &fields(),
            &good,
            &Demo::default(),
            7,
            |_, state| {
                assert!(state.rate.is_finite());
                // What was read is written again as a link that reads back the same.
                let mut back = Demo::default();
                assert_eq!(
                    read_query(&fields(), &write_query(&fields(), state), &mut back),
                    []
                );
                assert_eq!(back, *state);
            },
        );
    }
}

//! The alphabet of a typed text, bounded: a text of 200,000 distinct characters would make
//! every one-hot input and the readout 200,000 wide (gigabytes, minutes per update). The
//! [`MAX_SYMBOLS`]` − 1` most frequent characters keep their own symbol; the rest share one,
//! [`OTHER`].

/// The most symbols a text task has, [`OTHER`] included.
pub const MAX_SYMBOLS: usize = 128;

/// The symbol that stands for every character beyond the most frequent ones.
pub const OTHER: char = '\u{FFFD}';

/// The sorted alphabet of `chars` and how many distinct characters were folded into
/// [`OTHER`] (0 when there are at most [`MAX_SYMBOLS`]).
pub fn bounded_alphabet(chars: &[char]) -> (Vec<char>, usize) {
    let mut distinct = chars.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() <= MAX_SYMBOLS {
        return (distinct, 0);
    }
    let mut counts: Vec<(char, usize)> = distinct.iter().map(|&c| (c, 0)).collect();
    for c in chars {
        if let Ok(k) = distinct.binary_search(c) {
            counts[k].1 += 1;
        }
    }
    // Most frequent first; among equals, the earlier character.
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut kept: Vec<char> = counts
        .iter()
        .map(|&(c, _)| c)
        .filter(|&c| c != OTHER)
        .take(MAX_SYMBOLS - 1)
        .collect();
    kept.push(OTHER);
    kept.sort_unstable();
    // Every distinct character but the kept ones and OTHER itself (if the text has it).
    let folded = distinct.len() - (MAX_SYMBOLS - 1) - usize::from(distinct.contains(&OTHER));
    (kept, folded)
}

impl super::Task {
    /// How many distinct characters of a text task share the symbol [`OTHER`] (0 for the
    /// other tasks, and for texts of at most [`MAX_SYMBOLS`] characters).
    pub fn folded_characters(&self) -> usize {
        match self {
            super::Task::Text { folded, .. } => *folded,
            _ => 0,
        }
    }
}

/// The symbol of `c` in `alphabet` (from [`bounded_alphabet`]): its own, else [`OTHER`]'s.
pub fn symbol_of(alphabet: &[char], c: char) -> usize {
    alphabet
        .binary_search(&c)
        .or_else(|_| alphabet.binary_search(&OTHER))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn a_small_alphabet_is_kept_whole() {
        let chars: Vec<char> = "hello world".chars().collect();
        let (alphabet, folded) = bounded_alphabet(&chars);
        assert_eq!(alphabet, [' ', 'd', 'e', 'h', 'l', 'o', 'r', 'w']);
        assert_eq!(folded, 0);
    }

    #[test]
    fn beyond_the_bound_the_rarest_characters_share_one_symbol() {
        // 'a' to 'z' ten times each, then 200,000 distinct rare characters once each.
        let common = "abcdefghijklmnopqrstuvwxyz".repeat(10);
        let rare = (0x4e00..0x4e00 + 200_000).filter_map(char::from_u32);
        let chars: Vec<char> = common.chars().chain(rare).collect();
        let (alphabet, folded) = bounded_alphabet(&chars);
        assert_eq!(alphabet.len(), MAX_SYMBOLS);
        assert!(
            alphabet.contains(&'a') && alphabet.contains(&'z'),
            "the common ones stay"
        );
        assert!(alphabet.contains(&OTHER));
        // The range crosses the surrogates, which are no characters.
        let distinct = chars.len() - common.len() + 26;
        // U+FFFD is in that range: it keeps its own symbol, OTHER.
        assert!(chars.contains(&OTHER));
        assert_eq!(folded, distinct - (MAX_SYMBOLS - 1) - 1);
        let text: String = chars.iter().collect();
        let task = super::super::Task::text(&text, 20).unwrap();
        assert_eq!(task.input_size(), MAX_SYMBOLS);
        assert_eq!(task.folded_characters(), folded);
        assert_eq!(alphabet[symbol_of(&alphabet, 'q')], 'q');
        let rarest = char::from_u32(0x4e00 + 199_999).unwrap();
        assert_eq!(alphabet[symbol_of(&alphabet, rarest)], OTHER);
    }
}

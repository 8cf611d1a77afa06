//! Generated bad input for the fuzz tests of everything that reads what a user pastes or
//! opens: share links, saved files.

/// `count` damaged copies of a good link (characters removed, junk inserted, the end cut
/// off, a character changed — what a chat app or a careless copy does to a link), for fuzzing link readers.
pub fn mangled_links(good: &str, count: usize, seed: u64) -> impl Iterator<Item = String> {
    let mut rng = nnp_core::rng::Rng::seeded(seed);
    let good = good.as_bytes().to_vec();
    let junk = b"%&=?;:,.*\xff09aZ-";
    (0..count).map(move |_| {
        let mut bytes = good.clone();
        for _ in 0..1 + rng.index(4) {
            let at = rng.index(bytes.len() + 1);
            match rng.index(4) {
                0 if at < bytes.len() => {
                    bytes.remove(at);
                }
                1 => bytes.insert(at, junk[rng.index(junk.len())]),
                2 if at < bytes.len() => bytes[at] = bytes[at].wrapping_add(1 + rng.index(9) as u8),
                _ => bytes.truncate(at),
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

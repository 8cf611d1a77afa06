//! Hot loops written with wasm's 128-bit SIMD instructions (`core::arch::wasm32`, four
//! `f32` lanes) where LLVM's own vectorisation picks a slower layout, each beside the plain
//! code it must equal: the plain code is what native builds run, and in the browser the
//! tests check both against each other.

/// Four `f32` values in a register: `v128` in the browser, an array elsewhere.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod lanes {
    use core::arch::wasm32::{f32x4, f32x4_add, f32x4_extract_lane, f32x4_mul, f32x4_splat, v128};

    /// Four `f32` lanes.
    pub type F32x4 = v128;

    /// Lanes 0–3 of eight values.
    #[inline(always)]
    pub fn load_lo(a: &[f32; 8]) -> F32x4 {
        f32x4(a[0], a[1], a[2], a[3])
    }
    /// Lanes 4–7 of eight values.
    #[inline(always)]
    pub fn load_hi(a: &[f32; 8]) -> F32x4 {
        f32x4(a[4], a[5], a[6], a[7])
    }
    #[inline(always)]
    pub fn splat(x: f32) -> F32x4 {
        f32x4_splat(x)
    }
    #[inline(always)]
    pub fn add(a: F32x4, b: F32x4) -> F32x4 {
        f32x4_add(a, b)
    }
    #[inline(always)]
    pub fn mul(a: F32x4, b: F32x4) -> F32x4 {
        f32x4_mul(a, b)
    }
    #[inline(always)]
    pub fn to_array(a: F32x4) -> [f32; 4] {
        [
            f32x4_extract_lane::<0>(a),
            f32x4_extract_lane::<1>(a),
            f32x4_extract_lane::<2>(a),
            f32x4_extract_lane::<3>(a),
        ]
    }
}

/// The dot products of four rows with one vector, summed exactly as
/// [`recurrent`](crate::recurrent)'s `dot` sums them (eight running sums, lanes `k` and
/// `k + 4` paired first): `v` is loaded once for all four rows, eight f32x4 accumulators.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline]
pub fn dot4_f32(rows: [&[f32]; 4], v: &[f32]) -> [f32; 4] {
    use lanes::{add, load_hi, load_lo, mul, splat, to_array};
    let (chunks, rest) = v.as_chunks::<8>();
    let split = rows.map(|r| {
        assert_eq!(r.len(), v.len(), "dot of slices of different lengths");
        r.as_chunks::<8>()
    });
    let mut lo = [splat(0.0); 4];
    let mut hi = [splat(0.0); 4];
    // Zipped, so no index is checked inside the loop.
    let [(r0, _), (r1, _), (r2, _), (r3, _)] = split;
    for ((((c, w0), w1), w2), w3) in chunks.iter().zip(r0).zip(r1).zip(r2).zip(r3) {
        let (v_lo, v_hi) = (load_lo(c), load_hi(c));
        for (r, w) in [w0, w1, w2, w3].into_iter().enumerate() {
            lo[r] = add(lo[r], mul(load_lo(w), v_lo));
            hi[r] = add(hi[r], mul(load_hi(w), v_hi));
        }
    }
    std::array::from_fn(|r| {
        let s = to_array(add(lo[r], hi[r]));
        let mut sum = (s[0] + s[1]) + (s[2] + s[3]);
        for (x, y) in split[r].1.iter().zip(rest) {
            sum += *x * *y;
        }
        sum
    })
}

/// [`dot4_f32`]'s whole chunks for four rows stored interleaved (per chunk of eight values
/// of `v`, the four rows' eight values one after another): one pointer walks all four rows,
/// so the loop does less bookkeeping per multiply–add. The same sums as the plain
/// [`dot4_interleaved_plain`](crate::recurrent::dot4_interleaved_plain), to the bit.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline]
pub fn dot4_interleaved_f32(rows: &[[f32; 8]], v: &[[f32; 8]]) -> [f32; 4] {
    use lanes::{add, load_hi, load_lo, mul, splat, to_array};
    assert_eq!(rows.len(), 4 * v.len(), "four rows per chunk of v");
    let mut lo = [splat(0.0); 4];
    let mut hi = [splat(0.0); 4];
    for (c, w) in v.iter().zip(rows.as_chunks::<4>().0) {
        let (v_lo, v_hi) = (load_lo(c), load_hi(c));
        for (r, w) in w.iter().enumerate() {
            lo[r] = add(lo[r], mul(load_lo(w), v_lo));
            hi[r] = add(hi[r], mul(load_hi(w), v_hi));
        }
    }
    std::array::from_fn(|r| {
        let s = to_array(add(lo[r], hi[r]));
        (s[0] + s[1]) + (s[2] + s[3])
    })
}

/// The plain code of [`dot4_interleaved_f32`]: what native builds run.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline]
pub fn dot4_interleaved_f32(rows: &[[f32; 8]], v: &[[f32; 8]]) -> [f32; 4] {
    crate::recurrent::dot4_interleaved_plain(rows, v)
}

/// The plain code of [`dot4_f32`]: what native builds run.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline]
pub fn dot4_f32(rows: [&[f32]; 4], v: &[f32]) -> [f32; 4] {
    crate::recurrent::dot4_plain(rows, v)
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn dot4_equals_the_plain_code_to_the_bit() {
        for n in [0, 3, 8, 19, 136] {
            let v: Vec<f32> = (0..n).map(|k| (k as f32 * 0.37).sin()).collect();
            let rows: Vec<Vec<f32>> = (0..4)
                .map(|r| (0..n).map(|k| ((k * 7 + r) as f32 * 0.11).cos()).collect())
                .collect();
            let rows = [&rows[0][..], &rows[1], &rows[2], &rows[3]];
            let (simd, plain) = (dot4_f32(rows, &v), crate::recurrent::dot4_plain(rows, &v));
            assert_eq!(simd.map(f32::to_bits), plain.map(f32::to_bits), "n = {n}");
        }
    }

    #[test]
    fn dot4_interleaved_equals_dot4_on_whole_chunks_to_the_bit() {
        for chunks in [0, 1, 2, 17] {
            let n = 8 * chunks;
            let v: Vec<f32> = (0..n).map(|k| (k as f32 * 0.37).sin()).collect();
            let rows: Vec<Vec<f32>> = (0..4)
                .map(|r| (0..n).map(|k| ((k * 7 + r) as f32 * 0.11).cos()).collect())
                .collect();
            let interleaved: Vec<[f32; 8]> = (0..chunks)
                .flat_map(|c| (0..4).map(move |r| (c, r)))
                .map(|(c, r)| std::array::from_fn(|k| rows[r][8 * c + k]))
                .collect();
            let v_chunks = v.as_chunks::<8>().0;
            let rows = [&rows[0][..], &rows[1], &rows[2], &rows[3]];
            let want = crate::recurrent::dot4_plain(rows, &v);
            let simd = dot4_interleaved_f32(&interleaved, v_chunks);
            let plain = crate::recurrent::dot4_interleaved_plain(&interleaved, v_chunks);
            assert_eq!(simd.map(f32::to_bits), want.map(f32::to_bits), "n = {n}");
            assert_eq!(plain.map(f32::to_bits), want.map(f32::to_bits), "n = {n}");
        }
    }
}

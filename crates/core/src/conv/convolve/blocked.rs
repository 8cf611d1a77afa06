//! The interior of a stride-1 convolution row, register-blocked: where every tap of the
//! kernel lands inside the image, [`BLOCK`] neighbouring outputs stay in registers (four
//! f32x4 in the browser) while all taps of all kernel rows and channels are added into them,
//! so each tap costs a load of the input and a multiply-add — not also a load and a store
//! of the output row, as the tap-by-tap sweep of the rest of the row does. The taps are
//! added in the same order as that sweep, so the outputs are the same to the bit.

/// Outputs kept in registers at once.
pub(super) const BLOCK: usize = 16;

/// One input row a kernel row reads: the row's values and the kernel row's weights
/// (already flipped when the convolution flips), `kw` of them.
pub(super) struct TapRow<'a> {
    pub input: &'a [f32],
    pub weights: &'a [f32],
}

/// The columns `[start, end)` of `region_x..region_right` whose every tap lies inside an
/// input `in_w` wide, trimmed to whole blocks: `x − left ≥ 0` and `x + kw − 1 − left < in_w`.
pub(super) fn interior(
    region_x: usize,
    region_right: usize,
    left: usize,
    kw: usize,
    in_w: usize,
) -> (usize, usize) {
    let start = region_x.max(left);
    let end = region_right.min((in_w + left + 1).saturating_sub(kw));
    if end <= start {
        return (start, start);
    }
    (start, start + (end - start) / BLOCK * BLOCK)
}

/// Adds every tap of `rows` to `dst` (the outputs from column `x0`, whole blocks), block by
/// block; `dst` already holds the bias. Tap `j` of a row adds `w[j] · input[x − left + j]`.
pub(super) fn add_taps(dst: &mut [f32], x0: usize, left: usize, rows: &[TapRow<'_>]) {
    for (b, block) in dst.chunks_exact_mut(BLOCK).enumerate() {
        let first = x0 + b * BLOCK - left;
        let mut acc = [0.0f32; BLOCK];
        acc.copy_from_slice(block);
        for row in rows {
            for (j, &w) in row.weights.iter().enumerate() {
                if w == 0.0 {
                    continue;
                }
                let src = &row.input[first + j..][..BLOCK];
                for (a, &v) in acc.iter_mut().zip(src) {
                    *a += w * v;
                }
            }
        }
        block.copy_from_slice(&acc);
    }
}

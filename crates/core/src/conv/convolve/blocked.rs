//! The interior of a stride-1 convolution row, register-blocked: where every tap of the
//! kernel lands inside the image, [`BLOCK`] neighbouring outputs stay in registers (four
//! f32x4 in the browser) while all taps of all kernel rows and channels are added into them,
//! so each tap costs a load of the input and a multiply-add — not also a load and a store
//! of the output row, as the tap-by-tap sweep of the rest of the row does. The taps are
//! added in the same order as that sweep, so the outputs are the same to the bit.

/// Outputs kept in registers at once.
pub(super) const BLOCK: usize = 16;

/// One input row and the kernel rows that read it for two neighbouring output rows: the
/// upper row's and the lower row's weights (already flipped when the convolution flips),
/// `None` where that output row does not read this input row.
pub(super) struct TapRow<'a> {
    pub input: &'a [f32],
    pub weights: [Option<&'a [f32]>; 2],
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

/// `acc += w · src[j..j + BLOCK]` for every nonzero tap `w = weights[j]`.
#[inline(always)]
fn add_row(acc: &mut [f32; BLOCK], weights: &[f32], src: &[f32]) {
    for (j, &w) in weights.iter().enumerate() {
        if w != 0.0 {
            for (a, &v) in acc.iter_mut().zip(&src[j..j + BLOCK]) {
                *a += w * v;
            }
        }
    }
}

/// Adds every tap of `rows` to one output row `upper` (from column `x0`, whole blocks) and,
/// when given, to the row below it, `lower`; both already hold the bias. Each input value is
/// loaded once for both rows. Tap `j` adds `w[j] · input[x − left + j]`.
pub(super) fn add_taps(
    upper: &mut [f32],
    mut lower: Option<&mut [f32]>,
    x0: usize,
    left: usize,
    rows: &[TapRow<'_>],
) {
    for b in 0..upper.len() / BLOCK {
        let first = x0 + b * BLOCK - left;
        let at = b * BLOCK..(b + 1) * BLOCK;
        let mut top = [0.0f32; BLOCK];
        let mut bottom = [0.0f32; BLOCK];
        top.copy_from_slice(&upper[at.clone()]);
        if let Some(lower) = &lower {
            bottom.copy_from_slice(&lower[at.clone()]);
        }
        for row in rows {
            match row.weights {
                [Some(w0), Some(w1)] => {
                    let src = &row.input[first..first + BLOCK + w0.len() - 1];
                    for (j, (&a, &c)) in w0.iter().zip(w1).enumerate() {
                        let v = &src[j..j + BLOCK];
                        if a != 0.0 {
                            for (t, &x) in top.iter_mut().zip(v) {
                                *t += a * x;
                            }
                        }
                        if c != 0.0 {
                            for (t, &x) in bottom.iter_mut().zip(v) {
                                *t += c * x;
                            }
                        }
                    }
                }
                [Some(w0), None] => add_row(&mut top, w0, &row.input[first..]),
                [None, Some(w1)] => add_row(&mut bottom, w1, &row.input[first..]),
                [None, None] => {}
            }
        }
        upper[at.clone()].copy_from_slice(&top);
        if let Some(lower) = &mut lower {
            lower[at].copy_from_slice(&bottom);
        }
    }
}

//! The interior of stride-1 convolution rows, register-blocked: where every tap of the
//! kernel lands inside the image, two rows of [`BLOCK`] neighbouring outputs stay in
//! registers (eight f32x4 in the browser) while all taps of all kernel rows and channels are
//! added into them, so each tap costs one load of the input (shared by both rows) and
//! multiply-adds — not also a load and a store of the output row, as the tap-by-tap sweep of
//! the rest of the row does. The taps are added in the same order as that sweep, so the
//! outputs are the same to the bit.

use super::three;
use crate::conv::map::{FeatureMap, Rect};

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

/// The register-blocked columns `bx0..bx1` of the rows of `region` (stride 1), two rows at a
/// time: every input row a pair reads is listed once with the kernel rows each of the two
/// output rows applies to it, in the order the tap-by-tap sweep adds them.
pub(super) fn blocked_rows<'a>(
    input: &'a FeatureMap,
    weights: impl Fn(usize) -> &'a [f32],
    (kh, kw, top, left): (usize, usize, usize, usize),
    region: Rect,
    (bx0, bx1): (usize, usize),
    ow: usize,
    out_plane: &mut [f32],
) {
    let (in_w, in_h) = (input.width(), input.height());
    let mut taps = Vec::with_capacity((kh + 1) * input.channels());
    let three = three::nonzero_weights(input.channels(), kh, kw, weights(0));
    let mut oy = region.y;
    while oy < region.bottom() {
        // Four rows whose six input rows all lie inside the image: the 3×3 path.
        if let Some(w) = &three
            && oy >= top
            && oy + three::ROWS <= region.bottom()
            && oy - top + three::ROWS + 2 <= in_h
        {
            let plane = input.plane(0);
            let in_rows = std::array::from_fn(|r| &plane[(oy - top + r) * in_w..][..in_w]);
            let quad = &mut out_plane[oy * ow..(oy + three::ROWS) * ow];
            let mut rows = quad.chunks_exact_mut(ow).map(|row| &mut row[bx0..bx1]);
            let out_rows = std::array::from_fn(|_| rows.next().expect("four output rows"));
            three::add_quad(out_rows, in_rows, w, bx0, left);
            oy += three::ROWS;
            continue;
        }
        let pair = oy + 1 < region.bottom();
        taps.clear();
        for c in 0..input.channels() {
            let (plane, w) = (input.plane(c), weights(c));
            // Padded input rows oy..oy + kh (+ 1 for the pair); those in the padding add nothing.
            for u in oy..oy + kh + usize::from(pair) {
                if u < top || u - top >= in_h {
                    continue;
                }
                let iy = u - top;
                let kernel_row = |i: usize| (i < kh).then(|| &w[i * kw..(i + 1) * kw]);
                taps.push(TapRow {
                    input: &plane[iy * in_w..(iy + 1) * in_w],
                    weights: [
                        kernel_row(u - oy),
                        if pair && u > oy {
                            kernel_row(u - oy - 1)
                        } else {
                            None
                        },
                    ],
                });
            }
        }
        let (above, below) = out_plane.split_at_mut((oy + 1) * ow);
        let upper = &mut above[oy * ow + bx0..oy * ow + bx1];
        let lower = pair.then(|| &mut below[bx0..bx1]);
        add_taps(upper, lower, bx0, left, &taps);
        oy += 1 + usize::from(pair);
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use crate::conv::convolve::{ConvConfig, Padding, convolve, convolve_region, receptive_field};
    use crate::conv::kernel::KernelBank;
    use crate::conv::map::{FeatureMap, Rect};

    /// A `channels × rows × cols` image of varied values, with some zeros and negatives.
    fn wide_image(channels: usize, rows: usize, cols: usize) -> FeatureMap {
        let data = (0..channels * rows * cols)
            .map(|i| ((i * 37 % 101) as f32 - 50.0) / 7.0)
            .collect();
        FeatureMap::from_data(channels, rows, cols, data)
    }

    #[test]
    fn wide_rows_blocked_in_registers_equal_their_receptive_fields() {
        // 45 columns: whole blocks of 16 outputs lie where every tap is inside, with edges
        // on both sides handled tap by tap.
        let image = wide_image(2, 9, 45);
        for (kh, kw) in [(3, 3), (7, 7), (4, 4), (2, 5)] {
            let weights = (0..2 * 2 * kh * kw)
                .map(|i| {
                    if i % 5 == 3 {
                        0.0
                    } else {
                        (i as f32 * 0.37).sin()
                    }
                })
                .collect();
            let bank = KernelBank::from_weights(2, kh, kw, weights, vec![0.25, -1.5]);
            for padding in [Padding::Same, Padding::Valid, Padding::Zero(2)] {
                for flip in [false, true] {
                    for stride in [1, 2] {
                        let config = ConvConfig {
                            stride,
                            padding,
                            flip,
                        };
                        let out = convolve(&image, &bank, &config);
                        for k in 0..2 {
                            for y in 0..out.height() {
                                for x in 0..out.width() {
                                    let field = receptive_field(&image, &bank, &config, k, y, x);
                                    assert_eq!(
                                        out.get(k, y, x),
                                        field.value,
                                        "{kh}×{kw} {config:?} map {k} at ({x}, {y})"
                                    );
                                }
                            }
                        }
                        let mut again = convolve(&wide_image(2, 9, 45), &bank, &config);
                        let region =
                            Rect::new(1, 3, 4, 30).intersect(Rect::full(out.height(), out.width()));
                        again.data_mut().fill(f32::NAN);
                        convolve_region(
                            &image,
                            &bank,
                            &config,
                            Rect::full(out.height(), out.width()),
                            &mut again,
                        );
                        assert_eq!(again, out, "{kh}×{kw} {config:?}: full region");
                        let mut part = out.clone();
                        part.data_mut().fill(0.0);
                        convolve_region(&image, &bank, &config, region, &mut part);
                        for y in region.y..region.bottom() {
                            for x in region.x..region.right() {
                                assert_eq!(
                                    part.get(1, y, x),
                                    out.get(1, y, x),
                                    "{kh}×{kw} {config:?} region"
                                );
                            }
                        }
                    }
                }
            }
        }
    }
}

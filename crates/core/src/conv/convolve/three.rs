//! The interior of a 3×3 kernel over one channel at stride 1, four output rows at a time:
//! four rows of [`COLS`] outputs stay in registers while the six input rows they read go by,
//! each input value loaded once for every output row that reads it (up to three) and each
//! weight ready in a register for the whole pass. The taps of each output are added in the
//! order of the tap-by-tap sweep (kernel row by kernel row, left to right), so the outputs
//! are the same to the bit; kernels with a zero tap (which the sweep skips) stay on the
//! general path.

/// Output rows computed together.
pub(super) const ROWS: usize = 4;

/// Outputs per row kept in registers: one SIMD register of `f32` (measured in V8: four rows
/// of 4 beat four rows of 8 or 16, and six or eight rows of 4).
const COLS: usize = 4;

/// The nine weights row-major, when there is one channel and no tap is zero.
pub(super) fn nonzero_weights(
    channels: usize,
    kh: usize,
    kw: usize,
    w: &[f32],
) -> Option<[f32; 9]> {
    let w: [f32; 9] = w.try_into().ok()?;
    (channels == 1 && kh == 3 && kw == 3 && !w.contains(&0.0)).then_some(w)
}

/// Adds all nine taps to the output rows `out_rows` (four of them, already holding the
/// bias, columns `x0..` in whole groups of [`COLS`]; every group must be in the interior)
/// from the six input rows `in_rows` that they read; tap `(i, j)` of output row `q` adds
/// `w[i][j] · in_rows[q + i][x − left + j]`.
pub(super) fn add_quad(
    out_rows: [&mut [f32]; ROWS],
    in_rows: [&[f32]; ROWS + 2],
    w: &[f32; 9],
    x0: usize,
    left: usize,
) {
    let [r0, r1, r2, r3] = out_rows.map(|r| r.as_chunks_mut::<COLS>().0);
    let groups = r0.iter_mut().zip(r1).zip(r2).zip(r3);
    for (g, (((o0, o1), o2), o3)) in groups.enumerate() {
        let first = x0 + g * COLS - left;
        let mut acc = [*o0, *o1, *o2, *o3];
        for (u, input) in in_rows.iter().enumerate() {
            let src = &input[first..first + COLS + 2];
            for j in 0..3 {
                let v = &src[j..j + COLS];
                for (q, a) in acc.iter_mut().enumerate() {
                    // Output row q reads input row u with kernel row u − q.
                    if let Some(i) = u.checked_sub(q).filter(|&i| i < 3) {
                        let weight = w[i * 3 + j];
                        for (a, v) in a.iter_mut().zip(v) {
                            *a += weight * v;
                        }
                    }
                }
            }
        }
        [*o0, *o1, *o2, *o3] = acc;
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use crate::conv::convolve::{ConvConfig, Padding, convolve, convolve_region, receptive_field};
    use crate::conv::kernel::{Kernel, KernelBank};
    use crate::conv::map::{FeatureMap, Rect};

    #[test]
    fn four_rows_at_a_time_equal_the_receptive_fields_to_the_bit() {
        // 45 columns (whole blocks inside, edges tap by tap) and row counts that leave
        // rows over for the pairs and the padding.
        for rows in [6, 9, 13] {
            let data = (0..rows * 45)
                .map(|i| ((i * 37 % 101) as f32 - 50.0) / 7.0)
                .collect();
            let image = FeatureMap::from_data(1, rows, 45, data);
            let weights: Vec<f32> = (0..9).map(|i| (i as f32 * 0.37 + 0.1).sin()).collect();
            assert!(super::nonzero_weights(1, 3, 3, &weights).is_some());
            let mut bank = KernelBank::from_kernels(&[Kernel::new(3, 3, weights)]);
            bank.bias_mut()[0] = 0.75;
            for padding in [Padding::Same, Padding::Valid, Padding::Zero(2)] {
                for flip in [false, true] {
                    let config = ConvConfig {
                        stride: 1,
                        padding,
                        flip,
                    };
                    let out = convolve(&image, &bank, &config);
                    for y in 0..out.height() {
                        for x in 0..out.width() {
                            let field = receptive_field(&image, &bank, &config, 0, y, x);
                            assert_eq!(
                                out.get(0, y, x).to_bits(),
                                field.value.to_bits(),
                                "{rows} rows, {config:?} at ({x}, {y})"
                            );
                        }
                    }
                    let region =
                        Rect::new(1, 2, 7, 40).intersect(Rect::full(out.height(), out.width()));
                    let mut part = out.clone();
                    part.data_mut().fill(0.0);
                    convolve_region(&image, &bank, &config, region, &mut part);
                    for y in region.y..region.bottom() {
                        for x in region.x..region.right() {
                            assert_eq!(part.get(0, y, x), out.get(0, y, x), "{config:?} region");
                        }
                    }
                }
            }
        }
    }
}

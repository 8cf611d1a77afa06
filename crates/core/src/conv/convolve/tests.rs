//! Tests of the convolution: SciPy's `correlate2d`/`convolve2d`, the output size, the
//! lecture's 6600, receptive fields and dirty-rectangle recomputation.

use super::*;
use crate::conv::kernel::{CURVE_DETECTOR, Kernel, LECTURE_PATCH, LECTURE_RESPONSE};
use crate::conv::reference::*;
#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

/// Channel 0 of the test image: 6 rows × 9 columns.
fn channel0() -> FeatureMap {
    FeatureMap::from_data(1, 6, 9, IMG[..54].to_vec())
}

/// The test image: 2 channels of 6 rows × 9 columns.
fn image() -> FeatureMap {
    FeatureMap::from_data(2, 6, 9, IMG.to_vec())
}

fn single(rows: usize, cols: usize, weights: &[f32]) -> KernelBank {
    KernelBank::from_kernels(&[Kernel::new(rows, cols, weights.to_vec())])
}

/// Checks one case against SciPy: kernel `(rows, cols, weights)`, expected `(rows, cols)`.
fn check(
    kernel: (usize, usize, &[f32]),
    padding: Padding,
    stride: usize,
    flip: bool,
    shape: (usize, usize),
    expected: &[f32],
) {
    let config = ConvConfig {
        stride,
        padding,
        flip,
    };
    let out = convolve(&channel0(), &single(kernel.0, kernel.1, kernel.2), &config);
    assert_eq!(
        out.shape(),
        (1, shape.0, shape.1),
        "{config:?} {}×{}",
        kernel.0,
        kernel.1
    );
    assert_eq!(out.data(), expected, "{config:?} {}×{}", kernel.0, kernel.1);
}

#[test]
fn odd_kernels_match_scipy_correlate2d() {
    check(
        (3, 3, &K3),
        Padding::Valid,
        1,
        false,
        (4, 7),
        &K3_VALID_S1_CORR,
    );
    check(
        (3, 3, &K3),
        Padding::Same,
        2,
        false,
        (3, 5),
        &K3_SAME_S2_CORR,
    );
    check(
        (3, 3, &K3),
        Padding::Zero(2),
        2,
        false,
        (4, 6),
        &K3_2_S2_CORR,
    );
}

#[test]
fn even_kernels_match_scipy_correlate2d() {
    check(
        (2, 4, &K24),
        Padding::Same,
        1,
        false,
        (6, 9),
        &K24_SAME_S1_CORR,
    );
    check(
        (2, 4, &K24),
        Padding::Valid,
        2,
        false,
        (3, 3),
        &K24_VALID_S2_CORR,
    );
    check(
        (2, 4, &K24),
        Padding::Zero(1),
        1,
        false,
        (7, 8),
        &K24_1_S1_CORR,
    );
    check(
        (4, 4, &K44),
        Padding::Same,
        1,
        false,
        (6, 9),
        &K44_SAME_S1_CORR,
    );
}

#[test]
fn flipped_kernels_match_scipy_convolve2d() {
    check(
        (3, 3, &K3),
        Padding::Same,
        1,
        true,
        (6, 9),
        &K3_SAME_S1_CONV,
    );
    check(
        (2, 4, &K24),
        Padding::Same,
        1,
        true,
        (6, 9),
        &K24_SAME_S1_CONV,
    );
    check(
        (2, 4, &K24),
        Padding::Valid,
        1,
        true,
        (5, 6),
        &K24_VALID_S1_CONV,
    );
    check(
        (4, 4, &K44),
        Padding::Same,
        2,
        true,
        (3, 5),
        &K44_SAME_S2_CONV,
    );
}

#[test]
fn flipping_equals_correlating_with_the_rotated_kernel() {
    let flipped = Kernel::new(2, 4, K24.to_vec()).flipped();
    let config = ConvConfig {
        padding: Padding::Valid,
        ..ConvConfig::default()
    };
    let out = convolve(&channel0(), &KernelBank::from_kernels(&[flipped]), &config);
    assert_eq!(out.data(), &K24_VALID_S1_CONV);
}

#[test]
fn channels_are_summed_and_each_kernel_adds_its_bias() {
    let bank = KernelBank::from_weights(2, 2, 2, KM.to_vec(), BM.to_vec());
    let out = convolve(&image(), &bank, &ConvConfig::default());
    assert_eq!(out.shape(), (2, 6, 9));
    assert_eq!(out.data(), &MULTI);
}

#[test]
fn output_size_formula() {
    let seven = |padding, stride| {
        ConvConfig {
            stride,
            padding,
            flip: false,
        }
        .output_shape(512, 512, 7, 7)
    };
    assert_eq!(seven(Padding::Same, 1), (512, 512));
    assert_eq!(seven(Padding::Valid, 1), (506, 506));
    assert_eq!(seven(Padding::Zero(3), 2), (256, 256));
    assert_eq!(seven(Padding::Same, 3), (171, 171));
    assert_eq!(output_size(5, 7, 0, 0, 1), 0);
    assert_eq!(output_size(5, 7, 1, 1, 1), 1);
    // Even "same": one more zero after than before, swapped for true convolution.
    assert_eq!(Padding::Same.amounts(4, false), (1, 2));
    assert_eq!(Padding::Same.amounts(4, true), (2, 1));
    assert_eq!(Padding::Same.amounts(5, true), (2, 2));
}

#[test]
fn lecture_example_gives_6600() {
    let patch = FeatureMap::from_data(1, 7, 7, LECTURE_PATCH.to_vec());
    let bank = KernelBank::from_kernels(&[Kernel::new(7, 7, CURVE_DETECTOR.to_vec())]);
    let valid = ConvConfig {
        padding: Padding::Valid,
        ..ConvConfig::default()
    };
    let out = convolve(&patch, &bank, &valid);
    assert_eq!(out.data(), &[LECTURE_RESPONSE]);
    assert_eq!(LECTURE_RESPONSE, 6600.0);

    let field = receptive_field(&patch, &bank, &valid, 0, 0, 0);
    assert_eq!((field.dot, field.value, field.bias), (6600.0, 6600.0, 0.0));
    assert_eq!(field.terms.len(), 49);
    let matched: Vec<(f32, f32, f32)> = field
        .terms
        .iter()
        .filter(|t| t.weight != 0.0)
        .map(|t| (t.input, t.weight, t.product))
        .collect();
    assert_eq!(
        matched,
        vec![
            (0.0, 30.0, 0.0),
            (50.0, 30.0, 1500.0),
            (20.0, 30.0, 600.0),
            (50.0, 30.0, 1500.0),
            (50.0, 30.0, 1500.0),
            (50.0, 30.0, 1500.0)
        ]
    );
    // With "same" padding the centre pixel sees the whole patch.
    let same = convolve(&patch, &bank, &ConvConfig::default());
    assert_eq!(same.get(0, 3, 3), 6600.0);
}

#[test]
fn receptive_fields_agree_with_the_convolution_and_show_the_padding() {
    let bank = KernelBank::from_weights(2, 2, 2, KM.to_vec(), BM.to_vec());
    for config in [
        ConvConfig::default(),
        ConvConfig {
            stride: 2,
            padding: Padding::Zero(1),
            flip: true,
        },
    ] {
        let out = convolve(&image(), &bank, &config);
        for k in 0..2 {
            for y in 0..out.height() {
                for x in 0..out.width() {
                    let field = receptive_field(&image(), &bank, &config, k, y, x);
                    assert_eq!(
                        field.value,
                        out.get(k, y, x),
                        "{config:?} map {k} at ({x}, {y})"
                    );
                    assert_eq!(field.value, field.dot + field.bias);
                }
            }
        }
    }
    let k3 = single(3, 3, &K3);
    let corner = receptive_field(&channel0(), &k3, &ConvConfig::default(), 0, 0, 0);
    assert_eq!((corner.input_x, corner.input_y), (-1, -1));
    assert_eq!(corner.inside, Rect::new(0, 0, 2, 2));
    assert_eq!(corner.terms.iter().filter(|t| t.padding).count(), 5);
    assert!(
        corner
            .terms
            .iter()
            .filter(|t| t.padding)
            .all(|t| t.input == 0.0 && t.product == 0.0)
    );
    assert_eq!(corner.value, K3_SAME_S2_CORR[0]);
    // True convolution pairs the top-left input with the bottom-right weight.
    let flipped = receptive_field(
        &channel0(),
        &k3,
        &ConvConfig {
            flip: true,
            ..ConvConfig::default()
        },
        0,
        1,
        1,
    );
    assert_eq!(
        (flipped.terms[0].kernel_row, flipped.terms[0].kernel_col),
        (2, 2)
    );
    assert_eq!(flipped.terms[0].weight, K3[8]);
    assert_eq!(flipped.value, K3_SAME_S1_CONV[9 + 1]);
}

#[test]
fn region_recomputation_equals_full_recomputation() {
    let multi = KernelBank::from_weights(2, 2, 2, KM.to_vec(), BM.to_vec());
    let mut k44 = KernelBank::new(1, 2, 4, 4);
    k44.plane_mut(0, 0).copy_from_slice(&K44);
    k44.plane_mut(0, 1).copy_from_slice(&K44);
    let mut k24 = KernelBank::new(2, 2, 2, 4);
    k24.plane_mut(1, 1).copy_from_slice(&K24);
    let configs = [
        ConvConfig::default(),
        ConvConfig {
            stride: 2,
            padding: Padding::Zero(1),
            flip: true,
        },
        ConvConfig {
            stride: 2,
            padding: Padding::Same,
            flip: false,
        },
        ConvConfig {
            stride: 1,
            padding: Padding::Valid,
            flip: true,
        },
        ConvConfig {
            stride: 3,
            padding: Padding::Zero(3),
            flip: false,
        },
    ];
    let strokes = [
        Rect::new(2, 3, 1, 2),
        Rect::new(0, 0, 1, 1),
        Rect::new(3, 7, 5, 5),
        Rect::new(5, 4, 1, 1),
    ];
    for bank in [&multi, &k44, &k24] {
        for config in &configs {
            for &stroke in &strokes {
                let before = image();
                let mut after = image();
                for c in 0..2 {
                    for y in stroke.y..stroke.bottom().min(6) {
                        for x in stroke.x..stroke.right().min(9) {
                            after.set(c, y, x, 7.0 + (x * y) as f32);
                        }
                    }
                }
                let mut out = convolve(&before, bank, config);
                let region = affected_output_rect(config, bank, 6, 9, stroke);
                convolve_region(&after, bank, config, region, &mut out);
                assert_eq!(
                    out,
                    convolve(&after, bank, config),
                    "{config:?} stroke {stroke:?} region {region:?}"
                );
                let (w, h) = (out.width(), out.height());
                assert!(
                    region.width * region.height < w * h || w * h <= 4,
                    "{config:?} {stroke:?}: {region:?} is the whole {w}×{h} map"
                );
            }
        }
    }
}

#[test]
fn a_two_by_three_kernel_on_a_four_by_five_image_is_row_major() {
    // Image value 5·row + col, 4 rows × 5 columns; kernel 2 rows × 3 columns.
    let image = FeatureMap::from_data(1, 4, 5, (0..20).map(|v| v as f32).collect());
    let bank = single(2, 3, &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
    let valid = ConvConfig {
        padding: Padding::Valid,
        ..ConvConfig::default()
    };
    let out = convolve(&image, &bank, &valid);
    // out(r, c) = Σ w(i, j)·(5(r + i) + c + j) = 21·(5r + c) + (1·0 + 2·1 + 3·2 + 4·5 + 5·6 + 6·7)
    //           = 21·(5r + c) + 100, on 4 − 2 + 1 = 3 rows and 5 − 3 + 1 = 3 columns.
    assert_eq!(out.shape(), (1, 3, 3));
    #[rustfmt::skip]
    assert_eq!(out.data(), &[
        100.0, 121.0, 142.0,
        205.0, 226.0, 247.0,
        310.0, 331.0, 352.0,
    ]);
    assert_eq!((out.get(0, 2, 0), out.get(0, 0, 2)), (310.0, 142.0));
    let field = receptive_field(&image, &bank, &valid, 0, 2, 0);
    assert_eq!((field.y, field.x, field.value), (2, 0, 310.0));
    assert_eq!((field.height, field.width), (2, 3));
    assert_eq!(valid.output_shape(4, 5, 2, 3), (3, 3));
    assert_eq!(ConvConfig::default().output_shape(4, 5, 2, 3), (4, 5));
    assert_eq!(valid.output_shape(4, 7, 2, 3), (3, 5), "rows first");
}

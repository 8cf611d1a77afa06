//! A 32×32 drawing becomes 8×8 block counts, as the digits were made.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

fn blank() -> [bool; DRAWING_SIDE * DRAWING_SIDE] {
    [false; DRAWING_SIDE * DRAWING_SIDE]
}

fn ink(drawing: &mut [bool; DRAWING_SIDE * DRAWING_SIDE], row: usize, col: usize) {
    drawing[row * DRAWING_SIDE + col] = true;
}

#[test]
fn each_block_counts_its_inked_pixels() {
    let mut drawing = blank();
    // Block (row 0, col 0): the whole 4×4 block → 16.
    for r in 0..4 {
        for c in 0..4 {
            ink(&mut drawing, r, c);
        }
    }
    // Block (row 0, col 1): three pixels in columns 4..8 of row 1 → 3.
    for c in [4, 6, 7] {
        ink(&mut drawing, 1, c);
    }
    // Block (row 2, col 5): rows 8..12, columns 20..24; its four corners → 4.
    for (r, c) in [(8, 20), (8, 23), (11, 20), (11, 23)] {
        ink(&mut drawing, r, c);
    }
    // Block (row 7, col 0) but not (row 0, col 7): row 31, column 0 → 1.
    ink(&mut drawing, 31, 0);
    // Block (row 3, col 7): column 31 of rows 12..16, two pixels → 2.
    ink(&mut drawing, 13, 31);
    ink(&mut drawing, 15, 31);

    let counts = downsample_drawing(&drawing);
    let mut expected = [0u8; 64];
    expected[0] = 16;
    expected[1] = 3;
    expected[2 * 8 + 5] = 4;
    expected[7 * 8] = 1;
    expected[3 * 8 + 7] = 2;
    assert_eq!(counts, expected);
    assert_eq!(counts.iter().map(|&c| u32::from(c)).sum::<u32>(), 26);

    let scaled = scale_counts(&counts);
    assert_eq!(
        (scaled[0], scaled[1], scaled[7 * 8]),
        (1.0, 3.0 / 16.0, 1.0 / 16.0)
    );
}

#[test]
fn a_blank_drawing_is_blank_and_a_full_one_is_full() {
    assert_eq!(downsample_drawing(&blank()), [0; 64]);
    assert_eq!(downsample_drawing(&[true; 1024]), [MAX_COUNT; 64]);
    assert_eq!(scale_counts(&[MAX_COUNT; 64]), [1.0; 64]);
}

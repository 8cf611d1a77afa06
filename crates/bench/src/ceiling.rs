//! The ceiling the hot loops are measured against: how many `f32` multiply-adds per second
//! one core reaches in wasm SIMD128 when nothing but registers is involved (f32x4 `mul`
//! then `add`, twelve independent chains so neither latency nor memory limits it).

use core::arch::wasm32::{f32x4_add, f32x4_extract_lane, f32x4_mul, f32x4_splat, v128};
use std::hint::black_box;

/// Chains run side by side.
const CHAINS: usize = 12;

/// Runs `rounds` rounds of `CHAINS` f32x4 multiply-adds; returns the floating-point
/// operations done (2 per lane per multiply-add) and a value that depends on all of them.
pub fn mul_add_rounds(rounds: u32) -> (f64, f32) {
    let m = f32x4_splat(black_box(0.999_9));
    let a = f32x4_splat(black_box(1e-4));
    let mut acc: [v128; CHAINS] = std::array::from_fn(|k| f32x4_splat(k as f32));
    for _ in 0..rounds {
        for x in &mut acc {
            *x = f32x4_add(f32x4_mul(*x, m), a);
        }
    }
    let sum: f32 = acc.iter().map(|x| f32x4_extract_lane::<0>(*x)).sum();
    (f64::from(rounds) * (CHAINS * 4 * 2) as f64, sum)
}

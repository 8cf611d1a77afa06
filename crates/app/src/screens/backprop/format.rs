//! Numbers as the screen writes them: 4 significant digits and a real minus sign "−".

/// `x` with 4 significant digits, e.g. `0.9999`, `−1.500`, `12.35`, `4.540·10⁻⁵`.
pub fn num(x: f64) -> String {
    with_decimals(x, 3)
}

/// [`num`] for a leaf's narrow box in the graph: a number that needs a power of ten keeps 3
/// significant digits (`−4.12·10⁻⁸`), so it fits at the presenter's type size.
pub fn num_narrow(x: f64) -> String {
    with_decimals(x, 2)
}

/// `x` with 4 significant digits, or `1 + sci_decimals` when it is written with a power of ten.
fn with_decimals(x: f64, sci_decimals: usize) -> String {
    if x.is_nan() {
        return "—".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "∞" } else { "−∞" }.into();
    }
    if x == 0.0 {
        return "0".into();
    }
    let magnitude = x.abs();
    let text = if (1e-4..1e5).contains(&magnitude) {
        let mut exponent = magnitude.log10().floor() as i32;
        // Rounding may carry into a new digit (9.99996 → 10.00).
        if (magnitude / 10f64.powi(exponent - 3)).round() >= 10_000.0 {
            exponent += 1;
        }
        let decimals = (3 - exponent).max(0) as usize;
        format!("{magnitude:.decimals$}")
    } else {
        let sci = format!("{magnitude:.sci_decimals$e}");
        let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
        format!("{mantissa}·10{}", superscript(exponent))
    };
    if x < 0.0 { format!("−{text}") } else { text }
}

/// A typed or table value without padding zeros: `3`, `0.5`, `−1.25` (at most 4 decimals).
pub fn plain(x: f64) -> String {
    let text = format!("{:.4}", x.abs());
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if x < 0.0 && text != "0" {
        format!("−{text}")
    } else {
        text.to_owned()
    }
}

/// A label as the network's targets write it: `1`, `0` (the lecture's "not safe") or `−1`.
pub fn label(target: f64) -> &'static str {
    if target > 0.0 {
        "1"
    } else if target < 0.0 {
        "−1"
    } else {
        "0"
    }
}

fn superscript(exponent: &str) -> String {
    exponent
        .chars()
        .map(|c| match c {
            '-' => '⁻',
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            '9' => '⁹',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn four_significant_digits_with_a_real_minus() {
        assert_eq!(num(0.999954), "1.000");
        assert_eq!(num(-1.5), "−1.500");
        assert_eq!(num(12.3456), "12.35");
        assert_eq!(num(-0.0066929), "−0.006693");
        assert_eq!(num(9.99996), "10.00");
        assert_eq!(num(1234.56), "1235");
        assert_eq!(num(0.0), "0");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(4.53979e-5), "4.540·10⁻⁵");
        assert_eq!(num(-2.5e7), "−2.500·10⁷");
        assert_eq!(num(f64::NAN), "—");
        assert_eq!(num_narrow(-4.12195e-8), "−4.12·10⁻⁸");
        assert_eq!(num_narrow(-0.45399), "−0.4540");
        assert_eq!(plain(3.0), "3");
        assert_eq!(plain(-1.25), "−1.25");
        assert_eq!(plain(0.5), "0.5");
    }
}

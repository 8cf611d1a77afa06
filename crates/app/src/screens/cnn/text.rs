//! Numbers the way the screen shows them.

/// A loss with three significant digits (or "—" when there is none).
pub fn loss(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() && v.abs() >= 10.0 => format!("{v:.1}"),
        Some(v) if v.is_finite() && v.abs() >= 1.0 => format!("{v:.2}"),
        Some(v) if v.is_finite() => format!("{v:.3}"),
        Some(v) => v.to_string(),
        None => "—".to_owned(),
    }
}

/// A fraction as a percentage with one decimal.
pub fn percent(fraction: f32) -> String {
    format!("{:.1}%", 100.0 * fraction)
}

/// A legend's number: two significant digits.
pub fn scale(value: f32) -> String {
    if value >= 10.0 {
        format!("{value:.0}")
    } else if value >= 1.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_like_the_lecture() {
        assert_eq!(percent(0.9771), "97.7%");
        assert_eq!(loss(Some(2.2871)), "2.29");
        assert_eq!(loss(Some(0.12345)), "0.123");
        assert_eq!(loss(None), "—");
        assert_eq!(
            (scale(0.437), scale(3.21), scale(12.6)),
            ("0.44".into(), "3.2".into(), "13".into())
        );
    }
}

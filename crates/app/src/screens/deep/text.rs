//! Filling the string tables' `{}` slots and writing numbers the way the screen shows them.

/// `template` with each `{}` replaced by the next of `args`.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        out.push_str(args.next().copied().unwrap_or("{}"));
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

/// A loss with three significant digits (or "—" when there is none).
pub fn loss(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() && v.abs() >= 100.0 => format!("{v:.0}"),
        Some(v) if v.is_finite() && v.abs() >= 10.0 => format!("{v:.1}"),
        Some(v) if v.is_finite() && v.abs() >= 1.0 => format!("{v:.2}"),
        Some(v) if v.is_finite() => format!("{v:.3}"),
        Some(v) => v.to_string(),
        None => "—".to_owned(),
    }
}

/// A fraction as a percentage with one decimal.
pub fn percent(fraction: f64) -> String {
    format!("{:.1}%", 100.0 * fraction)
}

/// A count with thousands separators (1,297).
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_fill_in_order() {
        assert_eq!(fill("{} of {}", &["3", "7"]), "3 of 7");
        assert_eq!(fill("no slots", &["x"]), "no slots");
        assert_eq!(fill("{} {}", &["1"]), "1 {}");
    }

    #[test]
    fn numbers_read_like_the_lecture() {
        assert_eq!(count(1297), "1,297");
        assert_eq!(count(100), "100");
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(percent(0.0771), "7.7%");
        assert_eq!(loss(Some(23.456)), "23.5");
        assert_eq!(loss(Some(0.12345)), "0.123");
        assert_eq!(loss(None), "—");
    }
}

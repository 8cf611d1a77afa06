use super::*;
use crate::features::{Feature, FeatureSet, Named};
use crate::rng::Rng;
#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[test]
fn formulas_evaluate_like_the_rust_expression() {
    type Case = (&'static str, fn(f64, f64) -> f64);
    let cases: [Case; 15] = [
        ("x1 - x2^2", |a, b| a - b * b),
        ("-x1^2", |a, _| -(a * a)),
        ("exp(-x1^2)", |a, _| (-(a * a)).exp()),
        ("x2 * - sin(x1)^2", |a, b| -b * a.sin() * a.sin()),
        ("2^3^2 + 2^-1", |_, _| 512.5),
        ("x1²·x2 − x2³", |a, b| a * a * b - b * b * b),
        ("x1**2 / 4", |a, _| a * a / 4.0),
        ("max(x1, x2) + min(x1, 2*x2)", |a, b| {
            a.max(b) + a.min(2.0 * b)
        }),
        ("pi * e + 1.5e1 * .5", |_, _| {
            std::f64::consts::PI * std::f64::consts::E + 7.5
        }),
        ("-x1 + 1", |a, _| 1.0 - a),
        ("sin(x1) * x2^2", |a, b| a.sin() * b * b),
        ("abs(x1 - x2) - 1", |a, b| (a - b).abs() - 1.0),
        ("exp(-(x1^2) - x2^2)", |a, b| (-a * a - b * b).exp()),
        ("x2 / 2", |_, b| b / 2.0),
        ("3", |_, _| 3.0),
    ];
    for (text, f) in cases {
        let formula = Formula::parse(text).unwrap();
        for (x1, x2) in [(0.5, -1.5), (2.0, 3.0), (-4.0, 0.1)] {
            let (got, want) = (formula.value(x1, x2), f(x1, x2));
            assert!(
                (got - want).abs() < 1e-12,
                "{text} at ({x1}, {x2}): {got} vs {want}"
            );
        }
    }
    for name in Formula::function_names() {
        let call = if ["min", "max", "atan2", "pow", "hypot"].contains(&name) {
            format!("{name}(x1, x2)")
        } else {
            format!("{name}(x1)")
        };
        assert!(
            Formula::parse(&call).unwrap().value(0.5, 0.25).is_finite(),
            "{call}"
        );
    }
    let set = FeatureSet::new(vec![
        Feature::Named(Named::X1),
        Feature::formula("x1*x2").unwrap(),
    ]);
    assert_eq!(set.labels(), ["x1", "x1*x2"]);
    assert_eq!(set.apply(3.0, 4.0), [3.0, 12.0]);
}

#[test]
fn bad_formulas_say_what_and_where() {
    let deep = format!("{}x1{}", "(".repeat(60), ")".repeat(60));
    let cases = [
        ("sin(x1", Some(3), "never closed"),
        ("x1) + 2", Some(2), "no matching"),
        ("x1 @ x2", Some(3), "cannot read '@'"),
        ("y + x1", Some(0), "unknown variable 'y'"),
        ("x1 +* x2", Some(4), "'*' cannot follow"),
        ("* x1", Some(0), "cannot start with '*'"),
        ("foo(x1)", Some(0), "unknown function 'foo'"),
        ("x1 + ", Some(3), "ends with an operator"),
        ("2x1", Some(1), "side by side"),
        ("x1 x2", Some(3), "side by side"),
        ("sin x1", Some(0), "needs parentheses"),
        ("min(x1)", Some(0), "takes two arguments, not 1"),
        ("max(x1,)", Some(7), "missing before ')'"),
        ("x1, x2", Some(2), "separates the arguments"),
        ("()", Some(1), "empty parentheses"),
        ("x1(2)", Some(0), "not a function"),
        ("1.2.3", Some(0), "cannot read the number '1.2.3'"),
        ("²", Some(0), "needs a value"),
        (deep.as_str(), Some(49), "nested too deeply"),
        ("  ", None, "empty"),
    ];
    for (text, position, words) in cases {
        let err = Formula::parse(text).unwrap_err();
        assert_eq!(err.position, position, "{text}: {err}");
        assert!(err.message.contains(words), "{text}: {err}");
        let shown = err.to_string();
        assert!(
            shown.contains(text.trim_end()) && !shown.contains("Operator {"),
            "{shown}"
        );
    }
    assert_eq!(
        Formula::parse("y + x1").unwrap_err().to_string(),
        "unknown variable 'y': use x1 and x2 (at character 1 of \"y + x1\")"
    );
}

/// A random formula in the common ground of our reading and exmex's: unary minus only
/// on parenthesised groups not raised to a power, powers only of parenthesised bases by
/// small integers (exmex reads `-x^2` and `a^b^c` differently from mathematics).
fn random_formula(rng: &mut Rng, depth: usize) -> String {
    let leaf = |rng: &mut Rng| match rng.index(4) {
        0 => "x1".to_string(),
        1 => "x2".to_string(),
        2 => format!("{}", rng.index(90) as f64 / 10.0 + 0.5),
        _ => ["PI", "E", "x1"][rng.index(3)].to_string(),
    };
    if depth == 0 {
        return leaf(rng);
    }
    let mut inner = || random_formula(rng, depth - 1);
    let (a, b) = (inner(), inner());
    match rng.index(7) {
        0 => format!("{a} + {b}"),
        1 => format!("{a} - ({b})"),
        2 => format!("({a}) * ({b})"),
        3 => format!("({a}) / ({b})"),
        4 => format!("({a})^{}", rng.index(4)),
        5 => format!(
            "{}({a})",
            ["sin", "cos", "exp", "abs", "sqrt", "tanh", "ln"][rng.index(7)]
        ),
        _ => format!("(-({a}))"),
    }
}

/// Differential test: our parser against exmex, a maintained expression crate (kept as
/// a test-only reference: shipping it would bring regex and ~300 KB gzipped of tables).
#[test]
fn formulas_agree_with_the_exmex_crate() {
    use exmex::Express;
    let mut rng = Rng::seeded(11);
    for _ in 0..300 {
        let depth = 1 + rng.index(3);
        let text = random_formula(&mut rng, depth);
        let ours = Formula::parse(&text).unwrap();
        let theirs = exmex::parse::<f64>(&text).unwrap();
        let names = theirs.var_names().to_vec();
        for (x1, x2) in [(0.7, -1.3), (2.5, 0.4), (-3.0, 1.75)] {
            let args: Vec<f64> = names
                .iter()
                .map(|n| if n == "x1" { x1 } else { x2 })
                .collect();
            let (a, b) = (ours.value(x1, x2), theirs.eval(&args).unwrap());
            let close = (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
            assert!(
                close || a == b || (a.is_nan() && b.is_nan()),
                "{text} at ({x1}, {x2}): {a} vs {b}"
            );
        }
    }
}

/// How many inputs of each kind the fuzz test tries: the whole number in the environment
/// variable `NNP_FUZZ_CASES` (set by `scripts/fuzz-long.sh`), else 10,000 natively and 300
/// in the browser (which has no environment, finds nothing new, and must not compute for
/// half a minute without a break). The app's `share::fuzz::fuzz_cases` reads the same.
fn fuzz_cases() -> usize {
    std::env::var("NNP_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().replace('_', "").parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(if cfg!(target_family = "wasm") {
            300
        } else {
            10_000
        })
}

/// Whatever is typed or pasted, parsing returns and evaluation gives a number or NaN:
/// runs of formula pieces (which often parse), and random characters (ASCII with its control
/// characters, and all of Unicode).
#[test]
fn fuzz_formulas_never_panic() {
    let pieces = [
        "x1", "x2", "(", ")", "+", "-", "*", "/", "^", "**", "²", ",", " ", "2", ".", "e", "1e",
        "sin", "max", "pi", "@", "−", "×", "9.9e99", "π", "y",
    ];
    let cases = fuzz_cases();
    let mut rng = Rng::seeded(5);
    let mut parsed = 0;
    for round in 0..2 * cases {
        let len = 1 + rng.index(10);
        let text: String = if round < cases {
            (0..len).map(|_| pieces[rng.index(pieces.len())]).collect()
        } else {
            // Control characters and ASCII half the time, anything else the other half.
            (0..len * 4)
                .filter_map(|_| {
                    let top = if rng.index(2) == 0 { 0x80 } else { 0x11_0000 };
                    char::from_u32(rng.index(top) as u32)
                })
                .collect()
        };
        if let Ok(formula) = Formula::parse(&text) {
            parsed += 1;
            let _ = formula.value(0.5, -2.0);
        }
    }
    assert!(
        parsed >= cases / 200,
        "the generator should also hit valid formulas ({parsed})"
    );
    println!(
        "FUZZED formula parser: {} inputs, {parsed} parsed",
        2 * cases
    );
}

#[test]
fn a_formula_longer_than_the_limit_is_refused_with_its_length() {
    let longest = format!("x1{}", "+x1".repeat((MAX_FORMULA_CHARS - 2) / 3));
    assert!(longest.chars().count() <= MAX_FORMULA_CHARS);
    assert!(Formula::parse(&longest).is_ok());
    let huge = "x1+".repeat(34_000) + "x2";
    let error = Formula::parse(&huge).unwrap_err();
    assert_eq!(
        error.message,
        "the formula has 102002 characters; at most 200 are allowed"
    );
    assert!(
        error.to_string().len() < 120,
        "the message does not repeat the text: {error}"
    );
}

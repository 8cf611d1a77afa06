//! Numbers and equations as text: the lecture's formulas with the values written in.

use nnp_core::activation::Activation;
use nnp_core::recurrent::{EquationLine, Terms};

/// `v` with three decimals and a true minus sign.
pub fn num(v: f32) -> String {
    let s = format!("{v:.3}");
    if s == "-0.000" {
        "0.000".to_owned()
    } else {
        s.replace('-', "−")
    }
}

/// `v` for a product: negative numbers in brackets.
fn factor(v: f32) -> String {
    if v < 0.0 && num(v) != "0.000" {
        format!("({})", num(v))
    } else {
        num(v)
    }
}

/// The activation's name as the lecture writes it.
pub fn activation_name(a: Activation) -> &'static str {
    match a {
        Activation::Logistic => "σ",
        Activation::Tanh => "tanh",
        Activation::Relu => "ReLU",
        Activation::Sign => "sign",
        Activation::Linear => "",
    }
}

/// One segment of a weighted sum written out: `("h_{t−1}", "0.120·0.310 + …", sum, skipped)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Products {
    pub segment: &'static str,
    pub terms: String,
    pub sum: f32,
    /// How many products were left out because their input is 0.
    pub zeros: usize,
}

/// Every line of an equation, as the view shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    /// The formula in the lecture's notation.
    pub formula: &'static str,
    /// `= σ(0.834 + 0.120) = σ(0.954)` or `= 0.72 * 0.10 + …`.
    pub numbers: String,
    /// The result.
    pub value: String,
    /// The weighted sums, segment by segment (affine lines only).
    pub products: Vec<Products>,
}

/// Writes one equation line with its numbers.
pub fn write(line: &EquationLine<f32>) -> Written {
    match &line.terms {
        Terms::Affine {
            activation,
            segments,
            weights,
            inputs,
            bias,
            extra,
            pre_activation,
        } => {
            let mut products = Vec::new();
            let mut start = 0;
            for (segment, len) in segments {
                let range = start..start + len;
                start += len;
                let pairs: Vec<(f32, f32)> = weights[range.clone()]
                    .iter()
                    .copied()
                    .zip(inputs[range].iter().copied())
                    .collect();
                let kept: Vec<String> = pairs
                    .iter()
                    .filter(|(_, x)| *x != 0.0)
                    .map(|(w, x)| format!("{}·{}", factor(*w), factor(*x)))
                    .collect();
                products.push(Products {
                    segment,
                    zeros: pairs.len() - kept.len(),
                    terms: if kept.is_empty() {
                        "0".to_owned()
                    } else {
                        kept.join(" + ")
                    },
                    sum: pairs.iter().map(|(w, x)| w * x).sum(),
                });
            }
            let mut inside: Vec<String> = products.iter().map(|p| num(p.sum)).collect();
            inside.push(num(*bias));
            if let Some((name, v)) = extra {
                inside.push(format!("{name} = {}", num(*v)));
            }
            let inside = inside.join(" + ").replace("+ −", "− ");
            let name = activation_name(*activation);
            let numbers = format!("= {name}({inside}) = {name}({})", num(*pre_activation));
            Written {
                formula: line.formula,
                numbers,
                value: num(line.value),
                products,
            }
        }
        Terms::Combination { operands } => Written {
            formula: line.formula,
            numbers: format!("= {}", substitute(line.formula, operands)),
            value: num(line.value),
            products: Vec::new(),
        },
    }
}

/// The right-hand side of `formula` with each operand's name replaced by its value, in order.
pub fn substitute(formula: &str, operands: &[(&'static str, f32)]) -> String {
    let rhs = formula.split_once(" = ").map_or(formula, |(_, r)| r);
    let mut out = String::new();
    let mut rest = rhs;
    for (name, value) in operands {
        match rest.find(name) {
            Some(at) => {
                out.push_str(&rest[..at]);
                out.push_str(&factor(*value));
                rest = &rest[at + name.len()..];
            }
            None => {
                let listed: Vec<String> = operands
                    .iter()
                    .map(|(n, v)| format!("{n} = {}", num(*v)))
                    .collect();
                return format!("{rhs}, {}", listed.join(", "));
            }
        }
    }
    out.push_str(rest);
    out.replace('*', "×")
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn operands_replace_their_names_in_order() {
        let s = substitute(
            "C_t = f_t * C_{t−1} + i_t * C̃_t",
            &[
                ("f_t", 0.5),
                ("C_{t−1}", -0.25),
                ("i_t", 1.0),
                ("C̃_t", 0.125),
            ],
        );
        assert_eq!(s, "0.500 × (−0.250) + 1.000 × 0.125");
        let s = substitute("h_t = o_t * tanh(C_t)", &[("o_t", 0.5), ("C_t", 2.0)]);
        assert_eq!(s, "0.500 × tanh(2.000)");
    }

    #[test]
    fn numbers_have_a_true_minus_and_no_negative_zero() {
        assert_eq!(num(-0.0001), "0.000");
        assert_eq!(num(-1.5), "−1.500");
    }
}

//! Formulas of `x1` and `x2` typed by a user, e.g. `sin(x1) * x2^2`: parsed once into a
//! small postfix program, then evaluated fast at every point of a grid.
//!
//! The reading is the one of mathematics (and of Python): `^` binds tighter than a leading
//! minus, so `-x1^2 = −(x1²)`, and is right-associative, so `2^3^2 = 2⁹`. `**` is accepted
//! for `^`, `x1²` and `x1³` may be typed with superscripts, `×`, `·` and `−` are read as
//! `*`, `*` and `-`. Errors say what is wrong and at which character.

use std::fmt;

mod lex;
mod parse;
mod problem;

pub use problem::Problem;

use crate::activation::{logistic, relu};
use lex::{Tok, Token, tokenize};
use parse::{Parser, check_parentheses};

/// Why a typed formula cannot be used, with where the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormulaError {
    /// The formula as typed.
    pub formula: String,
    /// The character index (0-based) the problem starts at, when it is known.
    pub position: Option<usize>,
    /// What is wrong, as data (a screen words it in its language).
    pub problem: Problem,
    /// What is wrong, in English words a student can act on.
    pub message: String,
}

impl fmt::Display for FormulaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(p) => write!(
                f,
                "{} (at character {} of \"{}\")",
                self.message,
                p + 1,
                self.formula
            ),
            None => write!(f, "{} (in \"{}\")", self.message, self.formula),
        }
    }
}

impl std::error::Error for FormulaError {}

/// A formula of `x1` and `x2`. Known functions: see [`Formula::function_names`]; constants `pi`
/// (`π`, `PI`) and `e` (`E`).
///
/// ```
/// use nnp_core::features::Formula;
///
/// let f = Formula::parse("x1 * x2 - 1").unwrap();
/// assert_eq!(f.value(3.0, 2.0), 5.0);
/// assert_eq!(Formula::parse("-x1^2").unwrap().value(3.0, 0.0), -9.0, "−(x1²)");
/// let err = Formula::parse("sin(x1").unwrap_err();
/// assert_eq!(err.position, Some(3), "the unclosed parenthesis");
/// ```
#[derive(Debug, Clone)]
pub struct Formula {
    text: String,
    program: Vec<Op>,
}

impl PartialEq for Formula {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

/// One instruction of the postfix program; the evaluation stack never exceeds
/// [`MAX_STACK`] (checked when parsing).
#[derive(Debug, Clone, Copy)]
enum Op {
    Const(f64),
    X1,
    X2,
    Neg,
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    Call1(Unary),
    Call2(Binary),
}

/// The deepest evaluation stack a formula may need (far beyond anything typed by hand).
const MAX_STACK: usize = 32;
/// The deepest nesting of parentheses, function calls and signs the parser follows.
const MAX_NESTING: usize = 48;

fn sign(x: f64) -> f64 {
    if x > 0.0 {
        1.0
    } else if x < 0.0 {
        -1.0
    } else {
        x
    }
}

type Unary = fn(f64) -> f64;
type Binary = fn(f64, f64) -> f64;

const FUNCTIONS_1: [(&str, Unary); 24] = [
    ("sin", f64::sin),
    ("cos", f64::cos),
    ("tan", f64::tan),
    ("asin", f64::asin),
    ("acos", f64::acos),
    ("atan", f64::atan),
    ("sinh", f64::sinh),
    ("cosh", f64::cosh),
    ("tanh", f64::tanh),
    ("exp", f64::exp),
    ("ln", f64::ln),
    ("log", f64::ln),
    ("log10", f64::log10),
    ("log2", f64::log2),
    ("sqrt", f64::sqrt),
    ("abs", f64::abs),
    ("sign", sign),
    ("signum", sign),
    ("floor", f64::floor),
    ("ceil", f64::ceil),
    ("round", f64::round),
    ("sigmoid", logistic::<f64>),
    ("logistic", logistic::<f64>),
    ("relu", relu::<f64>),
];

const FUNCTIONS_2: [(&str, Binary); 5] = [
    ("min", f64::min),
    ("max", f64::max),
    ("atan2", f64::atan2),
    ("pow", f64::powf),
    ("hypot", f64::hypot),
];

/// The longest formula [`Formula::parse`] reads, in characters: room for any feature a
/// lesson needs (`sin(3*x1)*exp(-(x1^2+x2^2)/2)` is 27), and a bound on what a link or a
/// field can make the parser and every grid evaluation do.
pub const MAX_FORMULA_CHARS: usize = 200;

impl Formula {
    /// The names of the known functions, one-argument ones first (`log` is the natural
    /// logarithm, as in NumPy).
    pub fn function_names() -> impl Iterator<Item = &'static str> {
        let one = FUNCTIONS_1.iter().map(|(name, _)| *name);
        one.chain(FUNCTIONS_2.iter().map(|(name, _)| *name))
    }

    /// Parses `text`; the error points at the offending character when it can. A text
    /// longer than [`MAX_FORMULA_CHARS`] is refused before it is read.
    pub fn parse(text: &str) -> Result<Self, FormulaError> {
        let length = text.chars().count();
        if length > MAX_FORMULA_CHARS {
            let start: String = text.chars().take(20).collect();
            let problem = Problem::TooLong { length };
            return Err(FormulaError {
                formula: format!("{start}…"),
                position: None,
                message: problem.to_string(),
                problem,
            });
        }
        let fail = |(position, problem): (Option<usize>, Problem)| FormulaError {
            formula: text.to_string(),
            position,
            message: problem.to_string(),
            problem,
        };
        if text.trim().is_empty() {
            return Err(fail((None, Problem::Empty)));
        }
        check_parentheses(text).map_err(|(p, m)| fail((Some(p), m)))?;
        let tokens = tokenize(text).map_err(|(p, m)| fail((Some(p), m)))?;
        let program = Parser::new(&tokens).program().map_err(fail)?;
        if stack_depth(&program) > MAX_STACK {
            return Err(fail((None, Problem::TooLongToEvaluate)));
        }
        Ok(Self {
            text: text.to_string(),
            program,
        })
    }

    /// The formula as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The formula's value at `(x1, x2)` (NaN where it is undefined, e.g. `ln` of a
    /// negative number).
    pub fn value(&self, x1: f64, x2: f64) -> f64 {
        let mut stack = [0.0; MAX_STACK];
        let mut top = 0;
        for op in &self.program {
            // The program is well-formed by construction: every binary operator finds two
            // values, every function its arguments, and the depth was checked.
            match *op {
                Op::Const(c) => push(&mut stack, &mut top, c),
                Op::X1 => push(&mut stack, &mut top, x1),
                Op::X2 => push(&mut stack, &mut top, x2),
                Op::Neg => stack[top - 1] = -stack[top - 1],
                Op::Call1(f) => stack[top - 1] = f(stack[top - 1]),
                Op::Add => binary(&mut stack, &mut top, |a, b| a + b),
                Op::Sub => binary(&mut stack, &mut top, |a, b| a - b),
                Op::Mul => binary(&mut stack, &mut top, |a, b| a * b),
                Op::Div => binary(&mut stack, &mut top, |a, b| a / b),
                Op::Pow => binary(&mut stack, &mut top, power),
                Op::Call2(f) => binary(&mut stack, &mut top, f),
            }
        }
        stack[0]
    }
}

fn push(stack: &mut [f64; MAX_STACK], top: &mut usize, value: f64) {
    stack[*top] = value;
    *top += 1;
}

fn binary(stack: &mut [f64; MAX_STACK], top: &mut usize, f: impl Fn(f64, f64) -> f64) {
    *top -= 1;
    stack[*top - 1] = f(stack[*top - 1], stack[*top]);
}

/// `a^b`, exact for small integer powers (so `x1^2` is `x1·x1` bit for bit).
fn power(a: f64, b: f64) -> f64 {
    if b.fract() == 0.0 && b.abs() <= 64.0 {
        a.powi(b as i32)
    } else {
        a.powf(b)
    }
}

/// The largest stack the program needs.
fn stack_depth(program: &[Op]) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for op in program {
        match op {
            Op::Const(_) | Op::X1 | Op::X2 => depth += 1,
            Op::Neg | Op::Call1(_) => {}
            _ => depth = depth.saturating_sub(1),
        }
        deepest = deepest.max(depth);
    }
    deepest
}

#[cfg(test)]
mod tests;

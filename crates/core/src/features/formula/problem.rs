//! What can be wrong with a typed formula, as data: a screen words it in its language;
//! [`Display`](std::fmt::Display) words it in English.

use std::fmt;

/// Why a formula cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Nothing was typed.
    Empty,
    /// More characters than [`super::MAX_FORMULA_CHARS`].
    TooLong {
        /// The characters typed.
        length: usize,
    },
    /// The postfix program would be too long to evaluate.
    TooLongToEvaluate,
    /// A `)` without its `(`.
    UnmatchedClose,
    /// A `(` never closed.
    UnclosedOpen,
    /// A number that does not read as one.
    BadNumber(String),
    /// A character that has no meaning here.
    BadCharacter(char),
    /// A `,` outside a function's arguments.
    StrayComma,
    /// A token left over after a whole expression.
    CannotReadHere,
    /// Two values with no operator between them (`2x1`).
    SideBySide,
    /// More nesting than the evaluator takes.
    NestedTooDeeply,
    /// The formula stops after an operator.
    EndsWithOperator,
    /// `()`.
    EmptyParentheses,
    /// An operator right after another (`x1 +* 2`).
    OperatorAfterOperator {
        /// The operator.
        op: char,
        /// The one before it.
        before: char,
    },
    /// An operator with nothing on its left.
    OperatorNeedsLeft(char),
    /// The formula starts with an operator that needs a left side.
    CannotStartWith(char),
    /// `(x1 + )`.
    MissingBeforeClose,
    /// `max(x1, )`.
    MissingBeforeComma,
    /// A superscript power with nothing to raise.
    PowerNeedsValue,
    /// Something else where a `)` belongs.
    ExpectedClose,
    /// The formula ends where a `)` belongs.
    MissingClose,
    /// A function used as a variable (`sin + 1`).
    NeedsParentheses(String),
    /// A name that is neither x1, x2 nor a constant.
    UnknownVariable(String),
    /// A variable called like a function (`x1(2)`).
    NotAFunction(String),
    /// A name that is no known function.
    UnknownFunction(String),
    /// A function called with the wrong number of arguments.
    WrongArity {
        /// The function.
        name: String,
        /// How many it takes (1 or 2).
        wanted: usize,
        /// How many it was given.
        given: usize,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Problem::*;
        match self {
            Empty => write!(f, "the formula is empty"),
            TooLong { length } => write!(
                f,
                "the formula has {length} characters; at most {} are allowed",
                super::MAX_FORMULA_CHARS
            ),
            TooLongToEvaluate => write!(f, "the formula is too long to evaluate"),
            UnmatchedClose => write!(f, "this ')' has no matching '('"),
            UnclosedOpen => write!(f, "this '(' is never closed"),
            BadNumber(literal) => write!(f, "cannot read the number '{literal}'"),
            BadCharacter(c) => write!(f, "cannot read '{c}' here"),
            StrayComma => write!(
                f,
                "',' only separates the arguments of a function such as max(x1, x2)"
            ),
            CannotReadHere => write!(f, "cannot read this here"),
            SideBySide => write!(
                f,
                "two values stand side by side: write an operator between them, e.g. 2*x1"
            ),
            NestedTooDeeply => write!(f, "the formula is nested too deeply"),
            EndsWithOperator => write!(f, "the formula ends with an operator"),
            EmptyParentheses => write!(f, "empty parentheses"),
            OperatorAfterOperator { op, before } => {
                write!(f, "'{op}' cannot follow the operator '{before}'")
            }
            OperatorNeedsLeft(op) => write!(f, "'{op}' needs a value on its left"),
            CannotStartWith(op) => write!(f, "the formula cannot start with '{op}'"),
            MissingBeforeClose => write!(f, "a value is missing before ')'"),
            MissingBeforeComma => write!(f, "a value is missing before ','"),
            PowerNeedsValue => write!(f, "a power needs a value to raise"),
            ExpectedClose => write!(f, "expected ')' here"),
            MissingClose => write!(f, "a ')' is missing"),
            NeedsParentheses(name) => write!(f, "'{name}' needs parentheses: {name}(x1)"),
            UnknownVariable(name) => write!(f, "unknown variable '{name}': use x1 and x2"),
            NotAFunction(name) => {
                write!(
                    f,
                    "'{name}' is not a function: write {name}*(…) to multiply"
                )
            }
            UnknownFunction(name) => write!(f, "unknown function '{name}'"),
            WrongArity {
                name,
                wanted,
                given,
            } => {
                let wanted = if *wanted == 1 {
                    "one argument"
                } else {
                    "two arguments"
                };
                write!(f, "'{name}' takes {wanted}, not {given}")
            }
        }
    }
}

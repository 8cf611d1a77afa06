//! Reading a formula: the parentheses checked first, then recursive descent over the
//! tokens into a postfix program.

use super::*;

/// Finds an unmatched parenthesis: `(char index, message)`.
pub(super) fn check_parentheses(text: &str) -> Result<(), (usize, Problem)> {
    let mut open = Vec::new();
    for (i, c) in text.chars().enumerate() {
        match c {
            '(' => open.push(i),
            ')' if open.pop().is_none() => {
                return Err((i, Problem::UnmatchedClose));
            }
            _ => {}
        }
    }
    match open.pop() {
        Some(i) => Err((i, Problem::UnclosedOpen)),
        None => Ok(()),
    }
}

type ParseResult = Result<(), (Option<usize>, Problem)>;

/// Recursive descent over the tokens, writing the postfix program as it goes.
pub(super) struct Parser<'a> {
    tokens: &'a [Token],
    next: usize,
    nesting: usize,
    program: Vec<Op>,
}

impl<'a> Parser<'a> {
    pub(super) fn new(tokens: &'a [Token]) -> Self {
        Self {
            tokens,
            next: 0,
            nesting: 0,
            program: Vec::new(),
        }
    }

    pub(super) fn program(mut self) -> Result<Vec<Op>, (Option<usize>, Problem)> {
        self.expression()?;
        if let Some(token) = self.peek() {
            let problem = match token.tok {
                Tok::Comma => Problem::StrayComma,
                _ => Problem::CannotReadHere,
            };
            return Err((Some(token.at), problem));
        }
        Ok(self.program)
    }

    fn peek(&self) -> Option<&'a Token> {
        self.tokens.get(self.next)
    }

    fn peek_operator(&self, ops: &str) -> Option<char> {
        match self.peek()?.tok {
            Tok::Operator(c) if ops.contains(c) => Some(c),
            _ => None,
        }
    }

    /// `term (('+' | '-') term)*`
    fn expression(&mut self) -> ParseResult {
        self.term()?;
        while let Some(op) = self.peek_operator("+-") {
            self.next += 1;
            self.term()?;
            self.program.push(if op == '+' { Op::Add } else { Op::Sub });
        }
        Ok(())
    }

    /// `signed (('*' | '/') signed)*`; two values side by side are refused here.
    fn term(&mut self) -> ParseResult {
        self.signed()?;
        loop {
            if let Some(op) = self.peek_operator("*/") {
                self.next += 1;
                self.signed()?;
                self.program.push(if op == '*' { Op::Mul } else { Op::Div });
            } else if let Some(token) = self.peek()
                && matches!(token.tok, Tok::Number(_) | Tok::Name(_) | Tok::Open)
            {
                return Err((Some(token.at), Problem::SideBySide));
            } else {
                return Ok(());
            }
        }
    }

    /// `('-' | '+') signed | power`
    fn signed(&mut self) -> ParseResult {
        match self.peek_operator("+-") {
            Some(op) => {
                self.next += 1;
                self.nested(|p| p.signed())?;
                if op == '-' {
                    self.program.push(Op::Neg);
                }
                Ok(())
            }
            None => self.power(),
        }
    }

    /// `atom superscript* ('^' signed)?` — the exponent may carry its own sign (`2^-1`).
    fn power(&mut self) -> ParseResult {
        self.atom()?;
        while let Some(Token {
            tok: Tok::Superscript(p),
            ..
        }) = self.peek()
        {
            self.next += 1;
            self.program.push(Op::Const(f64::from(*p)));
            self.program.push(Op::Pow);
        }
        if self.peek_operator("^").is_some() {
            self.next += 1;
            self.nested(|p| p.signed())?;
            self.program.push(Op::Pow);
        }
        Ok(())
    }

    fn nested(&mut self, inner: impl FnOnce(&mut Self) -> ParseResult) -> ParseResult {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            let at = self.peek().map(|t| t.at);
            return Err((at, Problem::NestedTooDeeply));
        }
        inner(self)?;
        self.nesting -= 1;
        Ok(())
    }

    /// A number, a variable, a constant, a function call or a parenthesised expression.
    fn atom(&mut self) -> ParseResult {
        let Some(token) = self.peek() else {
            let last = self.tokens.last().map(|t| t.at);
            return Err((last, Problem::EndsWithOperator));
        };
        self.next += 1;
        match &token.tok {
            Tok::Number(v) => self.program.push(Op::Const(*v)),
            Tok::Name(name) => self.name(name, token.at)?,
            Tok::Open => {
                if let Some(close) = self.peek().filter(|t| t.tok == Tok::Close) {
                    return Err((Some(close.at), Problem::EmptyParentheses));
                }
                self.nested(|p| p.expression())?;
                self.expect_close()?;
            }
            Tok::Operator(op) => {
                let problem = match self.tokens[..self.next - 1].last() {
                    Some(Token {
                        tok: Tok::Operator(before),
                        ..
                    }) => Problem::OperatorAfterOperator {
                        op: *op,
                        before: *before,
                    },
                    Some(_) => Problem::OperatorNeedsLeft(*op),
                    None => Problem::CannotStartWith(*op),
                };
                return Err((Some(token.at), problem));
            }
            Tok::Close => return Err((Some(token.at), Problem::MissingBeforeClose)),
            Tok::Comma => return Err((Some(token.at), Problem::MissingBeforeComma)),
            Tok::Superscript(_) => {
                return Err((Some(token.at), Problem::PowerNeedsValue));
            }
        }
        Ok(())
    }

    fn expect_close(&mut self) -> ParseResult {
        match self.peek() {
            Some(Token {
                tok: Tok::Close, ..
            }) => {
                self.next += 1;
                Ok(())
            }
            Some(token) => Err((Some(token.at), Problem::ExpectedClose)),
            None => Err((None, Problem::MissingClose)),
        }
    }

    fn name(&mut self, name: &str, at: usize) -> ParseResult {
        let called = self.peek().is_some_and(|t| t.tok == Tok::Open);
        let one = FUNCTIONS_1.iter().find(|(n, _)| *n == name);
        let two = FUNCTIONS_2.iter().find(|(n, _)| *n == name);
        if !called {
            let op = match name {
                "x1" => Op::X1,
                "x2" => Op::X2,
                "pi" | "PI" | "π" => Op::Const(std::f64::consts::PI),
                "e" | "E" => Op::Const(std::f64::consts::E),
                _ if one.is_some() || two.is_some() => {
                    return Err((Some(at), Problem::NeedsParentheses(name.to_string())));
                }
                _ => {
                    return Err((Some(at), Problem::UnknownVariable(name.to_string())));
                }
            };
            self.program.push(op);
            return Ok(());
        }
        let (arity, op) = match (one, two) {
            (Some((_, f)), _) => (1, Op::Call1(*f)),
            (_, Some((_, f))) => (2, Op::Call2(*f)),
            _ if matches!(name, "x1" | "x2" | "pi" | "PI" | "π" | "e" | "E") => {
                return Err((Some(at), Problem::NotAFunction(name.to_string())));
            }
            _ => return Err((Some(at), Problem::UnknownFunction(name.to_string()))),
        };
        self.next += 1; // the '('
        let mut count = 0;
        loop {
            self.nested(|p| p.expression())?;
            count += 1;
            match self.peek() {
                Some(Token {
                    tok: Tok::Comma, ..
                }) => self.next += 1,
                _ => break,
            }
        }
        if count != arity {
            let problem = Problem::WrongArity {
                name: name.to_string(),
                wanted: arity,
                given: count,
            };
            return Err((Some(at), problem));
        }
        self.expect_close()?;
        self.program.push(op);
        Ok(())
    }
}

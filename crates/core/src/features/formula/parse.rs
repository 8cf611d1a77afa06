//! Reading a formula: the parentheses checked first, then recursive descent over the
//! tokens into a postfix program.

use super::*;

/// Finds an unmatched parenthesis: `(char index, message)`.
pub(super) fn check_parentheses(text: &str) -> Result<(), (usize, String)> {
    let mut open = Vec::new();
    for (i, c) in text.chars().enumerate() {
        match c {
            '(' => open.push(i),
            ')' if open.pop().is_none() => {
                return Err((i, "this ')' has no matching '('".into()));
            }
            _ => {}
        }
    }
    match open.pop() {
        Some(i) => Err((i, "this '(' is never closed".into())),
        None => Ok(()),
    }
}

type ParseResult = Result<(), (Option<usize>, String)>;

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

    pub(super) fn program(mut self) -> Result<Vec<Op>, (Option<usize>, String)> {
        self.expression()?;
        if let Some(token) = self.peek() {
            let message = match token.tok {
                Tok::Comma => "',' only separates the arguments of a function such as max(x1, x2)",
                _ => "cannot read this here",
            };
            return Err((Some(token.at), message.into()));
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
                return Err((
                    Some(token.at),
                    "two values stand side by side: write an operator between them, e.g. 2*x1"
                        .into(),
                ));
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
            return Err((at, "the formula is nested too deeply".into()));
        }
        inner(self)?;
        self.nesting -= 1;
        Ok(())
    }

    /// A number, a variable, a constant, a function call or a parenthesised expression.
    fn atom(&mut self) -> ParseResult {
        let Some(token) = self.peek() else {
            let last = self.tokens.last().map(|t| t.at);
            return Err((last, "the formula ends with an operator".into()));
        };
        self.next += 1;
        match &token.tok {
            Tok::Number(v) => self.program.push(Op::Const(*v)),
            Tok::Name(name) => self.name(name, token.at)?,
            Tok::Open => {
                if let Some(close) = self.peek().filter(|t| t.tok == Tok::Close) {
                    return Err((Some(close.at), "empty parentheses".into()));
                }
                self.nested(|p| p.expression())?;
                self.expect_close()?;
            }
            Tok::Operator(op) => {
                let message = match self.tokens[..self.next - 1].last() {
                    Some(Token {
                        tok: Tok::Operator(before),
                        ..
                    }) => format!("'{op}' cannot follow the operator '{before}'"),
                    Some(_) => format!("'{op}' needs a value on its left"),
                    None => format!("the formula cannot start with '{op}'"),
                };
                return Err((Some(token.at), message));
            }
            Tok::Close => return Err((Some(token.at), "a value is missing before ')'".into())),
            Tok::Comma => return Err((Some(token.at), "a value is missing before ','".into())),
            Tok::Superscript(_) => {
                return Err((Some(token.at), "a power needs a value to raise".into()));
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
            Some(token) => Err((Some(token.at), "expected ')' here".into())),
            None => Err((None, "a ')' is missing".into())),
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
                    return Err((Some(at), format!("'{name}' needs parentheses: {name}(x1)")));
                }
                _ => {
                    return Err((
                        Some(at),
                        format!("unknown variable '{name}': use x1 and x2"),
                    ));
                }
            };
            self.program.push(op);
            return Ok(());
        }
        let (arity, op) = match (one, two) {
            (Some((_, f)), _) => (1, Op::Call1(*f)),
            (_, Some((_, f))) => (2, Op::Call2(*f)),
            _ if matches!(name, "x1" | "x2" | "pi" | "PI" | "π" | "e" | "E") => {
                return Err((
                    Some(at),
                    format!("'{name}' is not a function: write {name}*(…) to multiply"),
                ));
            }
            _ => return Err((Some(at), format!("unknown function '{name}'"))),
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
            let wanted = if arity == 1 {
                "one argument"
            } else {
                "two arguments"
            };
            return Err((Some(at), format!("'{name}' takes {wanted}, not {count}")));
        }
        self.expect_close()?;
        self.program.push(op);
        Ok(())
    }
}

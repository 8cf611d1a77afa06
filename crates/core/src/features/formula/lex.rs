//! Splitting a typed formula into tokens, each with the character it starts at.

use super::Problem;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Number(f64),
    Name(String),
    /// One of `+ - * / ^`.
    Operator(char),
    Open,
    Close,
    Comma,
    /// A power typed as superscript digits, e.g. `²`.
    Superscript(u32),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    pub(super) tok: Tok,
    /// Character index in the typed text.
    pub(super) at: usize,
}

fn superscript_digit(c: char) -> Option<u32> {
    "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|d| d == c).map(|d| d as u32)
}

pub(super) fn tokenize(text: &str) -> Result<Vec<Token>, (usize, Problem)> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let at = i;
        let tok = if c.is_whitespace() {
            i += 1;
            continue;
        } else if c.is_ascii_digit()
            || (c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        {
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            // An exponent only when digits follow: `2e3` is 2000, `2e` is 2 next to e.
            if i < chars.len() && (chars[i] == 'e' || chars[i] == 'E') {
                let mut j = i + 1;
                if j < chars.len() && (chars[j] == '+' || chars[j] == '-') {
                    j += 1;
                }
                if j < chars.len() && chars[j].is_ascii_digit() {
                    i = j;
                    while i < chars.len() && chars[i].is_ascii_digit() {
                        i += 1;
                    }
                }
            }
            let literal: String = chars[at..i].iter().collect();
            let value = literal
                .parse::<f64>()
                .map_err(|_| (at, Problem::BadNumber(literal.to_string())))?;
            Tok::Number(value)
        } else if c.is_alphabetic() || c == '_' {
            while i < chars.len()
                && (chars[i].is_alphanumeric() || chars[i] == '_')
                && superscript_digit(chars[i]).is_none()
            {
                i += 1;
            }
            Tok::Name(chars[at..i].iter().collect())
        } else if let Some(d) = superscript_digit(c) {
            let mut power = d;
            i += 1;
            while let Some(d) = chars.get(i).and_then(|c| superscript_digit(*c)) {
                power = power.saturating_mul(10).saturating_add(d);
                i += 1;
            }
            Tok::Superscript(power)
        } else {
            i += 1;
            match c {
                '*' if chars.get(i) == Some(&'*') => {
                    i += 1;
                    Tok::Operator('^')
                }
                '+' | '-' | '*' | '/' | '^' => Tok::Operator(c),
                '−' => Tok::Operator('-'),
                '×' | '·' => Tok::Operator('*'),
                '(' => Tok::Open,
                ')' => Tok::Close,
                ',' => Tok::Comma,
                _ => return Err((at, Problem::BadCharacter(c))),
            }
        };
        tokens.push(Token { tok, at });
    }
    Ok(tokens)
}

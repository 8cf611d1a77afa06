//! The input sequence as the user types it: letters for remember-first, brackets for the
//! depth task, characters for the text task, numbers for the sine.

use nnp_core::recurrent::{Sequence, SequenceError, Task, argmax};

/// The longest sequence a user may type.
pub const MAX_STEPS: usize = 200;

/// Why typed text is not a sequence of the task.
#[derive(Debug, Clone, PartialEq)]
pub enum InputError {
    TooShort,
    TooLong,
    /// A character the task has no symbol for (1-based position).
    Unknown(char, usize),
    /// Remember-first must start with one of the symbols to remember.
    FirstNotSymbol(char, String),
    /// A bracket string closing below depth 0 or opening above the maximum (position, max).
    Depth(usize, usize),
    BadNumber(String),
}

/// The sequence as the user would type it.
pub fn format(task: &Task, sequence: &Sequence) -> String {
    let parts: Vec<String> = sequence.inputs.iter().map(|x| label(task, x)).collect();
    match task {
        Task::NoisySine { .. } => parts.join(", "),
        _ => parts.concat(),
    }
}

/// The label of one input vector (the hot symbol, or the value).
pub fn label(task: &Task, x: &[f32]) -> String {
    if let Task::NoisySine { .. } = task {
        return format!("{:.2}", x.first().copied().unwrap_or(0.0));
    }
    task.input_labels()
        .get(argmax(x))
        .cloned()
        .unwrap_or_default()
}

/// Reads typed text as a sequence of `task`, with the targets the task would ask for.
pub fn parse(task: &Task, text: &str) -> Result<Sequence, InputError> {
    if let Task::NoisySine { .. } = task {
        return parse_values(text);
    }
    let labels = task.input_labels();
    let mut symbols = Vec::new();
    for (k, c) in text.chars().enumerate() {
        let c = match task {
            Task::RememberFirst { .. } => {
                if c.is_whitespace() {
                    continue;
                }
                c.to_ascii_uppercase()
            }
            Task::BracketDepth { .. } if c.is_whitespace() => continue,
            _ => c,
        };
        let s = c.to_string();
        let index = labels
            .iter()
            .position(|l| *l == s)
            .ok_or(InputError::Unknown(c, k + 1))?;
        symbols.push(index);
    }
    if symbols.len() < 2 {
        return Err(InputError::TooShort);
    }
    if symbols.len() > MAX_STEPS {
        return Err(InputError::TooLong);
    }
    task.sequence_of(&symbols).map_err(|e| match e {
        SequenceError::FirstNotRemembered { symbol } => {
            let count = task.output_size();
            InputError::FirstNotSymbol(
                labels[symbol].chars().next().unwrap_or('?'),
                labels[..count].join(", "),
            )
        }
        SequenceError::Depth { step, max_depth } => InputError::Depth(step, max_depth),
    })
}

fn parse_values(text: &str) -> Result<Sequence, InputError> {
    let mut values = Vec::new();
    for word in text
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace() || c == '，')
        .filter(|w| !w.is_empty())
    {
        match word.parse::<f32>() {
            Ok(v) if v.is_finite() && v.abs() <= 10.0 => values.push(v),
            _ => return Err(InputError::BadNumber(word.to_owned())),
        }
    }
    if values.len() < 2 {
        return Err(InputError::TooShort);
    }
    if values.len() > MAX_STEPS {
        return Err(InputError::TooLong);
    }
    Ok(Sequence::of_values(&values))
}

//! Built-in sequence tasks, all seeded and small enough to train in the browser in
//! seconds: remember the first symbol over a long distractor sequence (the lecture's
//! long-term dependency), bracket depth (counting), the next value of a noisy sine, and
//! next-character prediction over a typed text.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::alphabet::{bounded_alphabet, symbol_of};
use crate::rng::Rng;

/// What the readout predicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Output {
    /// One of `output_size` symbols: softmax cross-entropy.
    #[default]
    Classes,
    /// `output_size` real values: squared error.
    Values,
}

/// What the model should produce at one step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Target {
    /// The index of the right symbol (softmax cross-entropy).
    Class(usize),
    /// The right values (squared error).
    Values(Vec<f32>),
}

/// One training example: an input per step and, at some steps, a target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sequence {
    /// `x_t` for t = 0..T.
    pub inputs: Vec<Vec<f32>>,
    /// The target of each step, `None` where nothing is asked.
    pub targets: Vec<Option<Target>>,
}

impl Sequence {
    /// The same sequence with only the last step's target kept.
    pub fn last_target_only(mut self) -> Self {
        let last = self.targets.len().saturating_sub(1);
        for (t, target) in self.targets.iter_mut().enumerate() {
            if t != last {
                *target = None;
            }
        }
        self
    }
}

/// Why a task could not be built from what the user typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskError {
    /// The text has fewer than two characters: there is nothing to predict.
    TextTooShort,
    /// The text uses only one character: every prediction would be trivial.
    SingleCharacter,
}

impl fmt::Display for TaskError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TaskError::TextTooShort => write!(
                f,
                "type at least two characters so there is a next one to predict"
            ),
            TaskError::SingleCharacter => write!(f, "use at least two different characters"),
        }
    }
}

impl std::error::Error for TaskError {}

/// A seeded sequence task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Task {
    /// Step 0 shows one of `symbols` symbols, the next `length − 1` steps show random
    /// distractors (`distractors` other symbols); at the last step the model must name the
    /// first symbol. Inputs are one-hot over `symbols + distractors`.
    RememberFirst {
        /// `T`, the distance the symbol must be remembered over.
        length: usize,
        /// How many symbols can come first (the classes).
        symbols: usize,
        /// How many distractor symbols fill the rest.
        distractors: usize,
    },
    /// A random string of brackets `(`/`)` (one-hot) that never closes below depth 0 nor
    /// opens above `max_depth`; at every step the model names the current depth.
    BracketDepth {
        /// `T`.
        length: usize,
        /// The deepest nesting.
        max_depth: usize,
    },
    /// `x_t = sin(ω t + φ) + noise·ε_t` with a random phase and period (8 to 16 steps); at
    /// every step the model predicts the next observed value `x_{t+1}`.
    NoisySine {
        /// `T`.
        length: usize,
        /// The standard deviation of the noise.
        noise: f32,
    },
    /// Windows of a typed text, one-hot over its alphabet; at every step the model
    /// predicts the next character.
    Text {
        /// The distinct characters, sorted: symbol `k` is `alphabet[k]` (at most
        /// [`MAX_SYMBOLS`](super::MAX_SYMBOLS), the rarest folded into [`OTHER`](super::OTHER)).
        alphabet: Vec<char>,
        /// How many distinct characters were folded into [`OTHER`](super::OTHER).
        folded: usize,
        /// The text as symbol indices.
        symbols: Vec<usize>,
        /// `T`, the window length.
        length: usize,
    },
}

impl Task {
    /// Remember one of 4 symbols over `length` steps of 8 kinds of distractor.
    pub fn remember_first(length: usize) -> Self {
        assert!(
            length >= 2,
            "the symbol must be remembered over at least one step"
        );
        Task::RememberFirst {
            length,
            symbols: 4,
            distractors: 8,
        }
    }

    /// Next-character prediction over `text` in windows of `length` characters; beyond
    /// [`MAX_SYMBOLS`](super::MAX_SYMBOLS) distinct characters the rarest share the symbol [`OTHER`](super::OTHER).
    pub fn text(text: &str, length: usize) -> Result<Self, TaskError> {
        assert!(length >= 1, "a window needs at least one character");
        let chars: Vec<char> = text.chars().collect();
        if chars.len() < 2 {
            return Err(TaskError::TextTooShort);
        }
        let (alphabet, folded) = bounded_alphabet(&chars);
        if alphabet.len() < 2 {
            return Err(TaskError::SingleCharacter);
        }
        let symbols = chars.iter().map(|&c| symbol_of(&alphabet, c)).collect();
        Ok(Task::Text {
            alphabet,
            folded,
            symbols,
            length,
        })
    }

    /// The size of `x_t`.
    pub fn input_size(&self) -> usize {
        match self {
            Task::RememberFirst {
                symbols,
                distractors,
                ..
            } => symbols + distractors,
            Task::BracketDepth { .. } => 2,
            Task::NoisySine { .. } => 1,
            Task::Text { alphabet, .. } => alphabet.len(),
        }
    }

    /// The size of `y_t`.
    pub fn output_size(&self) -> usize {
        match self {
            Task::RememberFirst { symbols, .. } => *symbols,
            Task::BracketDepth { max_depth, .. } => max_depth + 1,
            Task::NoisySine { .. } => 1,
            Task::Text { alphabet, .. } => alphabet.len(),
        }
    }

    /// Symbols or values.
    pub fn output(&self) -> Output {
        match self {
            Task::NoisySine { .. } => Output::Values,
            _ => Output::Classes,
        }
    }

    /// A name for each input symbol (one-hot position), for labels on a screen.
    pub fn input_labels(&self) -> Vec<String> {
        match self {
            Task::RememberFirst {
                symbols,
                distractors,
                ..
            } => (0..symbols + distractors).map(letter).collect(),
            Task::BracketDepth { .. } => vec!["(".into(), ")".into()],
            Task::NoisySine { .. } => vec!["x".into()],
            Task::Text { alphabet, .. } => alphabet.iter().map(char::to_string).collect(),
        }
    }

    /// A name for each output, for labels on a screen.
    pub fn output_labels(&self) -> Vec<String> {
        match self {
            Task::RememberFirst { symbols, .. } => (0..*symbols).map(letter).collect(),
            Task::BracketDepth { max_depth, .. } => {
                (0..=*max_depth).map(|d| d.to_string()).collect()
            }
            Task::NoisySine { .. } => vec!["x_{t+1}".into()],
            Task::Text { alphabet, .. } => alphabet.iter().map(char::to_string).collect(),
        }
    }

    /// A random sequence of this task.
    pub fn sample(&self, rng: &mut Rng) -> Sequence {
        match self {
            Task::RememberFirst {
                length,
                symbols,
                distractors,
            } => {
                let first = rng.index(*symbols);
                let inputs = (0..*length)
                    .map(|t| {
                        let symbol = if t == 0 {
                            first
                        } else {
                            symbols + rng.index(*distractors)
                        };
                        one_hot(symbol, symbols + distractors)
                    })
                    .collect();
                let mut targets = vec![None; *length];
                targets[length - 1] = Some(Target::Class(first));
                Sequence { inputs, targets }
            }
            Task::BracketDepth { length, max_depth } => {
                let mut depth = 0;
                let (mut inputs, mut targets) = (Vec::new(), Vec::new());
                for _ in 0..*length {
                    let open = depth == 0 || (depth < *max_depth && rng.index(2) == 0);
                    depth = if open { depth + 1 } else { depth - 1 };
                    inputs.push(one_hot(usize::from(!open), 2));
                    targets.push(Some(Target::Class(depth)));
                }
                Sequence { inputs, targets }
            }
            Task::NoisySine { length, noise } => {
                let period = rng.uniform(8.0, 16.0);
                let phase = rng.uniform(0.0, std::f64::consts::TAU);
                let omega = std::f64::consts::TAU / period;
                #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
                let series: Vec<f32> = (0..=*length)
                    .map(|t| {
                        ((omega * t as f64 + phase).sin() + f64::from(*noise) * rng.normal()) as f32
                    })
                    .collect();
                Sequence {
                    inputs: series[..*length].iter().map(|v| vec![*v]).collect(),
                    targets: series[1..]
                        .iter()
                        .map(|v| Some(Target::Values(vec![*v])))
                        .collect(),
                }
            }
            Task::Text {
                alphabet,
                symbols,
                length,
                ..
            } => {
                let window = (*length).min(symbols.len() - 1);
                let start = rng.index(symbols.len() - window);
                Sequence {
                    inputs: symbols[start..start + window]
                        .iter()
                        .map(|s| one_hot(*s, alphabet.len()))
                        .collect(),
                    targets: symbols[start + 1..=start + window]
                        .iter()
                        .map(|s| Some(Target::Class(*s)))
                        .collect(),
                }
            }
        }
    }
}

/// Why typed symbols are not a sequence of a task ([`Task::sequence_of`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SequenceError {
    /// Remember-first must start with one of the symbols to remember, not `symbol`.
    FirstNotRemembered {
        /// The input symbol found first.
        symbol: usize,
    },
    /// A bracket string closes below depth 0 or opens above `max_depth` at `step` (1-based).
    Depth {
        /// Where, counting from 1.
        step: usize,
        /// The deepest nesting allowed.
        max_depth: usize,
    },
}

impl Task {
    /// The sequence of input `symbols` (one-hot positions) with the targets this task
    /// asks for: the first symbol at the last step (remember-first), the depth at every
    /// step (brackets), the next symbol at every step but the last (text).
    ///
    /// ```
    /// use nnp_core::recurrent::{Target, Task};
    ///
    /// let brackets = Task::BracketDepth { length: 4, max_depth: 2 };
    /// let s = brackets.sequence_of(&[0, 0, 1]).unwrap(); // "(()"
    /// assert_eq!(s.targets, [1, 2, 1].map(|d| Some(Target::Class(d))));
    /// assert!(brackets.sequence_of(&[1]).is_err(), "closes below depth 0");
    /// ```
    pub fn sequence_of(&self, symbols: &[usize]) -> Result<Sequence, SequenceError> {
        let n = self.input_size();
        assert!(
            !matches!(self, Task::NoisySine { .. }),
            "the sine reads values, not symbols (Sequence::of_values)"
        );
        assert!(symbols.iter().all(|s| *s < n), "a symbol outside 0..{n}");
        let inputs: Vec<Vec<f32>> = symbols.iter().map(|s| one_hot(*s, n)).collect();
        let steps = inputs.len();
        let targets = match self {
            Task::RememberFirst { symbols: count, .. } => {
                let mut targets = vec![None; steps];
                if let Some(&first) = symbols.first() {
                    if first >= *count {
                        return Err(SequenceError::FirstNotRemembered { symbol: first });
                    }
                    targets[steps - 1] = Some(Target::Class(first));
                }
                targets
            }
            Task::BracketDepth { max_depth, .. } => {
                let mut depth = 0_usize;
                let mut targets = Vec::with_capacity(steps);
                for (k, s) in symbols.iter().enumerate() {
                    let error = SequenceError::Depth {
                        step: k + 1,
                        max_depth: *max_depth,
                    };
                    depth = if *s == 0 {
                        depth + 1
                    } else {
                        depth.checked_sub(1).ok_or(error.clone())?
                    };
                    if depth > *max_depth {
                        return Err(error);
                    }
                    targets.push(Some(Target::Class(depth)));
                }
                targets
            }
            _ => next_targets(steps, symbols.iter().map(|s| Target::Class(*s))),
        };
        Ok(Sequence { inputs, targets })
    }
}

impl Sequence {
    /// A series of values, each step asked for the next value (the sine's targets).
    pub fn of_values(values: &[f32]) -> Self {
        Sequence {
            inputs: values.iter().map(|v| vec![*v]).collect(),
            targets: next_targets(
                values.len(),
                values.iter().map(|v| Target::Values(vec![*v])),
            ),
        }
    }
}

/// The target of each of `steps` steps is the next item; the last step has none.
fn next_targets(steps: usize, items: impl Iterator<Item = Target>) -> Vec<Option<Target>> {
    items
        .skip(1)
        .map(Some)
        .chain(std::iter::once(None))
        .take(steps)
        .collect()
}

/// `e_k` of length `n`.
pub fn one_hot(k: usize, n: usize) -> Vec<f32> {
    let mut v = vec![0.0; n];
    v[k] = 1.0;
    v
}

fn letter(k: usize) -> String {
    char::from_u32(u32::try_from('A' as usize + k).unwrap_or(63))
        .map_or_else(|| "?".into(), |c| c.to_string())
}

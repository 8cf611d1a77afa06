//! What the LSTM screen lets a user choose: the task, the remember-first distance, the
//! number of units, the text of the text task. Shared by the model and the link.

/// The four built-in tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskKind {
    Remember,
    Brackets,
    Sine,
    Text,
}

impl TaskKind {
    pub const ALL: [TaskKind; 4] = [
        TaskKind::Remember,
        TaskKind::Brackets,
        TaskKind::Sine,
        TaskKind::Text,
    ];

    pub fn id(self) -> &'static str {
        match self {
            TaskKind::Remember => "remember",
            TaskKind::Brackets => "brackets",
            TaskKind::Sine => "sine",
            TaskKind::Text => "text",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// Unit counts offered.
pub const HIDDEN_SIZES: [usize; 5] = [2, 4, 8, 16, 32];
/// Remember-first distances offered.
pub const DISTANCES: [usize; 9] = [5, 10, 15, 20, 30, 40, 60, 80, 100];
/// The window of the text task.
pub const TEXT_WINDOW: usize = 24;
/// The text the text task starts with.
pub const DEFAULT_TEXT: &str = "the cell state runs along the top. the gates decide what to \
    forget, what to add and what to show. ";

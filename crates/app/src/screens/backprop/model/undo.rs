//! Undo and redo of the weights a person set by hand: a typed value, Random init, the
//! textbook solution, a typed k. Training and the pass are not undone; they are what the
//! screen is for.

use nnp_core::graph::CarWeights;

use super::Model;

/// The most edits remembered each way.
const MAX_EDITS: usize = 100;

/// The weights and the hidden units' sharpness at one moment.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Weights {
    weights: CarWeights,
    sharpness: f64,
}

/// The two stacks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Edits {
    undo: Vec<Weights>,
    redo: Vec<Weights>,
}

impl Model {
    /// Whether there is a hand edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.edits.undo.is_empty()
    }

    /// Whether there is an undone edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.edits.redo.is_empty()
    }

    /// Called before a hand edit: the weights now become one step of Undo.
    pub(super) fn remember_weights(&mut self) {
        let now = self.weights_now();
        let undo = &mut self.edits.undo;
        if undo.last() == Some(&now) {
            return;
        }
        if undo.len() == MAX_EDITS {
            undo.remove(0);
        }
        undo.push(now);
        self.edits.redo.clear();
    }

    /// Puts back the weights before the last hand edit; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(before) = self.edits.undo.pop() else {
            return false;
        };
        let now = self.weights_now();
        self.edits.redo.push(now);
        self.restore(before);
        true
    }

    /// Does again the last undone edit; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(after) = self.edits.redo.pop() else {
            return false;
        };
        let now = self.weights_now();
        self.edits.undo.push(now);
        self.restore(after);
        true
    }

    fn weights_now(&self) -> Weights {
        Weights {
            weights: self.net.weights(),
            sharpness: self.net.sharpness(),
        }
    }

    fn restore(&mut self, to: Weights) {
        self.net.set_weights(&to.weights);
        self.net.set_sharpness(to.sharpness);
        self.history.clear();
        self.changed();
    }
}

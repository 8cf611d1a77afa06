//! Undo and redo of what a person made by hand: painted (or erased, or cleared) points and
//! typed weights. Training is not undone; it is what the screen is for.

use nnp_core::dataset::Point;

use super::{Link, Model};

/// The most edits remembered each way.
const MAX_EDITS: usize = 100;

/// One hand edit, holding what was there before it (or, on the redo side, after it).
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// The training and test points (and whether they were already edited by hand).
    Points {
        train: Vec<Point>,
        test: Vec<Point>,
        edited: bool,
    },
    /// One weight's value.
    Weight { link: Link, value: f64 },
}

/// The two stacks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Edits {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    /// The points before the stroke under way, remembered once it changes something.
    stroke_before: Option<Edit>,
}

impl Edits {
    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn push(&mut self, edit: Edit) {
        if self.undo.len() == MAX_EDITS {
            self.undo.remove(0);
        }
        self.undo.push(edit);
        self.redo.clear();
    }
}

impl Model {
    /// A stroke starts: its points before are kept, and become one step of Undo when the
    /// stroke paints or erases something ([`Model::paint`] calls [`Model::stroke_changed`]).
    pub fn begin_stroke(&mut self) {
        self.edits.stroke_before = Some(self.points_now());
    }

    /// The stroke under way changed the points.
    pub(super) fn stroke_changed(&mut self) {
        if let Some(before) = self.edits.stroke_before.take() {
            self.edits.push(before);
        }
    }

    /// Remembers the points before a clear changes them.
    pub fn remember_points(&mut self) {
        let edit = self.points_now();
        self.edits.push(edit);
    }

    /// Remembers a weight before it is typed over.
    pub(super) fn remember_weight(&mut self, link: Link) {
        let (layer, to, from) = link;
        let value = self.mlp.weight(layer, to, from);
        self.edits.push(Edit::Weight { link, value });
    }

    /// Takes back the last hand edit; returns whether there was one.
    pub fn undo(&mut self) -> bool {
        let Some(edit) = self.edits.undo.pop() else {
            return false;
        };
        let inverse = self.apply_edit(edit);
        self.edits.redo.push(inverse);
        true
    }

    /// Makes the last undone edit again; returns whether there was one.
    pub fn redo(&mut self) -> bool {
        let Some(edit) = self.edits.redo.pop() else {
            return false;
        };
        let inverse = self.apply_edit(edit);
        self.edits.undo.push(inverse);
        true
    }

    fn points_now(&self) -> Edit {
        Edit::Points {
            train: self.train.points.clone(),
            test: self.test.points.clone(),
            edited: self.edited,
        }
    }

    /// Puts `edit` in place and returns what it replaced.
    fn apply_edit(&mut self, edit: Edit) -> Edit {
        match edit {
            Edit::Points {
                train,
                test,
                edited,
            } => {
                let before = self.points_now();
                self.train.points = train;
                self.test.points = test;
                self.edited = edited;
                self.resample();
                self.refresh();
                before
            }
            Edit::Weight { link, value } => {
                let (layer, to, from) = link;
                let exists = self
                    .mlp
                    .layers()
                    .get(layer)
                    .is_some_and(|l| to < l.units && from < l.inputs);
                if !exists {
                    // The network's shape changed since: nothing to put back.
                    return Edit::Weight { link, value };
                }
                let before = self.mlp.weight(layer, to, from);
                self.mlp.set_weight(layer, to, from, value);
                self.hand_edited = true;
                self.refresh();
                Edit::Weight {
                    link,
                    value: before,
                }
            }
        }
    }
}

//! The user's choice of φ, the feature set it makes, and the model's φ edits.

use nnp_core::dataset::RANGE;
use nnp_core::features::{FeatureSet, Formula, Named};
use nnp_core::mlp::GridEval;

use super::{GRID, MAX_DEGREE, Notice};

/// The user's choice of φ: named features, all monomials up to a degree, typed formulas.
#[derive(Debug, Clone, PartialEq)]
pub struct PhiChoice {
    /// One flag per [`Named::ALL`] entry.
    pub named: [bool; 9],
    /// Monomials up to this degree (0: none).
    pub degree: u32,
    /// Formulas typed by the user.
    pub custom: Vec<Formula>,
}

impl Default for PhiChoice {
    fn default() -> Self {
        let mut named = [false; 9];
        named[1] = true;
        named[2] = true;
        Self {
            named,
            degree: 0,
            custom: Vec::new(),
        }
    }
}

impl PhiChoice {
    /// φ: the checked named features, then the monomials not already among them, then the
    /// formulas.
    pub fn feature_set(&self) -> FeatureSet {
        let checked: Vec<Named> = Named::ALL
            .into_iter()
            .zip(self.named)
            .filter_map(|(n, on)| on.then_some(n))
            .collect();
        FeatureSet::compose(&checked, self.degree, &self.custom)
    }
}

impl super::Model {
    /// Replaces φ; refuses (with a notice) a choice that leaves φ empty.
    pub fn set_phi(&mut self, phi: PhiChoice) -> bool {
        let features = phi.feature_set();
        if features.is_empty() {
            self.notice = Some(Notice::EmptyPhi);
            return false;
        }
        if matches!(self.notice, Some(Notice::EmptyPhi | Notice::OneAdded)) {
            self.notice = None;
        }
        self.phi = phi;
        self.grid = GridEval::new(&features, GRID, RANGE);
        self.features = features;
        self.resample();
        self.rebuild_network();
        true
    }

    /// Checks or unchecks a named feature.
    pub fn toggle_named(&mut self, index: usize) {
        let mut phi = self.phi.clone();
        if let Some(flag) = phi.named.get_mut(index) {
            *flag = !*flag;
            self.set_phi(phi);
        }
    }

    /// Sets the degree of the "all monomials" slider.
    pub fn set_degree(&mut self, degree: u32) {
        let phi = PhiChoice {
            degree: degree.min(MAX_DEGREE),
            ..self.phi.clone()
        };
        self.set_phi(phi);
    }

    /// Adds a typed formula to φ; a formula that does not parse leaves φ as it was and is
    /// kept in [`formula_error`](Self::formula_error).
    pub fn add_formula(&mut self, text: &str) -> bool {
        match Formula::parse(text) {
            Ok(formula) => {
                self.formula_error = None;
                let mut phi = self.phi.clone();
                phi.custom.push(formula);
                self.set_phi(phi)
            }
            Err(error) => {
                self.formula_error = Some(error);
                false
            }
        }
    }

    /// Removes the `index`-th typed formula.
    pub fn remove_formula(&mut self, index: usize) {
        let mut phi = self.phi.clone();
        if index < phi.custom.len() {
            phi.custom.remove(index);
            self.set_phi(phi);
        }
    }
}

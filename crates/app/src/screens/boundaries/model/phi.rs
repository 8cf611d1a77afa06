//! The user's choice of φ and the feature set it makes.

use nnp_core::features::{FeatureSet, Formula, Named};

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

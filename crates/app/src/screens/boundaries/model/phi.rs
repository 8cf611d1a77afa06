//! The user's choice of φ and the feature set it makes.

use nnp_core::features::{Feature, FeatureSet, Formula, Named};

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

/// The monomial a named feature equals, if any (so the degree slider does not repeat it).
fn as_monomial(name: Named) -> Option<(u32, u32)> {
    match name {
        Named::One => Some((0, 0)),
        Named::X1 => Some((1, 0)),
        Named::X2 => Some((0, 1)),
        Named::X1Squared => Some((2, 0)),
        Named::X2Squared => Some((0, 2)),
        Named::X1X2 => Some((1, 1)),
        Named::SinX1 | Named::SinX2 | Named::AbsDiff => None,
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
        let mut features: Vec<Feature> = checked.iter().map(|n| Feature::Named(*n)).collect();
        if self.degree > 0 {
            let taken: Vec<(u32, u32)> = checked.iter().filter_map(|n| as_monomial(*n)).collect();
            features.extend(
                FeatureSet::monomials(self.degree)
                    .features
                    .into_iter()
                    .filter(|f| match f {
                        Feature::Monomial { p1, p2 } => !taken.contains(&(*p1, *p2)),
                        _ => true,
                    }),
            );
        }
        features.extend(self.custom.iter().cloned().map(Feature::Formula));
        FeatureSet::new(features)
    }
}

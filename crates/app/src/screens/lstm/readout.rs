//! What the page reads off the model at the selected unit and step: labels, the
//! prediction, values for the diagram, the heatmap bands and their colour scales.

use nnp_core::recurrent::{Prediction, QuantityName, Target};

use super::input;
use super::model::Model;

impl Model {
    /// The label of the input at step `t` (a symbol, or the value for the sine).
    pub fn input_label(&self, t: usize) -> String {
        input::label(&self.task, &self.sequence.inputs[t])
    }

    /// The label of the target at step `t`, if that step has one.
    pub fn target_label(&self, t: usize) -> Option<String> {
        let labels = self.task.output_labels();
        match self.sequence.targets.get(t)?.as_ref()? {
            Target::Class(k) => labels.get(*k).cloned(),
            Target::Values(v) => v.first().map(|x| format!("{x:.2}")),
        }
    }

    /// The model's answer at step `t`: the likeliest label and its probability, or the value.
    pub fn prediction(&self, t: usize) -> Option<(String, Option<f32>)> {
        match Prediction::read(&self.trace, t)? {
            Prediction::Class { class, probability } => {
                let label = self.task.output_labels().get(class).cloned()?;
                Some((label, Some(probability)))
            }
            Prediction::Values(y) => Some((format!("{:.2}", y.first()?), None)),
        }
    }

    /// The heatmap bands, top to bottom: the input, every quantity of the cell, the output.
    pub fn bands(&self) -> Vec<QuantityName> {
        let mut bands = vec![QuantityName::Input];
        bands.extend_from_slice(self.variant.quantities());
        bands.push(if self.trace.get(QuantityName::Probabilities).is_some() {
            QuantityName::Probabilities
        } else {
            QuantityName::Logits
        });
        bands
    }

    /// The largest |value| of a quantity over the sequence (at least 1): its colour scale.
    pub fn scale(&self, q: QuantityName) -> f32 {
        self.trace.get(q).map_or(1.0, |quantity| {
            quantity.values.iter().fold(1.0_f32, |m, v| m.max(v.abs()))
        })
    }

    /// `q` of the selected unit at the selected step (`None` if this variant lacks it).
    pub fn value(&self, q: QuantityName) -> Option<f32> {
        let quantity = self.trace.get(q)?;
        (self.t < quantity.steps()).then(|| quantity.value(self.t, self.unit))
    }

    /// `h_{t−1}` of the selected unit.
    pub fn previous_hidden(&self) -> f32 {
        self.trace
            .previous_hidden(self.t)
            .get(self.unit)
            .copied()
            .unwrap_or(0.0)
    }

    /// `C_{t−1}` of the selected unit (LSTMs only).
    pub fn previous_cell(&self) -> Option<f32> {
        self.trace.get(QuantityName::Cell)?;
        self.trace.previous_cell(self.t).get(self.unit).copied()
    }
}

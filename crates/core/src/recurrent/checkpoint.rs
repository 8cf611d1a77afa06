//! What [`Trainer::step_unless_diverged`](super::Trainer::step_unless_diverged) keeps to
//! undo an update: the parameters and Adam's state before it, copied into storage sized
//! once, so that keeping them allocates nothing per update.

use super::model::Model;
use super::real::Real;
use super::train::Adam;

/// A copy of a model's parameters and its optimiser's state.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Checkpoint<F> {
    parameters: Vec<F>,
    adam: Adam<F>,
}

impl<F: Real> Checkpoint<F> {
    /// Storage for `model` and `adam` (holding their current values).
    pub(crate) fn new(model: &Model<F>, adam: &Adam<F>) -> Self {
        Self {
            parameters: model.parameters(),
            adam: adam.clone(),
        }
    }

    /// Copies the current parameters and optimiser state into the storage.
    pub(crate) fn save(&mut self, model: &Model<F>, adam: &Adam<F>) {
        model.copy_parameters_into(&mut self.parameters);
        self.adam.copy_from(adam);
    }

    /// Puts the saved parameters and optimiser state back.
    pub(crate) fn restore(&self, model: &mut Model<F>, adam: &mut Adam<F>) {
        model.set_parameters(&self.parameters);
        adam.copy_from(&self.adam);
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::recurrent::{AdamConfig, Task, Variant};

    #[test]
    fn restore_undoes_an_update_and_save_reuses_the_storage() {
        let task = Task::remember_first(4);
        let mut model = Model::<f32>::new(task.model_config(Variant::Gru, 3, 2));
        let mut adam = Adam::new(AdamConfig::default(), model.parameter_count());
        let gradients: Vec<f32> = (0..model.parameter_count())
            .map(|k| (k as f32 * 0.37).sin())
            .collect();
        adam.step(&mut model, &gradients);
        let mut checkpoint = Checkpoint::new(&model, &adam);
        let storage = checkpoint.parameters.as_ptr();
        checkpoint.save(&model, &adam);
        let (model_before, adam_before) = (model.clone(), adam.clone());
        adam.step(&mut model, &gradients);
        assert_ne!(model, model_before, "the update moved the weights");
        assert_ne!(adam, adam_before, "and Adam's averages");
        checkpoint.restore(&mut model, &mut adam);
        assert_eq!(model, model_before);
        assert_eq!(adam, adam_before);
        checkpoint.save(&model, &adam);
        assert_eq!(checkpoint.parameters.as_ptr(), storage, "no new storage");
    }
}

//! The experiment run by itself: each layer pretrained for
//! [`pretrain_steps`](PretrainConfig::pretrain_steps) then stacked, then both nets
//! fine-tuned on the same batches until the budget
//! [`fine_tune_steps`](PretrainConfig::fine_tune_steps), where it stops and the two held-out
//! accuracies are compared.

use super::{Evaluation, Phase, PretrainConfig, Pretrainer, StepReport};

impl Pretrainer {
    /// Whether fine-tuning has used its whole budget (nothing more trains).
    pub fn finished(&self) -> bool {
        self.phase == Phase::FineTune && self.fine_tune_losses.steps() >= self.budget()
    }

    /// The fine-tuning budget in steps (at least 1).
    pub fn budget(&self) -> usize {
        self.config.fine_tune_steps.max(1)
    }

    /// One step of the schedule: a layer that has had its
    /// [`pretrain_steps`](PretrainConfig::pretrain_steps) is stacked first; `None` once
    /// fine-tuning has reached its budget.
    pub fn step_scheduled(&mut self) -> Option<StepReport> {
        while let Phase::Pretrain { layer } = self.phase {
            if self.pretrain_losses[layer].steps() < self.config.pretrain_steps {
                break;
            }
            self.advance();
        }
        (!self.finished()).then(|| self.step())
    }

    /// The whole schedule from wherever it is to the end of the budget; the held-out
    /// accuracies of both nets at the budget.
    pub fn run_to_end(&mut self) -> Evaluation {
        while self.step_scheduled().is_some() {}
        self.evaluate()
    }

    /// A fresh experiment run to the end of its budget (what the table and the claim test
    /// run; the screen runs the same steps a frame at a time).
    pub fn run_experiment(data: &super::Examples, config: &PretrainConfig) -> Evaluation {
        Pretrainer::new(data, config).run_to_end()
    }
}

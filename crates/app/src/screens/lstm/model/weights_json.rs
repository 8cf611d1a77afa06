//! The shown cell as a weights file: its variant, the task it reads, its sizes and every
//! parameter block by the lecture's name (`W_f`, `b_f`, …, then the readout `V`, `c`), each
//! a matrix of rows. Opening one sets that variant's weights exactly (they are `f32`; the
//! file holds each as the decimal of its exact value); the other variants keep theirs
//! unless the number of units changes.

use nnp_core::recurrent::{Model as Net, Variant};
use serde::{Deserialize, Serialize};

use super::{Model, Notice, variant_index};
use crate::screens::lstm::choices::{HIDDEN_SIZES, TaskKind};
use crate::weights_file::{self, WeightsError, from_rows, invalid, to_rows};

/// The slug in the file's header.
const SCREEN: &str = "lstm";

/// An LSTM-screen weights file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct WeightsJson {
    /// Always [`weights_file::FORMAT`] (fields of their own: `flatten` would double the
    /// size of the reading code).
    format: String,
    /// This screen's slug.
    screen: String,
    /// `rnn`, `lstm`, `peephole`, `coupled` or `gru`.
    variant: String,
    /// The task the cell reads (`remember`, `brackets`, `sine`, `text`).
    task: String,
    /// The size of `x_t`, `H`, and the size of `y_t`.
    input_size: usize,
    hidden_size: usize,
    output_size: usize,
    /// Updates trained (shown; not needed to use the weights).
    #[serde(default)]
    updates: usize,
    /// The cell's blocks, then the readout's.
    blocks: Vec<BlockJson>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct BlockJson {
    name: String,
    /// One row per output unit (a bias is a column: one number per row).
    values: Vec<Vec<f64>>,
}

/// Every block of `net` with its values, cell first.
fn blocks_of(net: &Net<f32>) -> Vec<BlockJson> {
    let cell = net.cell.params();
    let blocks = cell.blocks.iter().map(|b| (b, &cell.values));
    let readout = net.readout.blocks.iter().map(|b| (b, &net.readout.values));
    blocks
        .chain(readout)
        .map(|(block, values)| BlockJson {
            name: block.name.to_string(),
            values: to_rows(&values[block.range()], block.cols)
                .into_iter()
                .map(|row| row.into_iter().map(f64::from).collect())
                .collect(),
        })
        .collect()
}

impl Model {
    /// The shown cell as a weights file (indented JSON).
    pub fn weights_json(&mut self) -> String {
        let (variant, task) = (self.variant, self.kind.id());
        let trainer = &self.run().trainer;
        let config = trainer.model.config;
        weights_file::write(&WeightsJson {
            format: weights_file::FORMAT.into(),
            screen: SCREEN.into(),
            variant: variant.id().to_string(),
            task: task.to_string(),
            input_size: config.input_size,
            hidden_size: config.hidden_size,
            output_size: config.output_size,
            updates: trainer.updates(),
            blocks: blocks_of(&trainer.model),
        })
    }

    /// Opens a weights file: its variant is shown with exactly the file's weights. A file
    /// that does not fit changes nothing and says why.
    pub fn open_weights(&mut self, text: &str) {
        match self.read_weights(text) {
            Ok((variant, hidden, values)) => {
                if hidden != self.hidden {
                    self.hidden = hidden;
                    self.reset_runs();
                }
                let mut run = self.new_run(variant);
                run.trainer.model.set_parameters(&values);
                self.runs[variant_index(variant)] = Some(run);
                self.training = false;
                self.stop_replay();
                self.set_variant(variant);
                self.notice = Some(Notice::WeightsOpened);
            }
            Err(error) => self.notice = Some(Notice::WeightsRefused(error)),
        }
    }

    /// The file's variant, units and parameters (in the model's order), if they fit the
    /// screen's task.
    fn read_weights(&self, text: &str) -> Result<(Variant, usize, Vec<f32>), WeightsError> {
        let file: WeightsJson = weights_file::read(text, SCREEN)?;
        let variant = Variant::from_id(&file.variant)
            .ok_or_else(|| invalid("variant", format!("unknown cell '{}'", file.variant)))?;
        if TaskKind::from_id(&file.task) != Some(self.kind) {
            return Err(invalid(
                "task",
                format!(
                    "trained on '{}', the screen's task is '{}': choose that task first",
                    file.task,
                    self.kind.id()
                ),
            ));
        }
        if !HIDDEN_SIZES.contains(&file.hidden_size) {
            return Err(invalid(
                "hidden_size",
                format!("{} units is not one of {HIDDEN_SIZES:?}", file.hidden_size),
            ));
        }
        let net = Net::<f32>::new(self.task.model_config(variant, file.hidden_size, self.seed));
        let config = net.config;
        for (place, found, want) in [
            ("input_size", file.input_size, config.input_size),
            ("output_size", file.output_size, config.output_size),
        ] {
            if found != want {
                return Err(invalid(
                    place,
                    format!(
                        "{found}, the screen's task needs {want}: choose the task it was trained on"
                    ),
                ));
            }
        }
        let mut values = Vec::with_capacity(net.parameter_count());
        let cell = net.cell.params().blocks.iter();
        for block in cell.chain(&net.readout.blocks) {
            let place = format!("blocks['{}']", block.name);
            let json = file
                .blocks
                .iter()
                .find(|b| b.name == block.name)
                .ok_or_else(|| invalid(&place, "missing"))?;
            let numbers = from_rows(&json.values, (block.rows, block.cols), &place)?;
            let narrowed: Vec<f32> = numbers.iter().map(|&v| v as f32).collect();
            if let Some(k) = narrowed.iter().position(|v| !v.is_finite()) {
                return Err(invalid(&place, format!("number {k} is too large for f32")));
            }
            values.extend(narrowed);
        }
        if let Some(extra) = file.blocks.iter().find(|b| {
            !net.cell
                .params()
                .blocks
                .iter()
                .chain(&net.readout.blocks)
                .any(|n| n.name == b.name)
        }) {
            return Err(invalid(
                &format!("blocks['{}']", extra.name),
                format!("a {} has no such block", file.variant),
            ));
        }
        Ok((variant, file.hidden_size, values))
    }
}

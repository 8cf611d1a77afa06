//! Editing the kernels: cells, biases, presets, size, count and the chain's settings.

use nnp_core::conv::{KernelBank, PipelineConfig, preset, update_cell};

use super::{KERNEL_SIZES, MAX_KERNELS, Model, Slot};

impl Model {
    pub(super) fn rebuild_kernels(&mut self) {
        let size = self.kernel_size;
        let weights = self.slots.iter().flat_map(|s| s.weights.clone()).collect();
        let bias = self.slots.iter().map(|s| s.bias).collect();
        *self.pipeline.kernels_mut() = KernelBank::from_weights(1, size, size, weights, bias);
        self.pipeline.run(&self.image);
        if let Some(p) = self.probe {
            let maps = self.pipeline.maps();
            if p.map >= maps.channels() || p.x >= maps.width() || p.y >= maps.height() {
                self.probe = None;
            }
        }
    }

    /// Types `text` into cell `cell` of kernel `k`: a number replaces the weight, anything
    /// else is marked and ignored.
    pub fn set_cell(&mut self, k: usize, cell: usize, text: String) {
        let Some(slot) = self.slots.get_mut(k) else {
            return;
        };
        if cell >= slot.weights.len() {
            return;
        }
        let result = update_cell(&mut slot.weights[cell], &text);
        slot.errors[cell] = result.err();
        slot.texts[cell] = text;
        slot.preset = None;
        self.rebuild_kernels();
    }

    /// Types `text` into the bias of kernel `k`.
    pub fn set_bias(&mut self, k: usize, text: String) {
        let Some(slot) = self.slots.get_mut(k) else {
            return;
        };
        slot.bias_error = update_cell(&mut slot.bias, &text).err();
        slot.bias_text = text;
        self.rebuild_kernels();
    }

    /// Fills kernel `k` with preset `id`. The kernel size becomes the preset's when no
    /// other kernel loses a weight by it; otherwise the preset is placed centred.
    pub fn set_preset(&mut self, k: usize, id: &str) {
        let Some(p) = preset(id) else {
            return;
        };
        if k >= self.slots.len() {
            return;
        }
        let from = self.kernel_size;
        let others_fit = self
            .slots
            .iter()
            .enumerate()
            .all(|(i, s)| i == k || s.fits(from, p.size));
        if p.size > from || others_fit {
            self.set_kernel_size(p.size);
        }
        self.slots[k] = Slot::from_preset(p.id, self.kernel_size);
        self.rebuild_kernels();
    }

    /// Makes every kernel `size × size`, keeping each centred (zeros added or border cut).
    pub fn set_kernel_size(&mut self, size: usize) {
        if !KERNEL_SIZES.contains(&size) || size == self.kernel_size {
            return;
        }
        let from = self.kernel_size;
        self.slots = self.slots.iter().map(|s| s.resized(from, size)).collect();
        self.kernel_size = size;
        self.rebuild_kernels();
    }

    /// Adds a kernel (identity) if there is room.
    pub fn add_kernel(&mut self) {
        if self.slots.len() < MAX_KERNELS {
            self.slots
                .push(Slot::from_preset("identity", self.kernel_size));
            self.rebuild_kernels();
        }
    }

    /// Removes kernel `k`, keeping at least one.
    pub fn remove_kernel(&mut self, k: usize) {
        if self.slots.len() > 1 && k < self.slots.len() {
            self.slots.remove(k);
            self.rebuild_kernels();
        }
    }

    /// Replaces stride, padding, activation, pooling and the dense layer's settings.
    pub fn set_config(&mut self, config: PipelineConfig) {
        let config = PipelineConfig {
            dense_outputs: config.dense_outputs.clamp(1, 4),
            ..config
        };
        self.pipeline.set_config(config);
        self.rebuild_kernels();
    }
}

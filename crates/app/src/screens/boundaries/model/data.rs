//! Editing the points: generated datasets, noise, the train/test split, painting and
//! erasing.

use nnp_core::dataset::{Dataset, DatasetKind};

use super::{ERASE_RADIUS, MAX_POINTS, Model, Notice, Tool};
use crate::screens::boundaries::link::snap;

impl Model {
    /// Generates new points of the current kind (a new seed) and starts the network over.
    pub fn regenerate(&mut self) {
        self.data.seed = self.data.seed.wrapping_add(1);
        self.generate();
    }

    /// Switches the data set's shape.
    pub fn set_dataset(&mut self, kind: DatasetKind) {
        self.data.kind = kind;
        self.generate();
    }

    /// Sets the noise (0 to 0.5).
    pub fn set_noise(&mut self, noise: f64) {
        self.data.noise = noise.clamp(0.0, 0.5);
        self.generate();
    }

    /// Sets the fraction of points used for training.
    pub fn set_train_fraction(&mut self, fraction: f64) {
        self.data.train_fraction = fraction.clamp(0.1, 0.9);
        self.generate();
    }

    fn generate(&mut self) {
        let generated = Dataset::generate(&self.data);
        self.train.points = generated.train;
        self.test.points = generated.test;
        self.edited = false;
        self.resample();
        self.notice = None;
        self.rebuild_network();
    }

    /// Applies the current tool at `(x1, x2)`. Returns whether a point was added or removed.
    pub fn paint(&mut self, x1: f64, x2: f64) -> bool {
        self.start_editing();
        let (x1, x2) = (snap(x1), snap(x2));
        let changed = match self.tool {
            Tool::Look => return false,
            Tool::Positive | Tool::Negative
                if self.train.points.len() + self.test.points.len() >= MAX_POINTS =>
            {
                self.notice = Some(Notice::TooManyPoints);
                false
            }
            Tool::Positive | Tool::Negative => {
                let label = if self.tool == Tool::Positive {
                    1.0
                } else {
                    -1.0
                };
                self.train.add(x1, x2, label);
                true
            }
            Tool::Eraser => {
                self.train.remove_near(x1, x2, ERASE_RADIUS).is_some()
                    || (self.show_test && self.test.remove_near(x1, x2, ERASE_RADIUS).is_some())
            }
        };
        if changed {
            self.stroke_changed();
            self.resample();
            self.refresh();
        }
        changed
    }

    /// The first edit snaps every point to the share link's lattice (invisibly small moves),
    /// so a link can carry the edited points exactly.
    fn start_editing(&mut self) {
        if self.edited {
            return;
        }
        self.edited = true;
        for p in self.train.points.iter_mut().chain(&mut self.test.points) {
            p.x1 = snap(p.x1);
            p.x2 = snap(p.x2);
        }
        self.resample();
    }

    /// Removes every point (to paint a data set from scratch).
    pub fn clear_points(&mut self) {
        self.remember_points();
        self.edited = true;
        self.train.points.clear();
        self.test.points.clear();
        self.resample();
        self.refresh();
    }

    /// Replaces the points by those of a CSV text (all as training points; Undo brings the
    /// old ones back). A file that cannot be read changes nothing and says where it fails.
    pub fn import_csv(&mut self, text: &str) {
        match nnp_core::dataset::csv::read_points(text, MAX_POINTS) {
            Ok(points) => {
                self.remember_points();
                self.edited = true;
                let count = points.len();
                // On the share link's lattice, as painted points are, so a link or a file
                // carries them exactly.
                self.train.points = points
                    .into_iter()
                    .map(|p| nnp_core::dataset::Point::new(snap(p.x1), snap(p.x2), p.label))
                    .collect();
                self.test.points.clear();
                self.resample();
                self.refresh();
                self.notice = Some(Notice::CsvImported(count));
            }
            Err(error) => self.notice = Some(Notice::CsvRefused(error)),
        }
    }

    /// The training and test points as CSV text (`x1,x2,label`).
    pub fn points_csv(&self) -> String {
        let all: Vec<_> = self
            .train
            .points
            .iter()
            .chain(&self.test.points)
            .copied()
            .collect();
        nnp_core::dataset::csv::write_points(&all)
    }
}

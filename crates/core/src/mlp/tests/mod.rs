//! The MLP's tests, by idea; the shared points and the gradient check are here.

use super::*;
use crate::dataset::{Dataset, DatasetConfig, DatasetKind, Point, car_table};
use crate::features::{Feature, Named};
use crate::gradcheck::{gradient, relative_error};

/// Four fixed points shared by the gradient checks and the PyTorch references.
fn four_points() -> Samples {
    let points = [
        Point::new(0.5, -1.2, 1.0),
        Point::new(2.0, 1.5, -1.0),
        Point::new(-1.0, 0.3, 1.0),
        Point::new(-2.2, -0.7, -1.0),
    ];
    Samples::new(&FeatureSet::raw(), &points)
}

fn check_gradient(net: &Mlp, samples: &Samples, train: &TrainConfig, what: &str) {
    let batch: Vec<usize> = (0..samples.len()).collect();
    let (_, exact) = net.loss_and_gradient(samples, &batch, train);
    let fd = gradient(|p| net.objective(p, samples, &batch, train).0, net.params());
    assert_eq!(exact.len(), net.params().len());
    for (k, (e, f)) in exact.iter().zip(&fd).enumerate() {
        assert!(
            relative_error(*e, *f, 1e-4) < 1e-5,
            "{what}, parameter {k}: {e} vs finite difference {f}"
        );
    }
}

mod epoch;
mod gradients;
mod learning;
mod pytorch;
mod state;
mod weights;

//! The mathematics of the neural-network playground, one module per idea of the lecture.
//!
//! Nothing here knows about the browser: every function takes and returns plain data
//! (numbers, slices, `ndarray` arrays, small structs) that a screen can draw.
#![warn(missing_docs)]

pub mod activation;
pub mod cnn;
pub mod conv;
pub mod curve;
pub mod dataset;
pub mod deep;
pub mod features;
pub mod gradcheck;
pub mod graph;
pub mod loss;
pub mod mlp;
pub mod raster;
pub mod real;
pub mod recurrent;
pub mod rng;
pub mod simd;

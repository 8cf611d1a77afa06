//! Reusable controls and drawings shared by the screens.

pub mod line_chart;

pub use line_chart::{LineChart, Series};

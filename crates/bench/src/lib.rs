//! The workloads the README's performance table reports, defined once and timed twice:
//! natively by criterion (`benches/native.rs`) and as wasm in headless Chromium
//! (`tests/browser.rs`). Each workload builds its inputs up front; only `run` is timed.

use nnp_core::activation::Activation;

/// A named piece of work to time.
pub struct Workload {
    /// The name printed in reports.
    pub name: &'static str,
    /// What it measures, for the README.
    pub description: &'static str,
    /// Does the work once; inputs are prepared by [`workloads`].
    pub run: Box<dyn FnMut() -> f64>,
}

impl std::fmt::Debug for Workload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workload")
            .field("name", &self.name)
            .finish()
    }
}

/// Every workload, with its inputs ready.
pub fn workloads() -> Vec<Workload> {
    vec![activation_grid()]
}

/// Value and derivative of every activation over a 256×256 grid of pre-activations.
fn activation_grid() -> Workload {
    let zs: Vec<f64> = (0..256 * 256).map(|i| (i as f64 / 4096.0) - 8.0).collect();
    Workload {
        name: "activations_256x256",
        description: "every activation and its derivative at 65,536 points",
        run: Box::new(move || {
            let mut sum = 0.0;
            for a in Activation::ALL {
                for &z in &zs {
                    sum += a.value(z) + a.derivative(z);
                }
            }
            sum
        }),
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn workloads_have_unique_names_and_run() {
        let mut all = workloads();
        let mut names: Vec<_> = all.iter().map(|w| w.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len());
        for w in &mut all {
            assert!(
                (w.run)().is_finite(),
                "{} produced a non-finite checksum",
                w.name
            );
        }
    }
}

//! Collects the per-step records of a sequence run into a [`Trace`]: each step's rows are
//! appended to buffers sized once for the whole sequence, so a run allocates nothing per
//! step.

use super::State;
use super::real::Real;
use super::trace::{Quantity, QuantityName, Trace};

/// The quantities of a run so far, `[t][unit]` row after row.
pub(crate) struct Recorder<F> {
    quantities: Vec<Quantity<F>>,
}

impl<F: Real> Recorder<F> {
    /// Room for `steps` rows of each quantity of `layout` (names and row sizes, in the
    /// trace's order).
    pub(crate) fn new<'a>(
        steps: usize,
        layout: impl IntoIterator<Item = (QuantityName, &'a [F])>,
    ) -> Self
    where
        F: 'a,
    {
        let quantities = layout
            .into_iter()
            .map(|(name, row)| Quantity {
                name,
                units: row.len(),
                values: Vec::with_capacity(steps * row.len()),
            })
            .collect();
        Self { quantities }
    }

    /// Appends one step's rows (same names and order as the layout).
    pub(crate) fn record<'a>(&mut self, rows: impl IntoIterator<Item = (QuantityName, &'a [F])>)
    where
        F: 'a,
    {
        let mut count = 0;
        for (quantity, (name, row)) in self.quantities.iter_mut().zip(rows) {
            debug_assert_eq!(quantity.name, name, "rows out of the layout's order");
            debug_assert_eq!(quantity.units, row.len(), "a row of the wrong size");
            quantity.values.extend_from_slice(row);
            count += 1;
        }
        debug_assert_eq!(count, self.quantities.len(), "a step without every row");
    }

    /// The trace of `steps` recorded steps that started from `initial`.
    pub(crate) fn finish(self, steps: usize, initial: State<F>) -> Trace<F> {
        Trace {
            steps,
            initial_hidden: initial.hidden,
            initial_cell: initial.cell,
            quantities: self.quantities,
        }
    }
}

//! Collects the per-step records of a sequence run into a [`Trace`]: each step's rows are
//! appended to buffers sized once for the whole sequence, so a run allocates nothing per
//! step.

use super::State;
use super::real::Real;
use super::trace::{Quantity, QuantityName, Trace};

/// The quantities of a run so far, `[t][unit]` row after row.
struct Recorder<F> {
    quantities: Vec<Quantity<F>>,
}

impl<F: Real> Recorder<F> {
    /// Room for `steps` rows of each quantity of `layout` (names and row sizes, in the
    /// trace's order).
    fn new<'a>(steps: usize, layout: impl IntoIterator<Item = (QuantityName, &'a [F])>) -> Self
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
    fn record<'a>(&mut self, rows: impl IntoIterator<Item = (QuantityName, &'a [F])>)
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
    fn finish(self, steps: usize, initial: State<F>) -> Trace<F> {
        Trace {
            steps,
            initial_hidden: initial.hidden,
            initial_cell: initial.cell,
            quantities: self.quantities,
        }
    }
}

/// A cell's record of one step: the state it produced and the rows a trace keeps.
pub(crate) trait StepRecord<F> {
    /// What the rows depend on besides the record (the LSTM: whether it is coupled).
    type Layout: Copy;

    /// The state the step produced.
    fn state_mut(&mut self) -> &mut State<F>;

    /// The rows of a trace, in its order (`x_t` first).
    fn rows<'a>(
        &'a self,
        x: &'a [F],
        layout: Self::Layout,
    ) -> impl IntoIterator<Item = (QuantityName, &'a [F])>
    where
        F: 'a;
}

/// Runs `inputs` from `start` one `step` at a time (`step(x_t, state, record)` fills the
/// reused `record`), recording every step's rows: the whole-sequence run of every cell.
pub(crate) fn run_sequence<F: Real, R: StepRecord<F>>(
    inputs: &[Vec<F>],
    input_size: usize,
    start: State<F>,
    mut record: R,
    layout: R::Layout,
    mut step: impl FnMut(&[F], &State<F>, &mut R),
) -> Trace<F> {
    let mut state = start.clone();
    let x_layout = vec![F::ZERO; input_size];
    let mut recorder = Recorder::new(inputs.len(), record.rows(&x_layout, layout));
    for x in inputs {
        step(x, &state, &mut record);
        recorder.record(record.rows(x, layout));
        std::mem::swap(&mut state, record.state_mut());
    }
    recorder.finish(inputs.len(), start)
}

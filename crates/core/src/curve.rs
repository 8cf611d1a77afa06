//! Training curves that stay small however long a run lasts.
//!
//! A curve records one value per step but keeps at most `2 · cap` points: each point is the
//! mean of a bucket of `b` consecutive steps, and when the points fill up, neighbours are
//! merged and `b` doubles. So a ten-minute run at thousands of steps per second holds a few
//! kilobytes, the chart still shows the whole run, and the step count stays exact.

/// Points kept by default (a chart is a few hundred pixels wide).
pub const DEFAULT_CAP: usize = 512;

/// A thinned training curve: means of equal buckets of steps, plus the exact step count.
///
/// ```
/// use nnp_core::curve::Curve;
/// let mut curve = Curve::with_cap(4);
/// for step in 0..1000 {
///     curve.push(step as f64);
/// }
/// assert_eq!(curve.steps(), 1000);
/// assert!(curve.points().count() <= 8);
/// assert_eq!(curve.first(), Some(0.0));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Curve {
    /// `(last step of the bucket, mean of its finite values)`, oldest first.
    points: Vec<(usize, f64)>,
    /// Steps per point.
    bucket: usize,
    cap: usize,
    /// The bucket being filled: sum and count of its finite values, and its step count.
    open_sum: f64,
    open_finite: usize,
    open_steps: usize,
    steps: usize,
    first: Option<f64>,
    last: Option<f64>,
}

impl Default for Curve {
    fn default() -> Self {
        Self::with_cap(DEFAULT_CAP)
    }
}

impl Curve {
    /// An empty curve keeping between `cap` and `2 · cap` points once long.
    pub fn with_cap(cap: usize) -> Self {
        assert!(cap >= 1, "a curve keeps at least one point");
        Self {
            points: Vec::new(),
            bucket: 1,
            cap,
            open_sum: 0.0,
            open_finite: 0,
            open_steps: 0,
            steps: 0,
            first: None,
            last: None,
        }
    }

    /// Records the value of the next step (NaN and ±∞ count as steps but not in the means).
    pub fn push(&mut self, value: f64) {
        self.steps += 1;
        self.first.get_or_insert(value);
        self.last = Some(value);
        if value.is_finite() {
            self.open_sum += value;
            self.open_finite += 1;
        }
        self.open_steps += 1;
        if self.open_steps < self.bucket {
            return;
        }
        let mean = self.open_mean();
        self.points.push((self.steps, mean));
        (self.open_sum, self.open_finite, self.open_steps) = (0.0, 0, 0);
        if self.points.len() >= 2 * self.cap {
            self.merge_pairs();
        }
    }

    fn open_mean(&self) -> f64 {
        if self.open_finite == 0 {
            f64::NAN
        } else {
            self.open_sum / self.open_finite as f64
        }
    }

    /// Halves the points: each pair becomes one point at the later step with the mean of
    /// both (a NaN half gives the other half's value).
    fn merge_pairs(&mut self) {
        let merged: Vec<(usize, f64)> = self
            .points
            .chunks(2)
            .map(|pair| {
                let step = pair[pair.len() - 1].0;
                let finite: Vec<f64> = pair.iter().map(|p| p.1).filter(|v| v.is_finite()).collect();
                let mean = if finite.is_empty() {
                    f64::NAN
                } else {
                    finite.iter().sum::<f64>() / finite.len() as f64
                };
                (step, mean)
            })
            .collect();
        self.points = merged;
        self.bucket *= 2;
    }

    /// Steps recorded so far (exact, whatever the thinning).
    pub fn steps(&self) -> usize {
        self.steps
    }

    /// Whether no step was recorded.
    pub fn is_empty(&self) -> bool {
        self.steps == 0
    }

    /// The first step's value.
    pub fn first(&self) -> Option<f64> {
        self.first
    }

    /// The last step's value.
    pub fn last(&self) -> Option<f64> {
        self.last
    }

    /// Steps per kept point now (1 until the curve first fills up).
    pub fn bucket(&self) -> usize {
        self.bucket
    }

    /// The curve as `(step, mean)` points, oldest first, including the bucket still filling;
    /// points whose steps were all NaN are left out.
    pub fn points(&self) -> impl Iterator<Item = (usize, f64)> + '_ {
        let open = (self.open_steps > 0).then(|| (self.steps, self.open_mean()));
        self.points
            .iter()
            .copied()
            .chain(open)
            .filter(|p| !p.1.is_nan())
    }
}

impl Curve {
    /// At most `max_points` points for a chart: consecutive [`points`](Self::points) averaged
    /// in equal groups of `⌈n / max_points⌉`, each at its group's last step.
    ///
    /// ```
    /// use nnp_core::curve::Curve;
    /// let mut curve = Curve::default();
    /// for step in 1..=10 {
    ///     curve.push(step as f64);
    /// }
    /// assert_eq!(curve.thinned(4), [(3, 2.0), (6, 5.0), (9, 8.0), (10, 10.0)]);
    /// ```
    pub fn thinned(&self, max_points: usize) -> Vec<(usize, f64)> {
        let points: Vec<(usize, f64)> = self.points().collect();
        let group = points.len().div_ceil(max_points.max(1)).max(1);
        points
            .chunks(group)
            .map(|chunk| {
                let mean = chunk.iter().map(|p| p.1).sum::<f64>() / chunk.len() as f64;
                (chunk[chunk.len() - 1].0, mean)
            })
            .collect()
    }
}

/// At most about `max_points` of `items` for a chart: every `⌈n / max_points⌉`-th item from
/// the first, plus the last if that stride skips it (so `max_points + 1` at most).
///
/// ```
/// use nnp_core::curve::sample_records;
/// let steps: Vec<usize> = (0..10).collect();
/// assert_eq!(sample_records(&steps, 4), [&0, &3, &6, &9]);
/// assert_eq!(sample_records(&steps, 3), [&0, &4, &8, &9]);
/// ```
pub fn sample_records<T>(items: &[T], max_points: usize) -> Vec<&T> {
    let every = items.len().div_ceil(max_points.max(1)).max(1);
    let mut out: Vec<&T> = items.iter().step_by(every).collect();
    if let Some(last) = items
        .last()
        .filter(|_| !(items.len() - 1).is_multiple_of(every))
    {
        out.push(last);
    }
    out
}

/// Keeps every other item of `items` (the first always stays) once it reaches `2 · cap`
/// items, so a list of periodic records stays small over a long run.
pub fn thin_records<T>(items: &mut Vec<T>, cap: usize) {
    if items.len() < 2 * cap.max(1) {
        return;
    }
    let mut index = 0;
    items.retain(|_| {
        index += 1;
        (index - 1) % 2 == 0
    });
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn short_curves_keep_every_step() {
        let mut c = Curve::with_cap(4);
        for v in [3.0, 2.0, 1.0] {
            c.push(v);
        }
        assert_eq!(
            c.points().collect::<Vec<_>>(),
            [(1, 3.0), (2, 2.0), (3, 1.0)]
        );
        assert_eq!((c.steps(), c.first(), c.last()), (3, Some(3.0), Some(1.0)));
    }

    #[test]
    fn long_curves_stay_small_and_keep_the_mean_of_each_bucket() {
        let cap = 8;
        let mut c = Curve::with_cap(cap);
        let n = 100_000;
        for step in 1..=n {
            c.push(step as f64);
        }
        let points: Vec<_> = c.points().collect();
        assert!(points.len() <= 2 * cap + 1, "{} points", points.len());
        assert_eq!(c.steps(), n);
        assert_eq!(
            points.last().map(|p| p.0),
            Some(n),
            "the last step is shown"
        );
        // Each point is the mean of its bucket of consecutive steps 1..=n: for values equal
        // to their step, that is the middle of the bucket.
        let b = c.bucket();
        for &(end, mean) in &points[..points.len() - 1] {
            let start = end + 1 - b;
            assert_eq!(mean, (start + end) as f64 / 2.0, "bucket ending at {end}");
        }
        assert_eq!(c.first(), Some(1.0));
    }

    #[test]
    fn nan_steps_count_but_do_not_poison_the_means() {
        let mut c = Curve::with_cap(1);
        for v in [1.0, f64::NAN, 3.0, f64::NAN, f64::NAN, f64::NAN] {
            c.push(v);
        }
        assert_eq!(c.steps(), 6);
        assert!(c.last().is_some_and(f64::is_nan));
        // Buckets: [1, NaN] → 1, [3, NaN] → 3, merged to 2; [NaN, NaN] has no point.
        let points: Vec<_> = c.points().collect();
        assert_eq!(points, [(4, 2.0)]);
    }

    #[test]
    fn thinned_averages_equal_groups_and_keeps_the_last_step() {
        let mut c = Curve::with_cap(512);
        assert!(c.thinned(200).is_empty());
        for step in 1..=1000 {
            c.push(step as f64);
        }
        let chart = c.thinned(200);
        assert_eq!(chart.len(), 200, "groups of 5");
        assert_eq!(chart[0], (5, 3.0));
        assert_eq!(chart[199], (1000, 998.0));
        // Short curves come back whole; NaN-only buckets stay out.
        let mut short = Curve::with_cap(4);
        for v in [2.0, f64::NAN, 4.0] {
            short.push(v);
        }
        assert_eq!(short.thinned(200), [(1, 2.0), (3, 4.0)]);
        assert_eq!(short.thinned(0), [(3, 3.0)], "zero means one point");
    }

    #[test]
    fn sample_records_keeps_first_and_last_within_the_bound() {
        let none: [u8; 0] = [];
        assert!(sample_records(&none, 5).is_empty());
        let items: Vec<usize> = (0..1001).collect();
        let kept = sample_records(&items, 200);
        assert!(kept.len() <= 201, "{}", kept.len());
        assert_eq!((kept[0], kept[kept.len() - 1]), (&0, &1000));
        let short: Vec<usize> = (0..7).collect();
        assert_eq!(sample_records(&short, 200).len(), 7);
    }

    #[test]
    fn thin_records_halves_once_full() {
        let mut items: Vec<usize> = (0..7).collect();
        thin_records(&mut items, 4);
        assert_eq!(items.len(), 7, "not full yet");
        items.push(7);
        thin_records(&mut items, 4);
        assert_eq!(items, [0, 2, 4, 6]);
    }
}

//! The sample images, drawn procedurally at any resolution.

/// The procedurally drawn sample images.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sample {
    /// A handwritten-looking seven.
    Seven,
    /// A ring.
    Ring,
    /// A square outline.
    Square,
    /// Two crossing diagonals.
    Cross,
    /// Vertical stripes.
    Stripes,
}

impl Sample {
    /// Every sample, in menu order.
    pub const ALL: [Sample; 5] = [
        Sample::Seven,
        Sample::Ring,
        Sample::Square,
        Sample::Cross,
        Sample::Stripes,
    ];

    /// Stable id for the menu.
    pub fn id(self) -> &'static str {
        match self {
            Sample::Seven => "seven",
            Sample::Ring => "ring",
            Sample::Square => "square",
            Sample::Cross => "cross",
            Sample::Stripes => "stripes",
        }
    }

    /// The sample whose [`id`](Self::id) is `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Ink at `(u, v)` in the unit square, given the size of one pixel `px`.
    pub(super) fn ink(self, u: f32, v: f32, px: f32) -> f32 {
        let line = |d: f32, half: f32| ((half - d) / px + 0.5).clamp(0.0, 1.0);
        match self {
            Sample::Seven => line(
                segment_distance((u, v), (0.28, 0.24), (0.72, 0.24)).min(segment_distance(
                    (u, v),
                    (0.72, 0.24),
                    (0.42, 0.8),
                )),
                0.05,
            ),
            Sample::Ring => line((((u - 0.5).hypot(v - 0.5)) - 0.28).abs(), 0.05),
            Sample::Square => line(((u - 0.5).abs().max((v - 0.5).abs()) - 0.27).abs(), 0.045),
            Sample::Cross => line(
                segment_distance((u, v), (0.25, 0.25), (0.75, 0.75)).min(segment_distance(
                    (u, v),
                    (0.75, 0.25),
                    (0.25, 0.75),
                )),
                0.05,
            ),
            Sample::Stripes => {
                let phase = (u * 4.0).fract();
                if (0.15..0.85).contains(&v) && (0.35..0.65).contains(&phase) {
                    1.0
                } else {
                    0.0
                }
            }
        }
    }
}

pub(super) fn segment_distance(p: (f32, f32), a: (f32, f32), b: (f32, f32)) -> f32 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
}

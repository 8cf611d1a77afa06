//! A slow device's live training: when a whole frame (training, the grid of every unit and
//! the drawing) takes longer than the target, frames take turns — one trains, the next
//! evaluates the grid and draws — so that no frame does both. Measured on a 390 px phone page
//! at 6× CPU throttling with 8 hidden layers of 32 units (`scripts/phone-screen.mjs`): frame
//! gaps median 86–90 → 47–49 ms, the screen's own frame 50–59 → mostly 26–28 ms.

/// What a live training frame does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pace {
    /// Trains, evaluates the grid and draws (a fast device, or a replay).
    Both,
    /// A slow device's turn to train, the grid left behind.
    TrainOnly,
    /// A slow device's turn to evaluate the grid and draw.
    DrawOnly,
}

impl Pace {
    /// The next frame's pace: a replay draws part by part on its own; a slow device
    /// alternates, drawing after each frame that trained.
    pub(super) fn of(replaying: bool, slow: bool, trained_last: bool) -> Pace {
        match (replaying, slow, trained_last) {
            (false, true, false) => Pace::TrainOnly,
            (false, true, true) => Pace::DrawOnly,
            _ => Pace::Both,
        }
    }
}

/// A whole frame over this (training, grid and drawing) makes a device slow…
pub(super) const SLOW_FROM_MS: f64 = 40.0;
/// …and it is fast again when its whole frames take less than this (not at once under the
/// target, so that it does not flip every frame).
pub(super) const SLOW_UNTIL_MS: f64 = 25.0;

/// Whether the device is slow after a whole frame of `whole_ms`, given whether it was.
pub(super) fn still_slow(slow: bool, whole_ms: f64) -> bool {
    whole_ms > if slow { SLOW_UNTIL_MS } else { SLOW_FROM_MS }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn a_slow_device_alternates_training_and_drawing_a_fast_one_does_both() {
        let mut trained_last = false;
        let paces: Vec<Pace> = (0..4)
            .map(|_| {
                let pace = Pace::of(false, true, trained_last);
                trained_last = pace == Pace::TrainOnly;
                pace
            })
            .collect();
        assert_eq!(
            paces,
            [
                Pace::TrainOnly,
                Pace::DrawOnly,
                Pace::TrainOnly,
                Pace::DrawOnly
            ]
        );
        assert_eq!(Pace::of(false, false, true), Pace::Both);
        assert_eq!(
            Pace::of(true, true, false),
            Pace::Both,
            "a replay draws its own way"
        );
    }

    #[test]
    fn slowness_needs_a_long_frame_and_leaves_only_well_under_the_target() {
        assert!(!still_slow(false, 30.0));
        assert!(still_slow(false, 45.0));
        assert!(still_slow(true, 30.0), "no flip just under the target");
        assert!(!still_slow(true, 20.0));
    }
}

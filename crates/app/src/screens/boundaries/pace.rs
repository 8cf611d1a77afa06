//! A slow device's live training: when a whole frame (training, the grid of every unit and
//! the drawing) takes longer than the target, frames take turns — one trains, the next
//! evaluates the grid and draws — so that no frame does both. Measured on a 390 px phone page
//! at 6× CPU throttling with 8 hidden layers of 32 units (`scripts/phone-screen.mjs`): frame
//! gaps median 86–90 → 47–49 ms, the screen's own frame 50–59 → mostly 26–28 ms. Renders of
//! the whole screen while training keep to a fifth of the time ([`render_spacing`]).

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

/// While training, renders take at most about this share of the time: a slow device (a
/// phone) whose render of the whole screen takes 30–90 ms renders less often. On a 390 px
/// phone page at 6× throttling, the default network: frame gaps median 27–30 → 17–18 ms.
const RENDER_SHARE: f64 = 0.2;

/// The least time between two renders of the screen while it trains (milliseconds): 60, or
/// 500 for a diagram of thousands of links, or more when the last render took long
/// (`last_render_ms`).
pub(super) fn render_spacing(links: usize, last_render_ms: f64) -> f64 {
    let least: f64 = if links > 2000 { 500.0 } else { 60.0 };
    least.max(last_render_ms / RENDER_SHARE)
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
    fn renders_keep_to_a_fifth_of_the_time() {
        assert_eq!(
            render_spacing(50, 3.0),
            60.0,
            "a fast render: the usual pace"
        );
        assert_eq!(render_spacing(7_000, 3.0), 500.0, "thousands of links");
        assert_eq!(render_spacing(50, 40.0), 200.0, "a phone's 40 ms render");
    }

    #[test]
    fn slowness_needs_a_long_frame_and_leaves_only_well_under_the_target() {
        assert!(!still_slow(false, 30.0));
        assert!(still_slow(false, 45.0));
        assert!(still_slow(true, 30.0), "no flip just under the target");
        assert!(!still_slow(true, 20.0));
    }
}

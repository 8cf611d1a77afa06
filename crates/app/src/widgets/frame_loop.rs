//! The one animation-frame driver of the app. A [`FrameLoop`] calls its tick once per
//! frame while the tick returns `true`; it is an owned handle: dropping it cancels the
//! pending frame, so a screen that is left or stopped leaves nothing running.
//! [`use_frame_loop`] ties a loop to a component: it runs while `running` is true after a
//! render and never outlives the component.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::render::{AnimationFrame, request_animation_frame};
use yew::prelude::*;

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static TICKS: Cell<u64> = const { Cell::new(0) };
}

/// How many frame loops are running on the page (for tests and the soak).
pub fn live_loops() -> usize {
    LIVE.with(Cell::get)
}

/// How many ticks every loop of the page has run so far: a test that leaves a screen reads
/// it twice, frames apart, to see that nothing ticks any more (not only that the count of
/// live loops went down).
pub fn ticks_so_far() -> u64 {
    TICKS.with(Cell::get)
}

struct Shared {
    frame: RefCell<Option<AnimationFrame>>,
    stopped: Cell<bool>,
}

impl Shared {
    fn stop(&self) {
        if !self.stopped.replace(true) {
            LIVE.with(|n| n.set(n.get() - 1));
        }
        // Takes the pending (or spent) frame: a pending one is cancelled.
        let frame = self.frame.borrow_mut().take();
        drop(frame);
    }
}

type Tick = Rc<RefCell<dyn FnMut() -> bool>>;

/// A running animation-frame loop; dropping it stops the loop.
pub struct FrameLoop {
    shared: Rc<Shared>,
}

impl FrameLoop {
    /// Calls `tick` on each animation frame until it returns `false` or the handle drops.
    pub fn start(tick: impl FnMut() -> bool + 'static) -> Self {
        LIVE.with(|n| n.set(n.get() + 1));
        let shared = Rc::new(Shared {
            frame: RefCell::new(None),
            stopped: Cell::new(false),
        });
        schedule(Rc::clone(&shared), Rc::new(RefCell::new(tick)));
        Self { shared }
    }

    /// Whether the loop still asks for frames.
    pub fn is_running(&self) -> bool {
        !self.shared.stopped.get()
    }
}

impl Drop for FrameLoop {
    fn drop(&mut self) {
        self.shared.stop();
    }
}

impl std::fmt::Debug for FrameLoop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FrameLoop")
            .field("running", &self.is_running())
            .finish()
    }
}

fn schedule(shared: Rc<Shared>, tick: Tick) {
    let next = Rc::clone(&shared);
    let frame = request_animation_frame(move |_| {
        if next.stopped.get() {
            return;
        }
        TICKS.with(|n| n.set(n.get() + 1));
        let more = (tick.borrow_mut())();
        // The tick may have stopped the loop (a re-render dropping the handle).
        if more && !next.stopped.get() {
            schedule(next, tick);
        } else {
            next.stop();
        }
    });
    *shared.frame.borrow_mut() = Some(frame);
}

/// Runs `tick` once per animation frame while `running` is true after a render (a loop
/// that ended by itself is started again if `running` still says so). Stops when
/// `running` turns false or the component unmounts. Only the `tick` of the render that
/// starts a loop is used, so it should read the component's state through shared handles.
#[hook]
pub fn use_frame_loop<F>(running: bool, tick: F)
where
    F: FnMut() -> bool + 'static,
{
    let handle = use_mut_ref(|| None::<FrameLoop>);
    {
        let handle = handle.clone();
        use_effect(move || {
            let mut current = handle.borrow_mut();
            let alive = current.as_ref().is_some_and(FrameLoop::is_running);
            if running && !alive {
                *current = Some(FrameLoop::start(tick));
            } else if !running {
                current.take();
            }
        });
    }
    use_effect_with((), move |_| move || drop(handle.borrow_mut().take()));
}

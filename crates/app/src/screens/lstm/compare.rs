//! The long-dependency race, live: the plain RNN, the LSTM and the GRU learn
//! remember-first over the screen's distance with its units, learning rate and seed, one
//! update each in turn ([`Race`] in the core: the same code `docs/lstm-race.md` was made
//! with). A cell's lane ends at the target or after [`RaceConfig::max_updates`].

use nnp_core::recurrent::{Race, RaceConfig};

/// The race, run an update at a time; finished lanes stay on screen after a stop.
#[derive(Debug, Default)]
pub struct Comparison {
    /// The race under way or last run.
    pub race: Option<Race>,
    pub running: bool,
}

impl Comparison {
    /// Starts a fresh race under `config`.
    pub fn start(&mut self, config: RaceConfig) {
        self.race = Some(Race::new(config));
        self.running = true;
    }

    /// Stops where it is; the lanes stay as they are.
    pub fn stop(&mut self) {
        self.running = false;
    }

    /// Done fraction, 0–1.
    pub fn progress(&self) -> f64 {
        self.race.as_ref().map_or(0.0, Race::progress)
    }

    /// One update of the next lane still running; stops when every lane is over.
    pub fn work(&mut self) {
        let going = self.running && self.race.as_mut().is_some_and(Race::step);
        if !going {
            self.running = false;
        }
    }
}

//! The long-dependency race over distances and seeds, as the markdown table of
//! `docs/lstm-race.md`: for each distance and cell, how many of 10 seeds reach the target
//! and the median number of updates they take, with the LSTM screen's defaults
//! ([`RaceConfig::default`], the same [`Race`] the screen runs).
//!
//! ```text
//! cargo run --release -p nnp-core --example lstm_race_table
//! ```

use std::time::Instant;

use nnp_core::recurrent::{NEAR_CHANCE, RACE_VARIANTS, Race, RaceConfig};

const DISTANCES: [usize; 5] = [10, 20, 40, 80, 160];
const SEEDS: std::ops::RangeInclusive<u64> = 1..=10;

fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    (n > 0).then(|| {
        if n % 2 == 1 {
            values[n / 2]
        } else {
            (values[n / 2 - 1] + values[n / 2]) / 2.0
        }
    })
}

fn main() {
    let defaults = RaceConfig::default();
    let seeds = SEEDS.count();
    let start = Instant::now();
    let mut head = String::from("| distance |");
    let mut rule = String::from("|---:|");
    head += " RNN near chance |";
    rule += "---:|";
    for v in RACE_VARIANTS {
        let name = v.id().to_uppercase();
        head += &format!(" {name} reached | {name} median updates | {name} median accuracy |");
        rule += "---:|---:|---:|";
    }
    let mut rows = Vec::new();
    for distance in DISTANCES {
        let races: Vec<Race> = SEEDS
            .map(|seed| {
                Race::new(RaceConfig {
                    distance,
                    seed,
                    ..defaults
                })
                .run()
            })
            .collect();
        let guessing = races
            .iter()
            .filter(|r| r.lanes()[0].near_chance(r.chance()))
            .count();
        let mut row = format!("| {distance} | {guessing}/{seeds} |");
        for k in 0..RACE_VARIANTS.len() {
            let lanes = races.iter().map(|r| &r.lanes()[k]);
            #[allow(clippy::cast_precision_loss)]
            let mut updates: Vec<f64> = lanes
                .clone()
                .filter_map(|l| l.reached.map(|u| u as f64))
                .collect();
            let mut accuracy: Vec<f64> = lanes.map(|l| f64::from(l.accuracy())).collect();
            let reached = updates.len();
            let updates = median(&mut updates).map_or("—".into(), |u| format!("{u:.0}"));
            let accuracy =
                median(&mut accuracy).map_or("—".into(), |a| format!("{:.0} %", a * 100.0));
            row += &format!(" {reached}/{seeds} | {updates} | {accuracy} |");
        }
        eprintln!(
            "distance {distance} done after {:.0} s",
            start.elapsed().as_secs_f64()
        );
        rows.push(row);
    }
    println!(
        "{} units, Adam η = {}, 32 sequences per update, gradient norm clipped at 1, at most {} \
         updates per cell, seeds {} to {}; target: 95 % right over the last 10 batches; accuracy \
         on 200 fresh sequences at the end (chance: 25 %; near chance: at most {:.0} %).\n",
        defaults.hidden_size,
        defaults.learning_rate,
        defaults.max_updates,
        SEEDS.start(),
        SEEDS.end(),
        (0.25 + NEAR_CHANCE) * 100.0
    );
    println!("{head}\n{rule}");
    for row in rows {
        println!("{row}");
    }
    eprintln!("{:.0} s in all", start.elapsed().as_secs_f64());
}

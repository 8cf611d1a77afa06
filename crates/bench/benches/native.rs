//! Native timings of every workload: `cargo bench -p nnp-bench` (or scripts/bench.sh).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn all(c: &mut Criterion) {
    for mut workload in nnp_bench::workloads() {
        c.bench_function(workload.name, |b| b.iter(|| black_box((workload.run)())));
    }
}

criterion_group!(benches, all);
criterion_main!(benches);

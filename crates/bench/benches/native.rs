//! Native timings of every workload: `cargo bench -p nnp-bench` (or scripts/bench.sh).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn all(c: &mut Criterion) {
    for mut workload in nnp_bench::workloads() {
        c.bench_function(workload.name, |b| b.iter(|| black_box((workload.run)())));
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(2));
    targets = all
}
criterion_main!(benches);

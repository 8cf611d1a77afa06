use super::*;
#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn all(kind: DatasetKind, noise: f64, seed: u64) -> (Dataset, Vec<Point>) {
    let data = Dataset::generate(&DatasetConfig {
        kind,
        noise,
        seed,
        ..Default::default()
    });
    let points = data.train.iter().chain(&data.test).copied().collect();
    (data, points)
}

#[test]
fn every_shape_fills_the_plane_with_both_labels_and_splits() {
    for kind in DatasetKind::ALL {
        for noise in [0.0, 0.5] {
            let (data, points) = all(kind, noise, 7);
            assert_eq!(data.train.len(), 250, "{kind:?}");
            assert_eq!(data.test.len(), 250, "{kind:?}");
            let positive = points.iter().filter(|p| p.label == 1.0).count();
            assert!(
                (200..=300).contains(&positive),
                "{kind:?}: {positive} positives of 500"
            );
            for p in &points {
                assert!(
                    p.x1.abs() <= 6.0 && p.x2.abs() <= 6.0,
                    "{kind:?}: {p:?} off the plane"
                );
            }
        }
    }
}

#[test]
fn same_seed_same_points_other_seed_other_points() {
    for kind in DatasetKind::ALL {
        assert_eq!(all(kind, 0.2, 3).0, all(kind, 0.2, 3).0, "{kind:?}");
        assert_ne!(all(kind, 0.2, 3).0, all(kind, 0.2, 4).0, "{kind:?}");
    }
}

#[test]
fn noiseless_shapes_follow_their_rules() {
    for p in all(DatasetKind::Car, 0.0, 1).1 {
        assert_eq!(p.label, car_label(p.x1, p.x2), "{p:?}");
        assert!(
            ((p.x1 - p.x2).abs() - 1.0).abs() >= CAR_GAP - 1e-12,
            "{p:?} in the gap"
        );
    }
    for p in all(DatasetKind::Xor, 0.0, 1).1 {
        assert_eq!(p.label, (p.x1 * p.x2).signum(), "{p:?}");
    }
    for p in all(DatasetKind::Circle, 0.0, 1).1 {
        let r = p.x1.hypot(p.x2);
        assert_eq!(p.label, if r < 3.0 { 1.0 } else { -1.0 }, "{p:?}");
    }
}

#[test]
fn noise_mislabels_some_car_points() {
    let wrong = all(DatasetKind::Car, 0.5, 1)
        .1
        .iter()
        .filter(|p| p.label != car_label(p.x1, p.x2))
        .count();
    assert!(wrong > 10 && wrong < 200, "{wrong} mislabelled");
}

#[test]
fn car_table_is_the_lectures() {
    for p in car_table() {
        assert_eq!(p.label, car_label(p.x1, p.x2));
    }
    assert_eq!(car_label(3.0, 1.0), 1.0);
    assert_eq!(car_label(1.0, 0.5), -1.0);
    assert_eq!(car_label(2.0, 1.0), 1.0, "distance exactly 1 is safe");
}

#[test]
fn painting_adds_and_removes_the_nearest_point() {
    let mut painted = Painted::default();
    painted.add(1.0, 1.0, 1.0);
    painted.add(2.0, 2.0, -1.0);
    painted.add(9.0, -9.0, 1.0);
    assert_eq!(
        painted.points[2],
        Point::new(6.0, -6.0, 1.0),
        "clamped to the plane"
    );
    assert_eq!(
        painted.remove_near(4.0, 4.0, 0.5),
        None,
        "nothing within the radius"
    );
    assert_eq!(
        painted.remove_near(1.8, 1.9, 0.5),
        Some(Point::new(2.0, 2.0, -1.0))
    );
    assert_eq!(painted.points.len(), 2);
    let split = painted.split(0.5, 1);
    assert_eq!(split.train.len() + split.test.len(), 2);
}

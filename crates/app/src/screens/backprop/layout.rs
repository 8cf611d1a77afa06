//! Where each node of the car network is drawn: the lecture's figure, leaves at the bottom
//! (each leaf just below the node that uses it), the loss at the top.

use nnp_core::graph::{Graph, NodeKind};

/// Width of one column of the drawing, in SVG units.
pub const COL: f64 = 100.0;
/// Height of one row above the first (operations are close to their operands).
pub const ROW: f64 = 84.0;
/// Height of the first row: the leaves' many edges fan out there, their labels at two heights.
pub const LEAF_ROW: f64 = 104.0;
/// A leaf's box (inputs, weights, constants): one column wide.
pub const LEAF_W: f64 = 98.0;
/// An operation's box: wider, for "f = −1.237·10⁻⁷" at the presenter's type size.
pub const OP_W: f64 = 170.0;
/// Every box's height: name and operation, f, g — one line each.
pub const NODE_H: f64 = 56.0;
/// Space around the drawing.
pub const MARGIN: f64 = 8.0;
/// Columns of the drawing (the bottom row holds `v1`, `Φ = [1, x1, x2]` and `v2`).
pub const COLUMNS: f64 = 9.0;
/// Rows of the drawing.
pub const ROWS: usize = 6;

/// The drawing's size in SVG units.
pub fn size() -> (f64, f64) {
    (
        COLUMNS * COL + 2.0 * MARGIN,
        (ROWS - 2) as f64 * ROW + LEAF_ROW + NODE_H + 2.0 * MARGIN,
    )
}

/// The width of node `i`'s box: operations are wider than leaves.
pub fn width(graph: &Graph, i: usize) -> f64 {
    if graph.node(i).kind() == NodeKind::Operation {
        OP_W
    } else {
        LEAF_W
    }
}

/// The centre of node `i`'s box, in SVG units.
pub fn centre(graph: &Graph, i: usize) -> (f64, f64) {
    let node = graph.node(i);
    let (col, row) = slot(&node.label).unwrap_or((i as f64 % COLUMNS, node.layer as f64));
    let from_top = (ROWS - 1) as f64 - row;
    let y = MARGIN + NODE_H / 2.0 + from_top * ROW + if row < 1.0 { LEAF_ROW - ROW } else { 0.0 };
    (MARGIN + (col + 0.5) * COL, y)
}

/// Column and row (0 at the bottom) of the car network's nodes.
fn slot(label: &str) -> Option<(f64, f64)> {
    Some(match label {
        "v1[0]" => (0.0, 0.0),
        "v1[1]" => (1.0, 0.0),
        "v1[2]" => (2.0, 0.0),
        "1" => (3.0, 0.0),
        "x1" => (4.0, 0.0),
        "x2" => (5.0, 0.0),
        "v2[0]" => (6.0, 0.0),
        "v2[1]" => (7.0, 0.0),
        "v2[2]" => (8.0, 0.0),
        "v1·Φ" => (2.5, 1.0),
        "v2·Φ" => (5.5, 1.0),
        "w1" => (1.0, 2.0),
        "h1" => (2.5, 2.0),
        "w0" => (4.0, 2.0),
        "h2" => (5.5, 2.0),
        "w2" => (7.0, 2.0),
        "score" => (4.0, 3.0),
        "y" => (6.0, 3.0),
        "score − y" | "margin" => (5.0, 4.0),
        "loss" => (5.0, 5.0),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use nnp_core::graph::{CarNet, CarNetConfig};
    use nnp_core::loss::Loss;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// No two boxes overlap, the loss is on top, leaves below their parents, all inside.
    #[test]
    fn boxes_are_apart_and_inside_for_every_variant() {
        for loss in Loss::ALL {
            for output_bias in [true, false] {
                let net = CarNet::new(CarNetConfig {
                    loss,
                    output_bias,
                    ..CarNetConfig::default()
                });
                let g = &net.graph;
                let (w, h) = size();
                let at: Vec<(f64, f64)> = (0..g.len()).map(|i| centre(g, i)).collect();
                for (i, a) in at.iter().enumerate() {
                    let half = width(g, i) / 2.0;
                    assert!(a.0 - half >= 0.0 && a.0 + half <= w);
                    assert!(a.1 - NODE_H / 2.0 >= 0.0 && a.1 + NODE_H / 2.0 <= h);
                    for (j, b) in at.iter().enumerate().skip(i + 1) {
                        let reach = half + width(g, j) / 2.0;
                        let apart = (a.0 - b.0).abs() >= reach || (a.1 - b.1).abs() >= NODE_H;
                        assert!(apart, "{loss:?} {output_bias}: {a:?} {b:?}");
                    }
                    for &(p, _) in g.parents(i) {
                        assert!(at[p].1 < a.1, "{} above its parent", g.node(i).label);
                    }
                }
                assert_eq!(
                    at[g.root()].1,
                    at.iter().map(|a| a.1).fold(f64::MAX, f64::min)
                );
            }
        }
    }
}

use super::*;
use nnp_core::conv::{LECTURE_RESPONSE, preset};
#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[test]
fn lecture_example_reads_6600_at_the_centre() {
    let mut model = Model::new();
    model.load_lecture();
    let field = model.receptive_field().map(|f| f.value);
    assert_eq!(field, Some(LECTURE_RESPONSE));
    assert_eq!(model.pipeline().maps().get(0, 3, 3), LECTURE_RESPONSE);
}

#[test]
fn a_bad_cell_is_marked_and_keeps_its_weight() {
    let mut model = Model::new();
    let before = model.pipeline().maps().clone();
    model.set_cell(0, 0, "abc".to_owned());
    assert!(model.slots()[0].errors[0].is_some());
    assert_eq!(model.slots()[0].weights[0], -1.0);
    assert_eq!(model.pipeline().maps(), &before);
}

#[test]
fn presets_set_the_size_only_when_nothing_is_lost() {
    let mut model = Model::new();
    model.set_preset(0, "curve-detector");
    assert_eq!(model.kernel_size(), 7);
    assert_eq!(model.slots()[1].weights[3 * 7 + 3], 0.0);
    assert_eq!(model.slots()[1].weights[2 * 7 + 2], -1.0);
    model.set_preset(0, "sobel-x");
    assert_eq!(model.kernel_size(), 3);
    assert_eq!(model.slots()[1].weights, preset("sobel-y").unwrap().weights);
}

#[test]
fn strokes_change_only_their_rectangle_and_undo_restores() {
    let mut model = Model::new();
    model.clear();
    let dirty = model.stroke_begin(10.0, 10.0);
    let dirty = dirty.union(model.stroke_to(40.0, 12.0));
    model.stroke_end();
    assert!(dirty.contains(10, 10) && dirty.contains(12, 40) && !dirty.contains(80, 80));
    assert_eq!(model.image().get(0, 11, 25), 1.0);
    model.undo();
    assert_eq!(model.image().get(0, 11, 25), 0.0);
}

#[test]
fn numbers_are_short() {
    assert_eq!(format_number(1.0 / 9.0), "0.1111");
    assert_eq!(format_number(-2.0), "-2");
    assert_eq!(format_number(0.0625), "0.0625");
    assert_eq!(format_number(6600.0), "6600");
}

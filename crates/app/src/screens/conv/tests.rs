//! Share links, files and the remembered state: what goes out comes back.

use nnp_core::activation::Activation;
use nnp_core::conv::{LECTURE_RESPONSE, Padding, PipelineConfig, PoolConfig, PoolKind};

use super::link::{self, ImageSetting, KernelWeights};
use super::model::{Model, Notice, Sample, Tool};
use super::pack::{Pixels, to_link_levels};
use super::saving::{full_query, model_from_query, same_state};
use crate::screens::conv::SCREEN;
use crate::share::{self, MAX_LINK};
#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

/// A painter with every setting away from its default and a painted, erased image.
fn worked_on() -> Model {
    let mut m = Model::new();
    m.set_resolution(64);
    m.intensity = 0.55;
    m.stroke_begin(5.3, 7.1);
    m.stroke_to(50.2, 40.7);
    m.stroke_end();
    m.tool = Tool::Eraser;
    m.stroke_begin(30.0, 20.0);
    m.stroke_to(31.0, 33.0);
    m.stroke_end();
    m.set_kernel_size(5);
    m.set_cell(1, 0, "0.3333333".into());
    m.set_cell(1, 24, "-1e-9".into());
    m.set_bias(2, "0.1".into());
    m.set_preset(3, "laplacian");
    m.remove_kernel(0);
    m.add_kernel();
    m.set_config(PipelineConfig {
        conv: nnp_core::conv::ConvConfig {
            stride: 2,
            padding: Padding::Valid,
            flip: true,
        },
        activation: Activation::Tanh,
        pool: Some(PoolConfig {
            kind: PoolKind::Average,
            size: 3,
            stride: 1,
        }),
        dense_outputs: 3,
        dense_activation: Activation::Relu,
        seed: 77,
    });
    m.set_probe(2, 4, 9);
    m
}

fn bits(values: &[f32]) -> Vec<u32> {
    values.iter().map(|v| v.to_bits()).collect()
}

#[test]
fn a_saved_state_comes_back_bit_for_bit() {
    let m = worked_on();
    assert!(m.probe.is_some());
    let back = model_from_query(&full_query(&m));
    assert_eq!(back.notice, None);
    assert_eq!(back.settings(), m.settings());
    assert_eq!(bits(back.image().data()), bits(m.image().data()));
    assert_eq!(back.probe, m.probe);
    let (a, b) = (m.pipeline(), back.pipeline());
    assert_eq!(bits(b.maps().data()), bits(a.maps().data()));
    assert_eq!(
        bits(b.output()),
        bits(a.output()),
        "same dense weights, same outputs"
    );
    assert_eq!(back.kernel_size(), 5);
    assert_eq!(back.slots()[0].weights[0], 0.3333333);
    assert_eq!(back.slots()[0].weights[24], -1e-9);
    assert_eq!(back.slots()[1].bias, 0.1);
    assert_eq!(back.slots()[2].preset, Some("laplacian"));
}

#[test]
fn presets_and_samples_travel_by_name() {
    let mut m = Model::new();
    m.load_sample(Sample::Ring);
    let (query, dropped) = link::write(&m.settings());
    assert!(!dropped);
    assert!(query.contains("img=ring"), "{query}");
    assert!(
        query.contains("k=sobel-x;sobel-y;outline;gaussian-blur"),
        "{query}"
    );
    assert!(query.len() < 200, "{query}");
    let back = model_from_query(&query);
    assert_eq!(bits(back.image().data()), bits(m.image().data()));

    // A preset cropped and grown again is no longer the preset: its weights travel.
    m.set_preset(0, "curve-detector");
    m.set_kernel_size(3);
    m.set_kernel_size(7);
    let settings = m.settings();
    assert!(matches!(
        settings.kernels[0].weights,
        KernelWeights::Weights(_)
    ));
    assert_eq!(
        model_from_query(&link::write(&settings).0).settings(),
        settings
    );
}

#[test]
fn the_lecture_example_link_reads_6600() {
    let mut m = Model::new();
    m.load_lecture();
    let (query, _) = link::write(&m.settings());
    assert!(
        query.contains("img=lecture") && query.contains("probe=0.3.3"),
        "{query}"
    );
    let back = model_from_query(&query);
    assert_eq!(
        back.receptive_field().map(|f| f.value),
        Some(LECTURE_RESPONSE)
    );
}

#[test]
fn a_link_keeps_a_painting_in_sixteen_levels() {
    let m = worked_on();
    let (query, dropped) = link::write(&m.settings());
    assert!(
        !dropped && query.len() <= MAX_LINK,
        "{} characters",
        query.len()
    );
    let back = model_from_query(&query);
    let ImageSetting::Pixels(sent) = m.settings().image else {
        panic!("a painted image travels as pixels")
    };
    assert_eq!(back.image().data(), to_link_levels(&sent).values);
    assert_eq!(back.settings().kernels, m.settings().kernels);
}

#[test]
fn a_detailed_painting_is_left_out_of_the_link_and_the_receiver_is_told() {
    let mut m = Model::new();
    let noise: Vec<f32> = (0..128 * 128u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 28) as f32 / 15.0)
        .collect();
    m.load_pixels(128, noise);
    let mut sent = m.settings();
    sent.config.seed = 9;
    let (query, dropped) = link::write(&sent);
    assert!(dropped && query.len() <= MAX_LINK && query.contains("img=file"));
    let back = model_from_query(&query);
    assert_eq!(back.notice, Some(Notice::LinkWithoutImage));
    assert!(back.image().data().iter().all(|&v| v == 0.0));
    assert_eq!(back.pipeline().config().seed, 9);
    // The file keeps it all.
    let full = link::write_full(&sent);
    assert!(full.len() > MAX_LINK);
    assert_eq!(model_from_query(&full).settings(), sent);
}

#[test]
fn a_broken_link_keeps_what_it_can_and_names_the_rest() {
    let m = model_from_query("n=64&img=stripes&k=sobel-x;0,1:zz&st=9&act=tanh&zzz=1&probe=0.200.0");
    let Some(Notice::LinkPartlyRead(keys)) = &m.notice else {
        panic!("{:?}", m.notice)
    };
    assert_eq!(keys, &["k", "st", "zzz", "probe"]);
    assert_eq!(m.resolution(), 64);
    assert_eq!(m.pipeline().config().activation, Activation::Tanh);
    assert_eq!(m.slots().len(), 4, "the default kernels stay");
    assert_eq!(m.probe, None, "the maps are 64 wide");

    // Kernels whose weights do not fill the kernel size are not used, and named.
    let m = model_from_query("ks=5&k=1,2,3,4;sobel-y&act=linear");
    assert_eq!(m.notice, Some(Notice::LinkPartlyRead(vec!["k".into()])));
    assert_eq!(m.slots().len(), 4);
    assert_eq!(m.slots()[1].preset, Some("sobel-y"));
    assert_eq!(m.kernel_size(), 5);
    assert_eq!(m.pipeline().config().activation, Activation::Linear);
}

#[test]
fn the_address_bar_link_of_the_remembered_state_restores_every_level() {
    let m = worked_on();
    let saved = full_query(&m);
    let (link_query, _) = link::write(&m.settings());
    assert_eq!(same_state(&saved, &link_query), Some(m.settings()));
    let other = link::write(&Model::new().settings()).0;
    assert_eq!(same_state(&saved, &other), None, "another link wins");
}

/// A painter built from fuzzed settings can share itself again: its full state reads back
/// without a problem.
fn shares_again(m: &Model) {
    let query = full_query(m);
    let mut settings = Model::new().settings();
    let problems = share::read_query(&link::fields(), &query, &mut settings);
    assert_eq!(problems, [], "{query}");
}

#[test]
fn fuzz_links_never_panic() {
    let good = link::write(&worked_on().settings()).0;
    let start = Model::new().settings();
    share::fuzz::fuzz_links(
        "conv link reader",
        &link::fields(),
        &good,
        &start,
        11,
        |k, settings| {
            // Building the painter costs more: a sample of the readings goes all the way.
            if k % 100 == 0 {
                shares_again(&Model::from_settings(settings));
            }
        },
    );
}

#[test]
fn fuzz_files_never_panic() {
    let good = full_query(&worked_on());
    let start = Model::new().settings();
    share::fuzz::fuzz_files(&SCREEN, &good, 21, |k, query| {
        // Every pixel of a 64 × 64 image is in the file: reading it costs, so every other
        // opened file is read and every 100th goes all the way to the painter.
        if k % 100 == 0 {
            shares_again(&model_from_query(query));
        } else if k % 2 == 0 {
            let _ = share::read_query(&link::fields(), query, &mut start.clone());
        }
    });
}

#[test]
fn pixels_of_the_wrong_size_are_refused_whole() {
    let bad = Pixels {
        side: 64,
        values: vec![0.5; 64 * 64],
    };
    let text = super::pack::pack(&bad, false);
    let mut settings = Model::new().settings();
    let problems = share::read_query(
        &link::fields(),
        &format!("px={}", &text[..text.len() - 2]),
        &mut settings,
    );
    assert_eq!(problems.len(), 1);
    assert_eq!(settings.image, ImageSetting::Sample(Sample::Seven));
}

#[test]
fn a_huge_upload_is_refused_before_decoding_and_the_painting_stays() {
    use super::msg::Msg;
    use super::upload::{MAX_BYTES, too_large};
    let phone_photo = 5.0 * 1024.0 * 1024.0;
    assert!(!too_large(phone_photo));
    assert!(!too_large(MAX_BYTES));
    assert!(too_large(MAX_BYTES + 1.0));
    assert!(too_large(2.0 * 1024.0 * 1024.0 * 1024.0));

    let mut m = worked_on();
    let painted = bits(m.image().data());
    m.update(Msg::UploadTooLarge);
    assert_eq!(m.notice, Some(Notice::TooLarge));
    assert_eq!(bits(m.image().data()), painted, "the painting was lost");

    // Both languages name the limit the code applies.
    let limit = format!("{} MB", MAX_BYTES / (1024.0 * 1024.0));
    for texts in [&crate::i18n::conv::EN, &crate::i18n::conv::ZH] {
        assert!(texts.too_large.contains(&limit), "{}", texts.too_large);
    }
}

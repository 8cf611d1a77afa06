#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::format::{FORMAT, MAX_STOPS, MAX_TOUR_BYTES, Tour, TourError};
use super::keys::{Move, move_of, target};
use super::place::{self, Place};
use crate::i18n::Lang;
use crate::screens::ALL;

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn lecture() -> Tour {
    (*place::lecture()).clone()
}

#[test]
fn the_lecture_tour_follows_the_lecture_in_both_languages() {
    let tour = lecture();
    assert_eq!(tour.stops.len(), 15);
    let screens: Vec<&str> = tour.stops.iter().map(|s| s.screen.as_str()).collect();
    assert_eq!(
        screens,
        [
            "boundaries",
            "backprop",
            "activations",
            "backprop",
            "boundaries",
            "backprop",
            "boundaries",
            "deep",
            "conv",
            "conv",
            "conv",
            "cnn",
            "lstm",
            "lstm",
            "lstm"
        ]
    );
    for (i, stop) in tour.stops.iter().enumerate() {
        for both in [&stop.title, &stop.text] {
            assert!(!has_chinese(&both.en) && !both.en.is_empty(), "stop {i}");
            assert!(has_chinese(&both.zh), "stop {i}: {}", both.zh);
        }
        assert!(stop.show.is_some(), "stop {i} names its picture");
    }
    let asked = tour.stops.iter().filter(|s| s.question.is_some()).count();
    assert!(asked >= 10, "{asked} questions");
    // Stop 10 asks for the lecture's 6600 before it says it, then points at the panel's sum.
    let lecture_sum = tour.stops[9].question.as_ref().unwrap();
    assert!(
        !tour.stops[9].text.en.contains("6600"),
        "the text does not give the answer away"
    );
    assert!(lecture_sum.explain.en.contains("= 6600"));
    assert_eq!(lecture_sum.show.as_deref(), Some(".conv-probe-sum"));
    assert!(
        tour.stops[12]
            .question
            .as_ref()
            .unwrap()
            .prompt
            .en
            .contains("40 steps")
    );
}

#[test]
fn a_tour_survives_its_file_and_its_link() {
    let tour = lecture();
    assert_eq!(Tour::parse(&tour.to_json(true)), Ok(tour.clone()));
    let source = place::source_of(&tour);
    assert!(!source.contains(['&', '=', '#', '?', '+', '/']), "{source}");
    assert_eq!(*place::tour_of(Some(&source)).unwrap(), tour);
}

fn with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value = serde_json::from_str(&lecture().to_json(false)).unwrap();
    edit(&mut value);
    value.to_string()
}

#[test]
fn bad_tour_files_say_what_and_where() {
    let cases: Vec<(String, TourError)> = vec![
        ("".into(), TourError::NotJson(String::new())),
        ("{\"format\": ".into(), TourError::NotJson(String::new())),
        ("[1, 2]".into(), TourError::NotATour),
        ("{\"stops\": []}".into(), TourError::NotATour),
        (
            with(|v| v["format"] = "nnp-tour 2".into()),
            TourError::NotATour,
        ),
        (
            with(|v| v["stops"] = serde_json::json!([])),
            TourError::StopCount(0),
        ),
        (
            with(|v| {
                let one = v["stops"][0].clone();
                v["stops"] = serde_json::Value::Array(vec![one; MAX_STOPS + 1]);
            }),
            TourError::StopCount(MAX_STOPS + 1),
        ),
        (
            with(|v| v["stops"][2]["screen"] = "nope".into()),
            TourError::Stop(3, String::new()),
        ),
        (
            with(|v| v["stops"][0]["question"]["answer"] = 7.into()),
            TourError::Stop(1, String::new()),
        ),
        (
            with(|v| v["stops"][0]["question"]["choices"] = serde_json::json!([])),
            TourError::Stop(1, String::new()),
        ),
        (
            with(|v| v["stops"][4]["text"]["zh"] = " ".into()),
            TourError::Stop(5, String::new()),
        ),
        (
            with(|v| v["stops"][1]["state"] = "a=1#/x".into()),
            TourError::Stop(2, String::new()),
        ),
        (
            with(|v| v["stops"][1]["state"] = "k=1&tour=4".into()),
            TourError::Stop(2, String::new()),
        ),
        (
            with(|v| v["stops"][0]["question"]["show"] = "".into()),
            TourError::Stop(1, String::new()),
        ),
        (
            with(|v| v["stops"][1]["colour"] = "red".into()),
            TourError::NotJson(String::new()),
        ),
        (
            with(|v| v["stops"][1]["state"] = "x".repeat(MAX_TOUR_BYTES).into()),
            TourError::TooBig,
        ),
    ];
    for (text, expected) in cases {
        let error = Tour::parse(&text).expect_err(&text.chars().take(80).collect::<String>());
        let same_kind = std::mem::discriminant(&error) == std::mem::discriminant(&expected);
        assert!(same_kind, "{error:?}, expected {expected:?}");
        if let (TourError::Stop(n, _), TourError::Stop(m, _)) = (&error, &expected) {
            assert_eq!(n, m);
            assert!(error.message(Lang::En).starts_with(&format!("Stop {n}: ")));
            assert!(error.message(Lang::Zh).starts_with(&format!("第 {n} 站")));
        }
        assert!(has_chinese(&error.message(Lang::Zh)), "{error:?}");
    }
    let unknown = with(|v| v["stops"][2]["screen"] = "nope".into());
    let message = Tour::parse(&unknown).unwrap_err().message(Lang::En);
    assert!(
        message.contains("'nope'") && message.contains("lstm"),
        "{message}"
    );
    let missing = with(|v| {
        v["stops"][0]
            .as_object_mut()
            .unwrap()
            .remove("text")
            .map(drop)
            .unwrap()
    });
    let message = Tour::parse(&missing).unwrap_err().message(Lang::En);
    assert!(message.contains("`text`"), "{message}");
    #[cfg(not(target_family = "wasm"))]
    assert!(
        message.contains("line"),
        "natively the line is named: {message}"
    );
}

#[test]
fn every_stop_is_a_screen_link_with_the_tour_place_after_it() {
    let tour = lecture();
    let place = Place {
        index: 12,
        source: None,
    };
    assert_eq!(
        place.hash(&tour, &["lang=zh".into()]).unwrap(),
        "#/lstm?v=rnn&task=remember&dist=40&h=8&lr=0.01&seed=1&tour=13&lang=zh"
    );
    let activations = place.at(2).hash(&tour, &[]).unwrap();
    assert_eq!(activations, "#/activations?tour=3");
    assert_eq!(place.at(15).hash(&tour, &[]), None);
    for (i, _) in tour.stops.iter().enumerate() {
        let hash = place.at(i).hash(&tour, &[]).unwrap();
        let query = crate::share::query_of(&hash).unwrap();
        assert_eq!(Place::of_query(query), Some(place.at(i)));
        let route = crate::route::Route::from_hash(&hash);
        assert_eq!(
            route.screen().map(|s| s.slug),
            Some(tour.stops[i].screen.as_str())
        );
    }
    let custom = Place {
        index: 0,
        source: Some("eyJh".into()),
    };
    let hash = custom.hash(&tour, &[]).unwrap();
    assert!(hash.ends_with("&tour=1&tsrc=eyJh"), "{hash}");
    assert_eq!(
        Place::of_query(crate::share::query_of(&hash).unwrap()),
        Some(custom)
    );
    assert_eq!(Place::of_query("tour=0"), None);
    assert_eq!(Place::of_query("tour=x"), None);
    assert_eq!(Place::of_query("k=1"), None);
}

#[test]
fn entry_links_name_a_stop_and_maybe_a_tour() {
    assert_eq!(place::entry("#/tour"), (0, None));
    assert_eq!(place::entry("#/tour/4"), (3, None));
    assert_eq!(place::entry("#/tour/0"), (0, None));
    assert_eq!(place::entry("#/tour/2?tsrc=abc"), (1, Some("abc".into())));
    assert_eq!(
        place::entry("#/tour?src=abc&lang=zh"),
        (0, Some("abc".into()))
    );
    assert!(place::tour_of(Some("%%%")).is_err());
    assert!(
        place::tour_of(Some("aGVsbG8")).is_err(),
        "'hello' is no tour"
    );
}

#[test]
fn clicker_keys_move_within_the_tour() {
    assert_eq!(move_of("PageDown", false), Some(Move::Next));
    assert_eq!(move_of("PageUp", false), Some(Move::Back));
    assert_eq!(move_of("ArrowRight", true), Some(Move::Next));
    assert_eq!(move_of("ArrowLeft", true), Some(Move::Back));
    assert_eq!(
        move_of("ArrowRight", false),
        None,
        "a canvas keeps its arrows"
    );
    assert_eq!(move_of(" ", true), None, "Space still plays");
    let first = Place {
        index: 0,
        source: None,
    };
    assert_eq!(target(&first, 15, Move::Back), None);
    assert_eq!(target(&first, 15, Move::Next), Some(first.at(1)));
    assert_eq!(target(&first.at(14), 15, Move::Next), None);
    assert_eq!(target(&first.at(14), 15, Move::Back), Some(first.at(13)));
}

#[test]
fn the_format_line_is_the_files_first_key() {
    assert!(
        lecture()
            .to_json(true)
            .starts_with(&format!("{{\n  \"format\": \"{FORMAT}\""))
    );
    assert!(
        ALL.iter().all(|s| s.slug != super::SLUG),
        "the tour is no screen of the list"
    );
}

#[test]
fn the_readmes_example_tour_is_a_tour() {
    let readme = include_str!("../../../../../README.md");
    let section = readme
        .split("## Guided tour")
        .nth(1)
        .expect("a Guided tour section");
    let json = section
        .split("```json")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("an example");
    let tour = Tour::parse(json).unwrap_or_else(|e| panic!("{}", e.message(Lang::En)));
    assert_eq!(tour.stops.len(), 2);
}

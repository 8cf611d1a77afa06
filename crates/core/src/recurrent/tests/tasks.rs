//! The built-in tasks make the sequences they promise.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

#[test]
fn tasks_make_what_they_promise() {
    let mut rng = crate::rng::Rng::seeded(8);
    let task = Task::remember_first(12);
    let s = task.sample(&mut rng);
    assert_eq!(s.inputs.len(), 12);
    let Some(Target::Class(first)) = s.targets[11] else {
        panic!("the answer is asked at the last step")
    };
    assert_eq!(s.inputs[0][first], 1.0);
    assert!(s.targets[..11].iter().all(Option::is_none));
    assert!(
        s.inputs[1..]
            .iter()
            .all(|x| x[..4].iter().all(|v| *v == 0.0)),
        "distractors only after step 0"
    );

    let s = Task::BracketDepth {
        length: 40,
        max_depth: 3,
    }
    .sample(&mut rng);
    let mut depth = 0_i32;
    for (x, target) in s.inputs.iter().zip(&s.targets) {
        depth += if x[0] == 1.0 { 1 } else { -1 };
        assert!((0..=3).contains(&depth));
        assert_eq!(
            *target,
            Some(Target::Class(usize::try_from(depth).unwrap_or(99)))
        );
    }

    let s = Task::NoisySine {
        length: 10,
        noise: 0.1,
    }
    .sample(&mut rng);
    for t in 0..9 {
        assert_eq!(
            s.targets[t],
            Some(Target::Values(s.inputs[t + 1].clone())),
            "the target is the next value"
        );
    }

    let text = Task::text("hello world", 5).unwrap();
    assert_eq!(text.output_labels().concat(), " dehlorw");
    let s = text.sample(&mut rng);
    for t in 0..4 {
        let Some(Target::Class(next)) = s.targets[t] else {
            panic!("a target at every step")
        };
        assert_eq!(
            s.inputs[t + 1][next],
            1.0,
            "the target is the next character"
        );
    }
    assert_eq!(Task::text("a", 5), Err(TaskError::TextTooShort));
    assert_eq!(Task::text("aaaa", 5), Err(TaskError::SingleCharacter));
}

#[test]
fn typed_symbols_get_the_targets_the_task_asks_for() {
    let remember = Task::remember_first(5);
    let s = remember.sequence_of(&[2, 7, 5]).unwrap();
    assert_eq!(s.inputs[1], one_hot(7, 12));
    assert_eq!(s.targets, [None, None, Some(Target::Class(2))]);
    assert_eq!(
        remember.sequence_of(&[4, 0]),
        Err(SequenceError::FirstNotRemembered { symbol: 4 }),
        "symbol 4 is a distractor"
    );

    let brackets = Task::BracketDepth {
        length: 8,
        max_depth: 2,
    };
    assert_eq!(
        brackets.sequence_of(&[0, 1, 1]),
        Err(SequenceError::Depth {
            step: 3,
            max_depth: 2
        })
    );
    assert_eq!(
        brackets.sequence_of(&[0, 0, 0]),
        Err(SequenceError::Depth {
            step: 3,
            max_depth: 2
        })
    );

    let text = Task::text("abc", 5).unwrap();
    let s = text.sequence_of(&[0, 2, 1]).unwrap();
    assert_eq!(
        s.targets,
        [Some(Target::Class(2)), Some(Target::Class(1)), None],
        "the next character, none after the last"
    );

    let s = Sequence::of_values(&[0.5, -1.0]);
    assert_eq!(s.inputs, [vec![0.5], vec![-1.0]]);
    assert_eq!(s.targets, [Some(Target::Values(vec![-1.0])), None]);
    assert!(Sequence::of_values(&[]).targets.is_empty());
}

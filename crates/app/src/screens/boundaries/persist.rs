//! Keeping the screen's state: the share link in the address bar and the browser's memory.

use super::link::{self, LeftOut};
use super::model::{Model, Notice};
use crate::screens::boundaries::SCREEN;
use crate::share;
use crate::share::store::{self, Origin};

/// The model the page's link describes, else the one this browser remembered, else the
/// default one.
pub fn initial_model() -> Model {
    let Some(origin) = store::starting_state(&SCREEN) else {
        return Model::new();
    };
    let mut model = Model::from_query(origin.query());
    if let Some(Notice::LinkPartlyRead(keys)) = &model.notice {
        if matches!(origin, Origin::Saved(_)) {
            store::set_aside(&SCREEN);
            model.notice = Some(Notice::SavedPartlyRead(keys.clone()));
        }
        // The address shows what was used, not what was refused or out of range.
        share::replace_query(&SCREEN, &link::write(&model.settings()).0);
    }
    model
}

/// The model's whole state as a query (no length limit: for storage and files).
pub fn full_query(model: &Model) -> String {
    share::write_query(&link::fields(), &model.settings())
}

/// Puts the model's share link into the address bar and remembers the whole state.
pub fn write_link(model: &mut Model) {
    let (query, left_out) = link::write(&model.settings());
    share::replace_query(&SCREEN, &query);
    store::remember(&SCREEN, &full_query(model));
    let notice = match left_out {
        LeftOut::Nothing => None,
        LeftOut::Weights => Some(Notice::LinkWithoutWeights),
        LeftOut::Points => Some(Notice::LinkWithoutPoints),
    };
    if notice.is_some() && model.notice.is_none() {
        model.notice = notice;
    }
}

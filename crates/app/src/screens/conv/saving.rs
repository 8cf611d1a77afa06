//! Where the painter's state goes and comes from: the address bar (the share link), the
//! browser's storage (everything, every grey level) and saved files.

use super::link::{self, Settings};
use super::model::{Model, Notice};
use crate::screens::conv::SCREEN;
use crate::share;
use crate::share::store::{self, Origin};

/// The painter the page's link describes, else the one this browser remembered, else the
/// default one.
pub fn initial_model() -> Model {
    let Some(origin) = store::starting_state(&SCREEN) else {
        return Model::new();
    };
    if let Origin::Link(query) = &origin
        && let Some(saved) = store::remembered(&SCREEN)
        && let Some(full) = same_state(&saved, query)
    {
        // Reloading the page: the link is this browser's own painting in 16 grey levels;
        // the remembered copy has every level.
        return Model::from_settings(&full);
    }
    let mut model = model_from_query(origin.query());
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

/// The remembered state, when the link in the address bar is exactly its share link.
pub(super) fn same_state(saved: &str, link_query: &str) -> Option<Settings> {
    let mut settings = Model::new().settings();
    let problems = share::read_query(&link::fields(), saved, &mut settings);
    (problems.is_empty() && link::write(&settings).0 == link_query).then_some(settings)
}

/// The painter a query describes; unusable parts are named in a notice.
pub fn model_from_query(query: &str) -> Model {
    let mut settings = Model::new().settings();
    let problems = share::read_query(&link::fields(), query, &mut settings);
    let mut model = Model::from_settings(&settings);
    let mut keys: Vec<String> = problems.iter().map(share::LinkProblem::shown).collect();
    if let Some(Notice::LinkPartlyRead(more)) = &model.notice {
        keys.extend(more.iter().cloned());
    }
    if !keys.is_empty() {
        keys.dedup();
        model.notice = Some(Notice::LinkPartlyRead(keys));
    }
    model
}

/// The painter's whole state as a query (every pixel exact: for storage and files).
pub fn full_query(model: &Model) -> String {
    link::write_full(&model.settings())
}

/// Puts the share link into the address bar and remembers the whole state.
pub fn write_link(model: &mut Model) {
    let settings = model.settings();
    let (query, without_image) = link::write(&settings);
    share::replace_query(&SCREEN, &query);
    store::remember(&SCREEN, &link::write_full(&settings));
    model.link_without_image = without_image;
}

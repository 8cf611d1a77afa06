//! The tour's place in the link. A stop is its screen's own share link with two global keys
//! after it: `tour=N` (the N-th stop, from 1) and, for a teacher's own tour, `tsrc=…` (the
//! tour's JSON, base64url). The screen reads its state from the link as it always does;
//! the app shows the tour's card above it while `tour` is there.

use std::cell::RefCell;
use std::rc::Rc;

use super::format::{Tour, TourError};
use crate::share::{self, TOUR_KEY, TOUR_SOURCE_KEY, from_base64url, to_base64url};

/// The lecture's own tour.
const LECTURE: &str = include_str!("lecture.json");

/// Where in which tour the page is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The stop, from 0.
    pub index: usize,
    /// A teacher's tour as it travels in the link (`tsrc`), or `None` for the lecture's.
    pub source: Option<String>,
}

impl Place {
    /// The place a query names (`tour=3`, maybe with `tsrc=…`), if it names one.
    pub fn of_query(query: &str) -> Option<Place> {
        let n = share::global_value(query, TOUR_KEY)?
            .parse::<usize>()
            .ok()?;
        let source = share::global_value(query, TOUR_SOURCE_KEY)
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        Some(Place {
            index: n.checked_sub(1)?,
            source,
        })
    }

    /// The place in the page's address, if the page is a stop of a tour.
    pub fn current() -> Option<Place> {
        let hash = web_sys::window()?.location().hash().ok()?;
        Place::of_query(share::query_of(&hash)?)
    }

    /// The same tour at stop `index`.
    pub fn at(&self, index: usize) -> Place {
        Place {
            index,
            source: self.source.clone(),
        }
    }

    /// The tour this place belongs to.
    pub fn tour(&self) -> Result<Rc<Tour>, TourError> {
        tour_of(self.source.as_deref())
    }

    /// The location hash of this stop of `tour`, keeping the `extra` global pieces
    /// (`lang=zh`, `presenter=1`) of the address it leaves.
    pub fn hash(&self, tour: &Tour, extra: &[String]) -> Option<String> {
        let stop = tour.stops.get(self.index)?;
        let mut pieces: Vec<String> = Vec::new();
        if !stop.state.is_empty() {
            pieces.push(stop.state.clone());
        }
        pieces.push(format!("{TOUR_KEY}={}", self.index + 1));
        if let Some(source) = &self.source {
            pieces.push(format!("{TOUR_SOURCE_KEY}={source}"));
        }
        pieces.extend(extra.iter().cloned());
        Some(format!("#/{}?{}", stop.screen, pieces.join("&")))
    }
}

/// The link form of a teacher's tour (what `tsrc` holds).
pub fn source_of(tour: &Tour) -> String {
    to_base64url(tour.to_json(false).as_bytes())
}

thread_local! {
    static CACHE: RefCell<Vec<(Option<String>, Rc<Tour>)>> = const { RefCell::new(Vec::new()) };
}

/// The tour a `tsrc` value holds (`None`: the lecture's), read once per page view.
pub fn tour_of(source: Option<&str>) -> Result<Rc<Tour>, TourError> {
    let key = source.map(str::to_string);
    if let Some(tour) = CACHE.with(|c| {
        c.borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, t)| t.clone())
    }) {
        return Ok(tour);
    }
    let tour = Rc::new(match source {
        None => Tour::parse(LECTURE)?,
        Some(source) => {
            if source.len() > super::format::MAX_TOUR_BYTES * 4 / 3 + 4 {
                return Err(TourError::TooBig);
            }
            let bytes = from_base64url(source).map_err(TourError::NotJson)?;
            let text = String::from_utf8(bytes)
                .map_err(|_| TourError::NotJson("not valid text (UTF-8)".into()))?;
            Tour::parse(&text)?
        }
    });
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        // The lecture's and the last few teachers' tours are enough to keep.
        if c.len() > 4 {
            c.remove(1);
        }
        c.push((key, tour.clone()));
    });
    Ok(tour)
}

/// The lecture's tour.
pub fn lecture() -> Rc<Tour> {
    // The built-in file is checked by the tests; an empty tour is never reached.
    tour_of(None).unwrap_or_else(|_| {
        Rc::new(Tour {
            format: super::format::FORMAT.into(),
            title: super::format::Both {
                en: String::new(),
                zh: String::new(),
            },
            stops: Vec::new(),
        })
    })
}

/// The global pieces of the address a tour keeps from stop to stop.
pub fn kept_globals() -> Vec<String> {
    [share::LANG_KEY, share::PRESENTER_KEY, share::EMBED_KEY]
        .iter()
        .filter_map(|k| share::address_global(k).map(|v| format!("{k}={v}")))
        .collect()
}

/// Opens `place` (a new history entry, so the browser's Back goes back a stop too).
pub fn go(place: &Place) {
    let Ok(tour) = place.tour() else {
        return;
    };
    if let (Some(hash), Some(window)) = (place.hash(&tour, &kept_globals()), web_sys::window()) {
        let _ = window.location().set_hash(&hash);
    }
}

/// Replaces the address with `place` (the `#/tour` entry page does this: no history entry).
pub fn replace(place: &Place, tour: &Tour) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(hash) = place.hash(tour, &kept_globals()) else {
        return;
    };
    let location = window.location();
    let Ok(href) = location.href() else {
        return;
    };
    let base = href.split('#').next().unwrap_or_default();
    let _ = location.replace(&format!("{base}{hash}"));
}

/// The stop and teacher's tour an entry link `#/tour`, `#/tour/4` or `#/tour/2?tsrc=…`
/// names.
pub fn entry(hash: &str) -> (usize, Option<String>) {
    let path = hash.trim_start_matches('#').trim_start_matches('/');
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let index = path
        .strip_prefix("tour/")
        .and_then(|n| n.trim_end_matches('/').parse::<usize>().ok())
        .and_then(|n| n.checked_sub(1))
        .unwrap_or(0);
    let source = share::global_value(query, TOUR_SOURCE_KEY)
        .or_else(|| share::global_value(query, "src"))
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    (index, source)
}

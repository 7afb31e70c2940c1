//! Disclosure control of published counts of persons: which cells of a statistics table
//! may be shown so that nobody can learn, from everything published, how many persons
//! are in a group of one to four.
//!
//! The rules, applied to every cell of a [`Cube`] (a table at every level at once):
//! - a count of 1–4 is suppressed ([`Why::FewPersons`]);
//! - a count whose complement in one of its totals (the total less the count) is 1–4 is
//!   suppressed ([`Why::SmallComplement`]): it would tell that a few persons are *not* in it
//!   (not where the total is itself 1–4: it is suppressed, so the complement is not told,
//!   and an empty cell under it is no reason to hide a whole network's figures);
//! - cells suppressed in an earlier release of the same figures stay suppressed
//!   ([`Why::EarlierRelease`]), so comparing releases tells nothing new;
//! - then *secondary* suppression, until every suppressed cell has a [`Protection`]: a
//!   change to the counts that keeps every published figure as it is, changes only
//!   suppressed cells, and lets each of them be at least [`PROTECTION_WIDTH`] apart. Totals
//!   at the levels above and below are cells of the same cube, so what is hidden at one
//!   level cannot be recovered from the next.
//!
//! Where no protection can be found the whole cube is withheld. A rate or mean is shown
//! only over at least [`MIN_PERSONS`] persons ([`rate_shown`]).

mod cube;
mod hierarchy;
mod protection;

pub use cube::{Cell, Cube};
pub use hierarchy::{Hierarchy, HierarchyError, Node};
pub use protection::{cheapest_move, width, Change, Freedom, Move, Side, Width, UNBOUNDED};

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The fewest persons a published count, rate or mean may stand for.
pub const MIN_PERSONS: u64 = 5;

/// How wide the range an attacker is left with for a suppressed count must be, at least.
pub const PROTECTION_WIDTH: Width = MIN_PERSONS;

/// Why a cell is not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    FewPersons,
    SmallComplement,
    EarlierRelease,
    /// Suppressed elsewhere (the same total in another table of the release).
    SuppressedElsewhere,
    /// Suppressed to protect another cell.
    Secondary,
}

/// What a release does with one cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shown {
    Published,
    Suppressed(Why),
    /// Not part of the release at all (e.g. a total over every year).
    LeftOut,
}

/// What is settled before the rules run.
#[derive(Debug, Clone, Default)]
pub struct Given {
    /// Cells the release leaves out.
    pub left_out: BTreeSet<Cell>,
    /// Cells that stay suppressed, and why (an earlier release; another table).
    pub suppressed: BTreeMap<Cell, Why>,
    /// Cells published elsewhere (another table of the release, an earlier release with
    /// the same figure): public already, so no rule hides them and no protection may
    /// count on them.
    pub published_elsewhere: BTreeSet<Cell>,
}

/// A change of the counts that keeps every published cell and shows that the cells it
/// changes can each be anywhere in a range at least `width` wide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Protection {
    pub change: Move,
    pub width: Width,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Publication {
    Cells {
        shown: Vec<Shown>,
        protections: Vec<Protection>,
    },
    /// No protection could be found for some cell: nothing of the cube is published.
    Withheld,
}

impl Publication {
    pub fn shown(&self, cell: Cell) -> Shown {
        match self {
            Publication::Cells { shown, .. } => shown[cell],
            Publication::Withheld => Shown::LeftOut,
        }
    }
}

/// Whether a rate or a mean over `persons` may be shown.
pub fn rate_shown(persons: u64) -> bool {
    persons >= MIN_PERSONS
}

fn few(count: u64) -> bool {
    (1..MIN_PERSONS).contains(&count)
}

/// The cells suppressed by the primary rules, and why.
pub fn primary(cube: &Cube, given: &Given) -> BTreeMap<Cell, Why> {
    let mut suppressed = given.suppressed.clone();
    // A cell published elsewhere is public already: hiding it here would protect nothing.
    let ruled = |c: &Cell| !given.left_out.contains(c) && !given.published_elsewhere.contains(c);
    for cell in (0..cube.len()).filter(ruled) {
        let count = cube.value(cell);
        let why = if few(count) {
            Some(Why::FewPersons)
        } else if cube
            .totals_of(cell)
            .filter(|total| !given.left_out.contains(total))
            .any(|total| !few(cube.value(total)) && few(cube.value(total) - count))
        {
            Some(Why::SmallComplement)
        } else {
            None
        };
        if let Some(why) = why {
            suppressed.entry(cell).or_insert(why);
        }
    }
    suppressed
}

/// Applies every rule to `cube`: what is published, what is suppressed and why, and the
/// protection of every suppressed cell.
pub fn suppress(cube: &Cube, given: &Given) -> Publication {
    let mut shown = vec![Shown::Published; cube.len()];
    for cell in &given.left_out {
        shown[*cell] = Shown::LeftOut;
    }
    let primary = primary(cube, given);
    for (cell, why) in &primary {
        shown[*cell] = Shown::Suppressed(*why);
    }
    let mut protected = vec![false; cube.len()];
    let mut protections = Vec::new();
    for target in primary.keys().copied() {
        if protected[target] {
            continue;
        }
        let freedom = |cell: Cell| match shown[cell] {
            Shown::Suppressed(_) | Shown::LeftOut => Freedom::Free,
            Shown::Published if given.published_elsewhere.contains(&cell) => Freedom::Fixed,
            Shown::Published => Freedom::Costs,
        };
        let Some((change, changes)) = cheapest_move(cube, target, PROTECTION_WIDTH, &freedom) else {
            return Publication::Withheld;
        };
        for Change { cell, .. } in &changes {
            protected[*cell] = true;
            if shown[*cell] == Shown::Published {
                shown[*cell] = Shown::Suppressed(Why::Secondary);
            }
        }
        protections.push(Protection { change, width: width(cube, &changes) });
    }
    Publication::Cells { shown, protections }
}

#[cfg(test)]
mod tests;

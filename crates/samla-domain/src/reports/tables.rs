//! The shape of a national statistics table: organisations under their region under the
//! nation, the categories counted (age bands, recruitment channels, …) under their total,
//! and terms under their year. One [`Layout`] turns facts (one per person counted) into a
//! [`Cube`] for disclosure control, and reads a published table at one level and period
//! back out of it.

use super::disclosure::{Cell, Cube, Given, Hierarchy, Node, Publication, Shown};
use crate::organisations::Region;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Half a year: courses are counted in the term they start in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Half {
    /// January to June.
    Spring,
    /// July to December.
    Autumn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Term {
    pub year: i32,
    pub half: Half,
}

impl Term {
    pub fn of(day: NaiveDate) -> Term {
        Term { year: day.year(), half: if day.month() <= 6 { Half::Spring } else { Half::Autumn } }
    }
}

/// An organisation as statistics place it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Unit {
    pub organisation_id: i64,
    pub region: Region,
}

/// Where a table is read: the whole nation by region, one region by organisation, or one
/// organisation alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    Nation,
    Region(Region),
    Organisation(i64),
}

/// A year, or one term of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    Year(i32),
    Term(Term),
}

impl Level {
    /// `nation`, `region:<code>` or `organisation:<id>`.
    pub fn parse(text: &str) -> Option<Level> {
        match text.split_once(':') {
            None if text == "nation" => Some(Level::Nation),
            Some(("region", code)) => Region::parse(code).map(Level::Region),
            Some(("organisation", id)) => id.parse().ok().filter(|id| *id > 0).map(Level::Organisation),
            _ => None,
        }
    }

    pub fn code(self) -> String {
        match self {
            Level::Nation => "nation".to_string(),
            Level::Region(region) => format!("region:{}", region.as_str()),
            Level::Organisation(id) => format!("organisation:{id}"),
        }
    }
}

impl Period {
    /// `2025`, `2025-spring` or `2025-autumn`.
    pub fn parse(text: &str) -> Option<Period> {
        let (year, half) = match text.split_once('-') {
            None => (text, None),
            Some((year, "spring")) => (year, Some(Half::Spring)),
            Some((year, "autumn")) => (year, Some(Half::Autumn)),
            Some(_) => return None,
        };
        let year: i32 = year.parse().ok().filter(|y| (1900..=9999).contains(y))?;
        Some(match half {
            None => Period::Year(year),
            Some(half) => Period::Term(Term { year, half }),
        })
    }

    pub fn code(self) -> String {
        match self {
            Period::Year(year) => year.to_string(),
            Period::Term(Term { year, half: Half::Spring }) => format!("{year}-spring"),
            Period::Term(Term { year, half: Half::Autumn }) => format!("{year}-autumn"),
        }
    }
}

/// The nodes of one table's three dimensions.
#[derive(Debug, Clone)]
pub struct Layout<K> {
    regions: Vec<(Region, Node)>,
    units: BTreeMap<i64, Node>,
    categories: Vec<K>,
    years: Vec<(i32, Node)>,
    units_dim: Hierarchy,
    terms_dim: Hierarchy,
}

/// A published table read at one level and period: a row per unit below the level (or
/// the level's own row), a column per category and the total last; `None` where a cell
/// is suppressed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableView {
    pub rows: Vec<RowView>,
    /// The level's own line: the column totals.
    pub total: Vec<Option<u64>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowView {
    pub node: Node,
    pub cells: Vec<Option<u64>>,
}

impl<K: Copy + PartialEq> Layout<K> {
    /// `units` in any order; `years` the years the release covers.
    pub fn new(units: &[Unit], categories: Vec<K>, years: &[i32]) -> Layout<K> {
        let mut sorted = units.to_vec();
        sorted.sort_by_key(|u| (u.region.number(), u.organisation_id));
        sorted.dedup_by_key(|u| u.organisation_id);
        let mut sizes: Vec<(Region, usize)> = Vec::new();
        for unit in &sorted {
            match sizes.last_mut() {
                Some((region, size)) if *region == unit.region => *size += 1,
                _ => sizes.push((unit.region, 1)),
            }
        }
        let units_dim = Hierarchy::grouped(&sizes.iter().map(|(_, n)| *n).collect::<Vec<_>>());
        let mut regions = Vec::new();
        let mut unit_nodes = BTreeMap::new();
        let mut node = 1;
        let mut next_unit = sorted.iter();
        for (region, size) in &sizes {
            regions.push((*region, node));
            for leaf in node + 1..=node + size {
                if let Some(unit) = next_unit.next() {
                    unit_nodes.insert(unit.organisation_id, leaf);
                }
            }
            node += size + 1;
        }
        let mut years = years.to_vec();
        years.sort_unstable();
        years.dedup();
        let terms_dim = Hierarchy::grouped(&vec![2; years.len()]);
        let years = years.iter().enumerate().map(|(i, year)| (*year, 1 + 3 * i)).collect();
        Layout { regions, units: unit_nodes, categories, years, units_dim, terms_dim }
    }

    fn year_node(&self, year: i32) -> Option<Node> {
        self.years.iter().find(|(y, _)| *y == year).map(|(_, node)| *node)
    }

    fn term_node(&self, term: Term) -> Option<Node> {
        self.year_node(term.year).map(|node| node + if term.half == Half::Spring { 1 } else { 2 })
    }

    fn category_node(&self, category: K) -> Option<Node> {
        self.categories.iter().position(|c| *c == category).map(|i| i + 1)
    }

    /// The cube of `facts` (one per person counted: organisation, term, category); facts
    /// outside the layout (another organisation or year, an unknown category) are not
    /// counted.
    pub fn cube(&self, facts: impl IntoIterator<Item = (i64, Term, K)>) -> Cube {
        let mut counts: BTreeMap<[Node; 3], u64> = BTreeMap::new();
        for (organisation, term, category) in facts {
            let nodes = (self.units.get(&organisation), self.term_node(term), self.category_node(category));
            if let (Some(unit), Some(term), Some(category)) = nodes {
                *counts.entry([*unit, category, term]).or_default() += 1;
            }
        }
        let dims = vec![self.units_dim.clone(), Hierarchy::flat(self.categories.len()), self.terms_dim.clone()];
        Cube::from_leaves(dims, |leaves| counts.get(&[leaves[0], leaves[1], leaves[2]]).copied().unwrap_or(0))
    }

    /// What a release settles before the rules: a total over every year is not published.
    pub fn given(&self, cube: &Cube) -> Given {
        let mut given = Given::default();
        if !self.years.is_empty() {
            given.left_out.extend((0..cube.len()).filter(|cell| cube.nodes(*cell)[2] == 0));
        }
        given
    }

    /// The table at `level` and `period` as published; `None` when the level or period is
    /// not in the layout.
    pub fn view(&self, cube: &Cube, publication: &Publication, level: Level, period: Period) -> Option<TableView> {
        self.read(cube, level, period, |cell| (publication.shown(cell) == Shown::Published).then(|| cube.value(cell)))
    }

    /// The table at `level` and `period`, each cell's figure from `value` (`None` where
    /// it is not shown); `shape` numbers the cells (this layout's cube, or its
    /// [`Layout::shape`]).
    pub fn read(
        &self,
        shape: &Cube,
        level: Level,
        period: Period,
        value: impl Fn(Cell) -> Option<u64>,
    ) -> Option<TableView> {
        let time = self.period_node(period)?;
        let own = self.unit_node(level)?;
        let below: Vec<Node> = match level {
            Level::Nation => self.regions.iter().map(|(_, node)| *node).collect(),
            Level::Region(_) => self.units_dim.leaves_under(own).to_vec(),
            Level::Organisation(_) => Vec::new(),
        };
        let columns = self.categories.len();
        let line = |unit: Node| -> Vec<Option<u64>> {
            (1..=columns).chain(std::iter::once(0)).map(|category| value(shape.cell(&[unit, category, time]))).collect()
        };
        Some(TableView {
            rows: below.into_iter().map(|node| RowView { node, cells: line(node) }).collect(),
            total: line(own),
        })
    }

    /// The cube of no facts: the numbering of this layout's cells.
    pub fn shape(&self) -> Cube {
        self.cube(std::iter::empty())
    }

    fn period_node(&self, period: Period) -> Option<Node> {
        match period {
            Period::Year(year) => self.year_node(year),
            Period::Term(term) => self.term_node(term),
        }
    }

    fn unit_node(&self, level: Level) -> Option<Node> {
        match level {
            Level::Nation => Some(0),
            Level::Region(region) => self.regions.iter().find(|(r, _)| *r == region).map(|(_, node)| *node),
            Level::Organisation(id) => self.units.get(&id).copied(),
        }
    }

    /// What a cell stands for, in terms that outlive this layout: the level, the category
    /// (`None` for the total) and the period. `None` for a cell over every year.
    pub fn key(&self, shape: &Cube, cell: Cell) -> Option<(Level, Option<K>, Period)> {
        let nodes = shape.nodes(cell);
        let level = if nodes[0] == 0 {
            Level::Nation
        } else if let Some(region) = self.region_of(nodes[0]) {
            Level::Region(region)
        } else {
            Level::Organisation(self.organisation_of(nodes[0])?)
        };
        let category = if nodes[1] == 0 { None } else { Some(*self.categories.get(nodes[1] - 1)?) };
        let (year, first) = *self.years.iter().find(|(_, first)| (*first..first + 3).contains(&nodes[2]))?;
        let period = match nodes[2] - first {
            0 => Period::Year(year),
            1 => Period::Term(Term { year, half: Half::Spring }),
            _ => Period::Term(Term { year, half: Half::Autumn }),
        };
        Some((level, category, period))
    }

    /// The cell a [`Layout::key`] names in this layout, if it has one.
    pub fn cell_at(&self, shape: &Cube, (level, category, period): (Level, Option<K>, Period)) -> Option<Cell> {
        let category = match category {
            None => 0,
            Some(category) => self.category_node(category)?,
        };
        Some(shape.cell(&[self.unit_node(level)?, category, self.period_node(period)?]))
    }

    /// The region a row node of [`Level::Nation`] stands for.
    pub fn region_of(&self, node: Node) -> Option<Region> {
        self.regions.iter().find(|(_, n)| *n == node).map(|(region, _)| *region)
    }

    /// The organisation a row node of a region's table stands for.
    pub fn organisation_of(&self, node: Node) -> Option<i64> {
        self.units.iter().find(|(_, n)| **n == node).map(|(id, _)| *id)
    }
}

#[cfg(test)]
mod tests {
    use super::super::disclosure::suppress;
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    #[test]
    fn levels_and_periods_read_back_from_their_codes() {
        for level in [Level::Nation, Level::Region(Region::Vestland), Level::Organisation(12)] {
            assert_eq!(Level::parse(&level.code()), Some(level));
        }
        for period in [Period::Year(2025), Period::Term(Term { year: 2025, half: Half::Autumn })] {
            assert_eq!(Period::parse(&period.code()), Some(period));
        }
        for bad in ["", "region:hordaland", "organisation:0", "organisation:x", "country"] {
            assert_eq!(Level::parse(bad), None, "{bad}");
        }
        for bad in ["", "2025-winter", "20x5", "-1", "2025-"] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn terms_are_halves_of_the_year() {
        assert_eq!(Term::of(day(2026, 6, 30)), Term { year: 2026, half: Half::Spring });
        assert_eq!(Term::of(day(2026, 7, 1)), Term { year: 2026, half: Half::Autumn });
    }

    #[test]
    fn a_table_reads_back_by_level_and_period_with_small_cells_hidden() {
        let units = [
            Unit { organisation_id: 7, region: Region::Vestland },
            Unit { organisation_id: 3, region: Region::Oslo },
            Unit { organisation_id: 9, region: Region::Vestland },
        ];
        let layout = Layout::new(&units, vec!["child", "adult"], &[2025, 2026]);
        let spring = Term { year: 2026, half: Half::Spring };
        let autumn = Term { year: 2026, half: Half::Autumn };
        let mut facts = Vec::new();
        for (organisation, term, category, persons) in [
            (3, spring, "child", 20),
            (3, spring, "adult", 12),
            (7, spring, "child", 2),
            (7, spring, "adult", 15),
            (9, spring, "child", 11),
            (9, spring, "adult", 30),
            (9, autumn, "child", 8),
            (42, spring, "child", 100),
        ] {
            facts.extend(std::iter::repeat_n((organisation, term, category), persons));
        }
        let cube = layout.cube(facts);
        let given = layout.given(&cube);
        let publication = suppress(&cube, &given);
        let nation = layout.view(&cube, &publication, Level::Nation, Period::Term(spring)).expect("the nation");
        assert_eq!(nation.total, vec![Some(33), Some(57), Some(90)], "organisation 42 is not in the layout");
        let regions: Vec<Option<Region>> = nation.rows.iter().map(|row| layout.region_of(row.node)).collect();
        assert_eq!(regions, vec![Some(Region::Oslo), Some(Region::Vestland)]);
        assert_eq!(nation.rows[0].cells, vec![Some(20), Some(12), Some(32)]);

        let vestland = layout.view(&cube, &publication, Level::Region(Region::Vestland), Period::Term(spring));
        let vestland = vestland.expect("Vestland");
        let organisations: Vec<Option<i64>> =
            vestland.rows.iter().map(|row| layout.organisation_of(row.node)).collect();
        assert_eq!(organisations, vec![Some(7), Some(9)]);
        assert_eq!(vestland.rows[0].cells[0], None, "two children are not shown");
        assert!(vestland.rows.iter().all(|row| row.cells[0].is_none()), "nor can they be worked out from the other");

        let year = layout.view(&cube, &publication, Level::Organisation(9), Period::Year(2026)).expect("the year");
        assert!(year.rows.is_empty());
        assert_eq!(year.total.len(), 3);
        assert!(layout.view(&cube, &publication, Level::Nation, Period::Year(2020)).is_none());
        assert!(layout.view(&cube, &publication, Level::Organisation(42), Period::Year(2026)).is_none());
    }
}

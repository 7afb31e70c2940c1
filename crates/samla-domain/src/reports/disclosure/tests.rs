use super::*;
use proptest::prelude::*;

/// Organisations in regions (rows) × categories (columns), optionally × terms in years.
fn cube_of(regions: &[usize], categories: usize, terms: bool, counts: &[u64]) -> Cube {
    let mut dims = vec![Hierarchy::grouped(regions), Hierarchy::flat(categories)];
    if terms {
        dims.push(Hierarchy::grouped(&[2, 2]));
    }
    let dims_for_index = dims.clone();
    Cube::from_leaves(dims, move |leaves| {
        let position = leaves.iter().zip(&dims_for_index).fold(0, |at, (leaf, dim)| at * dim.len() + leaf);
        counts[position % counts.len()]
    })
}

/// Checks everything a publication promises; panics naming what broke.
fn check(cube: &Cube, given: &Given, publication: &Publication) {
    let Publication::Cells { shown, protections } = publication else { return };
    let visible = |cell: Cell| shown[cell] == Shown::Published;
    for (cell, state) in shown.iter().enumerate() {
        if given.left_out.contains(&cell) {
            assert_eq!(*state, Shown::LeftOut);
            continue;
        }
        if let Some(why) = given.suppressed.get(&cell) {
            assert_eq!(*state, Shown::Suppressed(*why), "a given suppression was lifted");
        }
        if !visible(cell) {
            continue;
        }
        let count = cube.value(cell);
        assert!(!few(count), "cell {:?} of {count} is published", cube.nodes(cell));
        for total in cube.totals_of(cell).filter(|t| visible(*t)) {
            let complement = cube.value(total) - count;
            assert!(!few(complement), "cell {:?} is published with a complement of {complement}", cube.nodes(cell));
        }
    }
    let mut covered = vec![false; cube.len()];
    for protection in protections {
        let changes = protection.change.changes(cube);
        assert_eq!(width(cube, &changes), protection.width);
        assert!(protection.width >= PROTECTION_WIDTH);
        for change in changes {
            assert!(!visible(change.cell), "a protection changes published cell {:?}", cube.nodes(change.cell));
            covered[change.cell] = true;
        }
    }
    for (cell, state) in shown.iter().enumerate() {
        if matches!(state, Shown::Suppressed(_)) {
            assert!(covered[cell], "suppressed cell {:?} has no protection", cube.nodes(cell));
        }
    }
}

/// Small counts, as most groups are: many 0–6, some larger.
fn counts() -> impl Strategy<Value = Vec<u64>> {
    prop::collection::vec(prop_oneof![3 => 0u64..7, 1 => 5u64..40], 1..64)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn no_published_cell_or_complement_is_one_to_four_and_every_suppressed_cell_is_protected(
        regions in prop::collection::vec(1usize..4, 1..4),
        categories in 1usize..5,
        terms in any::<bool>(),
        counts in counts(),
    ) {
        let cube = cube_of(&regions, categories, terms, &counts);
        let mut given = Given::default();
        if terms {
            // The total over every year is not part of a release.
            let years = &cube.dims()[2];
            for cell in 0..cube.len() {
                if cube.nodes(cell)[2] == 0 && !years.is_leaf(0) {
                    given.left_out.insert(cell);
                }
            }
        }
        let publication = suppress(&cube, &given);
        check(&cube, &given, &publication);
    }

    #[test]
    fn what_an_earlier_release_suppressed_stays_suppressed_and_protected(
        regions in prop::collection::vec(1usize..4, 1..3),
        categories in 2usize..4,
        counts in counts(),
        earlier in prop::collection::vec(any::<prop::sample::Index>(), 1..4),
    ) {
        let cube = cube_of(&regions, categories, false, &counts);
        let mut given = Given::default();
        for index in earlier {
            given.suppressed.insert(index.index(cube.len()), Why::EarlierRelease);
        }
        let publication = suppress(&cube, &given);
        check(&cube, &given, &publication);
    }

    #[test]
    fn totals_published_in_another_table_stay_published(
        regions in prop::collection::vec(2usize..4, 2..4),
        categories in 2usize..4,
        counts in prop::collection::vec(5u64..30, 1..32),
        few_cells in prop::collection::vec(any::<prop::sample::Index>(), 1..3),
    ) {
        let mut counts = counts;
        for index in few_cells {
            let at = index.index(counts.len());
            counts[at] = 2;
        }
        let cube = cube_of(&regions, categories, false, &counts);
        let mut given = Given::default();
        let all_categories: Vec<Cell> = (0..cube.len()).filter(|c| cube.nodes(*c)[1] == 0).collect();
        let primary = primary(&cube, &given);
        for cell in all_categories.iter().filter(|c| !primary.contains_key(c)) {
            given.published_elsewhere.insert(*cell);
        }
        let publication = suppress(&cube, &given);
        check(&cube, &given, &publication);
        for cell in &given.published_elsewhere {
            prop_assert!(publication == Publication::Withheld || publication.shown(*cell) == Shown::Published);
        }
    }
}

/// Every way the leaf counts of a two-by-two table (with its totals) could be, given
/// what is published; the range each suppressed cell then has. A leaf is never above a
/// published total it is under, nor above the true grand total: a search bounded so sees
/// a subset of the possibilities when the grand total is hidden, so its ranges are never
/// wider than an attacker's.
fn attack_two_by_two(cube: &Cube, shown: &[Shown]) -> Vec<(Cell, u64, u64)> {
    let leaves: [[Node; 2]; 4] = [[1, 1], [1, 2], [2, 1], [2, 2]];
    let bound = |leaf: &[Node; 2]| {
        let above = [[0, 0], [leaf[0], 0], [0, leaf[1]]];
        above
            .iter()
            .map(|nodes| cube.cell(nodes))
            .filter(|cell| *cell == 0 || shown[*cell] == Shown::Published)
            .map(|cell| cube.value(cell))
            .min()
            .unwrap_or(0)
    };
    let bounds: Vec<u64> = leaves.iter().map(bound).collect();
    let under = |node: Node, leaf: Node| node == 0 || node == leaf;
    let value_of = |counts: &[u64; 4], cell: Cell| {
        let nodes = cube.nodes(cell);
        leaves.iter().zip(counts).filter(|(l, _)| under(nodes[0], l[0]) && under(nodes[1], l[1])).map(|(_, c)| c).sum()
    };
    let mut ranges: Vec<(Cell, u64, u64)> =
        (0..cube.len()).filter(|c| matches!(shown[*c], Shown::Suppressed(_))).map(|c| (c, u64::MAX, 0)).collect();
    let published: Vec<Cell> = (0..cube.len()).filter(|c| shown[*c] == Shown::Published).collect();
    for a in 0..=bounds[0] {
        for b in 0..=bounds[1] {
            for c in 0..=bounds[2] {
                for d in 0..=bounds[3] {
                    let counts = [a, b, c, d];
                    if published.iter().all(|cell| value_of(&counts, *cell) == cube.value(*cell)) {
                        for (cell, low, high) in ranges.iter_mut() {
                            let value: u64 = value_of(&counts, *cell);
                            *low = (*low).min(value);
                            *high = (*high).max(value);
                        }
                    }
                }
            }
        }
    }
    ranges
}

#[test]
fn the_exhaustive_attack_finds_a_cell_suppressed_alone() {
    let cube = Cube::from_leaves(vec![Hierarchy::flat(2), Hierarchy::flat(2)], |n| {
        [3, 10, 8, 20][(n[0] - 1) * 2 + (n[1] - 1)]
    });
    let mut shown = vec![Shown::Published; cube.len()];
    let lone = cube.cell(&[1, 1]);
    shown[lone] = Shown::Suppressed(Why::FewPersons);
    assert_eq!(attack_two_by_two(&cube, &shown), vec![(lone, 3, 3)]);
}

#[test]
fn an_exhaustive_attack_on_small_tables_leaves_every_suppressed_cell_five_wide() {
    let tables: [[u64; 4]; 6] =
        [[3, 10, 8, 20], [1, 1, 1, 30], [2, 7, 9, 9], [4, 4, 4, 4], [0, 3, 12, 5], [6, 6, 6, 1]];
    for table in tables {
        let cube =
            Cube::from_leaves(vec![Hierarchy::flat(2), Hierarchy::flat(2)], |n| table[(n[0] - 1) * 2 + (n[1] - 1)]);
        let Publication::Cells { shown, .. } = suppress(&cube, &Given::default()) else { continue };
        let ranges = attack_two_by_two(&cube, &shown);
        for (cell, low, high) in ranges {
            assert!(
                high - low >= PROTECTION_WIDTH,
                "{table:?}: cell {:?} is known within {low}..={high}",
                cube.nodes(cell)
            );
        }
    }
}

#[test]
fn a_table_of_a_few_persons_in_all_is_withheld_or_hidden_whole() {
    let cube = Cube::from_leaves(vec![Hierarchy::flat(2)], |n| [1, 2][n[0] - 1]);
    match suppress(&cube, &Given::default()) {
        Publication::Withheld => {}
        Publication::Cells { shown, .. } => assert!(shown.iter().all(|s| *s != Shown::Published)),
    }
}

/// The proptests accept a withheld cube as kept promises; the rules must still publish what
/// they can: a network of small groups is published with its small cells hidden.
#[test]
fn small_groups_are_hidden_not_the_whole_table() {
    let counts = [3, 8, 0, 12, 2, 6, 9, 1, 25, 4, 7, 5, 11, 2, 0, 6, 14, 3];
    let cube = cube_of(&[3, 3, 2], 3, true, &counts);
    let mut given = Given::default();
    given.left_out.extend((0..cube.len()).filter(|cell| cube.nodes(*cell)[2] == 0));
    let publication = suppress(&cube, &given);
    check(&cube, &given, &publication);
    let Publication::Cells { shown, protections } = &publication else { panic!("the whole table was withheld") };
    let published = shown.iter().filter(|s| **s == Shown::Published).count();
    assert!(!protections.is_empty());
    assert!(published > cube.len() / 4, "only {published} of {} cells published", cube.len());
    assert_eq!(publication.shown(cube.cell(&[0, 0, 1])), Shown::Published, "the nation's year total");
}

#[test]
fn a_large_table_is_published_whole() {
    let cube = cube_of(&[2, 2], 3, false, &[20, 31, 45, 12]);
    let publication = suppress(&cube, &Given::default());
    assert!((0..cube.len()).all(|c| publication.shown(c) == Shown::Published));
}

#[test]
fn a_small_cell_and_its_partners_are_suppressed_with_the_reason() {
    // Two organisations in one region, two age bands: 3 | 10 and 8 | 20.
    let cube = Cube::from_leaves(vec![Hierarchy::grouped(&[2]), Hierarchy::flat(2)], |n| match (n[0], n[1]) {
        (2, 1) => 3,
        (2, 2) => 10,
        (3, 1) => 8,
        _ => 20,
    });
    let publication = suppress(&cube, &Given::default());
    check(&cube, &Given::default(), &publication);
    assert_eq!(publication.shown(cube.cell(&[2, 1])), Shown::Suppressed(Why::FewPersons));
    assert_eq!(publication.shown(cube.cell(&[3, 2])), Shown::Suppressed(Why::Secondary));
    assert_eq!(publication.shown(cube.cell(&[1, 1])), Shown::Published, "the region's figure stays");
    assert!(rate_shown(5) && !rate_shown(4));
}

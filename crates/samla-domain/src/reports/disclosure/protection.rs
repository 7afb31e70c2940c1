//! Why a suppressed cell cannot be worked out: a *move*, a change to the leaf counts that
//! leaves every published cell as it is and changes only suppressed ones. If the counts
//! could be otherwise by as much as the move allows, anyone holding every published figure
//! (and knowing counts are never negative) still cannot tell the suppressed cell within
//! that width, however they combine the figures; a linear-programming attack included.
//!
//! A move picks, in each dimension, either one leaf (`Fixed`) or two leaves (`Pair`), and
//! adds δ to the leaf cells whose pair-dimensions sit on the first leaf and subtracts δ
//! where an odd number sit on the second: a hypercube of alternating signs. Group cells
//! on the way up change with them, up to the group that holds both leaves of each pair.

use super::cube::{product, Cell, Cube};
use super::hierarchy::{Hierarchy, Node};
use serde::Serialize;

/// How a move changes one dimension: at one leaf, or up at one and down at the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Side {
    Fixed(Node),
    Pair(Node, Node),
}

/// A change to the leaf counts, as one [`Side`] per dimension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Move {
    pub sides: Vec<Side>,
}

/// One cell a move changes, and which way (+1 or -1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub cell: Cell,
    pub sign: i8,
}

/// How far a move lets a cell be: [`UNBOUNDED`] where nothing published bounds it.
pub type Width = u64;
pub const UNBOUNDED: Width = u64::MAX;

impl Move {
    /// Every published-level cell the move changes, with its sign.
    pub fn changes(&self, cube: &Cube) -> Vec<Change> {
        let per_dim: Vec<Vec<(Node, i8)>> =
            self.sides.iter().zip(cube.dims()).map(|(side, dim)| side_changes(dim, *side)).collect();
        product(&per_dim)
            .into_iter()
            .map(|combination| {
                let nodes: Vec<Node> = combination.iter().map(|(node, _)| *node).collect();
                let sign = combination.iter().map(|(_, sign)| *sign).product();
                Change { cell: cube.cell(&nodes), sign }
            })
            .collect()
    }
}

fn side_changes(dim: &Hierarchy, side: Side) -> Vec<(Node, i8)> {
    match side {
        Side::Fixed(leaf) => dim.path_up(leaf).map(|node| (node, 1)).collect(),
        Side::Pair(up, down) => {
            let top = dim.common_group(up, down);
            let below_top = |leaf: Node| dim.path_up(leaf).take_while(move |node| *node != top);
            below_top(up).map(|node| (node, 1)).chain(below_top(down).map(|node| (node, -1))).collect()
        }
    }
}

/// The width a move gives every cell it changes (the same for each): how far the changed
/// cells can go up plus how far down, every count staying at zero or above.
pub fn width(cube: &Cube, changes: &[Change]) -> Width {
    let least = |sign: i8| changes.iter().filter(|c| c.sign == sign).map(|c| cube.value(c.cell)).min();
    match (least(1), least(-1)) {
        (Some(plus), Some(minus)) => plus.saturating_add(minus),
        _ => UNBOUNDED,
    }
}

/// What the search may do with a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freedom {
    /// Suppressed already, or not in the release: a move may change it at no cost.
    Free,
    /// Published now; a move that changes it suppresses it too.
    Costs,
    /// Must stay published (it is published elsewhere): no move may change it.
    Fixed,
}

/// The cheapest move that changes `target` and gives it at least `needed` width: fewest
/// cells newly suppressed, then the fewest persons in them. `None` when the candidates
/// tried have none.
pub fn cheapest_move(
    cube: &Cube,
    target: Cell,
    needed: Width,
    freedom: &dyn Fn(Cell) -> Freedom,
) -> Option<(Move, Vec<Change>)> {
    let nodes = cube.nodes(target);
    let options: Vec<Vec<Side>> = (0..cube.dims().len())
        .map(|d| {
            let rank = |leaf: Node| {
                let mut at = nodes.clone();
                at[d] = leaf;
                let cell = cube.cell(&at);
                (freedom(cell) != Freedom::Free, std::cmp::Reverse(cube.value(cell)))
            };
            sides(&cube.dims()[d], nodes[d], rank)
        })
        .collect();
    let mut best: Option<((usize, u64), Move, Vec<Change>)> = None;
    for sides in product(&options) {
        let candidate = Move { sides };
        let changes = candidate.changes(cube);
        let mut cost = (0, 0);
        if changes.iter().any(|c| freedom(c.cell) == Freedom::Fixed) {
            continue;
        }
        for change in changes.iter().filter(|c| freedom(c.cell) == Freedom::Costs) {
            cost.0 += 1;
            cost.1 += cube.value(change.cell);
        }
        if best.as_ref().is_some_and(|(best_cost, _, _)| *best_cost <= cost) || width(cube, &changes) < needed {
            continue;
        }
        best = Some((cost, candidate, changes));
    }
    best.map(|(_, chosen, changes)| (chosen, changes))
}

/// Leaves tried at or under the target's node, and partners tried outside it.
const UNDER_TRIED: usize = 3;
const PARTNERS_TRIED: usize = 8;

/// The sides worth trying in one dimension for a target at `node`: fixed at a leaf under
/// it, or paired with a leaf of the nearest group around it; best-ranked leaves first.
fn sides<R: Ord>(dim: &Hierarchy, node: Node, rank: impl Fn(Node) -> R) -> Vec<Side> {
    let ranked = |leaves: Vec<Node>, limit: usize| {
        let mut leaves = leaves;
        leaves.sort_by_key(|leaf| (rank(*leaf), *leaf));
        leaves.truncate(limit);
        leaves
    };
    let under = ranked(dim.leaves_under(node).to_vec(), UNDER_TRIED);
    let mut partners = Vec::new();
    let mut around = dim.parent(node);
    while let Some(group) = around {
        partners = dim.leaves_under(group).iter().copied().filter(|leaf| !dim.is_under(*leaf, node)).collect();
        if !partners.is_empty() {
            break;
        }
        around = dim.parent(group);
    }
    let partners = ranked(partners, PARTNERS_TRIED);
    let mut sides: Vec<Side> = under.iter().map(|leaf| Side::Fixed(*leaf)).collect();
    for up in &under {
        sides.extend(partners.iter().map(|down| Side::Pair(*up, *down)));
    }
    sides
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_by_two(values: [[u64; 2]; 2]) -> Cube {
        Cube::from_leaves(vec![Hierarchy::flat(2), Hierarchy::flat(2)], |n| values[n[0] - 1][n[1] - 1])
    }

    #[test]
    fn a_rectangle_keeps_every_total_and_moves_its_corners_alternately() {
        let cube = two_by_two([[3, 10], [8, 20]]);
        let rectangle = Move { sides: vec![Side::Pair(1, 2), Side::Pair(1, 2)] };
        let mut changes: Vec<(Vec<Node>, i8)> =
            rectangle.changes(&cube).iter().map(|c| (cube.nodes(c.cell), c.sign)).collect();
        changes.sort();
        assert_eq!(changes, vec![(vec![1, 1], 1), (vec![1, 2], -1), (vec![2, 1], -1), (vec![2, 2], 1)]);
        // Up by at most min(10, 8), down by at most min(3, 20).
        assert_eq!(width(&cube, &rectangle.changes(&cube)), 8 + 3);
    }

    #[test]
    fn a_fixed_side_changes_the_totals_above_the_leaf() {
        let cube = two_by_two([[3, 10], [8, 20]]);
        let column = Move { sides: vec![Side::Pair(1, 2), Side::Fixed(1)] };
        let mut cells: Vec<Vec<Node>> = column.changes(&cube).iter().map(|c| cube.nodes(c.cell)).collect();
        cells.sort();
        assert_eq!(cells, vec![vec![1, 0], vec![1, 1], vec![2, 0], vec![2, 1]]);
        let everything_up = Move { sides: vec![Side::Fixed(1), Side::Fixed(1)] };
        assert_eq!(width(&cube, &everything_up.changes(&cube)), UNBOUNDED);
    }

    #[test]
    fn the_search_prefers_cells_suppressed_already_and_never_touches_fixed_ones() {
        let cube = two_by_two([[3, 10], [8, 20]]);
        let target = cube.cell(&[1, 1]);
        let suppressed = [target, cube.cell(&[1, 2]), cube.cell(&[2, 1]), cube.cell(&[2, 2])];
        let totals =
            [cube.cell(&[0, 0]), cube.cell(&[0, 1]), cube.cell(&[0, 2]), cube.cell(&[1, 0]), cube.cell(&[2, 0])];
        let freedom = |cell: Cell| {
            if suppressed.contains(&cell) {
                Freedom::Free
            } else if totals.contains(&cell) {
                Freedom::Fixed
            } else {
                Freedom::Costs
            }
        };
        let (chosen, changes) = cheapest_move(&cube, target, 5, &freedom).expect("the rectangle");
        assert_eq!(chosen.sides, vec![Side::Pair(1, 2), Side::Pair(1, 2)]);
        assert!(width(&cube, &changes) >= 5);
        // No width of 12 without changing a fixed total.
        assert!(cheapest_move(&cube, target, 12, &freedom).is_none());
    }
}

//! Counts of persons over several dimensions at every level at once: each cell names one
//! node per dimension (an organisation or its region or the nation; an age band or all
//! ages; a term or its year), and a group's cell is the sum of the leaf cells under it.
//! Everything a release publishes about one kind of count is one cube, so the rules see
//! every sum an attacker could combine.

use super::hierarchy::{Hierarchy, Node};

/// A cell's place: its index in [`Cube::values`].
pub type Cell = usize;

#[derive(Debug, Clone)]
pub struct Cube {
    dims: Vec<Hierarchy>,
    strides: Vec<usize>,
    values: Vec<u64>,
}

impl Cube {
    /// The cube of `dims`, with each leaf cell's count from `count` (given one leaf per
    /// dimension) and every group's the sum of the leaves under it.
    pub fn from_leaves(dims: Vec<Hierarchy>, count: impl Fn(&[Node]) -> u64) -> Cube {
        let mut strides = vec![1; dims.len()];
        for d in (0..dims.len().saturating_sub(1)).rev() {
            strides[d] = strides[d + 1] * dims[d + 1].len();
        }
        let size = dims.iter().map(Hierarchy::len).product();
        let mut cube = Cube { dims, strides, values: vec![0; size] };
        let leaf_cells: Vec<Vec<Node>> = cube.leaf_combinations();
        for leaves in leaf_cells {
            let value = count(&leaves);
            if value == 0 {
                continue;
            }
            // Add the leaf's count to every cell above it: one node per dimension on its path up.
            let paths: Vec<Vec<Node>> =
                leaves.iter().zip(&cube.dims).map(|(leaf, h)| h.path_up(*leaf).collect()).collect();
            for above in product(&paths) {
                let cell = cube.cell(&above);
                cube.values[cell] += value;
            }
        }
        cube
    }

    fn leaf_combinations(&self) -> Vec<Vec<Node>> {
        let leaves: Vec<Vec<Node>> = self.dims.iter().map(|h| h.leaves().to_vec()).collect();
        product(&leaves)
    }

    pub fn dims(&self) -> &[Hierarchy] {
        &self.dims
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    pub fn cell(&self, nodes: &[Node]) -> Cell {
        nodes.iter().zip(&self.strides).map(|(n, s)| n * s).sum()
    }

    pub fn nodes(&self, cell: Cell) -> Vec<Node> {
        self.strides.iter().zip(&self.dims).map(|(s, h)| (cell / s) % h.len()).collect()
    }

    pub fn value(&self, cell: Cell) -> u64 {
        self.values[cell]
    }

    /// The cells of the same line one level up: the same cell with one dimension's node
    /// replaced by its group (a row's or a column's total).
    pub fn totals_of(&self, cell: Cell) -> impl Iterator<Item = Cell> + '_ {
        let nodes = self.nodes(cell);
        (0..self.dims.len()).filter_map(move |d| {
            let group = self.dims[d].parent(nodes[d])?;
            Some(cell - nodes[d] * self.strides[d] + group * self.strides[d])
        })
    }
}

/// Every combination taking one item of each list.
pub(super) fn product<T: Copy>(lists: &[Vec<T>]) -> Vec<Vec<T>> {
    lists.iter().fold(vec![Vec::new()], |done, list| {
        done.iter()
            .flat_map(|prefix| {
                list.iter().map(move |item| {
                    let mut next = prefix.clone();
                    next.push(*item);
                    next
                })
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_hold_the_sums_of_their_leaves() {
        // Organisations 2, 3 in region 1 and 5 in region 4; age bands 1, 2 under all ages 0.
        let units = Hierarchy::grouped(&[2, 1]);
        let bands = Hierarchy::flat(2);
        let counts = |n: &[Node]| match (n[0], n[1]) {
            (2, 1) => 3,
            (2, 2) => 7,
            (3, 1) => 10,
            (5, 2) => 1,
            _ => 0,
        };
        let cube = Cube::from_leaves(vec![units, bands], counts);
        assert_eq!(cube.len(), 6 * 3);
        assert_eq!(cube.value(cube.cell(&[2, 0])), 10);
        assert_eq!(cube.value(cube.cell(&[1, 1])), 13);
        assert_eq!(cube.value(cube.cell(&[1, 0])), 20);
        assert_eq!(cube.value(cube.cell(&[0, 2])), 8);
        assert_eq!(cube.value(cube.cell(&[0, 0])), 21);
        assert_eq!(cube.nodes(cube.cell(&[4, 2])), vec![4, 2]);
        let mut totals: Vec<Vec<Node>> = cube.totals_of(cube.cell(&[2, 1])).map(|c| cube.nodes(c)).collect();
        totals.sort();
        assert_eq!(totals, vec![vec![1, 1], vec![2, 0]]);
        assert_eq!(cube.totals_of(cube.cell(&[0, 0])).count(), 0);
    }
}

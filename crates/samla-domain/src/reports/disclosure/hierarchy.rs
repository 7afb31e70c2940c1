//! One dimension of a published table: its categories as a tree, each group the sum of
//! what is under it (organisations under their region under the nation; terms under their
//! year; age bands under "all ages").

/// A node of a [`Hierarchy`]: a leaf (a category counted directly) or a group.
pub type Node = usize;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HierarchyError {
    #[error("a hierarchy needs at least one leaf")]
    Empty,
    #[error("node {0} names a parent that is not an earlier node")]
    ParentNotEarlier(Node),
    #[error("a hierarchy has exactly one root; nodes {0} and {1} have no parent")]
    TwoRoots(Node, Node),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hierarchy {
    parent: Vec<Option<Node>>,
    /// The leaves under each node, in order (a leaf is under itself).
    leaves_under: Vec<Vec<Node>>,
    depth: Vec<usize>,
}

impl Hierarchy {
    /// A tree given by each node's parent; a parent comes before its children, and node 0
    /// is the one root (the total). Nodes without children are leaves.
    pub fn new(parent: Vec<Option<Node>>) -> Result<Hierarchy, HierarchyError> {
        if parent.is_empty() {
            return Err(HierarchyError::Empty);
        }
        let mut depth = vec![0; parent.len()];
        for (node, up) in parent.iter().enumerate() {
            match *up {
                None if node > 0 => return Err(HierarchyError::TwoRoots(0, node)),
                None => {}
                Some(p) if p >= node => return Err(HierarchyError::ParentNotEarlier(node)),
                Some(p) => depth[node] = depth[p] + 1,
            }
        }
        if parent.first() != Some(&None) {
            return Err(HierarchyError::ParentNotEarlier(0));
        }
        let mut has_child = vec![false; parent.len()];
        for p in parent.iter().flatten() {
            has_child[*p] = true;
        }
        let mut leaves_under = vec![Vec::new(); parent.len()];
        for leaf in (0..parent.len()).filter(|n| !has_child[*n]) {
            let mut node = Some(leaf);
            while let Some(n) = node {
                leaves_under[n].push(leaf);
                node = parent[n];
            }
        }
        Ok(Hierarchy { parent, leaves_under, depth })
    }

    /// `leaves` categories under one total (the total is node 0, the categories 1..=leaves).
    pub fn flat(leaves: usize) -> Hierarchy {
        let parent = std::iter::once(None).chain(std::iter::repeat_n(Some(0), leaves)).collect();
        Hierarchy::new(parent).expect("a flat hierarchy is a tree")
    }

    /// Groups under one total, each with its own categories: `groups[g]` leaves under group g.
    /// Node 0 is the total, then each group followed by its leaves.
    pub fn grouped(groups: &[usize]) -> Hierarchy {
        let mut parent = vec![None];
        for &leaves in groups {
            let group = parent.len();
            parent.push(Some(0));
            parent.extend(std::iter::repeat_n(Some(group), leaves.max(1)));
        }
        Hierarchy::new(parent).expect("a grouped hierarchy is a tree")
    }

    pub fn len(&self) -> usize {
        self.parent.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    pub fn parent(&self, node: Node) -> Option<Node> {
        self.parent[node]
    }

    pub fn is_leaf(&self, node: Node) -> bool {
        self.leaves_under[node] == [node]
    }

    pub fn leaves_under(&self, node: Node) -> &[Node] {
        &self.leaves_under[node]
    }

    pub fn leaves(&self) -> &[Node] {
        &self.leaves_under[0]
    }

    /// The node and every group above it, up to the total.
    pub fn path_up(&self, node: Node) -> impl Iterator<Item = Node> + '_ {
        std::iter::successors(Some(node), |n| self.parent[*n])
    }

    /// The lowest node that both `a` and `b` are under.
    pub fn common_group(&self, mut a: Node, mut b: Node) -> Node {
        while self.depth[a] > self.depth[b] {
            a = self.parent[a].unwrap_or(a);
        }
        while self.depth[b] > self.depth[a] {
            b = self.parent[b].unwrap_or(b);
        }
        while a != b {
            a = self.parent[a].unwrap_or(a);
            b = self.parent[b].unwrap_or(b);
        }
        a
    }

    pub fn is_under(&self, node: Node, group: Node) -> bool {
        self.path_up(node).any(|n| n == group)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grouped_hierarchy_knows_its_leaves_and_paths() {
        // total 0; region 1 with orgs 2, 3; region 4 with org 5.
        let h = Hierarchy::grouped(&[2, 1]);
        assert_eq!(h.leaves(), &[2, 3, 5]);
        assert_eq!(h.leaves_under(1), &[2, 3]);
        assert!(h.is_leaf(5) && !h.is_leaf(4));
        assert_eq!(h.path_up(3).collect::<Vec<_>>(), vec![3, 1, 0]);
        assert_eq!(h.common_group(2, 3), 1);
        assert_eq!(h.common_group(2, 5), 0);
        assert!(h.is_under(3, 1) && !h.is_under(5, 1));
    }

    #[test]
    fn trees_are_checked() {
        assert_eq!(Hierarchy::new(vec![]), Err(HierarchyError::Empty));
        assert_eq!(Hierarchy::new(vec![None, None]), Err(HierarchyError::TwoRoots(0, 1)));
        assert_eq!(Hierarchy::new(vec![None, Some(2), Some(0)]), Err(HierarchyError::ParentNotEarlier(1)));
        assert_eq!(Hierarchy::flat(3).leaves(), &[1, 2, 3]);
        assert_eq!(Hierarchy::new(vec![None]).map(|h| h.leaves().to_vec()), Ok(vec![0]));
    }
}

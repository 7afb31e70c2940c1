//! Disclosure control against a real attack: seeded tables of small counts at every level
//! (organisations under regions, categories, terms under years) go through
//! `reports::disclosure::suppress`, and tests/python/disclosure_attack.py minimises and
//! maximises every suppressed cell with scipy's `linprog`, subject to every published
//! figure and every sum between levels. No range may come out narrower than five persons.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use samla_domain::reports::disclosure::{suppress, Cube, Given, Hierarchy, Publication, Shown, PROTECTION_WIDTH};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::Command;

const CASES: u64 = 10;

fn random_cube(rng: &mut StdRng) -> (Cube, Given) {
    let regions: Vec<usize> = (0..rng.gen_range(1..=3)).map(|_| rng.gen_range(1..=3)).collect();
    let categories = rng.gen_range(2..=4);
    let with_terms = rng.gen_bool(0.5);
    let mut dims = vec![Hierarchy::grouped(&regions), Hierarchy::flat(categories)];
    if with_terms {
        dims.push(Hierarchy::grouped(&[2, 2]));
    }
    let large = rng.gen_range(0.1..0.5);
    let leaves: usize = dims.iter().map(|d| d.leaves().len()).product();
    let counts: Vec<u64> =
        (0..leaves).map(|_| if rng.gen_bool(large) { rng.gen_range(5..40) } else { rng.gen_range(0..7) }).collect();
    let leaf_lists: Vec<Vec<usize>> = dims.iter().map(|d| d.leaves().to_vec()).collect();
    let cube = Cube::from_leaves(dims, |nodes| {
        let index = nodes
            .iter()
            .zip(&leaf_lists)
            .fold(0, |at, (node, leaves)| at * leaves.len() + leaves.iter().position(|leaf| leaf == node).unwrap_or(0));
        counts[index]
    });
    let mut given = Given::default();
    if with_terms {
        given.left_out.extend((0..cube.len()).filter(|cell| cube.nodes(*cell)[2] == 0));
    }
    (cube, given)
}

/// Every sum the cube holds: each group cell is the sum of its children, in each
/// dimension where its node is a group.
fn sums(cube: &Cube) -> Vec<Value> {
    let mut sums = Vec::new();
    for cell in 0..cube.len() {
        let nodes = cube.nodes(cell);
        for (d, dim) in cube.dims().iter().enumerate() {
            let children: Vec<usize> = (0..dim.len()).filter(|n| dim.parent(*n) == Some(nodes[d])).collect();
            if children.is_empty() {
                continue;
            }
            let parts: Vec<usize> = children
                .iter()
                .map(|child| {
                    let mut at = nodes.clone();
                    at[d] = *child;
                    cube.cell(&at)
                })
                .collect();
            sums.push(json!([cell, parts]));
        }
    }
    sums
}

fn python() -> String {
    if let Some(python) = std::env::var("SAMLA_TEST_PYTHON").ok().filter(|p| !p.is_empty()) {
        return python;
    }
    let venv = std::env::var("SAMLA_PYTHON_VENV").ok().filter(|v| !v.is_empty()).map(PathBuf::from).or_else(|| {
        let cache = std::env::var("XDG_CACHE_HOME").ok().filter(|c| !c.is_empty()).map(PathBuf::from);
        cache
            .or_else(|| std::env::var("HOME").ok().map(|home| PathBuf::from(home).join(".cache")))
            .map(|c| c.join("samla-python-checks-venv"))
    });
    match venv.map(|v| v.join("bin/python")) {
        Some(python) if python.exists() => python.display().to_string(),
        _ => "python3".to_string(),
    }
}

/// What the attack found for one suppressed cell: (cell, low, high), `None` where nothing
/// bounds it.
type Range = (usize, Option<f64>, Option<f64>);

/// The ranges the attack finds for each case's suppressed cells.
fn attack(cases: &Value) -> Vec<Vec<Range>> {
    let file =
        std::env::temp_dir().join(format!("samla-disclosure-{}-{}.json", std::process::id(), rand::random::<u32>()));
    std::fs::write(&file, cases.to_string()).expect("write the cases");
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/python/disclosure_attack.py");
    let python = python();
    let out = Command::new(&python).arg(&script).arg(&file).output();
    let _ = std::fs::remove_file(&file);
    let out = out.unwrap_or_else(|e| panic!("cannot run {python}: {e}"));
    assert!(
        out.status.success(),
        "the attack needs scipy ({python}; scripts/test makes a venv from tests/python/requirements.txt and sets \
         SAMLA_TEST_PYTHON): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a line of ranges"))
        .collect()
}

#[test]
fn a_linear_programming_attack_cannot_narrow_a_suppressed_cell_below_five() {
    let mut rng = StdRng::seed_from_u64(20261207);
    let mut cases = Vec::new();
    let mut suppressed_cells = 0;
    for _ in 0..CASES {
        let (cube, given) = random_cube(&mut rng);
        let Publication::Cells { shown, .. } = suppress(&cube, &given) else { continue };
        let published: serde_json::Map<String, Value> = (0..cube.len())
            .filter(|c| shown[*c] == Shown::Published)
            .map(|c| (c.to_string(), json!(cube.value(c))))
            .collect();
        let suppressed: Vec<usize> = (0..cube.len()).filter(|c| matches!(shown[*c], Shown::Suppressed(_))).collect();
        suppressed_cells += suppressed.len();
        cases.push(json!({"cells": cube.len(), "published": published, "suppressed": suppressed, "sums": sums(&cube)}));
    }
    assert!(suppressed_cells > 50, "the seeded tables must suppress something to attack ({suppressed_cells})");
    let lines = attack(&Value::from(cases.clone()));
    assert_eq!(lines.len(), cases.len());
    let mut narrowest = f64::INFINITY;
    for (case, ranges) in lines.iter().enumerate() {
        for (cell, low, high) in ranges {
            let width = match (low, high) {
                (Some(low), Some(high)) => high - low,
                _ => f64::INFINITY,
            };
            narrowest = narrowest.min(width);
            assert!(
                width >= PROTECTION_WIDTH as f64 - 1e-6,
                "case {case}: cell {cell} is pinned to {low:?}..{high:?}\n{}",
                cases[case]
            );
        }
    }
    assert!(narrowest.is_finite(), "some suppressed cell must have a bounded range for the test to mean anything");
}

#[test]
fn the_attack_pins_down_a_cell_suppressed_alone() {
    // 3 | 10 and 8 | 20 with every total published and only the 3 hidden.
    let cube = Cube::from_leaves(vec![Hierarchy::flat(2), Hierarchy::flat(2)], |n| {
        [3, 10, 8, 20][(n[0] - 1) * 2 + (n[1] - 1)]
    });
    let lone = cube.cell(&[1, 1]);
    let published: serde_json::Map<String, Value> =
        (0..cube.len()).filter(|c| *c != lone).map(|c| (c.to_string(), json!(cube.value(c)))).collect();
    let case = json!([{"cells": cube.len(), "published": published, "suppressed": [lone], "sums": sums(&cube)}]);
    let ranges = attack(&case).remove(0);
    assert_eq!(ranges.len(), 1);
    let (cell, low, high) = ranges[0];
    assert_eq!(cell, lone);
    assert!(low.is_some_and(|l| (l - 3.0).abs() < 1e-6) && high.is_some_and(|h| (h - 3.0).abs() < 1e-6), "{ranges:?}");
}

"""A linear-programming attack on published statistics: how narrowly can each suppressed
cell be pinned down from everything published?

    python disclosure_attack.py CASES.json

CASES.json holds a list of cases, each {"cells": N, "published": {cell: value},
"suppressed": [cell, ...], "sums": [[total, [part, ...]], ...]}: every cell is a count
(at least 0), a published cell is known, and each sum says that a total is the sum of its
parts. For each suppressed cell the attack minimises and maximises it with scipy's
`linprog` (HiGHS) subject to all of that, and prints one JSON line per case: a list of
[cell, low, high]. crates/samla-domain/tests/rules/disclosure_attack.rs asks it, and holds
every range to at least five persons wide.
"""

import json
import sys

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import lil_matrix


def ranges(case):
    cells = case["cells"]
    sums = case["sums"]
    published = {int(cell): value for cell, value in case["published"].items()}
    rows = len(sums) + len(published)
    equalities = lil_matrix((rows, cells))
    right = np.zeros(rows)
    for row, (total, parts) in enumerate(sums):
        equalities[row, total] = -1.0
        for part in parts:
            equalities[row, part] += 1.0
    for row, (cell, value) in enumerate(published.items(), start=len(sums)):
        equalities[row, cell] = 1.0
        right[row] = value
    equalities = equalities.tocsr()
    found = []
    for cell in case["suppressed"]:
        bound = []
        for direction in (1.0, -1.0):
            objective = np.zeros(cells)
            objective[cell] = direction
            result = linprog(objective, A_eq=equalities, b_eq=right, bounds=(0, None), method="highs")
            if result.status == 3:  # unbounded
                bound.append(None)
            elif result.status != 0:
                raise SystemExit(f"the LP of cell {cell} failed: {result.message}")
            else:
                bound.append(direction * result.fun)
        found.append([cell, bound[0], bound[1]])
    return found


def main():
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    for case in cases:
        print(json.dumps(ranges(case)))


if __name__ == "__main__":
    main()

"""Reference figures for samla's report statistics, computed with numpy and scipy.

samla computes descriptives and pre/post change in Rust (crates/samla-domain/src/reports/statistics).
This script makes seeded datasets shaped like evaluation and outcome data (Likert items, four-step
benefit answers, sum scores, scale means, decimals; ties, zeros, missing answers, both directions)
and writes them with what numpy and scipy say about them to
crates/samla-domain/tests/data/statistics_reference.json. The Rust test
crates/samla-domain/tests/statistics_reference.rs compares every figure with that file, and
tests/python/test_statistics_reference.py checks that this script still produces the committed file.

    python tests/python/statistics_reference.py [OUTPUT]

Where samla deliberately gives no figure (fewer than two pairs, no variance, all differences zero) the
file says why instead, so both sides agree on when a figure is withheld. scipy's own answer there is
nan, inf, or a number produced by catastrophic cancellation, which a report must not show.

Wilcoxon signed-rank with scipy.stats.wilcoxon's defaults (zero_method="wilcox", correction=False,
alternative="two-sided", method="auto"). In scipy 1.17 "auto" resolves as follows, with N the number of
pairs including zero differences:
  - N > 50: normal approximation;
  - otherwise, no zero differences and no ties among |d|: exact null distribution of the signed-rank sum;
  - otherwise, N <= 13: a permutation test over all 2**N sign patterns (exact given the ties);
  - otherwise: normal approximation.
The normal approximation drops zeros, uses average ranks, the tie-corrected variance and no continuity
correction. `wilcoxon_method` below restates that rule to label each case; the p-values come from scipy.
"""

import json
import sys
from pathlib import Path

import numpy as np
import scipy
from scipy import stats

REPO_ROOT = Path(__file__).resolve().parents[2]
OUTPUT = REPO_ROOT / "crates/samla-domain/tests/data/statistics_reference.json"

# Each case has its own seed, so adding a case never changes the others.
BASE_SEED = 7_2026

# The same constant as NO_VARIANCE_RELATIVE in crates/samla-domain/src/reports/statistics/paired.rs.
NO_VARIANCE_RELATIVE = 1e-12


def clip(values, low, high):
    return [min(max(v, low), high) for v in values]


def with_missing(rng, before, after, share):
    """Blanks out some before or after scores: a participant who answered only once."""
    before, after = list(before), list(after)
    for i in range(len(before)):
        if rng.random() < share:
            if rng.random() < 0.5:
                before[i] = None
            else:
                after[i] = None
    return before, after


def likert(rng, n, low, high, steps):
    before = rng.integers(low, high + 1, n)
    after = clip((before + rng.choice(steps, n)).tolist(), low, high)
    return [int(v) for v in before], [int(v) for v in after]


def sum_score(rng, n, drift):
    """A sum of ten items scored 0-4: integers 0-40, many ties and some zeros."""
    before = rng.integers(5, 36, n)
    after = clip(np.rint(before + rng.normal(drift, 4, n)).astype(int).tolist(), 0, 40)
    return [int(v) for v in before], [int(v) for v in after]


def scale_mean(rng, n, items, drift):
    """The mean of `items` items scored 1-5: ties, and for 7 items values with no exact binary form."""
    before = rng.integers(items, 5 * items + 1, n)
    after = clip(np.rint(before + rng.normal(drift * items, items, n)).astype(int).tolist(), items, 5 * items)
    return [int(v) / items for v in before], [int(v) / items for v in after]


def decimals(rng, n, drift, spread):
    """Continuous scores with three decimals: in practice no ties and no zeros."""
    before = np.round(rng.normal(50, 10, n), 3)
    after = np.round(before + rng.normal(drift, spread, n), 3)
    return [float(v) for v in before], [float(v) for v in after]


def distinct_decimals(rng, n):
    """Decimals drawn again until no difference is zero or tied, for the exact test up to N = 50."""
    while True:
        before, after = decimals(rng, n, 2.0, 6.0)
        d = np.abs(np.array(after) - np.array(before))
        if np.all(d != 0) and len(np.unique(d)) == n:
            return before, after


def paired_cases():
    cases = []

    def add(name, make):
        rng = np.random.default_rng([BASE_SEED, len(cases)])
        before, after = make(rng)
        cases.append({"name": name, "before": before, "after": after})

    for n in (2, 3, 5, 8, 12, 13, 14, 20, 33, 50, 51, 80):
        add(f"likert5_up_n{n}", lambda rng, n=n: likert(rng, n, 1, 5, [-1, 0, 0, 1, 1, 2]))
    for n in (6, 13, 30, 64):
        add(f"likert5_down_n{n}", lambda rng, n=n: likert(rng, n, 1, 5, [-2, -1, -1, 0, 1]))
    for n in (4, 11, 25, 72):
        add(f"benefit4_n{n}", lambda rng, n=n: likert(rng, n, 1, 4, [-1, 0, 1]))
    for n in (9, 13, 17, 40, 80):
        add(f"sum_score_improves_n{n}", lambda rng, n=n: sum_score(rng, n, -3.0))
    for n in (10, 45):
        add(f"sum_score_no_change_n{n}", lambda rng, n=n: sum_score(rng, n, 0.0))
    for n, items in ((7, 4), (15, 4), (36, 4), (10, 7), (28, 7), (60, 7)):
        add(f"scale_mean_{items}_items_n{n}", lambda rng, n=n, items=items: scale_mean(rng, n, items, 0.3))
    for n in (2, 3, 4, 7, 10, 13, 14, 21, 35, 49, 50, 51, 66, 80):
        add(f"decimals_n{n}", lambda rng, n=n: decimals(rng, n, 2.0, 6.0))
    add("decimals_distinct_n50", lambda rng: distinct_decimals(rng, 50))
    for n in (6, 30):
        add(f"decimals_large_effect_n{n}", lambda rng, n=n: decimals(rng, n, 15.0, 2.0))

    def missing(rng, n, share):
        before, after = likert(rng, n, 1, 5, [-1, 0, 1, 1])
        return with_missing(rng, before, after, share)

    for n, share in ((12, 0.2), (30, 0.15), (80, 0.25)):
        add(f"likert5_missing_n{n}", lambda rng, n=n, share=share: missing(rng, n, share))

    def decimals_missing(rng, n):
        before, after = decimals(rng, n, -1.0, 4.0)
        return with_missing(rng, before, after, 0.2)

    add("decimals_missing_n40", lambda rng: decimals_missing(rng, 40))

    def distinct_with_zero(rng, n):
        before, after = decimals(rng, n, 1.0, 5.0)
        after[0] = before[0]
        return before, after

    for n in (8, 13, 14, 30):
        add(f"decimals_one_zero_n{n}", lambda rng, n=n: distinct_with_zero(rng, n))

    # The edges where samla withholds figures, and the smallest computable cases.
    fixed = [
        ("no_pairs", [], []),
        ("no_complete_pairs", [3, None, 2], [None, 4, None]),
        ("one_pair", [2], [4]),
        ("one_pair_among_missing", [2, None, 5], [4, 3, None]),
        ("two_pairs", [2, 3], [4, 4]),
        ("two_pairs_one_zero", [3, 3], [3, 4]),
        ("two_pairs_opposite", [3, 4], [4, 3]),
        ("all_differences_zero_n5", [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]),
        ("all_differences_zero_n20", [3] * 20, [3] * 20),
        ("constant_increase_n6", [1, 2, 3, 2, 1, 3], [2, 3, 4, 3, 2, 4]),
        ("constant_decrease_n16", [5, 4] * 8, [3, 2] * 8),
        ("constant_decimal_increase_n3", [1.0, 2.1, 3.2], [1.1, 2.2, 3.3]),
        ("almost_constant_increase_n40", [1, 2, 3, 4] * 10, [2, 3, 4, 5] * 9 + [3, 4, 5, 5]),
        ("one_nonzero_among_zeros_n15", [2] * 15, [2] * 14 + [3]),
    ]
    for name, before, after in fixed:
        cases.append({"name": name, "before": before, "after": after})
    return cases


def wilcoxon_method(d):
    """scipy 1.17's resolution of method="auto" (see the module docstring)."""
    nonzero = d[d != 0]
    has_ties = len(np.unique(np.abs(nonzero))) < len(nonzero)
    if len(d) > 50:
        return "normal_approximation"
    if not has_ties and len(nonzero) == len(d):
        return "exact"
    if len(d) <= 13:
        return "exact_with_ties"
    return "normal_approximation"


def withheld(reason):
    return {"not_computed": reason}


def paired_expected(before, after):
    both = [(b, a) for b, a in zip(before, after) if b is not None and a is not None]
    n = len(both)
    x = np.array([a for _, a in both], dtype=float)
    y = np.array([b for b, _ in both], dtype=float)
    d = x - y
    expected = {"n": n, "mean_change": float(np.mean(d)) if n else None}
    expected["sd_change"] = float(np.std(d, ddof=1)) if n >= 2 else None
    if n < 2:
        reason = withheld("too_few_pairs")
        return expected | {"ci95": reason, "t_test": reason, "cohens_dz": reason, "wilcoxon": reason}
    if np.all(d == 0):
        reason = withheld("all_differences_zero")
        expected["sd_change"] = 0.0
        return expected | {"ci95": reason, "t_test": reason, "cohens_dz": reason, "wilcoxon": reason}

    # samla's rule for "no variance": the differences vary by no more than the rounding noise of
    # the scores. scipy would report t = inf, or a huge t from catastrophic cancellation.
    noise = NO_VARIANCE_RELATIVE * float(np.max(np.abs(np.concatenate([x, y]))))
    if float(np.std(d, ddof=1)) <= noise:
        reason = withheld("no_variance")
        expected |= {"sd_change": 0.0, "ci95": reason, "t_test": reason, "cohens_dz": reason}
    else:
        mean, sd = float(np.mean(d)), float(np.std(d, ddof=1))
        half_width = float(stats.t.ppf(0.975, n - 1)) * sd / np.sqrt(n)
        expected["ci95"] = {"lower": mean - half_width, "upper": mean + half_width}
        t_res = stats.ttest_rel(x, y)
        expected["t_test"] = {"t": float(t_res.statistic), "df": int(t_res.df), "p": float(t_res.pvalue)}
        expected["cohens_dz"] = {"value": mean / sd}

    w = stats.wilcoxon(x, y)
    method = wilcoxon_method(d)
    nonzero = d[d != 0]
    ranks = stats.rankdata(np.abs(nonzero))
    r_plus = float(np.sum(ranks[nonzero > 0]))
    r_minus = float(np.sum(ranks[nonzero < 0]))
    wilcoxon = {
        "method": method,
        "statistic": float(w.statistic),
        "r_plus": r_plus,
        "r_minus": r_minus,
        "p": float(w.pvalue),
        "z": None,
    }
    if method == "normal_approximation":
        asymptotic = stats.wilcoxon(x, y, method="asymptotic")
        # The same computation as "auto" took; a mismatch means the rule above no longer describes scipy.
        assert asymptotic.pvalue == w.pvalue, (asymptotic.pvalue, w.pvalue)
        wilcoxon["z"] = float(asymptotic.zstatistic)
    expected["wilcoxon"] = wilcoxon
    return expected


# A five-step item most people answer positively, as evaluations tend to be.
LIKERT_SHARES = [0.05, 0.1, 0.2, 0.35, 0.3]


def descriptive_cases():
    cases = []

    def add(name, threshold, make):
        rng = np.random.default_rng([BASE_SEED, 1000 + len(cases)])
        cases.append({"name": name, "threshold": threshold, "values": make(rng)})

    for n in (1, 2, 5, 9, 20, 47, 80):
        add(f"likert5_n{n}", 4, lambda rng, n=n: [int(v) for v in rng.choice([1, 2, 3, 4, 5], n, p=LIKERT_SHARES)])
    for n in (3, 12, 31, 64):
        add(f"benefit4_n{n}", 3, lambda rng, n=n: [int(v) for v in rng.choice([1, 2, 3, 4], n, p=[.1, .2, .4, .3])])
    for n in (6, 25, 80):
        add(f"scale_mean_7_items_n{n}", 3.5, lambda rng, n=n: [int(v) / 7 for v in rng.integers(7, 36, n)])
    for n in (4, 18, 55):
        add(f"decimals_n{n}", 50.0, lambda rng, n=n: [float(v) for v in np.round(rng.normal(50, 12, n), 2)])
    fixed = [
        ("no_values", 4, []),
        ("one_value", 4, [4]),
        ("all_the_same", 4, [3, 3, 3, 3]),
        ("all_at_threshold", 3, [3, 3, 3]),
        ("none_positive", 5, [1, 2, 2, 4]),
        ("negative_and_zero", 0, [-2, 0, 0, 1.5, -0.25, 3]),
    ]
    for name, threshold, values in fixed:
        cases.append({"name": name, "threshold": threshold, "values": values})
    return cases


def descriptive_expected(values, threshold):
    a = np.array(values, dtype=float)
    n = len(a)
    if n == 0:
        return {"n": 0, "mean": None, "sd": None, "median": None, "distribution": [], "share_at_least": None}
    distinct, counts = np.unique(a, return_counts=True)
    at_least = int(np.count_nonzero(a >= threshold))
    return {
        "n": n,
        "mean": float(np.mean(a)),
        "sd": float(np.std(a, ddof=1)) if n >= 2 else None,
        "median": float(np.median(a)),
        "distribution": [[float(v), int(c)] for v, c in zip(distinct, counts)],
        "share_at_least": {"count": at_least, "proportion": float(np.mean(a >= threshold))},
    }


def build():
    return {
        "about": "Generated by tests/python/statistics_reference.py; do not edit by hand.",
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "descriptives": [
            c | {"expected": descriptive_expected(c["values"], c["threshold"])} for c in descriptive_cases()
        ],
        "paired": [c | {"expected": paired_expected(c["before"], c["after"])} for c in paired_cases()],
    }


def render(data):
    """JSON with one case per line, so a change shows in a diff as the cases it touches."""

    def dump(value):
        return json.dumps(value, allow_nan=False, separators=(",", ":"))

    lines = ["{"]
    scalars = [(k, v) for k, v in data.items() if not isinstance(v, list)]
    lists = [(k, v) for k, v in data.items() if isinstance(v, list)]
    for key, value in scalars:
        lines.append(f" {dump(key)}:{dump(value)},")
    for i, (key, cases) in enumerate(lists):
        lines.append(f" {dump(key)}:[")
        lines.extend(f"  {dump(case)}{',' if j < len(cases) - 1 else ''}" for j, case in enumerate(cases))
        lines.append(" ]" + ("," if i < len(lists) - 1 else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv):
    output = Path(argv[1]) if len(argv) > 1 else OUTPUT
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(render(build()))
    print(f"wrote {output}")


if __name__ == "__main__":
    main(sys.argv)

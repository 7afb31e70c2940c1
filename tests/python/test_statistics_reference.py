"""The committed scipy reference for samla's report statistics is still what scipy says.

crates/samla-domain/tests/statistics_reference.rs holds samla's figures to
crates/samla-domain/tests/data/statistics_reference.json. These tests regenerate that file with the
pinned numpy and scipy and compare, so a change in scipy's behaviour or in the generator shows up here
rather than leaving the Rust test checking against stale numbers. They need no server.
"""

import json
import math

import numpy as np
import pytest
from scipy import stats

import statistics_reference as generator

# Floats are compared to 1e-12 rather than bit for bit: numpy's summation may take another SIMD path
# on another CPU and change the last bits, which is not a change of behaviour. The Rust side allows 1e-9.
FLOAT_TOLERANCE = 1e-12


@pytest.fixture(scope="module")
def committed():
    return json.loads(generator.OUTPUT.read_text())


@pytest.fixture(scope="module")
def regenerated():
    # Through the same JSON rendering, so tuples and numpy scalars compare as the file holds them.
    return json.loads(generator.render(generator.build()))


def differences(committed, regenerated, path="$"):
    """Every place where the two documents differ, as 'path: committed != regenerated'."""
    if isinstance(committed, dict) and isinstance(regenerated, dict):
        found = []
        if committed.keys() != regenerated.keys():
            found.append(f"{path}: keys {sorted(committed)} != {sorted(regenerated)}")
        for key in committed.keys() & regenerated.keys():
            found += differences(committed[key], regenerated[key], f"{path}.{key}")
        return found
    if isinstance(committed, list) and isinstance(regenerated, list):
        if len(committed) != len(regenerated):
            return [f"{path}: {len(committed)} items != {len(regenerated)}"]
        found = []
        for i, (c, r) in enumerate(zip(committed, regenerated)):
            label = c.get("name", i) if isinstance(c, dict) else i
            found += differences(c, r, f"{path}[{label}]")
        return found
    both_float = isinstance(committed, float) and isinstance(regenerated, float)
    if both_float and math.isclose(committed, regenerated, rel_tol=FLOAT_TOLERANCE, abs_tol=0.0):
        return []
    if committed == regenerated and type(committed) is type(regenerated):
        return []
    return [f"{path}: {committed!r} != {regenerated!r}"]


def test_the_committed_reference_is_what_scipy_and_the_generator_make(committed, regenerated):
    found = differences(committed, regenerated)
    assert not found, (
        "crates/samla-domain/tests/data/statistics_reference.json is out of date; run "
        "tests/python/statistics_reference.py, then check the Rust test still passes:\n" + "\n".join(found[:40])
    )


def test_the_reference_stays_small():
    assert generator.OUTPUT.stat().st_size < 256 * 1024


def complete(case):
    both = [(b, a) for b, a in zip(case["before"], case["after"]) if b is not None and a is not None]
    return np.array([a for _, a in both], dtype=float), np.array([b for b, _ in both], dtype=float)


def test_the_interval_from_t_ppf_is_scipys_own(committed):
    checked = 0
    for case in committed["paired"]:
        interval = case["expected"]["ci95"]
        if "not_computed" in interval:
            continue
        after, before = complete(case)
        own = stats.ttest_rel(after, before).confidence_interval(confidence_level=0.95)
        assert math.isclose(interval["lower"], own.low, rel_tol=1e-12, abs_tol=1e-12), case["name"]
        assert math.isclose(interval["upper"], own.high, rel_tol=1e-12, abs_tol=1e-12), case["name"]
        checked += 1
    assert checked >= 40


def test_the_wilcoxon_rule_names_the_method_scipy_chose(committed):
    """The rule in the generator's docstring, checked against scipy's explicit methods: "auto" gives
    the same p-value as the method the rule names."""
    seen = set()
    for case in committed["paired"]:
        expected = case["expected"]["wilcoxon"]
        if "not_computed" in expected:
            continue
        after, before = complete(case)
        method = {
            "exact": "exact",
            "exact_with_ties": stats.PermutationMethod(),
            "normal_approximation": "asymptotic",
        }[expected["method"]]
        assert stats.wilcoxon(after, before, method=method).pvalue == expected["p"], case["name"]
        seen.add(expected["method"])
    assert seen == {"exact", "exact_with_ties", "normal_approximation"}


def test_the_boundaries_of_the_rule_are_covered(committed):
    by_name = {case["name"]: case["expected"] for case in committed["paired"]}
    assert by_name["decimals_distinct_n50"]["wilcoxon"]["method"] == "exact"
    assert by_name["decimals_n51"]["wilcoxon"]["method"] == "normal_approximation"
    assert by_name["decimals_one_zero_n13"]["wilcoxon"]["method"] == "exact_with_ties"
    assert by_name["decimals_one_zero_n14"]["wilcoxon"]["method"] == "normal_approximation"

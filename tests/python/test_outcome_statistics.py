"""The outcome change samla reports agrees with scipy on generated data.

Seeded random parents' answers (SMIL's parents' form, every scale item 1-5) are entered as
paper forms through the API into the three identified rounds scheduleOutcomeRounds makes
on the demo's running course: before, at the end and at the follow-up, some families
missing a round; the rounds are then closed, as the outcome change counts closed rounds
only. getCourseOutcomeChange's figures for every scale and subscale, before to
end and before to follow-up, are then compared with what numpy and scipy say about the same
pairs (statistics_reference.paired_expected: ttest_rel, wilcoxon, the t-based 95 % CI and
d_z) to 1e-9.
"""

import math

import numpy as np
import pytest

import statistics_reference as generator

SCALES = {
    "benefit": ["child-benefit", "child-met-others", "child-words", "own-benefit", "understanding", "openness"],
    "benefit-child": ["child-benefit", "child-met-others", "child-words"],
    "benefit-parent": ["own-benefit", "understanding", "openness"],
    "organisation": ["information", "timing", "user-representative"],
}
ITEMS = sorted({item for items in SCALES.values() for item in items})
STEPS = ["very-small", "small", "some", "large", "very-large"]
TOLERANCE = 1e-9


def close(actual, expected, what):
    assert actual is not None, what
    assert math.isclose(actual, expected, rel_tol=TOLERANCE, abs_tol=TOLERANCE), (what, actual, expected)


def running_course(api):
    courses = api.json("GET", api.org_path("/courses"))["items"]
    return next(c for c in courses if c["status"] == "running")


def scale_value(answers, scale):
    values = [answers[item] for item in SCALES[scale]]
    return sum(values) / len(values)


def check(figures, before, after, what):
    expected = generator.paired_expected(before, after)
    assert figures["n"] == expected["n"], what
    close(figures["mean_change"], expected["mean_change"], (what, "mean_change"))
    close(figures["sd_change"], expected["sd_change"], (what, "sd_change"))
    for key, withheld in (("ci95", "ci_withheld"), ("t_test", "t_withheld"), ("cohens_dz", "cohens_dz_withheld"),
                          ("wilcoxon", "wilcoxon_withheld")):
        if "not_computed" in expected[key]:
            code = "statistics-" + expected[key]["not_computed"].replace("_", "-")
            assert figures[withheld] == code, (what, key, figures)
    if "not_computed" not in expected["ci95"]:
        close(figures["ci_lower"], expected["ci95"]["lower"], (what, "ci_lower"))
        close(figures["ci_upper"], expected["ci95"]["upper"], (what, "ci_upper"))
    if "not_computed" not in expected["t_test"]:
        close(figures["t"], expected["t_test"]["t"], (what, "t"))
        assert figures["df"] == expected["t_test"]["df"], what
        close(figures["t_p"], expected["t_test"]["p"], (what, "t_p"))
    if "not_computed" not in expected["cohens_dz"]:
        close(figures["cohens_dz"], expected["cohens_dz"]["value"], (what, "d_z"))
    if "not_computed" not in expected["wilcoxon"]:
        close(figures["wilcoxon_statistic"], expected["wilcoxon"]["statistic"], (what, "W"))
        close(figures["wilcoxon_p"], expected["wilcoxon"]["p"], (what, "wilcoxon p"))
        assert figures["wilcoxon_method"] == expected["wilcoxon"]["method"], what


def test_outcome_change_matches_scipy(api):
    course = running_course(api)
    attendance = api.json("GET", api.org_path(f"/courses/{course['id']}/attendance"))
    children = [p["participant_id"] for p in attendance["participants"] if p["status"] == "active"]
    assert len(children) >= 5, attendance["participants"]
    questionnaire = next(q for q in api.json("GET", api.org_path("/questionnaires"))["items"] if q["slug"] == "smil-parents")
    rounds = api.json("POST", api.org_path(f"/courses/{course['id']}/outcome-rounds"),
                      {"questionnaire_id": questionnaire["id"], "audience": "guardians", "follow_up_months": 3},
                      expect=201)["items"]
    by_timing = {r["timing"]: r["id"] for r in rounds}
    assert set(by_timing) == {"before", "end", "follow_up"}, rounds

    rng = np.random.default_rng(7_2026_11)
    answers = {"before": {}, "end": {}, "follow_up": {}}
    for child in children:
        base = {item: int(rng.integers(1, 6)) for item in ITEMS}
        answers["before"][child] = base
        for timing, drift in (("end", [-1, 0, 1, 1, 2]), ("follow_up", [-1, 0, 0, 1, 1])):
            if rng.random() < 0.15:
                continue  # this family did not answer this round
            answers[timing][child] = {item: min(5, max(1, value + int(rng.choice(drift)))) for item, value in base.items()}
    for timing, forms in answers.items():
        for child, values in forms.items():
            body = {
                "language": "nb",
                "subject_participant_id": child,
                "answers": {item: [{"type": "choice", "value": STEPS[value - 1]}] for item, value in values.items()},
            }
            api.json("POST", api.org_path(f"/questionnaire-rounds/{by_timing[timing]}/paper-responses"), body, expect=201)

    # The outcome change counts closed rounds only: while they are open they are pending.
    change = api.json("GET", api.org_path(f"/courses/{course['id']}/outcome-change"))
    assert set(by_timing.values()) <= {r["id"] for r in change["pending_rounds"]}, change["pending_rounds"]
    assert not any(c["questionnaire_id"] == questionnaire["id"] for c in change["comparisons"]), change["comparisons"]
    for round_id in by_timing.values():
        api.json("POST", api.org_path(f"/questionnaire-rounds/{round_id}/close"), {}, expect=200)

    change = api.json("GET", api.org_path(f"/courses/{course['id']}/outcome-change"))
    assert not set(by_timing.values()) & {r["id"] for r in change["pending_rounds"]}, change["pending_rounds"]
    checked = 0
    for to in ("end", "follow_up"):
        comparison = next(c for c in change["comparisons"]
                          if c["questionnaire_id"] == questionnaire["id"] and c["audience"] == "guardians" and c["to"] == to)
        # Only this test's rounds take part, so the expected pairs are exactly those entered here.
        assert comparison["before_rounds"] == [by_timing["before"]], comparison
        assert comparison["after_rounds"] == [by_timing[to]], comparison
        scales = {s["scale_id"]: s for s in comparison["scales"]}
        for scale in SCALES:
            before = [scale_value(answers["before"][c], scale) for c in children]
            after = [scale_value(answers[to][c], scale) if c in answers[to] else None for c in children]
            check(scales[scale]["figures"], before, after, (to, scale))
            assert scales[scale]["unpaired"] == sum(1 for a in after if a is None)
            checked += 1
    assert checked == 2 * len(SCALES)

"""Every shipped programme's FHIR export is a valid PlanDefinition.

samla exports FHIR R4 (4.0.1). fhir.resources 8 models R5 by default and R4B (4.3) in
its `R4B` package; a PlanDefinition is the same resource in R4 and R4B, so the R4B
models are the validator here.
"""

import json

import pytest
from fhir.resources.R4B.plandefinition import PlanDefinition

SHIPPED = [
    "mestringsgrupper", "smil", "mestringstreff", "boernegrupper", "cos", "icdp",
    "de-utrolige-arene", "pmto", "fortsatt-foreldre", "godt-samliv",
]


def test_the_library_has_every_shipped_programme(api):
    page = api.json("GET", api.org_path("/programmes?limit=200"))
    slugs = {p["slug"] for p in page["items"]}
    assert set(SHIPPED) <= slugs


@pytest.mark.parametrize("slug", SHIPPED)
def test_fhir_export_validates_as_a_plan_definition(api, slug):
    status, headers, raw = api.request("GET", api.org_path(f"/programmes/{slug}/export?format=fhir"))
    assert status == 200
    assert headers["Content-Type"].startswith("application/fhir+json")
    plan = PlanDefinition.model_validate_json(raw)
    assert plan.id == slug
    assert plan.status == "active"
    manual = api.json("GET", api.org_path(f"/programmes/{slug}"))["manual"]
    assert plan.title == manual["name"]
    sessions = [a for a in (plan.action or []) if a.id.startswith("session-")]
    assert len(sessions) == len(manual.get("sessions", []))
    for action, session in zip(sessions, manual.get("sessions", [])):
        assert action.title == session["title"]
        assert action.timingDuration.value == session["duration_minutes"]
    meetings = [a for a in (plan.action or []) if a.id.startswith("meeting-")]
    assert len(meetings) == len(manual.get("meetings", []))


def test_the_validator_rejects_a_broken_plan(api):
    status, _, raw = api.request("GET", api.org_path("/programmes/smil/export?format=fhir"))
    assert status == 200
    for mutate in ({"notAnElement": 1}, {"action": "not a list of actions"}, {"status": None}):
        plan = json.loads(raw)
        plan.update(mutate)
        with pytest.raises(ValueError):
            PlanDefinition.model_validate(plan)

"""Every questionnaire the demo server's library exports is a valid FHIR Questionnaire.

exportQuestionnaire answers FHIR R4 (4.0.1) JSON. fhir.resources 8 models R5 by default
and R4B (4.3) in its `R4B` package; Questionnaire is the same resource in R4 and R4B, so
the R4B models validate here (as in test_questionnaires.py for the shipped files).
"""

import json

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire

SHIPPED = {
    "mestringstreff-pre-course", "mestringstreff-post-course", "smil-children", "smil-parents", "smil-staff",
    "session-evaluation",
}


def library(api):
    return api.json("GET", api.org_path("/questionnaires"))["items"]


def items_in_order(items):
    for item in items or []:
        yield item
        yield from items_in_order(item.item)


def test_the_library_has_every_shipped_questionnaire(api):
    slugs = {q["slug"] for q in library(api)}
    assert SHIPPED <= slugs


def test_every_exported_questionnaire_validates_in_every_language(api):
    checked = 0
    for summary in library(api):
        detail = api.json("GET", api.org_path(f"/questionnaires/{summary['id']}"))
        assert detail["languages"], summary
        for version in detail["versions"]:
            for language in detail["languages"]:
                path = f"/questionnaires/{summary['id']}/export?language={language}&version={version['number']}"
                status, headers, raw = api.request("GET", api.org_path(path))
                if status == 404 and version["number"] != detail["latest_version"]["number"]:
                    continue  # an older version need not have every language of the newest
                assert status == 200, (path, status, raw[:300])
                assert headers["Content-Type"].startswith("application/fhir+json")
                questionnaire = Questionnaire.model_validate_json(raw)
                assert questionnaire.url == summary["url"]
                assert questionnaire.language == language
                assert questionnaire.title
                assert questionnaire.item
                link_ids = [item.linkId for item in items_in_order(questionnaire.item)]
                assert len(link_ids) == len(set(link_ids)), path
                checked += 1
    assert checked >= 2 * len(SHIPPED)


def test_an_export_imports_again_as_the_same_version(api):
    summary = next(q for q in library(api) if q["slug"] == "session-evaluation")
    definitions = []
    for language in ("nb", "en"):
        status, _, raw = api.request("GET", api.org_path(f"/questionnaires/{summary['id']}/export?language={language}"))
        assert status == 200
        definitions.append(json.loads(raw))
    scoring = api.json("GET", api.org_path(f"/questionnaires/{summary['id']}/scoring"))
    result = api.json("POST", api.org_path("/questionnaires"), {"definitions": definitions, "scoring": scoring})
    assert result["created"] is False
    assert result["version"]["number"] == summary["latest_version"]["number"]


def test_the_validator_rejects_a_broken_export(api):
    summary = next(q for q in library(api) if q["slug"] == "smil-parents")
    status, _, raw = api.request("GET", api.org_path(f"/questionnaires/{summary['id']}/export?language=nb"))
    assert status == 200
    for mutate in ({"notAnElement": 1}, {"item": "not a list"}, {"status": None}):
        document = json.loads(raw)
        document.update(mutate)
        with pytest.raises(ValueError):
            Questionnaire.model_validate(document)

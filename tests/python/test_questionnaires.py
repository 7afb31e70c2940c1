"""Every shipped questionnaire in data/questionnaires/ is a valid FHIR Questionnaire.

The files are FHIR R4 (4.0.1). fhir.resources 8 models R5 by default and R4B (4.3) in its
`R4B` package; Questionnaire is the same resource in R4 and R4B, so the R4B models validate
here. They check structure and data types but not every R4 rule, so the rules samla relies
on (item type codes, unique linkIds, enableWhen pointing back, numeric ordinal values) are
checked beside them. Needs no running server.
"""

import json
from pathlib import Path

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire

DIRECTORY = Path(__file__).resolve().parents[2] / "data" / "questionnaires"
ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
R4_ITEM_TYPES = {
    "group", "display", "boolean", "decimal", "integer", "date", "dateTime", "time", "string", "text", "url",
    "choice", "open-choice", "attachment", "reference", "quantity",
}


def documents():
    return {path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(DIRECTORY.glob("*.json"))}


QUESTIONNAIRES = {name: doc for name, doc in documents().items() if doc.get("resourceType") == "Questionnaire"}


def items_in_order(items):
    for item in items or []:
        yield item
        yield from items_in_order(item.get("item"))


def test_there_are_questionnaires_in_both_languages():
    assert len(QUESTIONNAIRES) >= 12
    slugs = {name.rsplit(".", 2)[0] for name in QUESTIONNAIRES}
    for slug in slugs:
        assert f"{slug}.nb.json" in QUESTIONNAIRES and f"{slug}.en.json" in QUESTIONNAIRES, slug


@pytest.mark.parametrize("name", sorted(QUESTIONNAIRES))
def test_validates_as_a_fhir_questionnaire(name):
    document = QUESTIONNAIRES[name]
    questionnaire = Questionnaire.model_validate(document)
    assert questionnaire.status == "active"
    assert questionnaire.language == name.rsplit(".", 2)[1]
    assert questionnaire.url == "urn:samla:questionnaire:" + name.rsplit(".", 2)[0]
    assert questionnaire.item


@pytest.mark.parametrize("name", sorted(QUESTIONNAIRES))
def test_keeps_the_r4_rules_the_models_do_not_check(name):
    seen = []
    for item in items_in_order(QUESTIONNAIRES[name]["item"]):
        assert item["type"] in R4_ITEM_TYPES, item["linkId"]
        assert item["linkId"] not in seen, f"duplicate linkId {item['linkId']}"
        for condition in item.get("enableWhen", []):
            assert condition["question"] in seen, f"{item['linkId']} depends on a later or unknown question"
        if len(item.get("enableWhen", [])) > 1:
            assert item.get("enableBehavior") in ("all", "any"), item["linkId"]
        if item["type"] == "group":
            assert item.get("item"), f"group {item['linkId']} without items"
        if item["type"] == "display":
            assert "required" not in item and "repeats" not in item, item["linkId"]
        if item["type"] == "choice":
            assert item.get("answerOption"), f"choice {item['linkId']} without options"
        for option in item.get("answerOption", []):
            for extension in option.get("extension", []):
                if extension["url"] == ORDINAL_VALUE:
                    assert isinstance(extension["valueDecimal"], (int, float)), item["linkId"]
        seen.append(item["linkId"])


@pytest.mark.parametrize("name", sorted(n for n in QUESTIONNAIRES if n.endswith(".nb.json")))
def test_nb_and_en_have_the_same_items(name):
    def shape(document):
        return [
            (item["linkId"], item["type"], item.get("required", False), item.get("repeats", False),
             [o["valueCoding"]["code"] for o in item.get("answerOption", [])])
            for item in items_in_order(document["item"])
        ]

    assert shape(QUESTIONNAIRES[name]) == shape(QUESTIONNAIRES[name.replace(".nb.", ".en.")])


def test_scoring_rules_sit_beside_their_questionnaire():
    for name, document in documents().items():
        if not name.endswith(".scoring.json"):
            continue
        slug = name.removesuffix(".scoring.json")
        definition = QUESTIONNAIRES[f"{slug}.nb.json"]
        assert document["questionnaire"] == definition["url"]
        link_ids = {item["linkId"] for item in items_in_order(definition["item"])}
        for scale in document["scales"]:
            assert set(scale["items"]) <= link_ids, scale["id"]


def test_the_validator_rejects_a_broken_questionnaire():
    document = QUESTIONNAIRES["mestringstreff-post-course.en.json"]
    for mutate in ({"notAnElement": 1}, {"item": "not a list of items"}, {"status": None}):
        with pytest.raises(ValueError):
            Questionnaire.model_validate({**document, **mutate})
    nested = json.loads(json.dumps(document))
    nested["item"][0]["answerOption"][0]["extension"][0]["valueDecimal"] = "high"
    with pytest.raises(ValueError):
        Questionnaire.model_validate(nested)

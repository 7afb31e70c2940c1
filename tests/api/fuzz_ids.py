"""Real ids for schemathesis: every path parameter of the API filled from the seeded
(demo) organisation, so operations with ids in their path reach their logic instead of
answering 404.

    python3 fuzz_ids.py BASE_URL TOKEN OPENAPI_JSON > ids.toml

Walks every GET operation of the OpenAPI document whose path parameters it can already
fill (starting from the organisation's slug), reads the ids in each answer, and repeats
until nothing new is found. An item of a list answer gives the id of the resource the
path names (`…/courses` → `course_id`); any `…_id` field anywhere gives that parameter.
Writes a schemathesis TOML fragment: one dictionary per parameter and a `[parameters]`
entry using it, and lists on stderr which path parameters got values and which did not.
"""

import itertools
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

# The last fixed segment of a list path → the path parameter its items' ids fill.
LIST_PARAMETER = {
    "courses": "course_id",
    "sessions": "session_id",
    "meetings": "session_id",
    "applications": "application_id",
    "consents": "consent_id",
    "households": "household_id",
    "participants": "participant_id",
    "programmes": "programme",
    "questionnaires": "questionnaire_id",
    "questionnaire-rounds": "round_id",
    "users": "user_id",
    "tokens": "token_id",
    "concern-reports": "report_id",
    "outbox": "message_id",
    "recruitment-channels": "channel_id",
    "school-holidays": "holiday_id",
    "homework": "homework_id",
    "follow-up-tasks": "task_id",
    "checklist": "item_id",
    "staff": "staff_id",
    "persons": "person_id",
    "access-requests": "access_request_id",
    "guests": "guest_id",
    "audit": "seq",
}
# Fields that name another parameter than their own name.
FIELD_PARAMETER = {"user_id": ("user_id", "staff_id"), "person_id": ("person_id",), "seq": ("seq",)}
# At most this many values per parameter are tried in paths, and kept.
PER_PARAMETER = 12


def get(base, token, path):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=15) as response:
            if "json" not in response.headers.get("content-type", ""):
                return None
            return json.load(response)
    except (urllib.error.HTTPError, ValueError):
        return None


def harvest(value, found, list_parameter=None):
    """Adds the ids in an answer to `found`: parameter name → {value: from a list?}."""
    if isinstance(value, dict):
        if list_parameter and "id" in value and isinstance(value["id"], (int, str)):
            found.setdefault(list_parameter, {})[value["id"]] = True
        if list_parameter == "programme" and isinstance(value.get("slug"), str):
            found.setdefault("programme", {})[value["slug"]] = True
        for key, inner in value.items():
            if key.endswith("_id") or key == "seq":
                if isinstance(inner, (int, str)) and not isinstance(inner, bool):
                    for name in FIELD_PARAMETER.get(key, (key,)):
                        found.setdefault(name, {}).setdefault(inner, False)
            harvest(inner, found, list_parameter if key == "items" else None)
    elif isinstance(value, list):
        for inner in value:
            harvest(inner, found, list_parameter)


def chosen(values):
    """The values to use: those listed by the resource's own list operation when there
    are any (a session id seen in another answer may belong to a course not chosen)."""
    listed = [v for v, from_list in values.items() if from_list]
    return (listed or list(values))[:PER_PARAMETER]


def focus_courses(base, token):
    """A running course and a draft one: operations under /courses/{course_id}/… then get
    ids of the same course more often than not."""
    page = get(base, token, "/api/v1/organisations/demo/courses?limit=200") or {}
    courses = page.get("items", [])
    picked = []
    for status in ("running", "draft", "recruiting"):
        picked += [c["id"] for c in courses if c.get("status") == status][:1]
    return {course: True for course in (picked or [c["id"] for c in courses][:2])}


def main():
    base, token, openapi_path = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(openapi_path) as f:
        document = json.load(f)
    server_root = base.rstrip("/")
    operations = []
    wanted = set()
    for path, item in document["paths"].items():
        names = [p.strip("{}") for p in path.split("/") if p.startswith("{")]
        wanted.update(names)
        if "get" in item:
            fixed = [p for p in path.split("/") if p and not p.startswith("{")]
            last = path.rstrip("/").split("/")[-1]
            list_parameter = LIST_PARAMETER.get(last) if not last.startswith("{") else None
            operations.append((path, names, list_parameter, fixed))
    found = {"org": {"demo": True}, "course_id": focus_courses(server_root, token)}
    fixed = {"org": dict(found["org"]), "course_id": dict(found["course_id"])}
    visited = set()
    for _ in range(6):
        before = sum(len(v) for v in found.values())
        for path, names, list_parameter, _fixed in operations:
            if any(n not in found for n in names):
                continue
            choices = [chosen(found[n]) for n in names]
            for combination in itertools.islice(itertools.product(*choices), 60):
                concrete = path
                for name, value in zip(names, combination):
                    concrete = concrete.replace("{%s}" % name, urllib.parse.quote(str(value), safe=""))
                if concrete in visited:
                    continue
                visited.add(concrete)
                answer = get(server_root, token, concrete + ("?limit=100" if list_parameter else ""))
                if answer is not None:
                    harvest(answer, found, list_parameter)
                    found.update({name: dict(values) for name, values in fixed.items()})
        if sum(len(v) for v in found.values()) == before:
            break

    print("# Generated by tests/api/fuzz_ids.py from the demo organisation.")
    filled = []
    for name in sorted(wanted):
        values = chosen(found.get(name, {}))
        if not values or name == "org":
            continue
        filled.append(name)
        print("[dictionaries.ids-%s]" % name.replace("_", "-"))
        print("values = %s" % json.dumps(values))
    print("[parameters]")
    print('"path.org" = { dictionary = "org-slugs", probability = 0.8 }')
    for name in filled:
        print('"path.%s" = { dictionary = "ids-%s", probability = 0.9 }' % (name, name.replace("_", "-")))
    missing = sorted(wanted - set(filled) - {"org"})
    print("[fuzz_ids.py] path parameters with real values: %d of %d (%s)" % (
        len(filled) + 1, len(wanted), ", ".join(["org"] + filled)), file=sys.stderr)
    if missing:
        print("[fuzz_ids.py] without values (the fuzzer generates them): %s" % ", ".join(missing), file=sys.stderr)


if __name__ == "__main__":
    main()

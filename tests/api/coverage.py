"""How far a schemathesis run reached, from its NDJSON report.

    python3 coverage.py REPORT.ndjson OPENAPI_JSON [LEAST_WITH_2XX]

Prints how many of the document's operations got at least one 2xx answer (and which did
not), and how many OpenAPI links the stateful phase followed (the document's own links and
those schemathesis inferred), and how many of those led to a 2xx. With LEAST_WITH_2XX, exits
1 when fewer operations than that got a 2xx: a run whose token stopped working, or that no
longer reaches the API's logic, fails instead of passing vacuously.
"""

import json
import sys

METHODS = ("get", "put", "post", "patch", "delete")


def main():
    report, openapi = sys.argv[1], sys.argv[2]
    least = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    with open(openapi) as f:
        document = json.load(f)
    operations = {
        "%s %s" % (method.upper(), path)
        for path, item in document["paths"].items()
        for method in METHODS
        if method in item
    }
    declared_links = sum(
        len(response.get("links", {}))
        for item in document["paths"].values()
        for method in METHODS
        if method in item
        for response in item[method].get("responses", {}).values()
    )
    statuses = {}
    followed = {}
    with open(report) as f:
        for line in f:
            event = json.loads(line)
            finished = event.get("ScenarioFinished")
            if not finished:
                continue
            recorder = finished.get("recorder") or {}
            cases = recorder.get("cases") or {}
            for case_id, interaction in (recorder.get("interactions") or {}).items():
                case = cases.get(case_id, {})
                value = case.get("value", {})
                label = "%s %s" % (value.get("method", "").upper(), value.get("path", ""))
                status = (interaction.get("response") or {}).get("status_code")
                if status is None:
                    continue
                statuses.setdefault(label, set()).add(status)
                transition = case.get("transition")
                if transition and case.get("is_transition_applied"):
                    key = (transition["id"], bool(transition.get("is_inferred")))
                    followed[key] = followed.get(key, False) or 200 <= status < 300
    with_2xx = sorted(op for op in operations if any(200 <= s < 300 for s in statuses.get(op, ())))
    without = sorted(operations - set(with_2xx))
    print("[coverage] operations answered 2xx at least once: %d of %d" % (len(with_2xx), len(operations)))
    for op in without:
        seen = ", ".join(str(s) for s in sorted(statuses.get(op, ()))) or "no request"
        print("[coverage]   without a 2xx: %s (%s)" % (op, seen))
    declared = [k for k in followed if not k[1]]
    inferred = [k for k in followed if k[1]]
    print("[coverage] links followed in the stateful phase: %d of the document's %d, and %d inferred by schemathesis;"
          " %d of them led to a 2xx" % (len(declared), declared_links, len(inferred), sum(followed.values())))
    if len(with_2xx) < least:
        print("[coverage] FAILED: fewer than %d operations answered 2xx" % least)
        sys.exit(1)


if __name__ == "__main__":
    main()

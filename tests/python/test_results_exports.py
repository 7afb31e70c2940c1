"""The demo's evaluation downloads open in real readers with the figures the API gives.

exportCourseEvaluation and exportRoundResults as XLSX open with openpyxl and as CSV with
Python's csv module: every item's n, mean and share positive and every option's count match
getRoundResults; no cell is a formula, and text that would start one (the demo has a
comment starting with "-") is prefixed with an apostrophe; numbers are numbers.
"""

import csv
import io

import openpyxl
import pytest

HEADER = ["round_id", "questionnaire", "timing", "mode", "responses", "row", "link_id", "question", "answer",
          "ordinal", "count", "proportion", "n", "mean", "sd", "median", "share_positive"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def evaluated_course(api):
    """The demo's finished course with its evaluations (services/setup/demo_evaluations.rs):
    the one with session evaluations (other tests add outcome rounds to the running course)."""
    for course in api.json("GET", api.org_path("/courses"))["items"]:
        evaluation = api.json("GET", api.org_path(f"/courses/{course['id']}/evaluation"))
        if any(r["round"]["timing"] == "session" and r["summary"]["shown"] for r in evaluation["rounds"]):
            return course, evaluation
    pytest.fail("the demo has no course with session evaluation results")


def download(api, path, content_type):
    status, headers, raw = api.request("GET", api.org_path(path))
    assert status == 200, (path, status, raw[:300])
    assert headers["Content-Type"].startswith(content_type), headers["Content-Type"]
    assert headers["Content-Disposition"].startswith("attachment; filename="), headers["Content-Disposition"]
    return raw


def check_rows(rows, results):
    """rows: dicts by HEADER; results: getRoundResults of the round."""
    round_id = results["round"]["id"]
    mine = [r for r in rows if int(r["round_id"]) == round_id]
    assert mine, round_id
    assert all(int(r["responses"]) == results["summary"]["responses"] for r in mine)
    if not results["summary"]["shown"]:
        assert [r["row"] for r in mine] == ["withheld"]
        assert mine[0]["answer"] == results["summary"]["withheld"], mine
        return
    for item in results["summary"]["items"]:
        item_row = next(r for r in mine if r["row"] == "item" and r["link_id"] == item["link_id"])
        assert int(item_row["n"]) == item["n"]
        mean = (item["descriptives"] or {}).get("mean")
        if mean is None:
            assert item_row["mean"] in (None, "")
        else:
            assert abs(float(item_row["mean"]) - mean) < 1e-12
        if item["share_positive"]:
            assert abs(float(item_row["share_positive"]) - item["share_positive"]["proportion"]) < 1e-12
        option_rows = [r for r in mine if r["row"] == "option" and r["link_id"] == item["link_id"]]
        assert [int(r["count"]) for r in option_rows] == [o["count"] for o in item["options"]]
        texts = [r["answer"] for r in mine if r["row"] == "free_text" and r["link_id"] == item["link_id"]]
        expected = ["'" + t if t.startswith(FORMULA_STARTS) else t for t in item["free_text"]]
        assert texts == expected


def xlsx_rows(raw, sheet=None):
    book = openpyxl.load_workbook(io.BytesIO(raw))
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_STARTS), (ws.title, cell.coordinate, cell.value)
    ws = book[sheet] if sheet else book.worksheets[0]
    values = list(ws.iter_rows(values_only=True))
    assert list(values[0]) == HEADER
    rows = [dict(zip(HEADER, row)) for row in values[1:]]
    for row in rows:
        for key in ("round_id", "responses", "count", "n"):
            assert row[key] is None or isinstance(row[key], (int, float)), (key, row)
    return book, rows


def csv_rows(raw):
    text = raw.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    values = list(reader)
    assert values[0] == HEADER
    for row in values[1:]:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell
    return [dict(zip(HEADER, row + [""] * (len(HEADER) - len(row)))) for row in values[1:]]


def test_course_evaluation_exports_match_the_api(api):
    course, evaluation = evaluated_course(api)
    raw = download(api, f"/courses/{course['id']}/evaluation/export?format=xlsx",
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    book, rows = xlsx_rows(raw)
    assert "Outcome change" in book.sheetnames
    csv_raw = download(api, f"/courses/{course['id']}/evaluation/export?format=csv", "text/csv")
    from_csv = csv_rows(csv_raw)
    for results in evaluation["rounds"]:
        check_rows(rows, results)
        check_rows(from_csv, results)
    # The demo's comment "-Mer tid til samtale" is neutralised, not dropped.
    assert any(r["answer"] == "'-Mer tid til samtale" for r in from_csv)


def test_round_exports_match_the_api(api):
    _, evaluation = evaluated_course(api)
    for summary in evaluation["rounds"]:
        round_id = summary["round"]["id"]
        results = api.json("GET", api.org_path(f"/questionnaire-rounds/{round_id}/results"))
        raw = download(api, f"/questionnaire-rounds/{round_id}/results/export?format=xlsx",
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        _, rows = xlsx_rows(raw)
        check_rows(rows, results)
        csv_raw = download(api, f"/questionnaire-rounds/{round_id}/results/export?format=csv", "text/csv")
        check_rows(csv_rows(csv_raw), results)


def test_a_wrong_format_is_refused(api):
    course, _ = evaluated_course(api)
    status, _, _ = api.request("GET", api.org_path(f"/courses/{course['id']}/evaluation/export?format=pdf"))
    assert status == 400

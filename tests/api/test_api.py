"""REST API on both backends: reads, filters, pagination, search, token-guarded writes, upload."""

from __future__ import annotations

from fastapi.testclient import TestClient

from web.seed import Seeded


def bearer(token: str) -> dict:
    """Authorization header for a token."""
    return {"Authorization": f"Bearer {token}"}


def test_documents_list_filters_and_pagination(client: TestClient, seeded: Seeded) -> None:
    r = client.get("/api/v1/documents").json()
    assert r["total"] == 2  # the private memo is hidden from anonymous callers
    assert {d["id"] for d in r["items"]} == {seeded.doc_es, seeded.doc_en}
    assert client.get("/api/v1/documents?language=es").json()["items"][0]["id"] == seeded.doc_es
    assert client.get("/api/v1/documents?year=2015").json()["items"][0]["id"] == seeded.doc_en
    page = client.get("/api/v1/documents?limit=1&offset=1").json()
    assert page["total"] == 2 and len(page["items"]) == 1 and page["offset"] == 1
    assert client.get("/api/v1/documents", headers=bearer(seeded.viewer_token)).json()["total"] == 3
    assert client.get("/api/v1/documents?limit=0").status_code == 422
    facets = client.get("/api/v1/documents/facets").json()
    assert {f["value"] for f in facets["language"]} == {"en", "es"}


def test_document_detail_has_extracted_items(client: TestClient, seeded: Seeded) -> None:
    d = client.get(f"/api/v1/documents/{seeded.doc_es}").json()
    assert d["language"] == "es"
    assert [a["id"] for a in d["actions"]] == [seeded.commitment_es]
    a = d["actions"][0]
    assert d["clean_text"][a["start"] : a["end"]] == a["text"]
    assert d["figures"][0]["value"] == 1200
    assert client.get(f"/api/v1/documents/{seeded.doc_private}").status_code == 404
    assert client.get("/api/v1/documents/99999").status_code == 404


def test_series_meetings_people_orgs_topics(client: TestClient, seeded: Seeded) -> None:
    series = client.get("/api/v1/series").json()
    assert series[0]["meetings"] == 2 and series[0]["latest"]["round"] == 8
    detail = client.get(f"/api/v1/series/{seeded.series}").json()
    assert [m["round"] for m in detail["meetings"]] == [7, 8]
    m = client.get(f"/api/v1/meetings/{seeded.meeting_es}").json()
    assert m["city"] == "Ciudad de México" and "MX" in m["people"] and m["agencies"]["MX"] == ["SRE"]
    assert client.get(f"/api/v1/meetings?series={seeded.series}").json()["total"] == 2
    people = client.get("/api/v1/people?name=smith").json()
    assert people["items"][0]["participations"] == 1
    hist = client.get(f"/api/v1/people/{seeded.person}").json()["history"]
    assert hist[0]["title"] == "Assistant Secretary" and hist[0]["series"].startswith("U.S.")
    org = client.get(f"/api/v1/organizations/{seeded.org}").json()
    assert org["attendance"][0]["round"] == 8
    matrix = client.get(f"/api/v1/series/{seeded.series}/topics").json()
    rows = {row["topic"]: [c["mark"] for c in row["cells"]] for row in matrix["topics"]}
    assert rows["torture"] == ["new", "continued"]
    topics = {t["id"]: t["documents"] for t in client.get("/api/v1/topics").json()}
    assert topics["torture"] == 2
    passages = client.get("/api/v1/topics/torture").json()["documents"]
    assert len(passages) == 2 and passages[0]["passages"]


def test_actions_filters(client: TestClient, seeded: Seeded) -> None:
    def ids(q: str) -> set[int]:
        return {a["id"] for a in client.get(f"/api/v1/actions?{q}").json()["items"]}

    assert ids("kind=ask") == {seeded.ask_en}
    assert ids("actor=MX") == {seeded.commitment_es}
    assert ids("topic=torture") == {seeded.ask_en}
    assert ids("level=4") == {seeded.commitment_es}
    assert ids("overdue=true&as_of=2017-01-01") == {seeded.commitment_en}
    assert ids("overdue=true&as_of=2019-01-01") == {seeded.commitment_en, seeded.commitment_es}
    assert ids("deadline_before=2016-12-31") == {seeded.commitment_en}
    assert ids(f"series={seeded.series}&status=not_rated") == {
        seeded.commitment_en,
        seeded.commitment_es,
        seeded.ask_en,
    }


def test_status_event_needs_editor_token(client: TestClient, seeded: Seeded) -> None:
    body = {"status": "fulfilled", "rationale": "Working group met", "evidence_document_id": seeded.doc_es}
    url = f"/api/v1/actions/{seeded.commitment_en}/status-events"
    assert client.post(url, json=body).status_code == 401
    assert client.post(url, json=body, headers=bearer("dw_not-a-token")).status_code == 401
    assert client.post(url, json=body, headers=bearer(seeded.viewer_token)).status_code == 403
    r = client.post(url, json=body, headers=bearer(seeded.editor_token))
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "fulfilled" and r.json()["by"] == "ed"
    bad = client.post(url, json={**body, "status": "bogus"}, headers=bearer(seeded.editor_token))
    assert bad.status_code == 422
    act = client.get(f"/api/v1/actions/{seeded.commitment_en}").json()
    assert act["status"] == "fulfilled" and len(act["history"]) == 1
    overdue = client.get("/api/v1/actions?overdue=true&as_of=2017-01-01").json()
    assert overdue["total"] == 0
    card = {row["key"]: row for row in client.get("/api/v1/actions/scorecard").json()}
    assert card["US"]["counts"]["fulfilled"] == 1 and card["US"]["mean"] == 1.0


def test_review_queue_and_decisions(client: TestClient, seeded: Seeded) -> None:
    queue = client.get("/api/v1/review").json()
    assert queue and queue[0]["confidence"] <= queue[-1]["confidence"]
    item = f"participant:{seeded.participation_en}"
    assert client.post("/api/v1/review", json={"item": item, "decision": "reject"}).status_code == 401
    r = client.post(
        "/api/v1/review", json={"item": item, "decision": "reject"}, headers=bearer(seeded.editor_token)
    )
    assert r.status_code == 200 and r.json()["review_state"] == "rejected"
    edit = {"item": f"action:{seeded.commitment_es}", "decision": "edit", "changes": {"level": "5"}}
    assert client.post("/api/v1/review", json=edit, headers=bearer(seeded.editor_token)).status_code == 200
    assert client.get(f"/api/v1/actions/{seeded.commitment_es}").json()["level"] == 5


def test_search_api(client: TestClient, seeded: Seeded) -> None:
    for q in ("tortura", "Tortura", "TORTURA"):
        r = client.get("/api/v1/search", params={"q": q, "kind": "document"}).json()
        assert r["items"][0]["document_id"] == seeded.doc_es
    r = client.get("/api/v1/search", params={"q": "desaparicion"}).json()
    assert r["total"] >= 1 and r["items"][0]["document_id"] == seeded.doc_es
    hit = r["items"][0]
    start, end = hit["title_highlights"][0]
    assert hit["title"][start:end] == "desaparición"
    r = client.get("/api/v1/search", params={"q": "denuncias"}).json()
    start, end = r["items"][0]["snippet"]["highlights"][0]
    assert r["items"][0]["snippet"]["text"][start:end] == "denuncias"
    assert {f["value"] for f in r["facets"]["language"]} == {"es"}
    assert client.get("/api/v1/search", params={"q": "extradition"}).json()["total"] == 0
    assert client.get("/api/v1/search", params={"q": "x" * 600}).status_code == 422


def test_upload_sniffs_and_ingests(client: TestClient, seeded: Seeded) -> None:
    auth = bearer(seeded.editor_token)
    text = "Joint statement on cooperation. Mexico and the United States will hold a new round in 2030.\n"
    ok = client.post(
        "/api/v1/documents", files={"file": ("note.txt", text.encode(), "text/plain")}, headers=auth
    )
    assert ok.status_code == 201, ok.text
    assert (
        client.get(f"/api/v1/documents/{ok.json()['document_id']}").json()["clean_text"].startswith("Joint")
    )
    fake_pdf = client.post(
        "/api/v1/documents", files={"file": ("x.pdf", b"hello, not a pdf", "application/pdf")}, headers=auth
    )
    assert fake_pdf.status_code == 415 and "not a PDF" in fake_pdf.json()["detail"]
    binary = client.post(
        "/api/v1/documents", files={"file": ("x.txt", b"\x00\x01\x02" * 10, "text/plain")}, headers=auth
    )
    assert binary.status_code == 415
    exe = client.post(
        "/api/v1/documents", files={"file": ("x.exe", b"MZ....", "application/octet-stream")}, headers=auth
    )
    assert exe.status_code == 415
    big = client.post(
        "/api/v1/documents", files={"file": ("big.txt", b"a " * 200_000, "text/plain")}, headers=auth
    )
    assert big.status_code == 413
    viewer = client.post(
        "/api/v1/documents",
        files={"file": ("n.txt", text.encode(), "text/plain")},
        headers=bearer(seeded.viewer_token),
    )
    assert viewer.status_code == 403


def test_openapi_and_docs(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert (
        "/api/v1/search" in schema["paths"] and "/api/v1/actions/{action_id}/status-events" in schema["paths"]
    )
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert "<script>" not in docs.text  # no inline script: the CSP forbids it
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/js/api-docs.js").status_code == 200

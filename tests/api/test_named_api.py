"""/api/v1/cases and /api/v1/instruments on both backends, anonymous and signed in."""

from __future__ import annotations

from fastapi.testclient import TestClient

from web.seed import Seeded


def bearer(token: str) -> dict:
    """Authorization header for a token."""
    return {"Authorization": f"Bearer {token}"}


def test_case_named_in_english_and_spanish_is_one_case(client: TestClient, seeded: Seeded) -> None:
    page = client.get("/api/v1/cases").json()
    assert page["total"] == 1  # Tlatlaya is named only in the private memo
    [case] = page["items"]
    assert case["id"] == seeded.case and case["documents"] == 2
    assert (case["first_date"], case["last_date"]) == ("2015-10-21", "2016-10-27")
    assert set(case["names"]) == {"Iguala case", "caso Ayotzinapa"}
    assert "los 43 normalistas" not in case["aliases"]  # only the private memo wrote that
    d = client.get(f"/api/v1/cases/{seeded.case}").json()
    assert [e["document_id"] for e in d["timeline"]] == [seeded.doc_en, seeded.doc_es]
    assert [(e["name"], e["language"], e["round"]) for e in d["timeline"]] == [
        ("Iguala case", "en", 7),
        ("caso Ayotzinapa", "es", 8),
    ]
    assert [e["mention_id"] for e in d["timeline"]] == [seeded.case_mention_en, seeded.case_mention_es]
    text = client.get(f"/api/v1/documents/{seeded.doc_es}").json()["clean_text"]
    es = d["timeline"][1]
    assert text[es["start"] : es["end"]] == "caso Ayotzinapa"
    sn = es["snippet"]
    assert sn["text"][sn["start"] : sn["end"]] == "caso Ayotzinapa"


def test_private_mentions_need_a_signed_in_user(client: TestClient, seeded: Seeded) -> None:
    assert client.get(f"/api/v1/cases/{seeded.case_private_only}").status_code == 404
    auth = bearer(seeded.viewer_token)
    names = {c["name"] for c in client.get("/api/v1/cases", headers=auth).json()["items"]}
    assert names == {"Ayotzinapa (Iguala) case", "Tlatlaya"}
    assert client.get(f"/api/v1/cases/{seeded.case_private_only}", headers=auth).status_code == 200
    d = client.get(f"/api/v1/cases/{seeded.case}", headers=auth).json()
    assert [e["document_id"] for e in d["timeline"]] == [seeded.doc_en, seeded.doc_es, seeded.doc_private]
    assert d["timeline"][-1]["visibility"] == "private" and "los 43 normalistas" in d["names"]


def test_instrument_in_both_languages_and_filters(client: TestClient, seeded: Seeded) -> None:
    [inst] = client.get("/api/v1/instruments").json()["items"]
    assert inst["id"] == seeded.instrument and inst["kind"] == "programme" and inst["documents"] == 2
    d = client.get(f"/api/v1/instruments/{seeded.instrument}").json()
    assert [(e["name"], e["text"]) for e in d["timeline"]] == [
        ("Mérida Initiative", "Mérida Initiative"),
        ("Iniciativa Mérida", "Iniciativa Mérida"),
    ]
    for q in ("merida", "MÉRIDA", "iniciativa"):
        assert client.get("/api/v1/instruments", params={"name": q}).json()["total"] == 1, q
    assert client.get("/api/v1/instruments", params={"kind": "law"}).json()["total"] == 0
    assert client.get("/api/v1/cases", params={"name": "iguala"}).json()["total"] == 1
    assert client.get("/api/v1/cases", params={"name": "AYOTZINAPA"}).json()["total"] == 1
    assert client.get("/api/v1/cases", params={"series": str(seeded.series)}).json()["total"] == 1
    paged = client.get("/api/v1/cases", params={"limit": 1, "offset": 1}).json()
    assert paged["total"] == 1 and paged["items"] == []


def test_unknown_ids_and_series_are_404(client: TestClient, seeded: Seeded) -> None:
    for url in ("/api/v1/cases/99999", "/api/v1/instruments/99999"):
        r = client.get(url)
        assert r.status_code == 404 and r.json()["detail"].startswith("no ")
    r = client.get("/api/v1/cases", params={"series": "no such dialogue"})
    assert r.status_code == 404 and "no series matches" in r.json()["detail"]
    assert client.get("/api/v1/cases", params={"limit": 0}).status_code == 422
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/v1/cases", "/api/v1/cases/{case_id}", "/api/v1/instruments/{instrument_id}"} <= set(paths)

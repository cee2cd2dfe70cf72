"""Pages on both backends: real data renders, XSS is escaped, CSRF and roles are enforced."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from web.seed import XSS, Seeded, csrf_of, sign_in


def pages(s: Seeded) -> list[str]:
    """Every page with the seeded ids."""
    return [
        "/",
        "/documents",
        "/documents?q=tortura",
        "/documents?language=es&year=2016",
        f"/documents/{s.doc_en}",
        f"/documents/{s.doc_es}",
        "/series",
        f"/series/{s.series}",
        f"/series/{s.series}/topics",
        f"/meetings/{s.meeting_en}",
        f"/meetings/{s.meeting_es}",
        "/topics",
        "/topics/torture",
        "/people",
        f"/people/{s.person}",
        "/organizations",
        f"/organizations/{s.org}",
        "/tracker",
        "/tracker?overdue=true",
        f"/actions/{s.ask_en}",
        "/search?q=tortura",
        "/search?q=desaparicion&kind=document",
        "/login",
    ]


def test_every_page_renders_escaped_with_security_headers(client: TestClient, seeded: Seeded) -> None:
    for url in pages(seeded):
        r = client.get(url)
        assert r.status_code == 200, (url, r.text[:300])
        assert XSS not in r.text, url
        assert "<script>" not in r.text, url
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "same-origin"
    reader = client.get(f"/documents/{seeded.doc_en}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in reader


def test_reader_highlights_items_in_place(client: TestClient, seeded: Seeded) -> None:
    html = client.get(f"/documents/{seeded.doc_es}").text
    assert f'id="t-action-{seeded.commitment_es}"' in html
    assert 'class="hl-commitment level-4"' in html
    assert '<span class="hl-person" data-item="person-' in html and ">Ana Torres López</span>" in html
    assert (
        f'<span class="hl-figure" data-item="figure-{seeded.figure}">1,200 denuncias de tortura</span>'
        in html
    )
    assert "Review" not in html  # anonymous visitors get no review controls


def test_dashboard_shows_overdue_and_asks(client: TestClient, seeded: Seeded) -> None:
    html = client.get("/").text
    assert 'id="overdue-count">2<' in html  # both deadlines (2016, 2018) have passed
    assert "U.S.–Mexico Bilateral Dialogue on Human Rights" in html
    assert f"/actions/{seeded.ask_en}" in html


def test_heatmap_is_labelled_svg(client: TestClient, seeded: Seeded) -> None:
    html = client.get(f"/series/{seeded.series}/topics").text
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'href="/topics/torture"' in svg and "#7 2015" in svg and "#8 2016" in svg and "<title" in svg
    assert html.count('class="cell new"') == 2


def test_private_document_needs_sign_in(client: TestClient, seeded: Seeded) -> None:
    assert client.get(f"/documents/{seeded.doc_private}").status_code == 404
    sign_in(client, "vi")
    assert client.get(f"/documents/{seeded.doc_private}").status_code == 200


def test_sign_in_rejects_wrong_password(client: TestClient) -> None:
    token = csrf_of(client.get("/login").text)
    r = client.post("/login", data={"username": "ed", "password": "nope-nope", "csrf_token": token})
    assert r.status_code == 401 and "Wrong user name or password" in r.text


@pytest.mark.parametrize("token", [None, "forged"])
def test_forms_reject_missing_or_wrong_csrf(client: TestClient, seeded: Seeded, token: str | None) -> None:
    sign_in(client, "ed")
    data = {"status": "fulfilled", "rationale": "done", "evidence_document": str(seeded.doc_es)}
    if token:
        data["csrf_token"] = token
    r = client.post(f"/actions/{seeded.commitment_en}/status", data=data)
    assert r.status_code == 403
    assert client.get(f"/api/v1/actions/{seeded.commitment_en}").json()["status"] == "not_rated"
    login = client.post(
        "/login", data={"username": "ed", "password": "x", **({"csrf_token": token} if token else {})}
    )
    assert login.status_code == 403


def test_viewer_cannot_post_status_but_editor_can(client: TestClient, seeded: Seeded) -> None:
    csrf = sign_in(client, "vi")
    data = {
        "status": "fulfilled",
        "rationale": "met",
        "evidence_document": str(seeded.doc_es),
        "csrf_token": csrf,
    }
    assert client.post(f"/actions/{seeded.commitment_en}/status", data=data).status_code == 403
    assert "status-form" not in client.get(f"/actions/{seeded.commitment_en}").text
    client.post("/logout", data={"csrf_token": csrf})
    csrf = sign_in(client, "ed")
    data["csrf_token"] = csrf
    r = client.post(f"/actions/{seeded.commitment_en}/status", data=data, follow_redirects=False)
    assert r.status_code == 303
    page = client.get(f"/actions/{seeded.commitment_en}").text
    assert 'id="history"' in page and "met" in page and "ed" in page
    assert 'id="overdue-count">1<' in client.get("/").text
    bad = dict(data, evidence_url="javascript:alert(1)", evidence_document="")
    assert client.post(f"/actions/{seeded.commitment_en}/status", data=bad).status_code == 422


def test_editor_reviews_items_in_reader(client: TestClient, seeded: Seeded) -> None:
    csrf = sign_in(client, "ed")
    html = client.get(f"/documents/{seeded.doc_en}").text
    assert 'action="/documents/' in html and "Confirm" in html
    item = f"participant:{seeded.participation_en}"
    r = client.post(
        f"/documents/{seeded.doc_en}/review",
        data={"item": item, "decision": "reject", "csrf_token": csrf},
        follow_redirects=False,
    )
    assert r.status_code == 303
    html = client.get(f"/documents/{seeded.doc_en}").text
    assert 'data-item="person-' not in html  # rejected people are no longer highlighted
    r = client.post(
        f"/documents/{seeded.doc_es}/review",
        data={
            "item": f"action:{seeded.commitment_es}",
            "decision": "edit",
            "field": "level",
            "value": "2",
            "csrf_token": csrf,
        },
    )
    assert r.status_code == 200 and 'class="hl-commitment level-2"' in r.text


def test_upload_form_sniffs_and_opens_reader(client: TestClient) -> None:
    assert client.get("/documents/upload").status_code == 401
    csrf = sign_in(client, "ed")
    text = "Declaración conjunta. México y Estados Unidos acordaron reunirse de nuevo en 2031.\n"
    r = client.post(
        "/documents/upload",
        data={"csrf_token": csrf},
        files={"file": ("nota.txt", text.encode(), "text/plain")},
    )
    assert r.status_code == 200 and "acordaron reunirse" in r.text
    r = client.post(
        "/documents/upload",
        data={"csrf_token": csrf},
        files={"file": ("f.pdf", b"<html>", "application/pdf")},
    )
    assert r.status_code == 415 and "not a PDF" in r.text


def test_language_switch(client: TestClient) -> None:
    csrf = csrf_of(client.get("/").text)
    assert (
        client.post(
            "/lang", data={"lang": "es", "next": "/tracker", "csrf_token": csrf}, follow_redirects=False
        ).status_code
        == 303
    )
    html = client.get("/tracker").text
    assert 'lang="es"' in html and "Seguimiento" in html and "Aplicar filtros" in html
    r = client.post(
        "/lang", data={"lang": "en", "next": "//evil.example", "csrf_token": csrf}, follow_redirects=False
    )
    assert r.headers["location"] == "/"


def test_search_page_accents_and_pagination(client: TestClient, seeded: Seeded) -> None:
    for q in ("desaparicion", "desaparición", "DESAPARICIÓN"):
        html = client.get("/search", params={"q": q}).text
        assert f"/documents/{seeded.doc_es}" in html and "<mark>desaparición</mark>" in html
    assert 'id="result-count" role="status">0 ' in client.get("/search", params={"q": "zzzqqq"}).text

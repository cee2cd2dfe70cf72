"""Cases and instruments pages on both backends: real data, escaping, privacy, links into the reader."""

from __future__ import annotations

from fastapi.testclient import TestClient

from web.seed import XSS, Seeded, csrf_of, sign_in


def test_pages_render_escaped_with_security_headers(client: TestClient, seeded: Seeded) -> None:
    for url in (
        "/cases",
        "/cases?name=iguala",
        f"/cases?series={seeded.series}",
        f"/cases/{seeded.case}",
        "/instruments",
        "/instruments?kind=programme&name=merida",
        f"/instruments/{seeded.instrument}",
    ):
        r = client.get(url)
        assert r.status_code == 200, (url, r.text[:300])
        assert XSS not in r.text and "<script>" not in r.text, url
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-frame-options"] == "DENY"
    nav = client.get("/").text
    assert 'href="/cases"' in nav and 'href="/instruments"' in nav
    assert 'aria-current="page">Cases<' in client.get("/cases").text


def test_case_page_lists_both_languages_in_date_order(client: TestClient, seeded: Seeded) -> None:
    html = client.get(f"/cases/{seeded.case}").text
    en = html.index(f'href="/documents/{seeded.doc_en}#case-{seeded.case_mention_en}"')
    es = html.index(f'href="/documents/{seeded.doc_es}#case-{seeded.case_mention_es}"')
    assert en < es  # 2015 before 2016
    assert "<mark>Iguala case</mark>" in html and "<mark>caso Ayotzinapa</mark>" in html
    assert f'href="/meetings/{seeded.meeting_es}"' in html
    assert "Joint statement &lt;script&gt;" in html  # the document title, escaped
    listing = client.get("/cases").text
    assert f'href="/cases/{seeded.case}"' in listing and "Tlatlaya" not in listing
    assert 'id="named-count">1 cases' in listing
    # The reader's panel links a mention back to its case; the anchor the case page uses exists there.
    reader = client.get(f"/documents/{seeded.doc_es}").text
    assert f'id="case-{seeded.case_mention_es}"' in reader and f'href="/cases/{seeded.case}"' in reader


def test_instrument_page_joins_english_and_spanish_names(client: TestClient, seeded: Seeded) -> None:
    html = client.get(f"/instruments/{seeded.instrument}").text
    assert "<h1>Mérida Initiative</h1>" in html
    assert html.index("<mark>Mérida Initiative</mark>") < html.index("<mark>Iniciativa Mérida</mark>")
    assert "programme" in html
    for q in ("INICIATIVA merida", "mérida initiative"):
        listing = client.get("/instruments", params={"name": q}).text
        assert f'href="/instruments/{seeded.instrument}"' in listing, q
    assert 'id="named-count">0 ' in client.get("/instruments?kind=law").text


def test_private_memo_needs_sign_in(client: TestClient, seeded: Seeded) -> None:
    assert client.get(f"/cases/{seeded.case_private_only}").status_code == 404
    assert "los 43 normalistas" not in client.get(f"/cases/{seeded.case}").text
    sign_in(client, "vi")
    html = client.get(f"/cases/{seeded.case}").text
    assert f'href="/documents/{seeded.doc_private}#case-' in html and "los 43 normalistas" in html
    assert client.get(f"/cases/{seeded.case_private_only}").status_code == 200


def test_unknown_ids_and_spanish_labels(client: TestClient, seeded: Seeded) -> None:
    assert client.get("/cases/99999").status_code == 404
    assert client.get("/instruments/99999").status_code == 404
    assert client.get("/cases?series=no+such+dialogue").status_code == 404
    csrf = csrf_of(client.get("/").text)
    client.post("/lang", data={"lang": "es", "next": "/cases", "csrf_token": csrf})
    html = client.get(f"/instruments/{seeded.instrument}").text
    assert "Documentos en el tiempo" in html and "Nombre usado" in html and "programa" in html
    assert ">Casos<" in client.get("/cases").text

"""Document topics: named as discussed, not mere words inside names."""

from __future__ import annotations

from dialogwatch.extract.context import DocContext
from dialogwatch.extract.schema import Action
from dialogwatch.extract.segment import segment
from dialogwatch.extract.topics import find_topics, topics_in_text


def _ids(text, lang="en", actions=()):
    return {
        t.id for t in find_topics(DocContext(text=text, language=lang, segments=segment(text)), list(actions))
    }


def test_english_topics_and_name_exclusion():
    text = (
        "The delegations discussed extradition requests and the rights of asylum seekers. "
        "A representative of the Committee to Protect Journalists and the Department of Homeland Security attended."  # noqa: E501
    )
    assert _ids(text) == {"law_enforcement_cooperation", "migrants_refugees"}


def test_spanish_topics():
    text = (
        "Las partes abordaron el combate al lavado de dinero, la ciberseguridad y la prevención de la violencia "  # noqa: E501
        "contra las mujeres, así como la situación de las cárceles."
    )
    assert _ids(text, "es") == {
        "illicit_finance",
        "cyber",
        "women_gender",
        "detention_prisons",
        "violence_prevention",
    }


def test_weak_terms_need_support():
    assert "violence_prevention" not in _ids("There was violence.")
    assert "violence_prevention" in _ids("Violence persists and violence spreads.")


def test_named_bodies_count_where_listed():
    assert "inter_american_system" in _ids("Both sides supported the work of the Inter-American Court.")
    assert "un_system" in _ids("Mexico will host a visit of the UN Special Rapporteur on torture.")
    assert "un_system" not in _ids("The National Human Rights Commission issued a recommendation.")


def test_scores_and_evidence_spans():
    text = "Tortura y más tortura: la tortura persiste."
    tops = find_topics(DocContext(text=text, language="es", segments=segment(text)), [])
    t = tops[0]
    assert t.id == "torture" and 0.8 < t.score <= 1
    assert all(text[e.start : e.end].lower().startswith("tortur") for e in t.evidence)


def test_topics_in_action_text():
    assert topics_in_text("crear un registro de personas desaparecidas") == ["enforced_disappearance"]
    assert "drug_trafficking" in topics_in_text("target fentanyl precursors")
    assert _ids("Nada.", actions=[Action(kind="commitment", text="x", topics=["cyber"])]) == set()

"""Linking several documents into one record, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import func, select

from dialogwatch.extract import schema as x
from dialogwatch.link.queries import links_for_action, set_link_status
from dialogwatch.link.service import link_all, link_document
from dialogwatch.store.models import (
    Action,
    ActionLink,
    Case,
    CaseMention,
    Instrument,
    Meeting,
    MeetingDocument,
    Organization,
    Participation,
    Person,
    PersonMergeProposal,
    Series,
)

from .builders import action, add_document, meeting, person

HR_EN = "Bilateral Dialogue on Human Rights"
HR_ES = "Diálogo Bilateral de Alto Nivel sobre Derechos Humanos"


def _count(session, model) -> int:
    return int(session.scalar(select(func.count()).select_from(model)))


def test_english_spanish_pair_is_one_meeting_with_two_roles(store) -> None:
    with store.session() as s:
        en = add_document(
            s, "r9-en", date="2017-05-10", meetings=[meeting(HR_EN, 9, "2017-05-10", city="Mexico City")]
        )
        es = add_document(
            s,
            "r9-es",
            language="es",
            date="2017-05-10",
            meetings=[meeting(HR_ES, 9, "2017-05-10", city="Ciudad de México")],
        )
        assert _count(s, Meeting) == 1 and _count(s, Series) == 1
        roles = dict(s.execute(select(MeetingDocument.document_id, MeetingDocument.role)).all())
        assert roles == {en.id: "official_statement", es.id: "translation"}
        m = s.scalar(select(Meeting))
        assert (m.round, m.city, m.conflicts) == (9, "Mexico City", None)  # one city in two languages
        assert {a.name for a in s.scalar(select(Series)).aliases} == {HR_EN, HR_ES}


def test_rounds_with_name_variants_form_one_series_in_order(store) -> None:
    with store.session() as s:
        add_document(
            s,
            "r8",
            date="2016-10-27",
            meetings=[meeting("Bilateral High Level Dialogue on Human Rights", 8, "2016-10-27")],
        )
        add_document(
            s, "r6", date="2014-04-03", meetings=[meeting("Bilateral Talks on Human Rights", 6, "2014-04-03")]
        )
        add_document(
            s,
            "sec",
            date="2021-10-08",
            meetings=[meeting("High-Level Security Dialogue", None, "2021-10-08")],
        )
        add_document(
            s,
            "sec-es",
            language="es",
            date="2022-10-13",
            meetings=[meeting("Diálogo de Alto Nivel sobre Seguridad", None, "2022-10-13")],
        )
        from dialogwatch.analytics import meetings_timeline, series_list

        series = {r["theme"]: r for r in series_list(s)}
        assert set(series) == {"human_rights", "security"}
        assert series["human_rights"]["rounds"] == [6, 8]
        assert series["security"]["meetings"] == 2
        assert [r["round"] for r in meetings_timeline(s, "human rights")] == [6, 8]


def test_person_variants_merge_with_role_history(store) -> None:
    with store.session() as s:
        add_document(
            s,
            "r6",
            date="2014-04-03",
            meetings=[meeting(HR_EN, 6, "2014-04-03")],
            participants=[
                person(
                    "Roberta Jacobson",
                    "US",
                    title="Assistant Secretary for Western Hemisphere Affairs",
                    org="Department of State",
                ),
                person("Roberto Campa", "MX", title="Under Secretary for Human Rights", org="SEGOB"),
            ],
        )
        add_document(
            s,
            "r8",
            date="2016-10-27",
            meetings=[meeting(HR_EN, 8, "2016-10-27")],
            participants=[
                person(
                    "Ambassador Roberta S. Jacobson", "US", title="Ambassador of the United States in Mexico"
                ),
                person("Roberto Campa Cifrián", "MX", role="member", title="Undersecretary for Human Rights"),
                person("Miguel Ruiz-Cabañas Izquierdo", "MX"),
            ],
        )
        add_document(
            s,
            "r8-es",
            language="es",
            date="2016-10-28",
            doc_type="news",
            meetings=[meeting(HR_ES, 8, "2016-10-27")],
            participants=[person("Miguel Ruiz Cabañas", "MX", title="subsecretario")],
        )
        from dialogwatch.analytics import people

        jacobson = people(s, "jacobson")
        assert len(jacobson) == 1
        history = jacobson[0]["participations"]
        assert [(h["round"], h["title"]) for h in history] == [
            (6, "Assistant Secretary for Western Hemisphere Affairs"),
            (8, "Ambassador of the United States in Mexico"),
        ]
        assert history[0]["organization"] == "Department of State"
        campa = people(s, "Campa")
        assert len(campa) == 1 and campa[0]["name"] == "Roberto Campa Cifrián"
        assert [h["role"] for h in campa[0]["participations"]] == ["head", "member"]
        ruiz = people(s, "ruiz")
        assert len(ruiz) == 1 and ruiz[0]["meetings"] == 1  # EN statement and ES news: one meeting
        assert _count(s, PersonMergeProposal) == 0


def test_two_people_with_one_surname_stay_apart(store) -> None:
    with store.session() as s:
        add_document(
            s,
            "a",
            date="2019-01-01",
            meetings=[meeting(HR_EN, 10, "2019-01-01")],
            participants=[person("Juan Pérez", "MX"), person("Roberto Campa", "MX")],
        )
        add_document(
            s,
            "b",
            date="2020-01-01",
            meetings=[meeting(HR_EN, 11, "2020-01-01")],
            participants=[person("María Pérez", "MX"), person("Roberta Jacobson", "US")],
        )
        names = sorted(s.scalars(select(Person.name)))
        assert names == ["Juan Pérez", "María Pérez", "Roberta Jacobson", "Roberto Campa"]
        assert _count(s, PersonMergeProposal) == 0


def test_uncertain_match_becomes_a_proposal_not_a_merge(store) -> None:
    with store.session() as s:
        add_document(s, "a", date="2019-01-01", participants=[person("Juan Pérez", "MX", role="mentioned")])
        add_document(s, "b", date="2020-01-01", participants=[person("J. Pérez", "MX", role="mentioned")])
        assert _count(s, Person) == 2
        prop = s.scalar(select(PersonMergeProposal))
        assert prop.status == "proposed" and 0 < prop.score < 1
        assert prop.evidence["mention"] == "J. Pérez" and "initial" in prop.evidence["reason"]
        from dialogwatch.link.people import merge_people

        keep = merge_people(s, prop.person_id, prop.other_person_id)
        assert {a.name for a in keep.aliases} == {"Juan Pérez", "J. Pérez"}
        assert prop.status == "accepted"


def test_agency_acronym_spanish_and_english_are_one_organisation(store) -> None:
    with store.session() as s:
        add_document(
            s,
            "a",
            date="2015-01-01",
            meetings=[meeting(HR_EN, 5, "2015-01-01")],
            delegations=[x.Delegation(side="MX", organizations=["SRE", "Ministry of Foreign Affairs"])],
        )
        add_document(
            s,
            "b",
            language="es",
            date="2016-01-01",
            meetings=[meeting(HR_ES, 6, "2016-01-01")],
            participants=[person("Ana Ruiz", "MX", org="Secretaría de Relaciones Exteriores")],
            delegations=[x.Delegation(side="MX", organizations=["the Foreign Ministry"])],
        )
        # Not in any lexicon: unified through the acronym the document defines.
        add_document(
            s,
            "c",
            date="2017-01-01",
            participants=[person("Li Wei", "CSO", role="signatory", org="Observatorio Ciudadano Local")],
            acronyms=[x.Acronym(acronym="OCL", expansion="Observatorio Ciudadano Local")],
        )
        add_document(
            s, "d", date="2018-01-01", participants=[person("Eva Gil", "CSO", role="signatory", org="OCL")]
        )
        orgs = {o.name: o for o in s.scalars(select(Organization))}
        assert set(orgs) == {"Ministry of Foreign Affairs", "Observatorio Ciudadano Local"}
        sre = orgs["Ministry of Foreign Affairs"]
        assert sre.country == "MX"
        assert {"SRE", "Secretaría de Relaciones Exteriores"} <= {a.name for a in sre.aliases}
        assert "OCL" in {a.name for a in orgs["Observatorio Ciudadano Local"].aliases}
        from dialogwatch.analytics import organizations

        assert {o["name"]: o["meetings"] for o in organizations(s)}["Ministry of Foreign Affairs"] == 2


def test_case_and_instrument_aliases_resolve_to_one(store) -> None:
    with store.session() as s:
        add_document(
            s,
            "a",
            date="2015-10-21",
            cases=[x.Case(name="Iguala case")],
            instruments=[x.Instrument(name="Mérida Initiative", kind="programme")],
        )
        add_document(
            s,
            "b",
            language="es",
            date="2016-10-27",
            cases=[x.Case(name="Ayotzinapa")],
            instruments=[x.Instrument(name="Iniciativa Mérida")],
        )
        add_document(s, "c", date="2018-07-11", cases=[x.Case(name="disappearance of the 43 students")])
        add_document(
            s, "d", date="2021-10-08", instruments=[x.Instrument(name="bilateral cyber working group")]
        )
        add_document(
            s,
            "e",
            language="es",
            date="2023-01-01",
            instruments=[x.Instrument(name="Grupo de Trabajo Bilateral sobre temas Cibernéticos")],
        )
        case = s.scalar(select(Case))
        assert _count(s, Case) == 1 and case.key == "ayotzinapa"
        assert len(set(s.scalars(select(CaseMention.document_id).where(CaseMention.case_id == case.id)))) == 3
        assert sorted(s.scalars(select(Instrument.key))) == ["inst:cyber+working group", "merida_initiative"]


def _ask_and_answer(s):
    add_document(
        s,
        "letter",
        date="2018-07-11",
        doc_type="letter",
        actions=[
            action(
                "ask",
                "We urge you to press for forensic identification of the remains of the disappeared "
                "and for support to the families of victims in their search.",
                ["CSO"],
                ["enforced_disappearance", "forensics"],
                addressee="Secretary of State",
            ),
            action(
                "ask",
                "We urge you to raise the protection of journalists at risk.",
                ["CSO"],
                ["journalists_defenders"],
            ),
        ],
    )
    add_document(
        s,
        "marco",
        language="es",
        date="2021-10-08",
        meetings=[meeting("Diálogo de Alto Nivel sobre Seguridad", None, "2021-10-08")],
        actions=[
            action(
                "commitment",
                "Ambos gobiernos se comprometen a la cooperación forense para ayudar a resolver "
                "los casos de desaparición, en beneficio de las familias de las víctimas.",
                ["MX", "US"],
                ["enforced_disappearance", "forensics"],
            ),
            action("commitment", "Reduciremos el tráfico de armas.", ["MX", "US"], ["arms_trafficking"]),
        ],
    )


def test_ask_answered_by_later_commitment_in_another_language(store) -> None:
    with store.session() as s:
        _ask_and_answer(s)
        ask = s.scalar(select(Action).where(Action.text.like("%forensic%")))
        commitment = s.scalar(select(Action).where(Action.text.like("%forense%")))
        link = s.scalar(select(ActionLink))
        assert _count(s, ActionLink) == 1
        assert (link.source_action_id, link.target_action_id, link.kind) == (ask.id, commitment.id, "answers")
        assert link.status == "proposed" and link.score >= 0.6
        assert {"forensic", "disappearance", "family", "victim"} <= set(link.evidence["matched_terms"])
        assert link.evidence["shared_topics"] == ["enforced_disappearance", "forensics"]
        [seen_from_ask] = links_for_action(s, ask.id)
        [seen_from_commitment] = links_for_action(s, commitment.id)
        assert seen_from_ask["direction"] == "later" and seen_from_ask["other_action_id"] == commitment.id
        assert (
            seen_from_commitment["direction"] == "earlier" and seen_from_commitment["other_text"] == ask.text
        )
        assert seen_from_ask["score"] == link.score and seen_from_ask["evidence"] == link.evidence


def test_weak_links_are_suggestions_and_later_documents_never_link_backwards(store) -> None:
    with store.session() as s:
        add_document(
            s,
            "old",
            date="2015-01-01",
            actions=[
                action(
                    "commitment",
                    "The governments will continue to exchange information on migrant protection.",
                    ["MX", "US"],
                    ["migrants_refugees"],
                )
            ],
        )
        add_document(
            s,
            "new",
            date="2016-01-01",
            actions=[
                action(
                    "commitment",
                    "Both countries will share information on organized crime and migrants.",
                    ["MX", "US"],
                    ["organized_crime", "migrants_refugees"],
                )
            ],
        )
        link = s.scalar(select(ActionLink))
        assert link.kind == "restates" and link.status == "suggested" and 0.35 <= link.score < 0.6
        src = s.get(Action, link.source_action_id)
        assert s.get(type(src.document), src.document_id).issue_date == "2015-01-01"


def test_human_link_decisions_survive_relinking(store) -> None:
    with store.session() as s:
        _ask_and_answer(s)
        link = s.scalar(select(ActionLink))
        set_link_status(s, link.id, "rejected")
        link_all(s)
        assert [(lk.id, lk.status) for lk in s.scalars(select(ActionLink))] == [(link.id, "rejected")]


def test_conflicting_dates_are_kept_and_flagged(store) -> None:
    with store.session() as s:
        a = add_document(
            s, "official", date="2015-10-21", meetings=[meeting(HR_EN, 7, "2015-10-21", city="Washington")]
        )
        b = add_document(
            s,
            "news",
            date="2015-10-25",
            doc_type="news",
            meetings=[meeting(HR_EN, 7, "2015-10-23", city="Washington, D.C.")],
        )
        m = s.scalar(select(Meeting))
        assert _count(s, Meeting) == 1 and m.date == "2015-10-21"  # the official statement's date is shown
        assert set(m.conflicts) == {"date"}
        assert {g["value"]: g["documents"] for g in m.conflicts["date"]} == {
            "2015-10-21": [a.id],
            "2015-10-23": [b.id],
        }
        from dialogwatch.analytics import meetings_timeline

        assert meetings_timeline(s)[0]["flagged"] is True


def _snapshot(s) -> dict:
    """The linked graph by names, independent of row ids."""
    people = {p.id: p.name for p in s.scalars(select(Person))}
    meetings = {
        m.id: (m.series.key if m.series else None, m.round, m.date) for m in s.scalars(select(Meeting))
    }
    return {
        "series": sorted((se.key, se.name) for se in s.scalars(select(Series))),
        "meetings": sorted(
            (*v, m.city, m.country) for v, m in ((meetings[m.id], m) for m in s.scalars(select(Meeting)))
        ),
        "roles": sorted(s.execute(select(MeetingDocument.document_id, MeetingDocument.role)).all()),
        "participations": sorted(
            (
                p.document_id,
                p.name,
                people.get(p.person_id),
                meetings.get(p.meeting_id),
                p.organization_id is not None,
            )
            for p in s.scalars(select(Participation))
        ),
        "aliases": sorted((p.name, sorted(a.name for a in p.aliases)) for p in s.scalars(select(Person))),
        "orgs": sorted((o.key, o.name) for o in s.scalars(select(Organization))),
        "cases": sorted(c.key for c in s.scalars(select(Case))),
        "links": sorted(
            (lk.source.text, lk.target.text, lk.kind, lk.score, lk.status)
            for lk in s.scalars(select(ActionLink))
        ),
        "proposals": _count(s, PersonMergeProposal),
    }


def _three_documents(s) -> None:
    add_document(
        s,
        "r7",
        date="2015-10-21",
        meetings=[meeting(HR_EN, 7, "2015-10-21")],
        participants=[person("Roberto Campa", "MX", org="SEGOB"), person("Tom Malinowski", "US")],
        cases=[x.Case(name="Iguala case")],
        topics=["torture"],
    )
    add_document(
        s,
        "letter",
        date="2018-07-11",
        doc_type="letter",
        actions=[
            action(
                "ask",
                "We urge you to press for forensic identification of the disappeared for their families.",
                ["CSO"],
                ["enforced_disappearance", "forensics"],
            )
        ],
    )
    add_document(
        s,
        "r8-es",
        language="es",
        date="2021-10-08",
        meetings=[meeting(HR_ES, 8, "2021-10-08", city="Ciudad de México")],
        participants=[
            person("Roberto Campa Cifrián", "MX", org="Secretaría de Gobernación"),
            person("T. Malinowski", "US"),
        ],
        cases=[x.Case(name="Ayotzinapa")],
        actions=[
            action(
                "commitment",
                "Los gobiernos se comprometen a la cooperación forense para la identificación de "
                "personas desaparecidas y el apoyo a sus familias.",
                ["MX", "US"],
                ["enforced_disappearance", "forensics"],
            )
        ],
    )


def test_incremental_linking_equals_a_rebuild_and_relinking_is_stable(store) -> None:
    with store.session() as s:
        _three_documents(s)  # each document is linked as it is saved
        incremental = _snapshot(s)
        assert incremental["links"] and incremental["proposals"] == 1
        link_all(s, rebuild=True)
        assert _snapshot(s) == incremental
        doc = s.scalar(select(Meeting)).documents[0].document_id
        from dialogwatch.store.models import Document

        link_document(s, s.get(Document, doc))
        link_document(s, s.get(Document, doc))
        assert _snapshot(s) == incremental


def test_reextracted_document_relinks_to_the_same_graph(store) -> None:
    with store.session() as s:
        _three_documents(s)
        before = _snapshot(s)
        from dialogwatch.store.models import Document
        from dialogwatch.store.persist import save_extraction

        letter = s.scalar(select(Document).where(Document.filename == "letter"))
        save_extraction(s, letter, x.Extraction.model_validate(letter.raw_extraction))
        assert _snapshot(s) == before


def test_an_undated_commitment_can_still_answer_an_ask(store) -> None:
    with store.session() as s:
        add_document(
            s,
            "letter",
            date="2019-03-01",
            doc_type="letter",
            participants=[person("Ana Ruiz", "US", role="addressee")],
            actions=[
                action(
                    "ask",
                    "We urge you to fund forensic laboratories that identify the disappeared.",
                    ["CSO"],
                    ["forensics"],
                )
            ],
        )
        add_document(
            s,
            "undated",
            date=None,
            actions=[
                action(
                    "commitment",
                    "We will fund forensic laboratories to identify disappeared persons.",
                    ["MX", "US"],
                    ["forensics"],
                )
            ],
        )
        link = s.scalar(select(ActionLink))
        assert link.kind == "answers" and link.status == "proposed"
        assert link.evidence["order"].startswith("unknown") and link.evidence["shared_actors"] == ["US"]
        assert s.get(Action, link.source_action_id).kind == "ask"


def test_a_draft_counts_until_the_final_text_arrives(store) -> None:
    from dialogwatch.link.actions import eligible_document_ids

    with store.session() as s:
        draft = add_document(
            s,
            "draft",
            date="2017-05-10",
            title="Draft joint statement",
            meetings=[meeting(HR_EN, 9, "2017-05-10")],
        )
        assert draft.id in eligible_document_ids(s)
        final = add_document(s, "final", date="2017-05-11", meetings=[meeting(HR_EN, 9, "2017-05-10")])
        assert eligible_document_ids(s) >= {final.id} and draft.id not in eligible_document_ids(s)
        roles = dict(s.execute(select(MeetingDocument.document_id, MeetingDocument.role)).all())
        assert roles == {draft.id: "draft", final.id: "official_statement"}


def test_case_named_in_a_paragraph_gives_its_topic() -> None:
    from dialogwatch.link.actions import cases_named_in

    assert cases_named_in("The families of the 43 students from Ayotzinapa still wait.") == {
        "enforced_disappearance"
    }
    assert cases_named_in("Nothing named here.") == frozenset()


def test_case_scope_is_the_list_item_or_the_paragraph() -> None:
    from dialogwatch.link.actions import case_scope

    text = (
        "Intro paragraph.\n\n"
        "We urge you to:\n"
        "- press for justice in the Ayotzinapa case;\n"
        "- publish the indicators of the framework.\n\n"
        "The students of Ayotzinapa disappeared in 2014. We hope you will raise the investigation."
    )
    second = text.index("publish")
    lo, hi = case_scope(text, second, second + 10)
    assert text[lo:hi] == "- publish the indicators of the framework."
    raise_at = text.index("We hope")
    lo, hi = case_scope(text, raise_at, raise_at + 5)
    assert text[lo:hi].strip().startswith("The students of Ayotzinapa") and hi == len(text)
    assert case_scope(text, None, 3) is None


def test_related_documents_rank_by_shared_cases_and_topics_and_stop_at_the_cap(store, monkeypatch) -> None:
    from dialogwatch.link import actions as link_actions_module
    from dialogwatch.link.data import scoring_data

    with store.session() as s:
        one_topic = add_document(s, "one", date="2015-01-01", topics=["torture"])
        two_topics = add_document(s, "two", date="2015-02-01", topics=["torture", "enforced_disappearance"])
        by_case = add_document(s, "case", date="2015-03-01", cases=[x.Case(name="Ayotzinapa")])
        unrelated = add_document(s, "other", date="2015-04-01", topics=["cyber"])
        newer_one = add_document(s, "one-b", date="2015-05-01", topics=["torture"])
        new = add_document(
            s,
            "new",
            date="2016-01-01",
            topics=["torture", "enforced_disappearance"],
            cases=[x.Case(name="caso Iguala")],
        )
        ranked = link_actions_module.related_documents(s, new.id)
        assert ranked == [by_case.id, two_topics.id, newer_one.id, one_topic.id]
        assert unrelated.id not in ranked
        capped = scoring_data().model_copy(update={"max_candidate_documents": 2})
        monkeypatch.setattr(link_actions_module, "scoring_data", lambda: capped)
        assert link_actions_module.related_documents(s, new.id) == [by_case.id, two_topics.id]


def test_a_name_shared_by_two_unmerged_people_joins_the_oldest_not_a_third(store) -> None:
    from dialogwatch.store.models import Participation, Person

    with store.session() as s:
        add_document(s, "mx", date="2015-01-01", participants=[person("Ana Ruiz Soto", "MX")])
        # The same name on the other side: a different person until a reviewer merges them.
        add_document(s, "us", date="2016-01-01", participants=[person("Ana Ruiz Soto", "US")])
        assert s.scalar(select(func.count()).select_from(Person)) == 2
        for n in range(3):
            add_document(
                s, f"news-{n}", date=f"201{7 + n}-01-01", participants=[person("Ana Ruiz Soto", None)]
            )
        assert s.scalar(select(func.count()).select_from(Person)) == 2
        oldest = min(s.scalars(select(Person.id)))
        later = s.scalars(select(Participation.person_id).where(Participation.side.is_(None))).all()
        assert later == [oldest] * 3

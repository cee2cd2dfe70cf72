"""The action-link score: kinds, order, signals and the proposal rule, without a database."""

from __future__ import annotations

from dialogwatch.link.similarity import ActionView, score_pair, set_cosine, status_for


def _view(i: int, date: str, kind: str, text: str, topics=(), actors=(), **kw) -> ActionView:
    return ActionView(
        id=i,
        document_id=i,
        date=date,
        kind=kind,
        text=text,
        topics=frozenset(topics),
        actors=frozenset(actors),
        **kw,
    )


ASK = _view(
    1,
    "2018-01-01",
    "ask",
    "We urge you to support the search for disappeared persons.",
    ["enforced_disappearance"],
    ["CSO"],
    addressee_countries=frozenset({"US"}),
    named_countries=frozenset({"MX"}),
)


def test_answer_in_spanish_scores_on_shared_concepts() -> None:
    commitment = _view(
        2,
        "2019-01-01",
        "commitment",
        "Apoyaremos la búsqueda de personas desaparecidas.",
        ["enforced_disappearance"],
        ["MX", "US"],
    )
    scored = score_pair(ASK, commitment)
    assert scored is not None and scored.kind == "answers"
    assert {"support", "search", "disappearance"} <= set(scored.evidence["matched_terms"])
    assert scored.evidence["shared_actors"] == ["MX", "US"] and scored.evidence["actor_agreement"] == 1.0
    assert status_for(scored.score, 0.6, scored.evidence) == "proposed"


def test_no_link_backwards_within_a_meeting_or_between_wrong_kinds() -> None:
    earlier = _view(
        2,
        "2017-01-01",
        "commitment",
        "We will support the search for disappeared persons.",
        ["enforced_disappearance"],
        ["MX", "US"],
    )
    assert score_pair(ASK, earlier) is None  # the commitment came first
    assert score_pair(earlier, ASK) is None  # a commitment is not answered by an ask
    same_meeting = _view(3, "2019-01-01", "ask", ASK.text, ASK.topics, ["CSO"], meeting_id=7)
    again = _view(4, "2020-01-01", "ask", ASK.text, ASK.topics, ["CSO"], meeting_id=7)
    assert score_pair(same_meeting, again) is None


def test_topics_and_actors_alone_only_suggest() -> None:
    unrelated_words = _view(
        5,
        "2019-01-01",
        "commitment",
        "Ambos gobiernos financiarán laboratorios.",
        ["enforced_disappearance"],
        ["MX", "US"],
    )
    unrelated_words.set_context("Ambos gobiernos apoyarán a las familias de personas desaparecidas.")
    ask = _view(
        1,
        ASK.date,
        "ask",
        ASK.text,
        ASK.topics,
        ["CSO"],
        addressee_countries=ASK.addressee_countries,
        named_countries=ASK.named_countries,
    )
    ask.set_context("Families of the disappeared ask governments for support.")
    scored = score_pair(ask, unrelated_words)
    assert scored is not None and scored.evidence["similarity"] < 0.1
    assert status_for(scored.score, 0.0, scored.evidence) == "suggested"


def test_set_cosine() -> None:
    assert set_cosine(frozenset("ab"), frozenset("ab")) == 1.0
    assert set_cosine(frozenset("ab"), frozenset()) == 0.0
    assert round(set_cosine(frozenset("ab"), frozenset("bc")), 3) == 0.5


def _case_ask(case_topics: frozenset[str]) -> ActionView:
    ask = _view(
        8,
        "2018-09-01",
        "ask",
        "We hope you will raise the slow pace of the inquiry with the authorities.",
        ["enforced_disappearance", "torture", "inter_american_system"],
        ["CSO"],
        named_countries=frozenset({"MX"}),
        case_topics=case_topics,
    )
    ask.set_context("The 43 students of Ayotzinapa disappeared; the investigation stalled.")
    return ask


FORENSIC = _view(
    9,
    "2021-10-08",
    "commitment",
    "Both governments commit to forensic cooperation to solve cases of disappearance.",
    ["forensics", "enforced_disappearance"],
    ["MX", "US"],
)


def test_an_ask_about_a_named_case_is_taken_up_by_action_on_that_case_theme() -> None:
    scored = score_pair(_case_ask(frozenset({"enforced_disappearance"})), FORENSIC)
    assert scored is not None and scored.evidence["similarity"] < 0.1
    assert scored.evidence["case_topics"] == ["enforced_disappearance"]
    assert scored.evidence["topic_overlap"] == 1.0
    assert status_for(scored.score, 0.6, scored.evidence) == "proposed"


def test_without_the_case_the_same_pair_is_only_a_suggestion() -> None:
    scored = score_pair(_case_ask(frozenset()), FORENSIC)
    assert scored is not None and scored.evidence["case_topics"] == []
    assert status_for(scored.score, 0.6, scored.evidence) == "suggested"


def test_a_case_anchors_only_when_the_later_action_itself_covers_its_theme() -> None:
    # The commitment's paragraph mentions the case, but the commitment is about journalists.
    journalists = _view(
        10,
        "2021-10-08",
        "commitment",
        "Both governments commit to protect journalists in Mexico.",
        ["journalists_defenders", "enforced_disappearance"],
        ["MX", "US"],
        own_topics=frozenset({"journalists_defenders"}),
    )
    scored = score_pair(_case_ask(frozenset({"enforced_disappearance"})), journalists)
    assert scored is None or (
        scored.evidence["case_topics"] == [] and status_for(scored.score, 0.6, scored.evidence) == "suggested"
    )

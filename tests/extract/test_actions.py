"""Commitments and asks from whole documents, in English and Spanish (our own sentences)."""

from __future__ import annotations

from dialogwatch.extract.actions import find_actions
from dialogwatch.extract.context import DocContext
from dialogwatch.extract.schema import DocumentInfo, Meeting, Participant
from dialogwatch.extract.segment import segment

JOINT = DocumentInfo(doc_type="joint_statement", date="2023-06-01")
LETTER = DocumentInfo(doc_type="letter", date="2022-03-15")


def _acts(text, doc=JOINT, lang="en", meetings=None, participants=None):
    ctx = DocContext(text=text, language=lang, segments=segment(text))
    return find_actions(ctx, doc, meetings if meetings is not None else [], participants or [])


def test_joint_statement_we_means_all_parties_inferred_from_text():
    text = (
        "The United States and Vietnam held their annual dialogue in Hanoi. "
        "We will open two new legal aid centres for migrant workers by 2024. "
        "The delegations discussed labour rights and exchanged views on religious freedom."
    )
    acts = _acts(text)
    assert len(acts) == 1
    a = acts[0]
    assert a.kind == "commitment" and a.actors == ["US", "VN"]
    assert a.deadline == "2024" and a.level == 5
    assert text[a.start : a.end] == a.text and a.rule.startswith("en.commit.will")


def test_single_country_subject_commits_alone():
    text = "The European Union and Colombia met in Bogotá. The European Union intends to fund shelters for displaced women."  # noqa: E501
    acts = _acts(text, meetings=[Meeting(parties=["CO", "EU"])])
    assert [a.actors for a in acts] == [["EU"]]


def test_spanish_commitments_future_and_compromiso():
    text = (
        "México y Estados Unidos celebraron la novena ronda del diálogo. "
        "Ambos gobiernos se comprometieron a crear un grupo de trabajo sobre armas de fuego antes de que termine 2024. "  # noqa: E501
        "Las delegaciones intercambiaron puntos de vista sobre la situación de las personas migrantes. "
        "Los dos países trabajarán conjuntamente para reducir los homicidios en la frontera. "
        "Continuaremos apoyando a las comisiones estatales de búsqueda."
    )
    acts = _acts(text, lang="es")
    assert [a.kind for a in acts] == ["commitment"] * 3
    assert all(a.actors == ["MX", "US"] for a in acts)
    assert [a.level for a in acts] == [5, 4, 2]
    assert acts[0].deadline == "2024"
    assert "arms_trafficking" in acts[0].topics


def test_spanish_single_actor():
    text = "La Unión Europea y Colombia sostuvieron su diálogo anual. Colombia se compromete a proteger a los líderes sociales."  # noqa: E501
    acts = _acts(text, lang="es")
    assert [a.actors for a in acts] == [["CO"]]


def test_not_actions_discussion_welcome_belief_concern():
    text = (
        "Mexico and the United States discussed police reform. "
        "Both sides agreed that closer contact will improve trust. "
        "We welcome the support of the donors. "
        "The parties agreed to the importance of judicial independence."
    )
    assert _acts(text) == []
    es = (
        "México y Estados Unidos abordaron la reforma policial. "
        "Las delegaciones intercambiaron puntos de vista sobre la tortura. "
        "Acogemos con beneplácito el apoyo de los donantes. "
        "Acordaron que el diálogo es útil."
    )
    assert _acts(es, lang="es") == []


def test_pledge_lead_in_items_inherit_actors():
    text = (
        "Canada and Mexico pledge to stand together to:\n\n"
        "  • Dismantle smuggling networks that exploit migrants.\n"
        "  • Open a joint forensic laboratory in Monterrey.\n"
    )
    acts = _acts(text)
    assert len(acts) == 3
    assert all(a.actors == ["CA", "MX"] for a in acts)
    assert acts[0].level == 1
    assert acts[1].text.startswith("Dismantle") and acts[1].level == 4
    assert acts[2].level == 5


def test_letter_asks_are_cso_with_addressee():
    text = (
        "Dear Secretary Lee,\n\n"
        "We urge you to raise the case of the detained journalists with your counterparts. "
        "We continue to follow the trials closely. "
        "Military courts should not try civilians.\n\n"
        "Sincerely,\n\nThe undersigned organizations"
    )
    acts = _acts(text, doc=LETTER, participants=[Participant(name="Dana Lee", role="addressee")])
    assert [a.kind for a in acts] == ["ask", "ask"]
    assert all(a.actors == ["CSO"] for a in acts)
    assert acts[0].addressee == "Dana Lee" and acts[0].level == 2
    assert acts[1].level == 4


def test_spanish_letter_asks():
    text = (
        "Estimada Secretaria:\n\n"
        "Instamos al gobierno de México a garantizar la independencia de la Fiscalía General. "
        "Esperamos que usted plantee la situación de las personas defensoras durante su visita. "
        "Las iniciativas que amplían el papel militar deberían ser rechazadas. "
        "Es necesario que el Estado destine recursos suficientes a la búsqueda de personas.\n\n"
        "Atentamente,\n\nOrganizaciones firmantes"
    )
    acts = _acts(text, doc=LETTER, lang="es")
    assert [a.kind for a in acts] == ["ask"] * 4
    assert acts[0].addressee == "el gobierno de México"
    assert acts[0].level == 4 and acts[1].level == 2
    assert all(a.actors == ["CSO"] for a in acts)


def test_government_ask_in_news_has_iso_actor():
    text = "The European Union urged Colombia to protect social leaders in rural areas."
    acts = _acts(text, doc=DocumentInfo(doc_type="news"))
    assert [(a.kind, a.actors, a.addressee) for a in acts] == [("ask", ["EU"], "Colombia")]


def test_long_sentence_is_trimmed_around_cue():
    filler = "in close coordination with local, state and federal partners and with many other actors " * 8
    text = f"Both governments commit to creating a shared missing persons registry {filler}."
    acts = _acts(text, meetings=[Meeting(parties=["MX", "US"])])
    assert len(acts) == 1 and len(acts[0].text) <= 600
    assert "commit to creating a shared missing persons registry" in acts[0].text


def test_missing_doc_and_meetings_still_work():
    text = "Estados Unidos y México acordaron firmar un memorándum de entendimiento sobre ciberseguridad en 2025."  # noqa: E501
    ctx = DocContext(text=text, language="es", segments=segment(text))
    acts = find_actions(ctx, None, None, None)
    assert acts[0].actors == ["MX", "US"] and acts[0].deadline == "2025" and acts[0].level == 5


def test_bare_lead_in_is_not_itself_an_action_and_items_are_asks():
    text = (
        "Estimado Alto Representante:\n\n"
        "Le pedimos que la Unión Europea:\n\n"
        "- Condicione su cooperación policial al respeto de los derechos humanos.\n"
        "- Financie la búsqueda de personas desaparecidas con 3 millones de euros.\n\n"
        "Atentamente,\n\nColectivo de familias"
    )
    acts = _acts(text, doc=LETTER, lang="es")
    assert [a.kind for a in acts] == ["ask", "ask"]
    assert acts[0].text.startswith("Condicione") and acts[1].level == 5
    assert all(a.actors == ["CSO"] for a in acts)


def test_recommendations_heading_introduces_asks():
    text = "Recommendations to the dialogue partners:\n\n- Publish the forensic registry every quarter.\n- End arbitrary detention of migrants.\n"  # noqa: E501
    acts = _acts(text, doc=DocumentInfo(doc_type="report"))
    assert [a.kind for a in acts] == ["ask", "ask"]


def test_spanish_singular_future_metonym_and_money_is_specific():
    text = (
        "Colombia y Estados Unidos concluyeron su diálogo. "
        "Washington aportará 8 millones de dólares a la unidad de protección. "
        "Colombia fortalecerá la protección de las personas firmantes del acuerdo."
    )
    acts = _acts(text, lang="es", meetings=[Meeting(parties=["CO", "US"])])
    assert [(a.actors, a.level) for a in acts] == [(["US"], 5), (["CO"], 4)]


def test_modal_ask_actor_is_author_and_subject_is_addressee():
    text = (
        "The Colombian army should hand over its archives on the 2008 killings to the special jurisdiction."
    )
    acts = _acts(text, doc=DocumentInfo(doc_type="report"))
    assert acts[0].kind == "ask" and acts[0].actors == ["CSO"]
    assert acts[0].addressee == "The Colombian army"


def test_ngo_press_release_holds_civil_society_asks_not_government_pledges():
    text = (
        "Boletín de prensa\n\n"
        "Las organizaciones que integramos el Colectivo por la Paz en Veracruz rechazamos el nuevo acuerdo "
        "de seguridad entre México y Estados Unidos.\n\n"
        "Exigimos al Gobierno de México que publique el texto completo del acuerdo.\n\n"
        "Ambos gobiernos deberían consultar a las familias de personas desaparecidas antes de aplicarlo."
    )
    acts = _acts(text, doc=DocumentInfo(doc_type="press_release"), lang="es")
    assert [a.kind for a in acts] == ["ask", "ask"]
    assert all(a.actors == ["CSO"] for a in acts)


def test_a_pronoun_or_dropped_subject_keeps_the_last_asker_and_nobody_asks_itself():
    media_note = DocumentInfo(doc_type="media_note", language="en")
    meeting = [Meeting(series="Human Rights Dialogue", parties=["US", "VN"])]
    text = (
        "The delegation called on the Government of Vietnam to amend Article 117 of the Penal Code. "
        "It encouraged Vietnam to ensure that Decree 147 is implemented in line with its obligations. "
        "The United States also pressed Vietnam to allow independent unions to register by the end of 2025."
    )
    acts = _acts(text, doc=media_note, meetings=meeting)
    assert [a.kind for a in acts] == ["ask", "ask", "ask"]
    assert [a.actors for a in acts[:3]] == [["US"], ["US"], ["US"]]
    assert acts[2].deadline == "2025"
    # Spanish drops the subject; a plural verb may mean both sides and is not carried over
    es = (
        "La Relatora Especial instó a las autoridades a eliminar la prisión preventiva oficiosa. "
        "Recomendó al Estado excluir toda prueba obtenida mediante tortura."
    )
    acts = _acts(es, doc=DocumentInfo(doc_type="news", language="es"), lang="es")
    assert [a.kind for a in acts] == ["ask", "ask"]
    assert acts[1].actors == acts[0].actors


def test_should_with_a_reporting_clause_inside_is_an_ask():
    news = DocumentInfo(doc_type="news", language="en")
    (act,) = _acts("Vietnam should, the rights group said, free the bloggers it holds.", doc=news)
    assert act.kind == "ask" and act.text.startswith("Vietnam should")


def test_a_reported_pledge_belongs_to_the_party_that_reported_it():
    press = DocumentInfo(doc_type="press_release", language="en")
    meeting = [Meeting(series="Human Rights Dialogue", parties=["EU", "VN"])]
    text = (
        "Viet Nam stated that it intends to adopt a National Action Plan on Business and Human Rights by "
        "the end of 2026. The EU said that it will continue to support civil society in Viet Nam."
    )
    acts = _acts(text, doc=press, meetings=meeting)
    assert [(a.kind, a.actors) for a in acts] == [("commitment", ["VN"]), ("commitment", ["EU"])]
    assert acts[0].deadline == "2026"


def test_agencies_as_subjects_pledge_for_their_governments_and_speeches_pledge_with_vamos_a():
    meeting = [Meeting(series="Security Dialogue", parties=["MX", "US"])]
    text = "DHS and the INM will sign a Memorandum of Understanding on biometric information sharing."
    (act,) = _acts(text, meetings=meeting)
    assert (act.kind, act.actors) == ("commitment", ["MX", "US"])
    (act,) = _acts("The INM will open two new offices in Tapachula by June 2026.", meetings=meeting)
    assert act.actors == ["MX"]
    speech = DocumentInfo(doc_type="other", language="es")
    (act,) = _acts(
        "Antes de que termine el año vamos a reglamentar la Ley 2364 de 2024.", doc=speech, lang="es"
    )
    assert act.kind == "commitment"


def test_questions_ask_nobody():
    text = (
        "PREGUNTA: Secretaria, ¿pidió México a la DEA que entregue los mensajes interceptados?\n\n"
        "QUESTION: Did you urge Mexico to extradite more suspects?"
    )
    assert _acts(text, DocumentInfo(doc_type="other"), "es") == []


def test_numbered_section_headings_under_a_recommendation_lead_are_not_asks():
    text = (
        "We recommend that the U.S. delegation:\n\n"
        "1. Disappearances\n\n"
        "- Press Mexico to fund the National Search Commission.\n\n"
        "2. Migrants and asylum seekers\n\n"
        "- End the detention of children in migration stations."
    )
    acts = _acts(text, DocumentInfo(doc_type="letter"))
    assert [a.text for a in acts if a.kind == "ask"] == [
        "Press Mexico to fund the National Search Commission.",
        "End the detention of children in migration stations.",  # still under the lead
    ]


def test_a_one_sided_release_may_ask_the_other_government():
    text = (
        "Se reúne el Grupo de Implementación de Seguridad México-Estados Unidos.\n\n"
        "México reiteró que el gobierno estadounidense debe fortalecer los controles a la venta de armas."
    )
    acts = _acts(text, DocumentInfo(doc_type="press_release"), "es")
    assert [a.kind for a in acts] == ["ask"]
    joint = _acts(text, DocumentInfo(doc_type="joint_statement"), "es")
    assert [a.kind for a in joint] == []  # in a joint text "X debe ..." states a shared view


def test_demands_under_addressee_lines_are_asks_to_each_addressee():
    text = (
        "Las organizaciones firmantes nos pronunciamos ante el diálogo y planteamos las siguientes "
        "demandas:\n\n"
        "Al Gobierno de México:\n\n"
        "1. Aprobar, antes de que concluya el periodo de sesiones, la ley general contra la tortura.\n\n"
        "2. Investigar a toda la cadena de mando en los casos de Tlatlaya.\n\n"
        "Al Gobierno de Estados Unidos:\n\n"
        "1. Hacer público el informe que sustente cualquier certificación de avances.\n"
    )
    asks = [a for a in _acts(text, doc=LETTER, lang="es") if a.kind == "ask"]
    by_text = {a.text.split(",")[0].split(" el ")[0]: (a.actors, a.addressee) for a in asks}
    assert by_text["Aprobar"] == (["CSO"], "Gobierno de México")
    assert by_text["Investigar a toda la cadena de mando en los casos de Tlatlaya."] == (
        ["CSO"],
        "Gobierno de México",
    )
    assert by_text["Hacer público"] == (["CSO"], "Gobierno de Estados Unidos")


def test_an_addressee_line_in_a_joint_statement_opens_no_asks():
    text = (
        "The two governments reviewed their cooperation.\n\n"
        "To the Government of Mexico:\n\n"
        "1. Officials from both countries met in March.\n"
    )
    assert [a for a in _acts(text) if a.kind == "ask"] == []


def test_a_count_of_days_runs_from_the_meeting_the_text_reports():
    text = "The two governments will sign a memorandum on data sharing within 90 days of this dialogue."
    held = Meeting(series="Security Dialogue", date="2023-05-31", parties=["MX", "US"])
    [a] = _acts(text, meetings=[held])  # the statement is dated the next day (2023-06-01)
    assert a.deadline == "2023-08-29"
    [b] = _acts(text)  # no meeting: from the document's date
    assert b.deadline == "2023-08-30"


def test_a_headline_is_not_an_action_of_its_own():
    text = (
        "México y Guatemala acuerdan unidad conjunta contra el tráfico de personas\n\n"
        "CIUDAD DE MÉXICO, 3 mar (EFE).- Los gobiernos de México y Guatemala acordaron este lunes crear "
        "una unidad binacional de investigación.\n"
    )
    doc = DocumentInfo(
        doc_type="news",
        date="2025-03-03",
        title="México y Guatemala acuerdan unidad conjunta contra el tráfico de personas",
    )
    acts = _acts(text, doc=doc, lang="es")
    assert [a.text[:25] for a in acts] == ["CIUDAD DE MÉXICO, 3 mar ("]

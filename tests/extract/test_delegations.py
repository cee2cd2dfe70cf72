"""Delegations: agencies per side from named people and representative lists."""

import pytest

from dialogwatch.extract.acronyms import find_acronyms
from dialogwatch.extract.delegations import _deleg as deleg_cue
from dialogwatch.extract.delegations import _reps, find_delegations
from dialogwatch.extract.document import classify_document
from dialogwatch.extract.names import people_data
from dialogwatch.extract.people import find_participants
from dialogwatch.extract.pipeline import build_context, extract_text


def _deleg(text: str, lang: str = "en") -> dict[str, list[str]]:
    ctx = build_context(text, lang)
    doc = classify_document(ctx)
    acr = find_acronyms(ctx)
    ppl = find_participants(ctx, doc, acr)
    return {d.side: d.organizations for d in find_delegations(ctx, doc, ppl, acr)}


def test_english_people_and_representatives():
    text = (
        "The Mexican delegation was headed by Ana Soto, Undersecretary for Human Rights at the Interior "
        "Ministry (SEGOB), with additional representatives from the Ministries of National Defense (SEDENA) "
        "and Navy (SEMAR). The U.S. delegation was led by Mark Hill, Deputy Assistant Secretary of State; it "
        "also included representatives from the Department of Health and Human Services, the Department of "
        "Justice, and the U.S. Agency for International Development."
    )
    d = _deleg(text)
    # a plural head is shared by the list: "the Ministries of National Defense and Navy"
    assert d["MX"] == ["Interior Ministry", "Ministry of National Defense", "Ministry of Navy"]
    assert d["US"] == [
        "Department of State",
        "Department of Health and Human Services",
        "Department of Justice",
        "U.S. Agency for International Development",
    ]


def test_acronym_parenthesis_stands_for_several_agencies():
    text = (
        "The Mexican delegation was headed by Luis Mora, Deputy Attorney General (FGR), with representatives "
        "from the armed forces (SEDENA and SEMAR), the National Guard and the Office of the Presidency."
    )
    d = _deleg(text)
    assert d["MX"] == ["FGR", "SEDENA", "SEMAR", "National Guard", "Office of the Presidency"]


def test_spanish_officials_lists_per_side():
    text = (
        "La delegación mexicana estuvo encabezada por el subsecretario para América del Norte, Pablo Ruiz "
        "Luna, e integrada por funcionarios de la Secretaría de Seguridad y Protección Ciudadana (SSPC), la "
        "Fiscalía General de la República y el Instituto Nacional de Migración. Por parte de Estados Unidos, "
        "la delegación fue presidida por Sara King, secretaria adjunta de Estado, con representantes del "
        "Departamento de Seguridad Nacional y de la Administración para el Control de Drogas."
    )
    d = _deleg(text, "es")
    assert d["MX"] == [
        "Secretaría de Relaciones Exteriores",
        "Secretaría de Seguridad y Protección Ciudadana",
        "Fiscalía General de la República",
        "Instituto Nacional de Migración",
    ]
    assert d["US"] == [
        "Departamento de Estado",
        "Departamento de Seguridad Nacional",
        "Administración para el Control de Drogas",
    ]


def test_same_agency_in_two_wordings_counted_once():
    text = (
        "The Mexican delegation was headed by Ana Soto, Undersecretary at the Ministry of the Interior, and "
        "included officials of the Interior Ministry and the Secretaría de Gobernación."
    )
    assert _deleg(text)["MX"] == ["Ministry of the Interior"]


def test_letters_and_texts_without_delegations_have_none():
    letter = (
        "Dear Minister,\n\nThe delegation included officials from the Ministry of Defense.\n\n"
        "Sincerely,\n\nAna Ruiz, director, Foro Migrante\n"
    )
    assert _deleg(letter) == {}
    assert _deleg("The talks covered migration and trade between both countries.") == {}


def test_participating_agencies_bullets_and_sentences():
    text = (
        "The United States and Mexico held the third meeting of the Security Dialogue.\n\n"
        "Participating agencies included:\n"
        "- the U.S. Department of Justice;\n"
        "- Mexico's National Guard;\n"
        "- Mexico's Financial Intelligence Unit (UIF).\n\n"
        "Participan también la Secretaría de Marina y la Administración para el Control de Drogas (DEA)."
    )
    d = _deleg(text)
    assert d["US"] == ["U.S. Department of Justice", "Administración para el Control de Drogas"]
    assert d["MX"] == [
        "Mexico's National Guard",
        "Mexico's Financial Intelligence Unit",
        "Secretaría de Marina",
    ]


def test_were_also_represented():
    text = (
        "The EU delegation was led by Anna Berg, Director at the European External Action Service. "
        "The European Commission was also represented, as were Mexico's Ministry of the Interior and the "
        "National Institute of Women (INMUJERES)."
    )
    d = _deleg(text)
    assert d["EU"] == ["European External Action Service", "European Commission"]
    assert d["MX"] == ["Mexico's Ministry of the Interior", "National Institute of Women"]


def test_generic_ministry_takes_the_side_of_the_sentence():
    text = (
        "La delegación colombiana fue presidida por la viceministra de Asuntos Multilaterales, Laura Gil. "
        "Por parte de Colombia participaron también la Defensoría del Pueblo y el Ministerio de Defensa "
        "Nacional."
    )
    d = _deleg(text, "es")
    assert d["CO"] == [
        "Ministerio de Relaciones Exteriores",
        "Defensoría del Pueblo",
        "Ministerio de Defensa Nacional",
    ]
    assert "MX" not in d


def test_country_words_in_a_listed_agency_win_over_the_sentence_side():
    text = (
        "The Vietnamese delegation was led by Tran Van Son, Director-General at the Ministry of Foreign "
        "Affairs. Representatives of the U.S. Embassy in Hanoi, Vietnam's Ministry of Public Security and "
        "the Ministry of Justice, who followed the talks, also attended."
    )
    d = _deleg(text)
    assert d["US"] == ["U.S. Embassy in Hanoi"]
    assert d["VN"] == [
        "Ministry of Foreign Affairs",
        "Vietnam's Ministry of Public Security",
        "Ministry of Justice",
    ]


def test_spanish_participation_phrase_and_list_end():
    text = (
        "La delegación mexicana fue presidida por la subsecretaria para Asuntos Multilaterales, Rosa Gil, y "
        "contó con la participación de la Secretaría de Gobernación y el Instituto Nacional de las Mujeres, "
        "que presentaron avances."
    )
    d = _deleg(text, "es")
    assert d["MX"] == [
        "Secretaría de Relaciones Exteriores",
        "Secretaría de Gobernación",
        "Instituto Nacional de las Mujeres",
    ]


def test_participation_of_people_is_not_an_agency_list():
    text = (
        "La delegación mexicana fue presidida por la subsecretaria para Asuntos Multilaterales, Rosa Gil, y "
        "contó con la participación de la subsecretaria de Asuntos Jurídicos y Derechos Humanos de la "
        "Secretaría de Gobernación, Lía Limón García, y del titular de la PGR, Raúl Cervantes."
    )
    assert _deleg(text, "es")["MX"] == [
        "Secretaría de Relaciones Exteriores",
        "Secretaría de Gobernación",
        "PGR",
    ]


def test_list_pieces_that_read_as_agencies_stand_alone_and_lose_trailing_clauses():
    en = _deleg(
        "Washington, May 3, 2024\n\nThe Peruvian delegation included officials from the Ministry of Justice, "
        "the National Penitentiary Institute and the Public Defender's Office attended every session."
    )
    assert en["PE"] == ["Ministry of Justice", "National Penitentiary Institute", "Public Defender's Office"]
    es = _deleg(
        "Lima, 3 de mayo de 2024\n\nLa delegación peruana estuvo integrada por representantes del Ministerio "
        "de Justicia, del Poder Judicial y de la Defensoría del Pueblo.",
        "es",
    )
    assert es["PE"] == ["Ministerio de Justicia", "Poder Judicial", "Defensoría del Pueblo"]


def test_a_country_represented_by_opens_its_own_side():
    text = (
        "The EU delegation was led by Ana Weber, Managing Director of the European External Action "
        "Service. It included representatives of Europol. Chile was represented by Pablo Rojas Soto, "
        "Undersecretary for Foreign Affairs, with officials from the Carabineros de Chile and the "
        "Investigations Police of Chile."
    )
    got = _deleg(text)
    assert not any("Carabineros" in o or "Investigations Police" in o for o in got["EU"])
    assert any("Investigations Police" in o for o in got["CL"])


def test_spanish_clitic_lead_and_junto_con():
    text = (
        "Por parte de Estados Unidos participaron el secretario de Estado, Antony Blinken, y el fiscal "
        "general, Merrick Garland. La delegación mexicana la encabezó el canciller Marcelo Ebrard, junto "
        "con Rosa Icela Rodríguez, secretaria de Seguridad y Protección Ciudadana, y Luis Cresencio "
        "Sandoval, secretario de la Defensa Nacional."
    )
    got = _deleg(text, "es")
    assert any("Seguridad y Protección Ciudadana" in o for o in got["MX"])
    assert any("Defensa Nacional" in o for o in got["MX"])
    assert not any("Defensa Nacional" in o for o in got.get("US", []))


def test_spanish_inverted_lead_and_delegates_of_agencies():
    text = (
        "La delegación peruana estuvo encabezada por la viceministra de Relaciones Exteriores, Ana Cáceres "
        "Villar, así como por delegados del Ministerio del Interior y la Defensoría del Pueblo. "
        "Por parte de la Unión Europea, encabezaron los trabajos el director para las Américas del "
        "Servicio Europeo de Acción Exterior, Jan Novak, y la embajadora Eva Lind."
    )
    got = _deleg(text, "es")
    assert any("Ministerio del Interior" in o for o in got["PE"])
    assert any("Servicio Europeo de Acción Exterior" in o for o in got["EU"])
    people = {p.name: p for p in _people_es(text)}
    assert people["Jan Novak"].role == "head" and people["Jan Novak"].side == "EU"


def _people_es(text: str):
    ctx = build_context(text, "es")
    doc = classify_document(ctx)
    return find_participants(ctx, doc, find_acronyms(ctx))


def test_list_items_opened_by_their_side():
    text = (
        "The delegations were composed as follows:\n"
        "- European Union: Anna Berg, Managing Director at the European External Action Service; "
        "representatives of the Directorate-General for International Partnerships.\n"
        "- Ecuador: Vice Minister Pablo Ruiz; representatives of the Ministry of the Interior and the "
        "National Police of Ecuador.\n"
    )
    got = _deleg(text)
    assert any("Ministry of the Interior" in o for o in got["EC"])
    assert not any("Ministry of the Interior" in o for o in got["EU"])


def test_co_chaired_dialogue_lists_each_sides_agencies():
    text = (
        "The Dialogue was co-chaired by Jon Holm, EU Special Representative for Human Rights, and by "
        "Rosa Vidal, Director-General for Multilateral Affairs at the Bolivian Ministry of Foreign Affairs. "
        "On the Bolivian side, representatives of the Ministry of Justice and the Ministry of Government "
        "took part."
    )
    got = _deleg(text)
    assert any("Ministry of Justice" in o for o in got["BO"])


def test_a_plural_head_is_shared_by_each_agency_in_both_languages():
    en = _deleg(
        "The U.S. delegation was led by Ana Ruiz, with representatives from the Departments of Justice "
        "and Homeland Security."
    )
    assert en["US"] == ["Department of Justice", "Department of Homeland Security"]
    es = _deleg(
        "La delegación estadounidense estuvo encabezada por la subsecretaria Ana Ruiz Soto, y participaron "
        "también representantes de los Departamentos de Justicia y de Seguridad Interior.",
        "es",
    )
    assert es["US"] == ["Departamento de Justicia", "Departamento de Seguridad Interior"]


def test_org_after_a_titled_name_and_the_sentence_after_a_co_chair_add_members():
    text = (
        "Undersecretary Ana Betancourt co-chaired the dialogue with Assistant Secretary Jon Keel of "
        "the Bureau of Democracy, Human Rights, and Labor. Joining them were Deputy Assistant "
        "Secretary Mariela Ortiz of the Bureau of Western Hemisphere Affairs; Undersecretary Félix "
        "Rentería of the Ministry of the Interior (SEGOB); and Senior Counselor Robert Kim of the "
        "Office for Civil Rights and Civil Liberties at the Department of Homeland Security."
    )
    people = {p.name: p for p in extract_text(text, language="en").participants}
    assert people["Mariela Ortiz"].role == "member"
    assert people["Mariela Ortiz"].organization == "Bureau of Western Hemisphere Affairs"
    felix = people["Félix Rentería"]
    assert (felix.organization, felix.side) == ("Ministry of the Interior", "MX")
    # "Office X at the Department Y": the department, which the lexicon knows
    assert (people["Robert Kim"].organization, people["Robert Kim"].side) == (
        "Department of Homeland Security",
        "US",
    )
    # two State Department bureaus are one agency of the delegation
    us = _deleg(text)["US"]
    assert us[0] == "Bureau of Democracy, Human Rights, and Labor"
    assert "Bureau of Western Hemisphere Affairs" not in us


def test_a_member_cue_deep_in_a_later_sentence_is_not_a_delegation():
    text = (
        "Undersecretary Ana Betancourt co-chaired the dialogue with Assistant Secretary Jon Keel. "
        "The parties reviewed the peace agreement as well as the Total Peace policy of President "
        "Gustavo Petro."
    )
    people = {p.name: p for p in extract_text(text, language="en").participants}
    assert people["Gustavo Petro"].role == "mentioned"


def test_side_opener_lines_and_agencies_with_their_own_acronym():
    text = (
        "Bogotá, 16 de septiembre de 2024. Se llevó a cabo el IX Diálogo de Derechos Humanos entre "
        "Colombia y la Unión Europea.\n\nParticipantes\n\nPor Colombia:\n\n"
        "- Laura Quintero Arboleda, viceministra de Asuntos Multilaterales, quien presidió la delegación.\n"
        "- Andrés Sarmiento Ruiz, director de Derechos Humanos de la Cancillería.\n"
        "- Representantes del Ministerio de Defensa Nacional, la Unidad de Búsqueda de Personas dadas por "
        "Desaparecidas (UBPD) y la Jurisdicción Especial para la Paz (JEP).\n\n"
        "Por la Unión Europea:\n\n"
        "- Matthias Oberhauser, director adjunto para las Américas del Servicio Europeo de Acción Exterior, "
        "jefe de la delegación.\n"
    )
    people = {p.name: (p.side, p.role) for p in extract_text(text, language="es").participants}
    assert people == {
        "Laura Quintero Arboleda": ("CO", "head"),
        "Andrés Sarmiento Ruiz": ("CO", "member"),
        "Matthias Oberhauser": ("EU", "head"),
    }
    d = _deleg(text, "es")
    assert d["CO"][1:] == [
        "Ministerio de Defensa Nacional",
        "Unidad de Búsqueda de Personas dadas por Desaparecidas",
        "Jurisdicción Especial para la Paz",
    ]
    # a tail with someone else's acronym is not an agency of its own
    en = _deleg(
        "The Mexican delegation included officials of the Secretariat of Security and Citizen Protection "
        "(SSPC) and the Financial Intelligence Unit."
    )
    assert en["MX"] == ["Secretariat of Security and Citizen Protection", "Financial Intelligence Unit"]


def test_unsided_head_leads_the_other_party_and_agencies_place_themselves():
    text = (
        "The Governments of Mexico and the United States held the Eleventh Bilateral Dialogue on Human "
        "Rights on June 12, 2025.\n\nUndersecretary for Multilateral Affairs Ana Luisa Betancourt co-chaired "
        "the dialogue with Assistant Secretary Jonathan Keel of the Bureau of Democracy, Human Rights, and "
        "Labor. Joining them was National Search Commissioner Teresa Núñez Alcántara. Representatives of the "
        "Mexican Commission for Refugee Assistance (COMAR) and the U.S. Embassy in Mexico City also "
        "took part."
    )
    people = {p.name: p for p in extract_text(text, language="en").participants}
    assert people["Ana Luisa Betancourt"].side == "MX"
    teresa = people["Teresa Núñez Alcántara"]
    assert (teresa.organization, teresa.side) == ("National Search Commission", "MX")
    d = _deleg(text)
    assert "U.S. Embassy in Mexico City" in d["US"]
    assert "Mexican Commission for Refugee Assistance" in d["MX"]


def test_a_visiting_body_is_the_international_delegation():
    en = (
        "Geneva, 28 November 2025\n\nThe United Nations Working Group on Enforced or Involuntary "
        "Disappearances (WGEID) today concluded an official visit to Peru. It met the Minister of Justice, "
        "Rafael Quispe."
    )
    dels = {d.side: d.organizations for d in extract_text(en, language="en").delegations}
    assert dels.get("INTL") == ["United Nations Working Group on Enforced or Involuntary Disappearances"]
    es = (
        "Ciudad de México, 26 de noviembre de 2021. El Comité contra la Desaparición Forzada (CED) de la "
        "ONU concluyó su visita oficial a México."
    )
    dels = {d.side: d.organizations for d in extract_text(es, language="es").delegations}
    assert dels.get("INTL") == ["Comité contra la Desaparición Forzada"]
    # a single expert's visit names no body
    solo = "La Relatora Especial sobre la tortura, Alice Edwards, concluyó hoy su visita oficial a México."
    assert not any(d.side == "INTL" for d in extract_text(solo, language="es").delegations)


def test_member_states_embassies_join_the_eu_delegation():
    en = (
        "The EU delegation was led by the EU Special Representative for Human Rights, Eamon Gilmore, "
        "accompanied by representatives of the European External Action Service (EEAS) and of the "
        "embassies of EU Member States."
    )
    assert _deleg(en)["EU"] == ["European External Action Service", "embassies of EU Member States"]
    es = (
        "Por la Unión Europea:\n\n- Ana Ruiz, directora para las Américas del Servicio Europeo de Acción "
        "Exterior, jefa de la delegación.\n"
        "- Representantes de las embajadas de los Estados miembros de la UE."
    )
    assert "embajadas de los Estados miembros de la UE" in _deleg(es, "es")["EU"]


def test_plural_head_shared_by_a_comma_list():
    text = (
        "The U.S. side was represented by Assistant Secretary Tom Malinowski, with officials from the "
        "Departments of Justice, Labor and Homeland Security."
    )
    ctx = build_context(text, "en")
    doc = classify_document(ctx)
    dels = find_delegations(ctx, doc, find_participants(ctx, doc, find_acronyms(ctx)), find_acronyms(ctx))
    us = next(d for d in dels if d.side == "US")
    assert {"Department of Justice", "Department of Labor", "Department of Homeland Security"} <= set(
        us.organizations
    )


def test_country_further_represented_by_a_list():
    text = (
        "The EU-Uzbekistan Human Rights Dialogue was held in Tashkent. Uzbekistan was further represented "
        "by the Ministry of Foreign Affairs, the Ministry of Justice and the Supreme Court."
    )
    ctx = build_context(text, "en")
    doc = classify_document(ctx)
    dels = find_delegations(ctx, doc, find_participants(ctx, doc, find_acronyms(ctx)), find_acronyms(ctx))
    uz = next(d for d in dels if d.side == "UZ")
    assert uz.organizations == ["Ministry of Foreign Affairs", "Ministry of Justice", "Supreme Court"]


def test_lower_case_plural_head_in_spanish_list():
    text = (
        "La delegación mexicana estuvo encabezada por el subsecretario Juan Pérez Ortiz. Asistieron "
        "además funcionarios de la Procuraduría General de la República (PGR) y de las secretarías de la "
        "Defensa Nacional y de Marina."
    )
    mx = next(d for d in extract_text(text, language="es").delegations if d.side == "MX")
    assert mx.organizations == [
        "Procuraduría General de la República",
        "Secretaría de la Defensa Nacional",
        "Secretaría de Marina",
    ]


def test_officials_who_welcome_the_other_delegation_lead_their_own():
    text = (
        "Readout of the High-Level Security Dialogue\n\n"
        "Today Secretary of State Antony J. Blinken, Secretary of Homeland Security Alejandro N. Mayorkas "
        "and Attorney General Merrick B. Garland welcomed a Mexican delegation to Washington for the "
        "second High-Level Security Dialogue."
    )
    ex = extract_text(text)
    assert {p.name: p.role for p in ex.participants} == {
        "Antony J. Blinken": "head",
        "Alejandro N. Mayorkas": "head",
        "Merrick B. Garland": "head",
    }
    us = next(d for d in ex.delegations if d.side == "US")
    assert "Department of State" in us.organizations and "Department of Justice" in us.organizations


def test_a_country_opening_the_sentence_owns_the_agency_list():
    text = (
        "La delegación mexicana estuvo encabezada por la secretaria Rosa Icela Rodríguez Velázquez. "
        "Por Guatemala, la delegación fue presidida por el ministro de Gobernación, David Barrientos "
        "Girón, así como por funcionarios del Ministerio de Relaciones Exteriores y el Ministerio "
        "de la Defensa Nacional."
    )
    gt = next(d for d in extract_text(text, language="es").delegations if d.side == "GT")
    assert gt.organizations == [
        "Ministerio de Gobernación",  # the head's post names his ministry
        "Ministerio de Relaciones Exteriores",
        "Ministerio de la Defensa Nacional",
    ]


def test_lower_case_agencies_in_a_list_of_officials():
    text = (
        "Mexico's side was headed by Security Minister Rosa Icela Rodríguez, with officials from the army, "
        "the navy and the customs agency also at the table."
    )
    mx = next(d for d in extract_text(text).delegations if d.side == "MX")
    assert {"army", "navy", "customs agency"} <= set(mx.organizations)


@pytest.mark.parametrize("ex", people_data().delegation_words.cue_examples, ids=lambda e: e.text[:30])
def test_delegation_cue_examples(ex):
    assert bool(deleg_cue().search(ex.text)) is ex.match


@pytest.mark.parametrize("ex", people_data().delegation_words.rep_examples, ids=lambda e: e.text[:30])
def test_delegation_rep_examples(ex):
    assert bool(_reps().search(ex.text)) is ex.match


def test_people_from_each_agency_in_a_spoken_list():
    text = (
        "The U.S. delegation met its Mexican counterparts today. On our side we had people from the Bureau "
        "of Alcohol, Tobacco, Firearms and Explosives, from Homeland Security Investigations, from the "
        "Department of Justice and from our Embassy; on the Mexican side, the foreign ministry."
    )
    us = _deleg(text)["US"]
    assert us[:3] == [
        "Bureau of Alcohol, Tobacco, Firearms and Explosives",
        "Homeland Security Investigations",
        "Department of Justice",
    ]
    assert any("Embassy" in name for name in us[3:])


def test_a_bureau_named_through_its_department_counts_as_the_department():
    text = (
        "The U.S. delegation included officials from the Department of State, the Department of Justice "
        "and the State Department's Bureau of East Asian and Pacific Affairs."
    )
    assert _deleg(text)["US"] == ["Department of State", "Department of Justice"]


def test_a_national_team_sets_the_side_of_the_agencies_after_it():
    text = (
        "The U.S. delegation was led by Robert Hill, Deputy Assistant Secretary of State, and included "
        "officials from the Department of Labor. Across the table sat a Vietnamese team headed by Pham "
        "Binh, along with representatives of the Ministry of Public Security and the Ministry of Justice."
    )
    d = _deleg(text)
    assert d["VN"] == ["Ministry of Public Security", "Ministry of Justice"]
    assert "Ministry of Justice" not in d["US"]


def test_an_and_inside_a_name_with_its_own_acronym_does_not_split_it():
    text = (
        "Canada's delegation also included senior officials of the Canada Border Services Agency (CBSA) "
        "and of the Financial Transactions and Reports Analysis Centre of Canada (FINTRAC), and Canada's "
        "Fentanyl Czar, Raymond Osei."
    )
    assert _deleg(text)["CA"] == [
        "Canada Border Services Agency",
        "Financial Transactions and Reports Analysis Centre of Canada",
    ]


def test_a_military_command_is_an_agency_of_the_delegation():
    text = (
        "The U.S. delegation also included representatives of the Department of Labor and U.S. Southern "
        "Command."
    )
    assert _deleg(text)["US"] == ["Department of Labor", "U.S. Southern Command"]


def test_agencies_listed_after_on_the_other_side():
    text = (
        "The U.S. delegation met its counterparts in Mexico City. On our side we had people from ATF and "
        "from the Department of Justice; on the Mexican side, the Secretariat of Foreign Affairs, the "
        "Attorney General's Office (FGR) and SEDENA."
    )
    d = _deleg(text)
    assert d["MX"][:3] == ["Secretariat of Foreign Affairs", "Attorney General's Office", "SEDENA"]
    assert "Department of Justice" in d["US"]

"""Named people: role, side, title and organisation in EN and ES."""

import pytest

from dialogwatch.extract.acronyms import find_acronyms
from dialogwatch.extract.document import classify_document
from dialogwatch.extract.people import find_participants
from dialogwatch.extract.pipeline import build_context


def _people(text: str, lang: str = "en"):
    ctx = build_context(text, lang)
    doc = classify_document(ctx)
    return {p.name: p for p in find_participants(ctx, doc, find_acronyms(ctx))}


EN_DELEGATIONS = (
    "The Canadian delegation was headed by Laura Bennett, Assistant Deputy Minister for Americas of the "
    "Department of Global Affairs; Omar Haddad, Director General for Human Rights at the "
    "Department of Justice; "
    "and Claire Dubois, Senior Adviser (PCO) with additional representatives from the Royal Police. "
    "The U.S. delegation was co-led by Nora Whitfield, Deputy Assistant Secretary of State for "
    "Western Hemisphere "
    "Affairs and Samuel Ortega, Principal Deputy Assistant Secretary for Democracy, Human Rights, and Labor. "
    "The delegation included Peter J. Lang, Senior Advisor, Department of Homeland Security; as well as "
    "officials from the U.S. Embassy in Ottawa."
)


def test_english_heads_and_members_with_titles_and_orgs():
    p = _people(EN_DELEGATIONS)
    assert set(p) == {
        "Laura Bennett",
        "Omar Haddad",
        "Claire Dubois",
        "Nora Whitfield",
        "Samuel Ortega",
        "Peter J. Lang",
    }
    lb = p["Laura Bennett"]
    assert (lb.role, lb.side, lb.title, lb.organization) == (
        "head",
        "CA",
        "Assistant Deputy Minister for Americas",
        "Department of Global Affairs",
    )
    assert p["Omar Haddad"].organization == "Department of Justice" and p["Omar Haddad"].side == "CA"
    assert p["Claire Dubois"].title == "Senior Adviser"
    nw = p["Nora Whitfield"]
    assert (nw.role, nw.side) == ("head", "US")
    assert nw.title == "Deputy Assistant Secretary of State for Western Hemisphere Affairs"
    assert (
        p["Samuel Ortega"].title
        == "Principal Deputy Assistant Secretary for Democracy, Human Rights, and Labor"
    )
    pl = p["Peter J. Lang"]
    assert (pl.role, pl.side, pl.title, pl.organization) == (
        "member",
        "US",
        "Senior Advisor",
        "Department of Homeland Security",
    )
    assert all(x.start is not None and x.rule for x in p.values())


ES_DELEGATIONS = (
    "La delegación mexicana estuvo encabezada por la subsecretaria para América del Norte, "
    "Laura Medina Ortiz, e integrada por Jorge Salas Luna, titular de la Unidad de Política "
    "Migratoria, y por la directora general "
    "de Derechos Humanos, Teresa Núñez Vidal. Por parte de Estados Unidos, la delegación fue presidida por "
    "Daniel Weber, secretario adjunto de Estado para Asuntos del Hemisferio Occidental."
)


def test_spanish_title_before_and_after_name():
    p = _people(ES_DELEGATIONS, "es")
    assert set(p) == {"Laura Medina Ortiz", "Jorge Salas Luna", "Teresa Núñez Vidal", "Daniel Weber"}
    lm = p["Laura Medina Ortiz"]
    assert (lm.role, lm.side, lm.title) == ("head", "MX", "subsecretaria para América del Norte")
    js = p["Jorge Salas Luna"]
    assert (js.role, js.side) == ("member", "MX")
    assert js.title == "titular de la Unidad de Política Migratoria"
    tn = p["Teresa Núñez Vidal"]
    assert (tn.role, tn.title) == ("member", "directora general de Derechos Humanos")
    dw = p["Daniel Weber"]
    assert (dw.role, dw.side) == ("head", "US")
    assert dw.title == "secretario adjunto de Estado para Asuntos del Hemisferio Occidental"
    assert dw.organization == "Departamento de Estado"


def test_spanish_bulleted_delegation_list():
    text = (
        "La delegación de Colombia estuvo integrada por:\n"
        "- Marta Lucía Gómez, viceministra de Asuntos Multilaterales (jefa de delegación);\n"
        "- Andrés Felipe Rojas, director de Derechos Humanos del Ministerio del Interior;\n"
    )
    p = _people(text, "es")
    assert p["Marta Lucía Gómez"].role == "head" and p["Marta Lucía Gómez"].side == "CO"
    ar = p["Andrés Felipe Rojas"]
    assert (ar.role, ar.side, ar.title, ar.organization) == (
        "member",
        "CO",
        "director de Derechos Humanos",
        "Ministerio del Interior",
    )


def test_mentioned_people_with_sides_from_titles():
    text = (
        "The meeting followed talks between President Joe Biden and Mexican President Andrés Manuel López "
        "Obrador. Vice President Kamala Harris also spoke. El canciller mexicano Juan Ramón de la Fuente "
        "asistió."
    )
    p = _people(text)
    assert p["Joe Biden"].role == "mentioned" and p["Joe Biden"].side == "US"
    assert p["Andrés Manuel López Obrador"].side == "MX"
    assert p["Andrés Manuel López Obrador"].title == "Mexican President"
    assert p["Kamala Harris"].title == "Vice President"
    assert p["Juan Ramón de la Fuente"].side == "MX"


def test_spanish_news_subject_led_delegation():
    text = (
        "La secretaria de Seguridad, Rosa Icela Rodríguez, viajó a Washington. Rodríguez, quien encabezó la "
        "delegación mexicana, dijo que habrá acuerdos. El fiscal Omar Gil Soto dijo que no hubo avances."
    )
    p = _people(text, "es")
    assert p["Rosa Icela Rodríguez"].role == "head" and p["Rosa Icela Rodríguez"].side == "MX"
    assert p["Rosa Icela Rodríguez"].title == "secretaria de Seguridad"
    assert p["Omar Gil Soto"].role == "mentioned"


def test_places_and_organisations_are_not_people():
    text = (
        "Officials met in Mexico City and Buenos Aires. Front Line Defenders and Human Rights Watch "
        "published reports. La Secretaría de Relaciones Exteriores y la Guardia Nacional informaron."
    )
    assert _people(text) == {}


def test_same_person_twice_keeps_richest_role_and_full_name():
    text = (
        "Ambassador Elena Ruiz-Torres spoke first. The Mexican delegation was headed by Elena Ruiz-Torres "
        "Campos, Undersecretary for Multilateral Affairs."
    )
    p = _people(text)
    assert list(p) == ["Elena Ruiz-Torres Campos"]
    assert p["Elena Ruiz-Torres Campos"].role == "head"
    assert p["Elena Ruiz-Torres Campos"].organization == "Ministry of Foreign Affairs"


def test_english_letter_addressee_and_signatories():
    text = (
        "June 3, 2021\n\nThe Honorable Jane Q. Carver\nSecretary of Homeland Security\n"
        "U.S. Department of Homeland Security\n\nDear Secretary Carver:\n\nWe urge you to act.\n\n"
        "Sincerely,\n\nRuth Adler, Program Director, Refugee Rights Network\n"
        "Center for Border Justice (CBJ), Tomás Ibarra, Senior Researcher, tibarra@example.org\n"
    )
    p = _people(text)
    jc = p["Jane Q. Carver"]
    assert (jc.role, jc.side, jc.title) == ("addressee", "US", "Secretary of Homeland Security")
    assert jc.organization == "U.S. Department of Homeland Security"
    ra = p["Ruth Adler"]
    assert (ra.role, ra.side, ra.title, ra.organization) == (
        "signatory",
        "CSO",
        "Program Director",
        "Refugee Rights Network",
    )
    ti = p["Tomás Ibarra"]
    assert (ti.role, ti.side, ti.title, ti.organization) == (
        "signatory",
        "CSO",
        "Senior Researcher",
        "Center for Border Justice",
    )


def test_spanish_letter_blocks():
    text = (
        "Ciudad de México, 4 de mayo de 2022\n\nEmbajador Carlos Duarte Peña\n"
        "Subsecretario para América Latina\n"
        "Secretaría de Relaciones Exteriores\n\nEstimado Subsecretario:\n\nLe solicitamos atender estas "
        "peticiones.\n\nAtentamente,\n\n"
        "Sofía Martínez Gil, coordinadora de incidencia, Colectivo Frontera Sur\n"
        "Raúl Herrera Vega, director, Observatorio Ciudadano de Justicia\n"
    )
    p = _people(text, "es")
    cd = p["Carlos Duarte Peña"]
    assert (cd.role, cd.side, cd.title) == ("addressee", "MX", "Subsecretario para América Latina")
    assert cd.organization == "Secretaría de Relaciones Exteriores"
    sm = p["Sofía Martínez Gil"]
    assert (sm.role, sm.side, sm.title, sm.organization) == (
        "signatory",
        "CSO",
        "coordinadora de incidencia",
        "Colectivo Frontera Sur",
    )
    assert p["Raúl Herrera Vega"].role == "signatory"


def test_memo_from_line_gives_signatories():
    text = (
        "Para: Comisión del Senado\nDe: Paula Ríos, Red de Defensoras (RD), y Martín Soto, Foro Migrante\n"
        "Fecha: 1 de junio de 2022\n\n1. Hay retrasos.\n"
    )
    p = _people(text, "es")
    assert p["Paula Ríos"].role == "signatory" and p["Paula Ríos"].organization == "Red de Defensoras"
    assert p["Martín Soto"].side == "CSO"


def test_people_named_by_a_noun_have_no_side():
    text = (
        "The U.S. delegation raised the case of journalist Nguyen Van Hoa and urged the release of "
        "defenders, including Tran Thi Nga, Le Dinh Luong and Ho Duc Hoa. "
        "Pedro Canché, un periodista maya, fue liberado. La activista Rosa Nidia Villanueva habló."
    )
    p = _people(text)
    assert set(p) == {
        "Nguyen Van Hoa",
        "Tran Thi Nga",
        "Le Dinh Luong",
        "Ho Duc Hoa",
        "Pedro Canché",
        "Rosa Nidia Villanueva",
    }
    assert all(x.side is None and x.role == "mentioned" for x in p.values())
    assert p["Nguyen Van Hoa"].title == "journalist"
    assert p["Pedro Canché"].title == "periodista"


def test_issuer_header_gives_side_to_officials_of_a_release():
    text = (
        "SECRETARÍA DE GOBERNACIÓN\nComunicado 12/2024\n\nCiudad de México, 2 de febrero de 2024\n\n"
        "Durante el acto, la titular de la Unidad, Carmen Olvera Ruiz, presentó el informe."
    )
    p = _people(text, "es")
    assert p["Carmen Olvera Ruiz"].side == "MX"


def test_subject_first_english_lead_and_met_with():
    text = (
        "Deputy Foreign Minister Sergio Pardo led Colombia's delegation, while Ambassador Ruth Keller headed "
        "the EU side. Later, Secretary of State Antony Blinken met with Foreign Minister Álvaro Leyva."
    )
    p = _people(text)
    assert (p["Sergio Pardo"].role, p["Sergio Pardo"].side) == ("head", "CO")
    assert (p["Ruth Keller"].role, p["Ruth Keller"].side) == ("head", "EU")
    assert p["Antony Blinken"].role == "head" and p["Antony Blinken"].side == "US"


def test_dash_separated_items_and_cut_off_text():
    text = (
        "Delegación de Estados Unidos:\n"
        "- Carla Finch – subsecretaria adjunta para Asuntos del Hemisferio Occidental\n"
        "- Mark Doyle: Director for Mexico, National Security Council\n\n"
        "The Mexican delegation was headed by Lucía Ponce, Undersecretary for Multilateral Affairs of"
    )
    p = _people(text)
    assert p["Carla Finch"].title == "subsecretaria adjunta para Asuntos del Hemisferio Occidental"
    assert p["Carla Finch"].side == "US" and p["Carla Finch"].role == "member"
    assert p["Mark Doyle"].organization == "National Security Council"
    assert p["Lucía Ponce"].title == "Undersecretary for Multilateral Affairs"


def test_two_addressees_in_salutation_and_org_line_signatures():
    text = (
        "Dear Secretary Mayorkas and Secretary Blinken:\n\nWe write to ask you to act.\n\n"
        "Respectfully,\n\nBorder Rights Coalition\nNadia Ferris, Legal Director\n\n"
        "Centro de Derechos Migrantes\nJulio Paz Ortega, coordinador\n"
    )
    p = _people(text)
    assert {x.name for x in p.values() if x.role == "addressee"} == {"Alejandro Mayorkas", "Antony Blinken"}
    assert all(x.side == "US" for x in p.values() if x.role == "addressee")
    nf = p["Nadia Ferris"]
    assert (nf.role, nf.side, nf.title, nf.organization) == (
        "signatory",
        "CSO",
        "Legal Director",
        "Border Rights Coalition",
    )
    assert p["Julio Paz Ortega"].organization == "Centro de Derechos Migrantes"


def test_names_after_cases_of_are_people_without_side():
    p = _people(
        "La delegación planteó los casos de Ana Gómez Ruiz y Pedro Lara Soto, detenidos en 2021.", "es"
    )
    assert set(p) == {"Ana Gómez Ruiz", "Pedro Lara Soto"}
    assert all(x.side is None for x in p.values())


def test_memo_header_and_contacts_give_addressees_and_signatories():
    text = (
        "MEMORANDUM\n\n"
        "TO: Laura Finch, Deputy Assistant Secretary of State for Central America\n"
        "    Omar Reyes, Director for Andean Affairs, Department of State\n"
        "FROM: Coalición Andina por los Derechos (CAD)\n"
        "DATE: May 2, 2024\n\n"
        "We urge the Department to raise prison conditions in the dialogue.\n\n"
        "Contacts:\n"
        "Irene Salas, Advocacy Director, Coalición Andina por los Derechos\n"
    )
    got = _people(text)
    assert got["Laura Finch"].role == "addressee" and got["Laura Finch"].side == "US"
    assert got["Omar Reyes"].role == "addressee"
    assert got["Irene Salas"].role == "signatory" and got["Irene Salas"].title == "Advocacy Director"


def test_spanish_markdown_memo_header():
    text = (
        "# MEMORÁNDUM\n\n"
        "**Para:** Sen. Rocío Vargas Peña, presidenta de la Comisión de Derechos Humanos del Senado de la "
        "República\n\n"
        "**De:** Colectivo Voces del Sur\n\n"
        "**Fecha:** 03/03/2019\n\n"
        "Solicitamos que el Senado cite a la Comisión Nacional de Búsqueda."
    )
    got = _people(text, "es")
    assert got["Rocío Vargas Peña"].role == "addressee"


def test_people_who_joined_a_side_are_its_members():
    text = (
        "The talks were led by Foreign Minister Ana Duarte of Chile and Secretary of State Mark Hill. "
        "Attorney General Ruth Cole and Commerce Secretary Dan Ortiz joined on the U.S. side, while the "
        "Chilean delegation was integrated by Pedro Lagos, Minister of Justice."
    )
    got = _people(text)
    assert (got["Ruth Cole"].role, got["Ruth Cole"].side) == ("member", "US")
    assert (got["Dan Ortiz"].role, got["Dan Ortiz"].side) == ("member", "US")
    assert got["Pedro Lagos"].role == "member" and got["Pedro Lagos"].side == "CL"


def test_sides_of_third_countries_in_both_languages():
    text = (
        "Deputy Assistant Secretary Karen Hill led the U.S. delegation. Deputy Minister of Foreign Affairs "
        "Roman Petrov headed the Kazakh delegation."
    )
    got = _people(text)
    assert got["Karen Hill"].side == "US" and got["Roman Petrov"].side == "KZ"
    es = _people("La delegación alemana estuvo encabezada por la secretaria de Estado Anna Weber.", "es")
    assert es["Anna Weber"].side == "DE"


def test_address_block_with_name_comma_title_and_organisations_signing():
    text = (
        "**To:**\n"
        "Maria Lind, High Representative of the Union for Foreign Affairs\n"
        "Jon Berg, EU Special Representative for Human Rights\n\n"
        "Dear High Representative Lind,\n\n"
        "We write to urge you to raise prison conditions.\n\n"
        "Yours sincerely,\n\n"
        "Ana Ortiz, Director, Andean Rights Network (ARN)\n"
        "Pavel Novak, Coordinator, Justice Now Initiative\n"
        "Human Rights Watch\n"
        "Amnesty International\n"
    )
    got = _people(text)
    assert got["Maria Lind"].role == "addressee" and got["Jon Berg"].role == "addressee"
    assert got["Jon Berg"].title == "EU Special Representative for Human Rights"
    assert got["Ana Ortiz"].role == "signatory" and got["Pavel Novak"].role == "signatory"


def test_spanish_bold_address_block_and_plural_salutation():
    text = (
        "**Excelentísimo señor**\n"
        "**Mario Ortega Lugo**\n"
        "Secretario de Relaciones Exteriores\n\n"
        "Distinguidos señor canciller y señora embajadora:\n\n"
        "Les escribimos para solicitar que el diálogo aborde la desaparición de personas.\n\n"
        "Atentamente,\n\n"
        "Lucía Peña Mora, coordinadora, Red de Defensoras Comunitarias\n"
    )
    got = _people(text, "es")
    assert got["Mario Ortega Lugo"].role == "addressee"
    assert got["Mario Ortega Lugo"].title == "Secretario de Relaciones Exteriores"
    assert got["Lucía Peña Mora"].role == "signatory"


def test_people_who_attended_for_a_side_are_its_members():
    got = _people(
        "Por la parte chilena asistieron el canciller, Pablo Rojas, y la ministra de Justicia, Ana Vidal.",
        "es",
    )
    assert got["Pablo Rojas"].role == "member" and got["Pablo Rojas"].side == "CL"
    assert got["Ana Vidal"].side == "CL"


def test_a_visiting_mandate_holder_heads_the_intl_delegation_and_officials_met_are_mentioned():
    from dialogwatch.extract.pipeline import extract_text

    en = (
        "GENEVA (14 March 2025) – The UN Special Rapporteur on the situation of human rights defenders, "
        "Mary Lawlor, today concluded an official visit to Honduras. In Tegucigalpa she met the Minister of "
        "Human Rights, Natalie Roque."
    )
    got = {p.name: (p.side, p.role, p.title) for p in extract_text(en, language="en").participants}
    assert got["Mary Lawlor"] == (
        "INTL",
        "head",
        "UN Special Rapporteur on the situation of human rights defenders",
    )
    assert got["Natalie Roque"][1] == "mentioned"
    es = (
        "Ciudad de México, 26 de noviembre de 2021. El Comité contra la Desaparición Forzada concluyó su "
        "visita oficial a México. La delegación integrada por la presidenta del Comité, Carmen Rosa Villa "
        "Quintana, y por los expertos Juan Pablo Albán Alencastro, Horacio Ravenna y Barbara Lochbihler "
        "recorrió 13 estados, entre ellos Jalisco, Nuevo León y Veracruz, y se reunió con la secretaria de "
        "Gobernación, Olga Sánchez Cordero."
    )
    got = {p.name: (p.side, p.role) for p in extract_text(es, language="es").participants}
    assert got == {
        "Carmen Rosa Villa Quintana": ("INTL", "head"),
        "Juan Pablo Albán Alencastro": ("INTL", "member"),
        "Horacio Ravenna": ("INTL", "member"),
        "Barbara Lochbihler": ("INTL", "member"),
        "Olga Sánchez Cordero": ("MX", "mentioned"),
    }


def test_a_long_spanish_mandate_title_before_the_name():
    from dialogwatch.extract.pipeline import extract_text

    text = (
        "La Relatora Especial de las Naciones Unidas sobre la tortura y otros tratos o penas crueles, "
        "inhumanos o degradantes, Alice Jill Edwards, presentó su informe."
    )
    (p,) = extract_text(text, language="es").participants
    assert p.name == "Alice Jill Edwards" and p.side == "INTL"
    assert p.title == (
        "Relatora Especial de las Naciones Unidas sobre la tortura y otros tratos o penas crueles, "
        "inhumanos o degradantes"
    )


def test_letter_with_dash_separated_signature_list_and_second_post_line():
    text = (
        "Bogotá, 20 de mayo de 2025\n\nSeñora\nKaja Kallas\n"
        "Alta Representante de la Unión para Asuntos Exteriores y Política de Seguridad\n"
        "Vicepresidenta de la Comisión Europea\nBruselas\n\n"
        "Respetada señora Alta Representante:\n\nLe escribimos antes del diálogo.\n\nAtentamente,\n\n"
        "- Red de Defensoras del Magdalena Medio — Luz Dary Cárdenas Villamizar, coordinadora\n"
        "- Fundación Tierra y Paz del Cauca — Yeison Ulcué Pito, representante legal\n"
        "- Observatorio Afrocolombiano de Derechos Humanos (OADH)\n\n"
        "A título personal:\n\n- Padre Germán Alonso Sarmiento Rueda, S.J.\n"
        "- Marta Lucía Ibargüen Córdoba, defensora de derechos humanos, Buenaventura\n"
    )
    p = _people(text, "es")
    assert (p["Kaja Kallas"].role, p["Kaja Kallas"].side) == ("addressee", "EU")
    assert p["Kaja Kallas"].organization == "Comisión Europea"
    luz = p["Luz Dary Cárdenas Villamizar"]
    assert (luz.role, luz.title, luz.organization) == (
        "signatory",
        "coordinadora",
        "Red de Defensoras del Magdalena Medio",
    )
    assert p["Germán Alonso Sarmiento Rueda"].role == "signatory"  # "Germán" is a name, "German" is not
    assert p["Marta Lucía Ibargüen Córdoba"].role == "signatory"


def test_memo_header_with_two_honorables_a_shared_body_and_signers_under_from():
    text = (
        "MEMORANDUM\n\nTO:      The Honorable Chris Coons, Chair, and the Honorable Lindsey Graham, Ranking "
        "Member,\n         Senate Appropriations Subcommittee on State, Foreign Operations, and Related "
        "Programs (SFOPS)\nFROM:    Center for Accountability in the Americas (CAA)\n"
        "         Helena Marquardt, Policy Director\n"
        "         Rubén Esquivel Tapia, Senior Analyst for Mexico\n"
        "DATE:    March 4, 2024\n\nWe ask that assistance be tied to progress on accountability.\n"
    )
    p = _people(text)
    assert {n for n, x in p.items() if x.role == "addressee"} == {"Chris Coons", "Lindsey Graham"}
    assert p["Lindsey Graham"].title == "Ranking Member"
    assert p["Chris Coons"].organization.startswith("Senate Appropriations Subcommittee")
    assert p["Chris Coons"].organization.endswith("and Related Programs (SFOPS)")
    helena = p["Helena Marquardt"]
    assert (helena.role, helena.organization) == ("signatory", "Center for Accountability in the Americas")
    assert p["Rubén Esquivel Tapia"].title == "Senior Analyst for Mexico"
    assert len(p) == 4


def test_names_in_vietnamese_czech_and_dutch_spellings():
    from dialogwatch.extract.names import find_name_candidates

    text = (
        "The delegation was led by Nguyễn Minh Tường and joined by Colonel Lê Thị Hồng Vân, "
        "Karel Dvořák and Pieter Van den Broeck."
    )
    found = [c.text for c in find_name_candidates(text)]
    assert found == ["Nguyễn Minh Tường", "Lê Thị Hồng Vân", "Karel Dvořák", "Pieter Van den Broeck"]


def test_possessive_country_before_a_title_and_brought_together_heads():
    from dialogwatch.extract.pipeline import extract_text

    text = (
        "The meeting of the Security Implementation Group brought together Mexico's Security Minister "
        "Rodrigo Alcántara Fuentes and U.S. Deputy Homeland Security Secretary Evan Whitford."
    )
    got = {p.name: (p.side, p.role) for p in extract_text(text, language="en").participants}
    assert got == {"Rodrigo Alcántara Fuentes": ("MX", "head"), "Evan Whitford": ("US", "head")}


def test_a_quien_acompano_makes_a_member_and_member_is_a_post():
    from dialogwatch.extract.pipeline import extract_text

    es = (
        "La delegación europea fue encabezada por el director para las Américas del Servicio Europeo de "
        "Acción Exterior, Pieter Van den Broeck, a quien acompañó la embajadora de la UE en Colombia, "
        "Marta Echeverría Lasa."
    )
    got = {p.name: (p.side, p.role) for p in extract_text(es, language="es").participants}
    assert got == {"Pieter Van den Broeck": ("EU", "head"), "Marta Echeverría Lasa": ("EU", "member")}
    en = (
        "The delegation consisted of Ingrid Solheim, Chair-Rapporteur of the Working Group, and Working "
        "Group member Tomás Erazo Villca."
    )
    got = {p.name: p.title for p in extract_text(en, language="en").participants}
    assert got == {
        "Ingrid Solheim": "Chair-Rapporteur of the Working Group",
        "Tomás Erazo Villca": "Working Group member",
    }


def test_people_named_by_role_nouns_and_places_that_look_like_names():
    from dialogwatch.extract.pipeline import extract_text

    text = (
        "The EU raised the cases of the bloggers Trần Văn Khải and Nguyễn Thị Thu Hà. Adriana Ochoa, a "
        "researcher at a human rights center, said the port of Lázaro Cárdenas is key."
    )
    got = {p.name: (p.role, p.side) for p in extract_text(text, language="en").participants}
    assert got == {
        "Trần Văn Khải": ("mentioned", None),
        "Nguyễn Thị Thu Hà": ("mentioned", None),
        "Adriana Ochoa": ("mentioned", None),
    }


def test_members_listed_for_one_side_then_the_other_side_of_the_table():
    text = (
        "Participaron por Guatemala el ministro de Gobernación, Francisco Jiménez Irungaray; el ministro "
        "de la Defensa Nacional, general Henry Sáenz Ramos; y la fiscal Ana Lucía Morales Pivaral. "
        "Del otro lado de la mesa estuvieron la subsecretaria Carmen Ibáñez Luján y el comisionado "
        "Tomás Arriaga Núñez, con sus equipos."
    )
    p = _people(text, "es")
    assert p["Francisco Jiménez Irungaray"].side == "GT"
    assert p["Henry Sáenz Ramos"].role == "member"
    # the rank after the post is not part of the title
    assert p["Henry Sáenz Ramos"].title == "ministro de la Defensa Nacional"
    assert p["Carmen Ibáñez Luján"].role == "member"
    assert p["Carmen Ibáñez Luján"].side != "GT"  # the other side of the table


def test_english_taking_part_for_a_side():
    text = (
        "Taking part for Canada were Deputy Minister Rachel Osei of Global Affairs Canada and "
        "Commissioner Marc Lavoie of the Royal Canadian Mounted Police."
    )
    p = _people(text)
    assert p["Rachel Osei"].side == "CA"
    assert p["Marc Lavoie"].role == "member"


def test_future_delegation_heads_named_by_surname_and_included_members():
    text = (
        "Rebecca Lindqvist, Assistant Secretary of State for Democracy, Human Rights, and Labor, will "
        "travel to Bogotá next week. In Bogotá, Assistant Secretary Lindqvist will head a U.S. delegation "
        "that will include U.S. Ambassador to Colombia Francisco Palmieri. The Colombian delegation will "
        "be headed by Vice Minister Elizabeth Taylor Jay and will include Director Paula Gaviria Betancur."
    )
    p = _people(text)
    assert p["Rebecca Lindqvist"].role == "head"
    assert (p["Francisco Palmieri"].role, p["Francisco Palmieri"].side) == ("member", "US")
    assert p["Elizabeth Taylor Jay"].role == "head"
    assert p["Paula Gaviria Betancur"].role == "member"


def test_appositive_stops_before_the_rest_of_the_list_and_speaker_titles():
    text = (
        "The Dialogue was co-chaired by Anna Berg, Head of the Central Asia Division at the European "
        "External Action Service, and by Akmal Saidov, First Deputy Speaker of the Legislative Chamber. "
        "The EU delegation also included Ingrid Vos, Head of the EU Delegation to Uzbekistan, and "
        "representatives of the European Commission."
    )
    p = _people(text)
    assert p["Ingrid Vos"].title == "Head of the EU Delegation to Uzbekistan"
    assert p["Akmal Saidov"].title.startswith("First Deputy Speaker")


def test_spanish_membership_with_ademas():
    text = (
        "La delegación colombiana estuvo integrada, además, por la Dra. Lina Rozo Pérez, directora de "
        "Derechos Humanos de la Cancillería, y por funcionarios de la Unidad Nacional de Protección."
    )
    p = _people(text, "es")
    assert (p["Lina Rozo Pérez"].role, p["Lina Rozo Pérez"].side) == ("member", "CO")


def test_bulleted_lists_under_delegation_headings():
    text = (
        "The United States and Vietnam held their Human Rights Dialogue in Hanoi.\n\n"
        "**U.S. Delegation**\n\n"
        "- Kara C. McDonald, Deputy Assistant Secretary, Bureau of Democracy, Human Rights, and Labor "
        "(head of delegation)\n"
        "- Marc E. Knapper, U.S. Ambassador to Vietnam\n\n"
        "**Vietnamese Delegation**\n\n"
        "- Pham Hai Anh, Director General, Department of International Organizations, Ministry of Foreign "
        "Affairs (head of delegation)\n"
        "- Do Thi Hong Van, Deputy Director General, Ministry of Public Security\n"
    )
    p = _people(text)
    assert (p["Kara C. McDonald"].role, p["Kara C. McDonald"].side) == ("head", "US")
    assert p["Kara C. McDonald"].organization == "Bureau of Democracy, Human Rights, and Labor"
    assert p["Marc E. Knapper"].organization is None  # not the embassy in Mexico
    assert (p["Pham Hai Anh"].role, p["Pham Hai Anh"].side) == ("head", "VN")
    assert (p["Do Thi Hong Van"].role, p["Do Thi Hong Van"].side) == ("member", "VN")


def test_spanish_delegation_heading_over_a_list():
    text = (
        "México y Guatemala celebraron la reunión del Grupo de Alto Nivel de Seguridad.\n\n"
        "Delegación de Guatemala\n\n"
        "- Francisco Jiménez Irungaray, ministro de Gobernación\n"
        "- Henry Sáenz Ramos, ministro de la Defensa Nacional\n"
    )
    p = _people(text, "es")
    assert {p[n].side for n in ("Francisco Jiménez Irungaray", "Henry Sáenz Ramos")} == {"GT"}
    assert p["Henry Sáenz Ramos"].role == "member"


def test_civil_society_titles_are_not_their_countrys_side():
    en = _people("Miriam Hoffmann, Coordinator, EU-LAT Network, urged the EU delegation to raise the cases.")
    assert en["Miriam Hoffmann"].side == "CSO"
    es = _people(
        "La UE escuchó a Ana Ruiz Torres, coordinadora de incidencia de la Red por los Derechos.", "es"
    )
    assert es["Ana Ruiz Torres"].side == "CSO"


def test_spanish_letter_address_blocks_before_presente():
    text = (
        "Carta abierta con motivo del XII Diálogo de Alto Nivel sobre Derechos Humanos\n\n"
        "Ciudad de México, 2 de octubre de 2024\n\n"
        "Sr. Olof Skoog\nRepresentante Especial de la Unión Europea para los Derechos Humanos\n\n"
        "Emb. Joel Hernández García\nSubsecretario para Asuntos Multilaterales y Derechos Humanos\n"
        "Secretaría de Relaciones Exteriores\n\n"
        "P r e s e n t e s\n\n"
        "Las organizaciones que integramos la Red nos dirigimos a ustedes con motivo del Diálogo."
    )
    ctx = build_context(text, "es")
    doc = classify_document(ctx)
    assert doc.doc_type == "letter"
    p = {x.name: x for x in find_participants(ctx, doc, find_acronyms(ctx))}
    assert (p["Olof Skoog"].role, p["Olof Skoog"].side) == ("addressee", "EU")
    hernandez = p["Joel Hernández García"]
    assert (hernandez.role, hernandez.organization) == ("addressee", "Secretaría de Relaciones Exteriores")


def test_a_carried_over_side_yields_to_the_persons_own():
    text = (
        "Secretary of State Marco Rubio led the U.S. delegation and Foreign Secretary Juan Ramón de la "
        "Fuente led the Mexican delegation. Also taking part were Attorney General Pamela Bondi, "
        "Secretary of Security Omar García Harfuch and U.S. Ambassador Ronald Johnson."
    )
    p = _people(text)
    assert p["Pamela Bondi"].side == "US"  # a known official, not the Mexican side named last
    assert p["Ronald Johnson"].side == "US"  # "U.S. Ambassador"
    assert p["Omar García Harfuch"].side == "MX"


@pytest.mark.parametrize(
    "sentence",
    [
        "Por la UE, el diálogo fue dirigido por la representante especial de la UE para los "
        "Derechos Humanos, "
        "Olof Skoog, a quien acompañó el embajador de la UE en Chile, León de la Torre.",
        "Por la Unión Europea, las conversaciones fueron conducidas por la representante especial para los "
        "Derechos Humanos, Olof Skoog, a quien acompañó el embajador de la UE en Chile, León de la Torre.",
    ],
)
def test_spanish_dialogue_directed_by_a_side_names_its_head(sentence):
    people = _people(sentence, "es")
    assert (people["Olof Skoog"].side, people["Olof Skoog"].role) == ("EU", "head")
    assert (people["León de la Torre"].side, people["León de la Torre"].role) == ("EU", "member")


def test_led_on_each_side_by_and_members_of_their_own_agencies():
    text = (
        "The Dialogue was led on the U.S. side by Secretary of State Antony Blinken and Attorney General "
        "Merrick Garland, and on the Mexican side by Foreign Secretary Marcelo Ebrard. Also participating "
        "were Deputy Secretary of Homeland Security John Tien and Steven Dettelbach, "
        "Director of the Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF)."
    )
    people = _people(text)
    assert {n: (p.side, p.role) for n, p in people.items()} == {
        "Antony Blinken": ("US", "head"),
        "Merrick Garland": ("US", "head"),
        "Marcelo Ebrard": ("MX", "head"),
        # the side carried from the sentence before yields to their agencies' country
        "John Tien": ("US", "member"),
        "Steven Dettelbach": ("US", "member"),
    }


def test_a_ministry_name_does_not_move_a_member_to_another_side():
    text = (
        "The Guatemalan delegation was headed by Vice Minister of Foreign Affairs Ana Quiñónez. Also "
        "participating were Claudia Palencia, Vice Minister of Security of the Ministry of Government, and "
        "Héctor Baldizón, Director of the Guatemalan Migration Institute."
    )
    people = _people(text)
    assert people["Claudia Palencia"].side == "GT"
    assert people["Héctor Baldizón"].side == "GT"


@pytest.mark.parametrize(
    ("sentence", "name", "title"),
    [
        (
            "La delegación mexicana estuvo encabezada por la comisionada nacional de búsqueda, Teresa "
            "Reyes Sahagún, y por el subsecretario de Gobernación, Félix Medina.",
            "Teresa Reyes Sahagún",
            "comisionada nacional de búsqueda",
        ),
        (
            "La delegación estuvo encabezada por el secretario de seguridad pública Omar Ruiz Tapia.",
            "Omar Ruiz Tapia",
            "secretario de seguridad pública",
        ),
        # a second post and a verb are no part of the title before the name
        (
            "La delegación europea estuvo integrada por funcionarios de la Comisión Europea y por el "
            "embajador de la UE en México, Gautier Mignot.",
            "Gautier Mignot",
            "embajador de la UE en México",
        ),
    ],
)
def test_a_title_before_the_name_may_be_written_in_lower_case(sentence, name, title):
    assert _people(sentence, "es")[name].title == title


def test_people_accompanying_a_head_keep_their_agencies_side_and_first_post():
    text = (
        "La delegación mexicana estuvo encabezada por la comisionada nacional de búsqueda, Teresa Reyes. "
        "Acompañaron al embajador Salazar la directora de la Misión de USAID en México, Patricia Whitfield, "
        "y el agregado del Departamento de Justicia, Daniel Corcoran, titular en México del Programa "
        "Internacional de Capacitación."
    )
    people = _people(text, "es")
    assert (people["Patricia Whitfield"].side, people["Patricia Whitfield"].role) == ("US", "member")
    corcoran = people["Daniel Corcoran"]
    assert (corcoran.side, corcoran.role, corcoran.title) == ("US", "member", "agregado")
    assert corcoran.organization == "Departamento de Justicia"


def test_co_chairs_named_together_with_the_other_sides_and_their_honorifics():
    text = (
        "Canada and Mexico held the second High-Level Security Dialogue in Ottawa. The Dialogue was "
        "co-chaired by the Honourable Élise Gauthier, Minister of Foreign Affairs, and the Honourable "
        "Gurdeep Malhotra, Minister of Public Safety, together with Omar Villalpando Ruiz, Mexico's "
        "Secretary of Security and Citizen Protection."
    )
    ctx = build_context(text, "en")
    doc = classify_document(ctx)
    from dialogwatch.extract.meetings import find_meetings
    from dialogwatch.extract.visits import opposite_heads

    people = {p.name: p for p in find_participants(ctx, doc, find_acronyms(ctx))}
    opposite_heads(find_meetings(ctx, doc)[0], list(people.values()))
    assert set(people) == {"Élise Gauthier", "Gurdeep Malhotra", "Omar Villalpando Ruiz"}  # no "Honourable"
    assert people["Élise Gauthier"].title == "Minister of Foreign Affairs"
    assert {n: (p.side, p.role) for n, p in people.items()} == {
        "Élise Gauthier": ("CA", "head"),
        "Gurdeep Malhotra": ("CA", "head"),
        "Omar Villalpando Ruiz": ("MX", "head"),
    }


def test_a_speakers_company_shares_her_side_and_the_addressed_head_leads_the_other():
    text = (
        "Palabras de la canciller Valeria Montaño en la apertura del V Diálogo de Alto Nivel sobre "
        "Seguridad México–Estados Unidos\n\n"
        "Señor subsecretario de Estado, Daniel Whitaker, jefe de la delegación de los Estados Unidos;\n\n"
        "Vengo acompañada por el secretario de Seguridad y Protección Ciudadana, Omar Villalpando Ruiz; "
        "por la subsecretaria para América del Norte, Jimena Arriaga Toledo; por el fiscal especial en "
        "materia de Delincuencia Organizada, Gerardo Anaya Trujillo."
    )
    people = _people(text, "es")
    assert (people["Daniel Whitaker"].side, people["Daniel Whitaker"].role) == ("US", "head")
    for name in ("Omar Villalpando Ruiz", "Jimena Arriaga Toledo", "Gerardo Anaya Trujillo"):
        assert (people[name].side, people[name].role) == ("MX", "member"), name


def test_a_list_of_both_sides_keeps_each_members_own_side():
    text = (
        "El diálogo fue copresidido por el subsecretario Joel Hernández, de la SRE, y por el Representante "
        "Especial de la UE, Eamon Gilmore. Participaron también el embajador de la UE en México, Gautier "
        "Mignot, y el director general de Derechos Humanos de la Cancillería, Cristopher Ballinas."
    )
    assert _people(text, "es")["Cristopher Ballinas"].side != "EU"


def test_a_head_with_members_after_a_comma_and_with():
    text = (
        "Colombia's delegation was headed by Vice Foreign Minister Catalina Durán Restrepo, with Defense "
        "Vice Minister Andrés Felipe Moncada and Luz Marina Ortega, the presidential adviser for "
        "human rights."
    )
    people = _people(text)
    assert [(n, p.role) for n, p in people.items()] == [
        ("Catalina Durán Restrepo", "head"),
        ("Andrés Felipe Moncada", "member"),
        ("Luz Marina Ortega", "member"),
    ]
    assert people["Luz Marina Ortega"].title == "presidential adviser for human rights"


@pytest.mark.parametrize(
    ("sentence", "name", "title"),
    [
        (
            "The EU raised the case of human rights lawyer Chen Yuming, held since 2022.",
            "Chen Yuming",
            "human rights lawyer",
        ),
        (
            "They discussed the sentence of citizen journalist Lin Qiaowen.",
            "Lin Qiaowen",
            "citizen journalist",
        ),
        ("Another writer, Le Dinh Luong, is serving a long sentence.", "Le Dinh Luong", "writer"),
    ],
)
def test_a_person_noun_keeps_the_words_that_say_what_kind(sentence, name, title):
    p = _people(sentence)[name]
    assert (p.title, p.role, p.side) == (title, "mentioned", None)


def test_titles_after_a_quien_acompanaron_and_names_with_por():
    text = (
        "La delegación colombiana contó con la participación del director de la Unidad de Búsqueda de "
        "Personas dadas por Desaparecidas (UBPD), Camilo Arbeláez. La delegación estadounidense fue "
        "encabezada por Daniel Crowley, a quien acompañaron la embajadora de Estados Unidos en Colombia, "
        "Margaret Ellison."
    )
    people = _people(text, "es")
    assert people["Camilo Arbeláez"].organization == "Unidad de Búsqueda de Personas dadas por Desaparecidas"
    assert people["Margaret Ellison"].title == "embajadora de Estados Unidos en Colombia"


def test_another_countrys_secretary_of_state_heads_no_us_department():
    text = (
        "The Honduran delegation was led by the Secretary of State for Human Rights, Ramiro Cálix Bonilla. "
        "The U.S. delegation was led by Assistant Secretary of State Eleanor Voss."
    )
    people = _people(text)
    assert people["Ramiro Cálix Bonilla"].side == "HN"
    assert people["Ramiro Cálix Bonilla"].organization != "Department of State"
    assert people["Eleanor Voss"].organization == "Department of State"


def test_quien_la_encabezo_makes_the_person_before_it_the_head():
    text = (
        "La delegación europea estuvo integrada por Henrik Laursen, director general adjunto de Migración "
        "de la Comisión Europea, quien la encabezó; por la embajadora de la UE en México, Sigrid Van Damme, "
        "y por representantes del SEAE."
    )
    people = _people(text, "es")
    assert (people["Henrik Laursen"].role, people["Sigrid Van Damme"].role) == ("head", "member")


def test_the_other_delegation_named_by_its_adjective_alone():
    text = (
        "La delegación mexicana fue encabezada por la subsecretaria Lucía Estrada Villaseñor, y la "
        "estadounidense por Thomas Ashcombe, subsecretario adjunto del Departamento de Estado."
    )
    people = _people(text, "es")
    assert (people["Lucía Estrada Villaseñor"].side, people["Thomas Ashcombe"].side) == ("MX", "US")
    assert people["Thomas Ashcombe"].role == "head"

"""The English rules of the scanner: official names (EN-01), the sea and the archipelagos
(SOV-01, SOV-02, SOV-03), the country's name, and the glossary of official terms.

Official forms are those of ../shared/DOMAIN.md ("Official English names") and Circular
03/2009/TT-BNG; severities are those of ../shared/RULES.md: EN-01 and SOV-03 advise (warn),
SOV-01 and SOV-02 block.
"""

from __future__ import annotations

import pytest

from cms.security.scanner import ScanConfig, Scanner, Severity
from cms.security.scanner.data import ENGLISH_GLOSSARY

BLOCK, ATTEST, WARN = Severity.BLOCK, Severity.ATTEST, Severity.WARN

# A page for foreign investors written only with the official forms, from the facts of
# DOMAIN.md. Nothing in it may be reported.
INVESTOR_ARTICLE = """Invest in Xuan Truong Commune

Xuan Truong Commune lies in Ninh Binh Province, in the fertile Red River Delta of northern \
Viet Nam. It was formed on 1 July 2025 from communes of the former Xuan Truong District, when \
Viet Nam moved to a two-tier system of local government.

The People's Committee of Xuan Truong Commune welcomes investors in high-tech agriculture, \
farm-produce processing, traditional crafts and cultural and spiritual tourism. Visitors come \
to the autumn festival of Keo Hanh Thien Pagoda and to Phu Nhai Church; Hanh Thien village is \
the birthplace of General Secretary Truong Chinh.

"We will work alongside every investor, from the first enquiry to the opening of the \
factory," said the Chairman of the People's Committee of Xuan Truong Commune. A Vice \
Chairwoman of the People’s Committee of Xuan Truong Commune leads the team that supports \
investors, and the People's Council of Xuan Truong Commune follows its work.

The commune's spokesperson works under Decree No. 09/2017/ND-CP, and its communication on \
human rights follows Decision No. 1079/QD-TTg. The People's Committee of Ninh Binh Province \
and the Department of Culture and Sports of Ninh Binh Province promote the province abroad, \
with guidance from the Ministry of Foreign Affairs, the Ministry of Culture, Sports and \
Tourism and the Ministry of Education and Training.

On Vietnamese Entrepreneurs' Day (13 October) the commune met local businesses and \
cooperatives, and the Vietnam Women's Union and the Vietnam Farmers' Union presented the work \
of their members. Like every locality of Viet Nam, the commune honours the fishermen of the \
East Sea and Viet Nam's sovereignty over the Hoang Sa (Paracel) and Truong Sa (Spratly) \
archipelagos. Along the Eastern Seaboard of the delta, dykes protect the fields.

VIET NAM – A DESTINATION FOR INVESTORS

Socialist Republic of Viet Nam – Independence – Freedom – Happiness
"""


def scan(text, lang="en", config=None):
    return Scanner(config).scan(text, lang=lang)


def only(findings, rule):
    """The one finding of ``rule``."""
    matching = [f for f in findings if f.rule == rule]
    assert len(matching) == 1, [(f.rule, f.excerpt) for f in findings]
    return matching[0]


# ------------------------------------------------------------------ correct text


def test_a_realistic_english_investor_article_has_no_finding():
    assert [(f.rule, f.excerpt) for f in scan(INVESTOR_ARTICLE)] == []


@pytest.mark.parametrize("term", sorted({t.right for t in ENGLISH_GLOSSARY}))
def test_every_official_form_passes_alone_in_a_sentence_and_in_capitals(term):
    for text in (f"We thank the {term} for its support.", term.upper()):
        assert not [f for f in scan(text) if f.rule == "EN-01"], text


@pytest.mark.parametrize(
    "text",
    [
        "The People’s Committee of Xuan Truong Commune met investors.",  # curly apostrophe
        "People's  Committee of Xuan\nTruong Commune",  # spaces and a line break
        "Along the Eastern Seaboard the dykes were raised.",  # "Eastern Sea" inside a word
        "People Committees of the commune",  # not "People Committee"
        "The Hoangsan valley",  # "Hoangsa" inside a word
        "Write to ubnd@xuantruong.ninhbinh.gov.vn or visit vietnam.gov.vn.",
        "Follow #vietnam and @VietnamTourism for news.",
        "viet-nam-sovereignty-east-sea",  # a page's slug
        "invest-in-ninh-binh-province-xuan-truong-commune",
        "Vietnamese farmers and the Vietnam Fatherland Front",
        "the Vice Chairman said; the vice chairman added",
        "Vice President Vo Thi Anh Xuan visited the province.",
        "the Ministry of Education and Training",
        "the Ministry of National Defence",
    ],
)
def test_ordinary_words_and_correct_names_are_not_flagged(text):
    assert [f for f in scan(text) if f.rule == "EN-01"] == []


# ------------------------------------------------------------------ wrong forms


@pytest.mark.parametrize(
    ("text", "excerpt", "suggestion"),
    [
        # the commune and its bodies
        (
            "Xuan Truong Commune People's Committee announced the plan.",
            "Xuan Truong Commune People's Committee",
            "People's Committee of Xuan Truong Commune",
        ),
        (
            "xuan truong commune people’s committee announced the plan.",
            "xuan truong commune people’s committee",
            "People's Committee of Xuan Truong Commune",
        ),
        (
            "The Xuan Truong People's Committee met investors.",
            "Xuan Truong People's Committee",
            "People's Committee of Xuan Truong Commune",
        ),
        (
            "The People's Committee of Xuan Truong met investors.",
            "People's Committee of Xuan Truong",
            "People's Committee of Xuan Truong Commune",
        ),
        (
            "The Peoples Committee met investors.",
            "Peoples Committee",
            "People's Committee",
        ),
        ("Welcome to Xuan Truong commune.", "Xuan Truong commune", "Xuan Truong Commune"),
        (
            "Xuân Trường commune welcomes you.",  # diacritics and capitals
            "Xuân Trường commune",
            "Xuan Truong Commune",
        ),
        # the commune's leaders
        (
            "the Chairman of Xuan Truong Commune said",
            "Chairman of Xuan Truong Commune",
            "Chairman of the People's Committee of Xuan Truong Commune",
        ),
        (
            "the Deputy Chairwoman of Xuan Truong Commune said",
            "Deputy Chairwoman of Xuan Truong Commune",
            "Vice Chairwoman of the People's Committee of Xuan Truong Commune",
        ),
        (
            "the President of the People's Committee said",
            "President of the People's Committee",
            "Chairman/Chairwoman of the People's Committee",
        ),
        (
            "the Vice President of the People's Committee said",
            "Vice President of the People's Committee",
            "Vice Chairman/Chairwoman of the People's Committee",
        ),
        (
            "the commune mayor said",
            "commune mayor",
            "Chairman/Chairwoman of the People's Committee",
        ),
        (
            "the commune chairman said",
            "commune chairman",
            "Chairman of the commune People's Committee",
        ),
        ("Deputy Chairman Tran Van B said", "Deputy Chairman", "Vice Chairman"),
        ("Vice-Chairwoman Le Thi C said", "Vice-Chairwoman", "Vice Chairwoman"),
        # the province and its bodies
        ("Ninh Binh province is growing.", "Ninh Binh province", "Ninh Binh Province"),
        (
            "the Ninh Binh Provincial People's Committee decided",
            "Ninh Binh Provincial People's Committee",
            "People's Committee of Ninh Binh Province",
        ),
        (
            "the Ninh Binh People's Committee decided",
            "Ninh Binh People's Committee",
            "People's Committee of Ninh Binh Province",
        ),
        (
            "the Ninh Binh Department of Culture, Sports and Tourism",
            "Ninh Binh Department of Culture, Sports and Tourism",
            "Department of Culture and Sports of Ninh Binh Province",
        ),
        (
            "the Ninh Binh Culture and Sports Department",
            "Ninh Binh Culture and Sports Department",
            "Department of Culture and Sports of Ninh Binh Province",
        ),
        # the country, the sea, the national motto
        ("Vietnam welcomes investors.", "Vietnam", "Viet Nam"),
        ("Vietnam’s economy grows.", "Vietnam’s", "Viet Nam’s"),
        ("Viet-Nam welcomes investors.", "Viet-Nam", "Viet Nam"),
        ("Made in Viet nam", "Viet nam", "Viet Nam"),
        (
            "Socialist Republic of Vietnam",
            "Socialist Republic of Vietnam",
            "Socialist Republic of Viet Nam",
        ),
        (
            "Independence - Liberty - Happiness",
            "Independence - Liberty - Happiness",
            "Independence – Freedom – Happiness",
        ),
        ("fishermen of the East Vietnam Sea", "East Vietnam Sea", "East Sea"),
        ("fishermen of the Bien Dong Sea", "Bien Dong Sea", "East Sea"),
        ("the Hoangsa archipelago", "Hoangsa", "Hoang Sa"),
        # ministries (Circular 03/2009/TT-BNG)
        ("the Ministry of Defence", "Ministry of Defence", "Ministry of National Defence"),
        ("the Ministry of Police", "Ministry of Police", "Ministry of Public Security"),
        ("the Interior Ministry", "Interior Ministry", "Ministry of Home Affairs"),
        (
            "the Ministry of Culture, Sport and Tourism",
            "Ministry of Culture, Sport and Tourism",
            "Ministry of Culture, Sports and Tourism",
        ),
        # document symbols and place names without Vietnamese letters
        ("under Decree 09/2017/NĐ-CP", "09/2017/NĐ-CP", "09/2017/ND-CP"),
        ("Ninh Bình Province", "Ninh Bình Province", "Ninh Binh Province"),
    ],
)
def test_wrong_forms_are_flagged_with_the_official_form(text, excerpt, suggestion):
    finding = only(scan(text), "EN-01")

    assert finding.severity is WARN
    assert finding.excerpt == excerpt
    assert finding.suggestion == suggestion  # with the official capitals


def test_every_wrong_form_of_the_built_in_glossary_is_flagged_with_its_official_form():
    for term in ENGLISH_GLOSSARY:
        for wrong in term.wrong:
            finding = only(scan(f"In 2025 the {wrong} met investors."), "EN-01")
            assert (finding.excerpt, finding.suggestion) == (wrong, term.right)


def test_a_title_has_the_message_about_titles_and_capitals_their_own():
    title = only(scan("the commune mayor said"), "EN-01")
    assert "Chairman/Chairwoman of the People's Committee" in title.message
    capitals = only(scan("Welcome to Ninh Binh province"), "EN-01")
    assert "capitals" in capitals.message


# ------------------------------------------------------------------ sovereignty


def test_south_china_sea_blocks_and_east_sea_is_suggested():
    finding = only(scan("Fishermen from Ninh Binh sail to the South China Sea."), "SOV-01")
    assert finding.severity is BLOCK
    assert finding.suggestion == "East Sea"
    assert scan("Fishermen from Ninh Binh sail to the East Sea.") == []


def test_south_china_sea_as_a_gloss_after_east_sea_is_advice_and_quoted_needs_attestation():
    gloss = only(scan("the East Sea (internationally known as the South China Sea)"), "SOV-01")
    assert gloss.severity is WARN
    quoted = only(scan('The report was titled "Tensions in the South China Sea".'), "SOV-01")
    assert quoted.severity is ATTEST


@pytest.mark.parametrize(
    ("text", "excerpt", "suggestion"),
    [
        ("tourism to the Paracel Islands", "Paracel Islands", "Hoang Sa (Paracel) archipelago"),
        ("the Spratlys", "Spratlys", "Truong Sa (Spratly)"),
        ("the Paracel (Hoang Sa) archipelago", "Paracel (Hoang Sa)", "Hoang Sa (Paracel)"),
        (
            "the Paracel and Spratly archipelagos",
            "Spratly archipelagos",
            "Truong Sa (Spratly) archipelagos",
        ),
    ],
)
def test_paracel_and_spratly_only_as_the_gloss_of_the_vietnamese_names(text, excerpt, suggestion):
    findings = [f for f in scan(text) if f.rule == "SOV-03"]
    finding = next(f for f in findings if f.excerpt == excerpt)
    assert finding.severity is WARN
    assert finding.suggestion == suggestion


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [
        ("Xisha", "Hoang Sa (Paracel)"),
        ("Nansha", "Truong Sa (Spratly)"),
        ("Sansha", "Use the Vietnamese names: Hoang Sa (Paracel), Truong Sa (Spratly)."),
    ],
)
def test_chinese_names_of_the_archipelagos_block(name, suggestion):
    finding = only(scan(f"Tourists visit the {name} islands."), "SOV-02")
    assert finding.severity is BLOCK
    assert finding.suggestion == suggestion


def test_the_official_sovereignty_sentence_passes():
    text = "Viet Nam's Hoang Sa (Paracel) and Truong Sa (Spratly) archipelagos in the East Sea"
    assert scan(text) == []


# ------------------------------------------------------------------ Vietnamese pages


def test_vietnamese_pages_are_not_checked_with_the_english_glossary():
    text = (
        "Xuan Truong Commune People's Committee, Ninh Binh province, Vietnam. "
        "Ủy ban nhân dân xã Xuân Trường, tỉnh Ninh Bình tiếp đoàn nhà đầu tư."
    )
    assert [f for f in scan(text, lang="vi") if f.rule == "EN-01"] == []
    config = ScanConfig(term_replacements={"EN-01": {"Xuan Truong One-stop Desk": "X"}})
    assert [f for f in scan("Xuan Truong One-stop Desk", "vi", config) if f.rule == "EN-01"] == []


def test_sovereignty_rules_still_apply_to_vietnamese_pages():
    finding = only(scan("Ngư dân ra khơi trên Biển Nam Trung Hoa.", lang="vi"), "SOV-01")
    assert finding.severity is BLOCK
    assert finding.suggestion == "Biển Đông"


# ------------------------------------------------------------------ the office's glossary


def test_an_office_pair_is_flagged_with_its_replacement():
    config = ScanConfig(
        term_replacements={
            "EN-01": {"Xuan Truong One-stop Desk": "One-stop Service Desk of Xuan Truong Commune"}
        }
    )
    finding = only(scan("Apply at the xuan truong one-stop desk.", config=config), "EN-01")

    assert finding.excerpt == "xuan truong one-stop desk"
    assert finding.suggestion == "One-stop Service Desk of Xuan Truong Commune"
    assert "One-stop Service Desk of Xuan Truong Commune" in finding.message
    # the right form itself, and other pages' configurations, are not affected
    assert scan("the One-stop Service Desk of Xuan Truong Commune", config=config) == []
    assert not [f for f in scan("Apply at the Xuan Truong One-stop Desk.") if f.rule == "EN-01"]


def test_the_office_replacement_wins_over_the_built_in_one():
    text = "Xuan Truong Commune People's Committee"
    config = ScanConfig(
        term_replacements={"EN-01": {text: "the People's Committee of Xuan Truong Commune"}}
    )
    finding = only(scan(text, config=config), "EN-01")
    assert finding.suggestion == "the People's Committee of Xuan Truong Commune"


def test_an_office_term_without_replacement_keeps_the_built_in_suggestion_or_has_none():
    config = ScanConfig(extra_terms={"EN-01": ("Xuan Truong People's Committee", "commune boss")})
    kept = only(scan("the Xuan Truong People's Committee", config=config), "EN-01")
    assert kept.suggestion == "People's Committee of Xuan Truong Commune"
    avoided = only(scan("the commune boss said", config=config), "EN-01")
    assert avoided.suggestion is None
    assert "commune boss" in avoided.message


def test_an_office_pair_that_differs_in_capitals_only_checks_the_capitals():
    config = ScanConfig(term_replacements={"EN-01": {"Keo pagoda": "Keo Pagoda"}})
    finding = only(scan("the Keo pagoda festival", config=config), "EN-01")
    assert finding.suggestion == "Keo Pagoda"
    assert scan("the Keo Pagoda festival", config=config) == []


def test_an_office_term_that_is_part_of_its_replacement_is_not_flagged_inside_it():
    config = ScanConfig(
        term_replacements={"EN-01": {"Phu Nhai church": "Phu Nhai Church (Phu Nhai parish)"}}
    )
    assert scan("Phu Nhai Church (Phu Nhai parish) welcomes visitors.", config=config) == []
    assert only(scan("Phu Nhai church welcomes visitors.", config=config), "EN-01")


def test_a_replacement_for_another_rule_is_its_suggestion_at_the_rule_s_severity():
    config = ScanConfig(term_replacements={"SOV-01": {"South Sea of China": "East Sea"}})
    finding = only(scan("ships in the South Sea of China", config=config), "SOV-01")
    assert finding.severity is BLOCK
    assert finding.suggestion == "East Sea"


def test_terms_without_replacements_keep_working_as_before():
    config = ScanConfig(extra_terms={"IMG-01": ("Van Ly weather station",)})
    scanner = Scanner(config)
    assert ScanConfig().term_replacements == {}
    findings = scanner.scan("Photo of the Van Ly weather station", lang="en")
    assert findings == []  # IMG-01 applies to image parts only
    from cms.security.scanner import ScanContext

    [finding] = scanner.scan(
        "the Van Ly weather station", lang="en", context=ScanContext(part="caption")
    )
    assert finding.rule == "IMG-01" and finding.severity is ATTEST

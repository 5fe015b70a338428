"""Built-in reference data: province codes, free-mail domains, holidays, legal documents,
the glossary of official English names.

The office extends the holidays, the document registry and the glossary in the admin; the
Django adapter passes them in ``ScanConfig.occasions``, ``ScanConfig.documents`` and
``ScanConfig.term_replacements`` and they are merged with the lists below (the office's
entry wins when both name the same thing).
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import KnownDocument, KnownOccasion

# First three digits of the 12-digit citizen ID number (số định danh cá nhân): the code
# of the province of birth registration, the 63 provinces before the 2025 merger
# (Thông tư 07/2016/TT-BCA, Phụ lục). Numbers issued after 1/7/2025 keep these codes.
PROVINCE_CODES: frozenset[str] = frozenset(
    [
        "001",
        "002",
        "004",
        "006",
        "008",
        "010",
        "011",
        "012",
        "014",
        "015",
        "017",
        "019",
        "020",
        "022",
        "024",
        "025",
        "026",
        "027",
        "030",
        "031",
        "033",
        "034",
        "035",
        "036",
        "037",
        "038",
        "040",
        "042",
        "044",
        "045",
        "046",
        "048",
        "049",
        "051",
        "052",
        "054",
        "056",
        "058",
        "060",
        "062",
        "064",
        "066",
        "067",
        "068",
        "070",
        "072",
        "074",
        "075",
        "077",
        "079",
        "080",
        "082",
        "083",
        "084",
        "086",
        "087",
        "089",
        "091",
        "092",
        "093",
        "094",
        "095",
        "096",
    ]
)

# Free e-mail services: an address there is a private person's, never an office's.
FREE_MAIL_DOMAINS: frozenset[str] = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "yahoo.com.vn",
        "ymail.com",
        "rocketmail.com",
        "hotmail.com",
        "hotmail.com.vn",
        "outlook.com",
        "outlook.com.vn",
        "live.com",
        "msn.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "yandex.com",
        "yandex.ru",
        "mail.ru",
        "gmx.com",
        "gmx.net",
        "proton.me",
        "protonmail.com",
        "zoho.com",
        "qq.com",
        "163.com",
        "126.com",
        "tutanota.com",
    ]
)

# Abbreviations of kinds of administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục
# III) and the usual issuers; used to recognise a symbol written without its hyphen
# ("TTBTTTT" for "TT-BTTTT").
DOCUMENT_KINDS: tuple[str, ...] = (
    "NQ",
    "QĐ",
    "QĐi",
    "CT",
    "QC",
    "TB",
    "HD",
    "CTr",
    "KH",
    "PA",
    "ĐA",
    "DA",
    "BC",
    "BB",
    "TTr",
    "HĐ",
    "CV",
    "CĐ",
    "GM",
    "GUQ",
    "GGT",
    "PC",
    "NĐ",
    "TT",
    "TTLT",
    "KL",
    "QyĐ",
    "LĐ",
)
ISSUERS: frozenset[str] = frozenset(
    [
        "CP",
        "TTg",
        "UBND",
        "HĐND",
        "BTTTT",
        "BVHTTDL",
        "BCA",
        "BQP",
        "BNG",
        "BNV",
        "BTC",
        "BTP",
        "BKHĐT",
        "BTNMT",
        "BYT",
        "BGDĐT",
        "BNNPTNT",
        "BLĐTBXH",
        "BXD",
        "BGTVT",
        "BCT",
        "VPCP",
        "TW",
        "TU",
        "HU",
        "ĐU",
        "MTTQ",
        "TANDTC",
        "VKSNDTC",
        "KTNN",
        "NHNN",
        "UBTVQH",
        "BTGTW",
        "BCH",
    ]
)


def _occasion(names: str, day: int, month: int, year: int | None = None, lunar=False):
    return KnownOccasion(tuple(n.strip() for n in names.split("|")), day, month, year, lunar=lunar)


# National holidays and anniversaries (DOMAIN.md, the 2025 plan, HD 179-HD/BTGTW).
# Names are written as they appear in text; matching ignores case and diacritics.
OCCASIONS: tuple[KnownOccasion, ...] = (
    _occasion("Quốc khánh|Ngày Quốc khánh|National Day", 2, 9, 1945),
    _occasion(
        "Cách mạng Tháng Tám|Cách mạng tháng 8|Cách mạng Tháng 8|August Revolution",
        19,
        8,
        1945,
    ),
    _occasion("Nam Bộ kháng chiến|Ngày Nam Bộ kháng chiến|Southern Resistance Day", 23, 9, 1945),
    _occasion("Giải phóng Thủ đô|Liberation of the Capital|Capital Liberation Day", 10, 10, 1954),
    _occasion(
        "Ngày Doanh nhân Việt Nam|Vietnamese Entrepreneurs' Day|Vietnamese Entrepreneurs Day",
        13,
        10,
    ),
    _occasion(
        "Hội Nông dân Việt Nam|Hội Nông dân|Vietnam Farmers' Union|Farmers' Union",
        14,
        10,
        1930,
    ),
    _occasion(
        "Hội Liên hiệp Phụ nữ Việt Nam|Hội LHPN Việt Nam|Hội LHPN|Ngày Phụ nữ Việt Nam"
        "|Vietnam Women's Union|Vietnamese Women's Day|Women's Union",
        20,
        10,
        1930,
    ),
    _occasion("Ngày Liên hợp quốc|United Nations Day", 24, 10, 1945),
    _occasion("Ngày Pháp luật|Ngày Pháp luật Việt Nam|Vietnam Law Day|Law Day", 9, 11),
    _occasion(
        "Mặt trận Tổ quốc Việt Nam|Ngày truyền thống Mặt trận Tổ quốc|MTTQ Việt Nam"
        "|Ngày hội Đại đoàn kết toàn dân tộc|Vietnam Fatherland Front|Fatherland Front"
        "|Great National Unity Day",
        18,
        11,
        1930,
    ),
    _occasion(
        "Ngày Nhà giáo Việt Nam|Nhà giáo Việt Nam|Vietnamese Teachers' Day"
        "|Vietnamese Teachers Day|Teachers' Day",
        20,
        11,
        1982,
    ),
    _occasion("Khởi nghĩa Nam Kỳ|Southern Uprising", 23, 11, 1940),
    _occasion("Ngày Quyền con người|Ngày Nhân quyền|Human Rights Day", 10, 12, 1948),
    _occasion(
        "Toàn quốc kháng chiến|Ngày Toàn quốc kháng chiến|National Resistance Day", 19, 12, 1946
    ),
    _occasion(
        "Quân đội nhân dân Việt Nam|QĐND Việt Nam|Quân đội Nhân dân|Vietnam People's Army"
        "|People's Army",
        22,
        12,
        1944,
    ),
    _occasion(
        "Ngày hội Quốc phòng toàn dân|Quốc phòng toàn dân|National Defence Day", 22, 12, 1989
    ),
    _occasion("Giải phóng miền Nam|Reunification Day", 30, 4, 1975),
    _occasion("Quốc tế Lao động|International Workers' Day", 1, 5),
    _occasion("Chiến thắng Điện Biên Phủ|Dien Bien Phu Victory", 7, 5, 1954),
    _occasion(
        "Ngày sinh Chủ tịch Hồ Chí Minh|Ngày sinh nhật Bác|President Ho Chi Minh's birthday",
        19,
        5,
        1890,
    ),
    _occasion("Báo chí Cách mạng Việt Nam|Revolutionary Press Day", 21, 6, 1925),
    _occasion(
        "Ngày Thương binh - Liệt sĩ|Thương binh Liệt sĩ|War Invalids and Martyrs' Day", 27, 7, 1947
    ),
    _occasion(
        "thành lập Đảng Cộng sản Việt Nam|Ngày thành lập Đảng|Communist Party of Vietnam founding",
        3,
        2,
        1930,
    ),
    _occasion("Quốc tế Phụ nữ|International Women's Day", 8, 3, 1910),
    _occasion(
        "Đoàn TNCS Hồ Chí Minh|Ngày thành lập Đoàn|Ho Chi Minh Communist Youth Union", 26, 3, 1931
    ),
    _occasion("Bộ đội Biên phòng|Ngày Biên phòng toàn dân|Border Guard Day", 3, 3, 1959),
    _occasion("Thầy thuốc Việt Nam|Vietnamese Doctors' Day", 27, 2, 1955),
    _occasion("Công an nhân dân Việt Nam|Ngày truyền thống Công an nhân dân", 19, 8, 1945),
    _occasion("Giỗ Tổ Hùng Vương|Hung Kings' Commemoration Day", 10, 3, lunar=True),
    _occasion("Lễ Vu Lan|Vu Lan", 15, 7, lunar=True),
    _occasion("Tết Trung thu|Trung thu|Mid-Autumn Festival", 15, 8, lunar=True),
)


def _doc(symbol: str, day: int, month: int, year: int) -> KnownDocument:
    return KnownDocument(symbol, (year, month, day))


# Documents cited in the 2025 plan and in the rules catalogue, with their dates of issue.
DOCUMENTS: tuple[KnownDocument, ...] = (
    _doc("09/2017/NĐ-CP", 9, 2, 2017),
    _doc("47/NQ-CP", 15, 4, 2024),
    _doc("57-KL/TW", 15, 6, 2023),
    _doc("1079/QĐ-TTg", 14, 9, 2022),
    _doc("1191/QĐ-TTg", 5, 8, 2020),
    _doc("72/KH-UBND", 17, 9, 2025),
    _doc("3890/BTTTT-TTĐN", 8, 10, 2020),
    _doc("208/UBND-VP9", 24, 11, 2020),
    _doc("06/2022/TT-BTTTT", 30, 6, 2022),
    _doc("1288/QĐ-BTTTT", 17, 7, 2023),
    _doc("91/KH-UBND", 10, 5, 2022),
    _doc("5768/BTTTT-TTĐN", 28, 11, 2022),
    _doc("13/2023/NĐ-CP", 17, 4, 2023),
    _doc("30/2020/NĐ-CP", 5, 3, 2020),
    _doc("72/2015/NĐ-CP", 7, 9, 2015),
    _doc("18/2020/NĐ-CP", 4, 2, 2020),
    _doc("15/2020/NĐ-CP", 3, 2, 2020),
    _doc("24/2020/TT-BCA", 10, 3, 2020),
    _doc("29/2018/QH14", 15, 11, 2018),
    _doc("103/2016/QH13", 5, 4, 2016),
    _doc("24/2018/QH14", 12, 6, 2018),
    _doc("27/2018/QH14", 14, 6, 2018),
    _doc("91/2025/QH15", 26, 6, 2025),
)

# Legal bases replaced by newer law, for CITE-02: symbol → (date the replacement takes
# effect, what replaces it in Vietnamese, in English).
SUPERSEDED: dict[str, tuple[tuple[int, int, int], str, str]] = {
    "13/2023/NĐ-CP": (
        (2026, 1, 1),
        "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (hiệu lực từ 01/01/2026)",
        "the Law on Personal Data Protection No. 91/2025/QH15 (in force from 1 January 2026)",
    ),
    "29/2018/QH14": (
        (2026, 3, 1),
        "Luật Bảo vệ bí mật nhà nước số 117/2025/QH15 (hiệu lực từ 01/3/2026)",
        "the Law on Protection of State Secrets No. 117/2025/QH15 (in force from 1 March 2026)",
    ),
    "103/2016/QH13": (
        (2026, 7, 1),
        "Luật Báo chí (sửa đổi) thông qua ngày 10/12/2025 (hiệu lực từ 01/7/2026)",
        "the amended Press Law passed on 10 December 2025 (in force from 1 July 2026)",
    ),
}


# --- the glossary of official English names (EN-01) ---------------------------------------


@dataclass(frozen=True)
class OfficialTerm:
    """An official English name and the wrong forms EN-01 reports, suggesting ``right``.

    Wrong forms match ignoring case and diacritics, as whole words; words may be separated
    by spaces, hyphens or apostrophes. A wrong form that differs from ``right`` only in its
    capitals (``Ninh Binh province``) makes the capitals part of the name: ``right``
    written otherwise is reported, except in a heading in capitals. A wrong form that is
    part of ``right`` (``People's Committee of Xuan Truong``) is not reported where
    ``right`` is written in full. ``kind`` selects EN-01's message: ``term`` (an official
    name), ``title`` (the commune's leaders) or ``default`` (the country's name).
    """

    right: str
    wrong: tuple[str, ...]
    kind: str = "term"


_CHAIR = "Chairman/Chairwoman of the People's Committee"
_VICE_CHAIR = "Vice Chairman/Chairwoman of the People's Committee"

# From ../shared/DOMAIN.md ("Official English names") and Circular 03/2009/TT-BNG (the
# English names of ministries, of People's Committees and of their Chairmen and
# Chairwomen). "Vietnam" itself, "South China Sea", "Paracel"/"Spratly" without their
# Vietnamese names and the Chinese names of the archipelagos have detectors of their own
# (EN-01, SOV-01, SOV-03, SOV-02).
ENGLISH_GLOSSARY: tuple[OfficialTerm, ...] = (
    # The country (DOMAIN.md: "Viet Nam", as in official usage).
    OfficialTerm("Viet Nam", ("Viet-Nam", "Viet nam"), kind="default"),
    OfficialTerm("Socialist Republic of Viet Nam", ("Socialist Republic of Vietnam",)),
    OfficialTerm("Independence – Freedom – Happiness", ("Independence – Liberty – Happiness",)),
    # The sea (SOV-01 reports "South China Sea" itself, as a block).
    OfficialTerm(
        "East Sea",
        (
            "East Vietnam Sea",
            "East Viet Nam Sea",
            "Vietnam East Sea",
            "Viet Nam East Sea",
            "Eastern Sea",
            "Bien Dong Sea",
        ),
    ),
    OfficialTerm("Hoang Sa", ("Hoangsa",)),
    OfficialTerm("Truong Sa", ("Truongsa",)),
    # The commune and its bodies.
    OfficialTerm("Xuan Truong Commune", ("Xuan Truong commune",)),
    OfficialTerm(
        "People's Committee of Xuan Truong Commune",
        (
            "Xuan Truong Commune People's Committee",
            "Xuan Truong Commune's People's Committee",
            "Xuan Truong Communal People's Committee",
            "Xuan Truong People's Committee",
            "People's Committee of Xuan Truong",
        ),
    ),
    OfficialTerm(
        "People's Council of Xuan Truong Commune",
        (
            "Xuan Truong Commune People's Council",
            "Xuan Truong People's Council",
            "People's Council of Xuan Truong",
        ),
    ),
    OfficialTerm("People's Committee", ("People Committee", "Peoples Committee")),
    # The commune's leaders (Chairman/Chairwoman, Vice Chairman/Chairwoman).
    OfficialTerm(
        "Chairman of the People's Committee of Xuan Truong Commune",
        ("Chairman of Xuan Truong Commune", "Xuan Truong Commune Chairman"),
        kind="title",
    ),
    OfficialTerm(
        "Chairwoman of the People's Committee of Xuan Truong Commune",
        ("Chairwoman of Xuan Truong Commune", "Xuan Truong Commune Chairwoman"),
        kind="title",
    ),
    OfficialTerm(
        "Vice Chairman of the People's Committee of Xuan Truong Commune",
        (
            "Vice Chairman of Xuan Truong Commune",
            "Deputy Chairman of Xuan Truong Commune",
            "Xuan Truong Commune Vice Chairman",
        ),
        kind="title",
    ),
    OfficialTerm(
        "Vice Chairwoman of the People's Committee of Xuan Truong Commune",
        (
            "Vice Chairwoman of Xuan Truong Commune",
            "Deputy Chairwoman of Xuan Truong Commune",
            "Xuan Truong Commune Vice Chairwoman",
        ),
        kind="title",
    ),
    OfficialTerm(
        _CHAIR + " of Xuan Truong Commune",
        ("President of Xuan Truong Commune", "Mayor of Xuan Truong", "Xuan Truong mayor"),
        kind="title",
    ),
    OfficialTerm(
        _CHAIR,
        (
            "President of the People's Committee",
            "President of the commune People's Committee",
            "Chairperson of the People's Committee",
            "Chairperson of the commune People's Committee",
            "commune mayor",
            "commune chief",
            "commune president",
            "commune head",
            "mayor of the commune",
            "chief of the commune",
        ),
        kind="title",
    ),
    OfficialTerm(
        _VICE_CHAIR,
        (
            "Vice President of the People's Committee",
            "Deputy President of the People's Committee",
            "Vice Chairperson of the People's Committee",
            "Deputy Chairperson of the People's Committee",
            "commune vice mayor",
            "commune deputy mayor",
        ),
        kind="title",
    ),
    OfficialTerm("Chairman of the commune People's Committee", ("commune chairman",), kind="title"),
    OfficialTerm(
        "Chairwoman of the commune People's Committee", ("commune chairwoman",), kind="title"
    ),
    OfficialTerm(
        "Vice Chairman of the commune People's Committee",
        ("commune vice chairman", "commune deputy chairman"),
        kind="title",
    ),
    OfficialTerm("Vice Chairman", ("Deputy Chairman", "Vice-Chairman"), kind="title"),
    OfficialTerm("Vice Chairwoman", ("Deputy Chairwoman", "Vice-Chairwoman"), kind="title"),
    # The province and its bodies.
    OfficialTerm("Ninh Binh Province", ("Ninh Binh province",)),
    OfficialTerm(
        "People's Committee of Ninh Binh Province",
        (
            "Ninh Binh Provincial People's Committee",
            "Ninh Binh Province People's Committee",
            "Ninh Binh Province's People's Committee",
            "Ninh Binh People's Committee",
            "Provincial People's Committee of Ninh Binh",
            "People's Committee of Ninh Binh",
        ),
    ),
    OfficialTerm(
        "Department of Culture and Sports of Ninh Binh Province",
        (
            "Ninh Binh Department of Culture and Sports",
            "Ninh Binh Department of Culture and Sport",
            "Ninh Binh Provincial Department of Culture and Sports",
            "Ninh Binh Culture and Sports Department",
            "Ninh Binh Department of Culture, Sports and Tourism",
            "Department of Culture, Sports and Tourism of Ninh Binh",
            "Department of Culture and Sport of Ninh Binh",
            "Department of Culture and Sports of Ninh Binh",
        ),
    ),
    # Ministries (Circular 03/2009/TT-BNG).
    OfficialTerm(
        "Ministry of Foreign Affairs", ("Ministry of Foreign Affair", "Foreign Affairs Ministry")
    ),
    OfficialTerm(
        "Ministry of National Defence",
        (
            "Ministry of Defence",
            "Ministry of Defense",
            "Ministry of National Defense",
            "Defence Ministry",
            "Defense Ministry",
        ),
    ),
    OfficialTerm(
        "Ministry of Public Security",
        ("Ministry of Police", "Ministry of Public Safety", "Public Security Ministry"),
    ),
    OfficialTerm(
        "Ministry of Home Affairs",
        (
            "Ministry of Interior",
            "Ministry of the Interior",
            "Ministry of Internal Affairs",
            "Interior Ministry",
        ),
    ),
    OfficialTerm(
        "Ministry of Culture, Sports and Tourism",
        ("Ministry of Culture, Sport and Tourism", "Ministry of Culture and Tourism"),
    ),
    OfficialTerm("Ministry of Education and Training", ("Ministry of Education",)),
    OfficialTerm("Ministry of Industry and Trade", ("Ministry of Trade and Industry",)),
)

"""The rules catalogue as data: ids, titles, legal basis, severities, messages, attestations.

``RULES`` maps each rule id to its :class:`RuleInfo`. The Django side seeds its editable
rule settings (enabled flag, severity override, legal basis text) from it; the scanner
reads the messages and default severities from it. Messages exist in Vietnamese and in
English; a finding carries the one for the language of the scanned text.

Some rules have variants with their own message and severity (for example PII-01 reports
a bare 12-digit ID-shaped number as ``warn`` and a number next to "CCCD" as ``block``);
``RuleInfo.messages`` holds them under a key. An office's severity override applies to
every finding of the rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .findings import Severity

__all__ = [
    "ALL_PARTS",
    "IMAGE_PARTS",
    "LOCKED_RULES",
    "RULES",
    "RULE_IDS",
    "RuleInfo",
    "message",
]

SEC_01 = "SEC-01"
SEC_02 = "SEC-02"
SEC_03 = "SEC-03"
PII_01 = "PII-01"
PII_02 = "PII-02"
PII_03 = "PII-03"
PII_04 = "PII-04"
PII_05 = "PII-05"
PII_06 = "PII-06"
SOV_01 = "SOV-01"
SOV_02 = "SOV-02"
SOV_03 = "SOV-03"
SOV_04 = "SOV-04"
SOV_05 = "SOV-05"
SOV_06 = "SOV-06"
SPK_01 = "SPK-01"
SPK_02 = "SPK-02"
SPK_03 = "SPK-03"
LAW_01 = "LAW-01"
LAW_02 = "LAW-02"
LAW_03 = "LAW-03"
HR_01 = "HR-01"
CITE_01 = "CITE-01"
CITE_02 = "CITE-02"
CITE_03 = "CITE-03"
IMG_01 = "IMG-01"
IMG_02 = "IMG-02"
IMG_03 = "IMG-03"
EN_01 = "EN-01"
EN_02 = "EN-02"
HOL_01 = "HOL-01"
RPT_01 = "RPT-01"
MON_01 = "MON-01"

# Parts of a page a text can come from (ScanContext.part).
ALL_PARTS = ("text", "alt", "caption", "credit", "filename", "document", "ocr")
IMAGE_PARTS = ("alt", "caption", "filename", "ocr")
PROSE_PARTS = ("text", "caption")

# Rules an office can neither disable nor weaken: a classification mark is never
# publishable (Luật Bảo vệ bí mật nhà nước, Art. 5).
LOCKED_RULES = frozenset({SEC_01})

BOTH = ("vi", "en")


@dataclass(frozen=True)
class RuleInfo:
    id: str
    title_vi: str
    title_en: str
    basis: str
    severity: Severity
    message_vi: str
    message_en: str
    suggestion_vi: str | None = None
    suggestion_en: str | None = None
    attestation_vi: str | None = None
    attestation_en: str | None = None
    langs: tuple[str, ...] = BOTH
    parts: tuple[str, ...] = ALL_PARTS
    # Who may mark a finding of this rule as a false positive: "nobody", "spokesperson"
    # or "reviewer" (a reviewer who is not the author).
    exemption: str = "reviewer"
    # How the rule is checked: "scan" (text), "parity", "press_release", "image", or
    # "reporting" (the page's plan task, which the reports count by; not in the text).
    checked_by: str = "scan"
    # Variant messages: key → (Vietnamese, English), and variant suggestions.
    messages: dict[str, tuple[str, str]] = field(default_factory=dict)
    suggestions: dict[str, tuple[str, str]] = field(default_factory=dict)

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_vi

    def attestation(self, lang: str) -> str | None:
        return self.attestation_en if lang == "en" else self.attestation_vi

    def as_dict(self) -> dict:
        """Plain data, e.g. to seed the admin's rule settings."""
        return {
            "id": self.id,
            "title_vi": self.title_vi,
            "title_en": self.title_en,
            "basis": self.basis,
            "severity": self.severity.value,
            "langs": list(self.langs),
            "parts": list(self.parts),
            "exemption": self.exemption,
            "checked_by": self.checked_by,
            "attestation_vi": self.attestation_vi,
            "attestation_en": self.attestation_en,
        }


def message(rule: RuleInfo, key: str, lang: str, **values: object) -> str:
    """The message of a rule (or of one of its variants) in ``lang``, with values filled."""
    if key == "default" or key not in rule.messages:
        text = rule.message_en if lang == "en" else rule.message_vi
    else:
        vi, en = rule.messages[key]
        text = en if lang == "en" else vi
    return text.format(**values) if values else text


def suggestion(rule: RuleInfo, key: str, lang: str, **values: object) -> str | None:
    if key in rule.suggestions:
        vi, en = rule.suggestions[key]
        text = en if lang == "en" else vi
    else:
        text = rule.suggestion_en if lang == "en" else rule.suggestion_vi
    if text is None:
        return None
    return text.format(**values) if values else text


_SOURCE_QUOTE = (
    "Tên gọi sai chỉ xuất hiện trong trích dẫn có phê phán: cần xác nhận trích dẫn là cần thiết"
    " và có nguồn.",
    "The wrong name appears only in a qualified quotation: a reviewer must confirm the"
    " quotation is necessary and sourced.",
)

_RULE_LIST = (
    RuleInfo(
        SEC_01,
        "Dấu độ mật",
        "Classification marking",
        "Luật Bảo vệ bí mật nhà nước 29/2018/QH14 Điều 8 (ba độ mật), Điều 5 (cấm đăng tải bí"
        " mật nhà nước lên mạng); Thông tư 24/2020/TT-BCA Mẫu 02 (dấu độ mật); Luật Báo chí"
        " 103/2016/QH13 Điều 9 khoản 5",
        Severity.BLOCK,
        "Có dấu hoặc cụm từ chỉ độ mật (Tuyệt mật, Tối mật, Mật): tài liệu bí mật nhà nước"
        " không được đăng tải.",
        "The text carries a classification marking (Top secret, Secret, Confidential):"
        " state-secret material must not be published.",
        "Gỡ toàn bộ nội dung có độ mật; chỉ đăng thông tin đã được phép công bố.",
        "Remove the classified material; publish only information cleared for release.",
        exemption="nobody",
    ),
    RuleInfo(
        SEC_02,
        "Dấu hạn chế phổ biến",
        "Restricted-circulation marker",
        "Luật Bảo vệ bí mật nhà nước Điều 5; Thông tư 24/2020/TT-BCA Mẫu 07 (dấu “Tài liệu thu"
        " hồi”, “Chỉ người có tên mới được bóc bì”); Luật Báo chí Điều 38 khoản 2 điểm d (dự"
        " thảo)",
        Severity.BLOCK,
        "Có dấu hạn chế phổ biến (lưu hành nội bộ, tài liệu thu hồi, dự thảo...): nội dung"
        " này không được công bố.",
        "The text carries a restricted-circulation marker (internal circulation, draft, not"
        " for distribution): it must not be published.",
        "Chỉ đăng bản chính thức đã được phép công bố, không kèm dấu và nội dung nội bộ.",
        "Publish only the final version cleared for release, without internal markers.",
        exemption="spokesperson",
        suggestions={
            "mention": (
                "Chỉ nói về việc bảo vệ tài liệu; không đăng nội dung của tài liệu nội bộ.",
                "Talk only about protecting the material; publish none of its content.",
            ),
        },
        messages={
            "mention": (
                "Bài nhắc tới tài liệu hạn chế phổ biến: kiểm tra rằng bài chỉ nói về việc bảo"
                " vệ tài liệu, không đăng nội dung của tài liệu.",
                "The text mentions restricted material: check that it only talks about"
                " protecting it and publishes none of its content.",
            ),
        },
    ),
    RuleInfo(
        SEC_03,
        "Bí mật nhà nước, chi tiết quốc phòng",
        "State secrets and defence detail",
        "Luật Bảo vệ bí mật nhà nước Điều 2 khoản 1, Điều 7 (chưa đối chiếu); Luật Báo chí"
        " Điều 38 khoản 2 điểm a",
        Severity.ATTEST,
        "Có chi tiết quốc phòng, an ninh (quân số, kho vũ khí, phương án tác chiến, vị trí,"
        " tọa độ...): cần xác nhận nội dung không thuộc danh mục bí mật nhà nước.",
        "Defence or security detail (troop strength, weapons depots, deployment plans,"
        " positions, coordinates): a reviewer must confirm it is not a state secret.",
        "Bỏ số liệu, vị trí cụ thể; chỉ nêu hoạt động chung.",
        "Remove figures and locations; describe the activity in general terms.",
        "Nội dung không thuộc danh mục bí mật nhà nước (Luật Bảo vệ bí mật nhà nước số"
        " 29/2018/QH14).",
        "The content is not on the list of state secrets (Law on Protection of State"
        " Secrets No. 29/2018/QH14).",
        messages={
            "mention": (
                "Bài nói về bí mật nhà nước: kiểm tra rằng bài không nêu nội dung, số hiệu"
                " hay nơi lưu giữ tài liệu mật.",
                "The text talks about state secrets: check that it reveals no content,"
                " reference or location of classified material.",
            ),
        },
        suggestions={
            "mention": (
                "Chỉ nói về việc bảo vệ bí mật; không trích nội dung hay số hiệu tài liệu mật.",
                "Talk only about protecting secrets; quote no content or reference of"
                " classified material.",
            ),
        },
    ),
    RuleInfo(
        PII_01,
        "Số căn cước, chứng minh nhân dân",
        "Citizen ID number",
        "Nghị định 13/2023/NĐ-CP Điều 2 khoản 3 (số CMND, số định danh cá nhân là dữ liệu cá"
        " nhân cơ bản); Luật Căn cước 2023 Điều 12; Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15"
        " (từ 01/01/2026)",
        Severity.BLOCK,
        "Số căn cước công dân, chứng minh nhân dân là dữ liệu cá nhân: không được công bố.",
        "A citizen ID number is personal data and must not be published.",
        "Xóa số hoặc che bớt (ví dụ {masked}).",
        "Remove the number or mask it (e.g. {masked}).",
        messages={
            "bare": (
                "Dãy 12 chữ số có dạng số định danh cá nhân (mã tỉnh {code}): kiểm tra và"
                " che đi nếu đúng là số căn cước.",
                "A 12-digit number shaped like a personal ID number (province code {code}):"
                " check it and mask it if it is one.",
            ),
        },
    ),
    RuleInfo(
        PII_02,
        "Số điện thoại cá nhân",
        "Private phone number",
        "Nghị định 13/2023/NĐ-CP Điều 2 khoản 3 (số điện thoại); Nghị định 09/2017/NĐ-CP"
        " (công bố số điện thoại người phát ngôn: danh sách cho phép)",
        Severity.BLOCK,
        "Số điện thoại không có trong danh sách số chính thức: số điện thoại cá nhân là dữ"
        " liệu cá nhân.",
        "A phone number that is not on the list of official numbers: a private number is"
        " personal data.",
        "Dùng số đường dây nóng hoặc số của người phát ngôn; nếu đây là số chính thức, thêm"
        " vào danh sách cho phép.",
        "Use the hotline or the spokesperson's number; if this number is official, add it"
        " to the allowlist.",
    ),
    RuleInfo(
        PII_03,
        "Địa chỉ thư điện tử cá nhân",
        "Private e-mail address",
        "Nghị định 13/2023/NĐ-CP Điều 2 khoản 3 (dữ liệu cá nhân cơ bản, định danh trực tuyến)",
        Severity.BLOCK,
        "Địa chỉ thư điện tử cá nhân ({domain}) là dữ liệu cá nhân: không được công bố.",
        "A private e-mail address ({domain}) is personal data and must not be published.",
        "Dùng địa chỉ thư công vụ (.gov.vn) của cơ quan.",
        "Use the office's official (.gov.vn) address.",
        messages={
            "other": (
                "Địa chỉ thư điện tử ngoài tên miền .gov.vn ({domain}): kiểm tra đây là địa"
                " chỉ chính thức của cơ quan.",
                "An e-mail address outside .gov.vn ({domain}): check that it is an official"
                " address.",
            ),
        },
    ),
    RuleInfo(
        PII_04,
        "Số tài khoản, số thẻ ngân hàng",
        "Bank account or card number",
        "Nghị định 13/2023/NĐ-CP Điều 2 khoản 4 (thông tin khách hàng của tổ chức tín dụng là"
        " dữ liệu nhạy cảm) (chưa đối chiếu)",
        Severity.BLOCK,
        "Số tài khoản, số thẻ ngân hàng không thuộc danh sách tài khoản chính thức: không"
        " được công bố thông tin tài chính cá nhân.",
        "A bank account or card number that is not an official account: personal financial"
        " data must not be published.",
        "Hướng dẫn ủng hộ qua tài khoản chính thức (ví dụ của Ủy ban MTTQ xã); nếu đây là tài"
        " khoản chính thức, thêm vào danh sách cho phép.",
        "Point donors to an official account (e.g. the commune Fatherland Front's); if this"
        " account is official, add it to the allowlist.",
    ),
    RuleInfo(
        PII_05,
        "Dữ liệu nhạy cảm gắn với người được nêu tên",
        "Sensitive data about a named person",
        "Nghị định 13/2023/NĐ-CP Điều 2 khoản 4 (sức khỏe, tiền án...), Điều 11 (sự đồng ý)"
        " (chưa đối chiếu); Luật Báo chí Điều 9 khoản 5 (đời tư)",
        Severity.ATTEST,
        "Thông tin sức khỏe, tiền án, nghiện... gắn với người được nêu tên là dữ liệu cá nhân"
        " nhạy cảm: cần có sự đồng ý của người đó.",
        "Health, criminal or addiction information about a named person is sensitive"
        " personal data: it needs that person's consent.",
        "Bỏ tên, mô tả trường hợp mà không nhận diện được người.",
        "Leave out the name; describe the case without identifying the person.",
        "Đã có văn bản đồng ý của chủ thể dữ liệu (hoặc người đại diện hợp pháp) cho việc"
        " công bố thông tin này.",
        "The data subject (or their legal representative) has consented in writing to"
        " publishing this information.",
    ),
    RuleInfo(
        PII_06,
        "Người có thể nhận diện trong ảnh, trẻ em",
        "Identifiable people and children in images",
        "Bộ luật Dân sự 2015 Điều 32 (quyền đối với hình ảnh) (chưa đối chiếu); Luật Trẻ em"
        " 2016 Điều 6 khoản 11 (chưa đối chiếu); Nghị định 13/2023/NĐ-CP Điều 2 khoản 3",
        Severity.ATTEST,
        "Ảnh có trẻ em, học sinh hoặc bệnh nhân: cần có sự đồng ý hoặc thuộc trường hợp hoạt"
        " động công cộng.",
        "The image shows children, pupils or patients: it needs consent or the public-event"
        " exception.",
        attestation_vi="Người trong ảnh (với trẻ em: cha mẹ hoặc người giám hộ) đã đồng ý,"
        " hoặc ảnh chụp tại hoạt động công cộng.",
        attestation_en="The people shown (for children: their parents or guardians)"
        " consented, or the photo was taken at a public event.",
        parts=IMAGE_PARTS,
    ),
    RuleInfo(
        SOV_01,
        "“South China Sea” và các cách gọi sai Biển Đông",
        "“South China Sea” and its calques",
        "Luật Báo chí Điều 9 (chủ quyền); lệnh cấm của Sở TT&TT Đà Nẵng với “South China"
        " Sea”/“China Beach”; cách viết của báo chí Việt Nam: “East Sea (internationally"
        " known as the South China Sea)”",
        Severity.BLOCK,
        "Cách gọi “{excerpt}” sai với lập trường chủ quyền: dùng “Biển Đông”.",
        "“{excerpt}” contradicts Viet Nam's position: write “East Sea”.",
        "Biển Đông",
        "East Sea",
        "Cụm từ chỉ xuất hiện trong trích dẫn có phê phán, có nguồn rõ ràng, không phải lời"
        " của cơ quan.",
        "The term appears only in a qualified, sourced quotation, not in the office's own voice.",
        messages={
            "quoted": _SOURCE_QUOTE,
            "gloss": (
                "“South China Sea” chỉ nên xuất hiện như chú thích sau “Biển Đông”; nên bỏ khi"
                " không cần thiết.",
                "“South China Sea” appears as a gloss after “East Sea”; leave it out where it"
                " is not needed.",
            ),
        },
    ),
    RuleInfo(
        SOV_02,
        "Tên gọi của Trung Quốc cho các thực thể của Việt Nam",
        "Chinese names for Vietnamese features",
        "Bộ Ngoại giao phản đối việc lập “quận Tây Sa, Nam Sa” (hanoitimes); Thanh Niên về bản"
        " đồ ghi “huyện Nam Sa”",
        Severity.BLOCK,
        "“{excerpt}” là tên Trung Quốc đặt cho quần đảo, thực thể của Việt Nam: không được"
        " dùng bằng lời của cơ quan.",
        "“{excerpt}” is a Chinese name for a Vietnamese feature and must not be used in the"
        " office's own voice.",
        "Dùng tên Việt Nam: quần đảo Hoàng Sa, quần đảo Trường Sa.",
        "Use the Vietnamese names: Hoang Sa (Paracel), Truong Sa (Spratly).",
        "Tên gọi chỉ xuất hiện trong trích dẫn có phê phán (“cái gọi là”, “phi pháp”), có"
        " nguồn rõ ràng.",
        "The name appears only in a qualified (“so-called”, “illegal”), sourced quotation.",
        messages={"quoted": _SOURCE_QUOTE},
        suggestions={
            "paracel": ("quần đảo Hoàng Sa", "Hoang Sa (Paracel)"),
            "spratly": ("quần đảo Trường Sa", "Truong Sa (Spratly)"),
        },
    ),
    RuleInfo(
        SOV_03,
        "Paracel, Spratly chỉ dùng làm chú thích",
        "Paracel and Spratly only as a gloss",
        "Cách viết của Bộ Ngoại giao: “Hoang Sa (Paracel) and Truong Sa (Spratly)"
        " archipelagos” (vietnamplus, vnanet)",
        Severity.WARN,
        "Trong bản tiếng Anh, viết “Hoang Sa (Paracel)”, “Truong Sa (Spratly)”: tên tiếng Anh"
        " chỉ làm chú thích.",
        "Write “Hoang Sa (Paracel)” and “Truong Sa (Spratly)”: the English name only as a gloss.",
        "{fix}",
        "{fix}",
        langs=("en",),
    ),
    RuleInfo(
        SOV_04,
        "“Đường lưỡi bò” phải kèm khẳng định phi pháp",
        "The nine-dash line must be qualified",
        "Phán quyết của Tòa Trọng tài (PCA) ngày 12/7/2016; Nghị định 18/2020/NĐ-CP Điều 11;"
        " Nghị định 15/2020/NĐ-CP Điều 101 khoản 1 điểm g",
        Severity.BLOCK,
        "Nhắc tới “đường lưỡi bò” mà không khẳng định đây là yêu sách phi pháp.",
        "Mentions the nine-dash line without stating that it is unlawful.",
        "Nêu rõ: cái gọi là “đường lưỡi bò” là phi pháp, trái với Công ước của Liên hợp quốc"
        " về Luật Biển năm 1982 (UNCLOS).",
        "State it plainly: the so-called nine-dash line is unlawful and contrary to UNCLOS 1982.",
        messages={
            "qualified": (
                "Nhắc tới “đường lưỡi bò” có kèm khẳng định phi pháp: kiểm tra lại cách diễn đạt.",
                "Mentions the nine-dash line with a qualifier: check the wording.",
            ),
        },
    ),
    RuleInfo(
        SOV_05,
        "Xác nhận bản đồ",
        "Map attestation",
        "Luật Đo đạc và bản đồ 27/2018/QH14 Điều 18; Nghị định 18/2020/NĐ-CP Điều 11 (phạt"
        " 30–50 triệu đồng, gấp đôi với tổ chức); Nghị định 15/2020/NĐ-CP Điều 101 khoản 1"
        " điểm g",
        Severity.ATTEST,
        "Ảnh hoặc tệp là bản đồ: người duyệt phải xác nhận bản đồ thể hiện đúng chủ quyền.",
        "The image or file is a map: a reviewer must confirm it shows Viet Nam's sovereignty"
        " correctly.",
        attestation_vi="Bản đồ thể hiện đầy đủ, đúng chủ quyền của Việt Nam đối với quần đảo"
        " Hoàng Sa và Trường Sa; không có đường lưỡi bò; nguồn bản đồ chính thức (Cục Đo đạc,"
        " Bản đồ và Thông tin địa lý Việt Nam hoặc NXB Tài nguyên – Môi trường và Bản đồ Việt"
        " Nam); địa giới hành chính đúng sau sắp xếp ngày 12/6/2025.",
        attestation_en="The map shows Viet Nam's sovereignty over the Hoang Sa (Paracel) and"
        " Truong Sa (Spratly) archipelagos in full; it has no nine-dash line; it comes from an"
        " official source (the Department of Survey, Mapping and Geographic Information of"
        " Viet Nam or its publisher); its administrative boundaries are those after the"
        " merger of 12 June 2025.",
        parts=("alt", "caption", "filename", "ocr"),
    ),
    RuleInfo(
        SOV_06,
        "Cách nói “tranh chấp” và tên đơn vị hành chính cũ",
        "“Disputed” framing and outdated unit names",
        "Lập trường của Bộ Ngoại giao: Hoàng Sa, Trường Sa là bộ phận không thể tách rời của"
        " lãnh thổ Việt Nam (vnanet); đặc khu Hoàng Sa, Trường Sa từ 01/7/2025",
        Severity.WARN,
        "Không mô tả Hoàng Sa, Trường Sa là vùng “tranh chấp”: đây là bộ phận không thể tách"
        " rời của lãnh thổ Việt Nam.",
        "Do not call Hoang Sa or Truong Sa “disputed”: they are an inseparable part of Viet"
        " Nam's territory.",
        "quần đảo Hoàng Sa, quần đảo Trường Sa của Việt Nam",
        "Viet Nam's Hoang Sa (Paracel) and Truong Sa (Spratly) archipelagos",
        messages={
            "outdated": (
                "Từ ngày 01/7/2025 Hoàng Sa, Trường Sa là đặc khu, không còn là huyện đảo.",
                "Since 1 July 2025 Hoang Sa and Truong Sa are special zones, not island districts.",
            ),
        },
        suggestions={
            "outdated": ("đặc khu {name}", "{name} special zone"),
        },
    ),
    RuleInfo(
        SPK_01,
        "Thông cáo báo chí thiếu thông tin bắt buộc",
        "Press release missing mandatory details",
        "Nghị định 09/2017/NĐ-CP Điều 3 (cấp xã: Chủ tịch UBND phát ngôn, có thể ủy quyền"
        " Phó Chủ tịch), công bố họ tên, chức vụ, số điện thoại, thư điện tử của người phát"
        " ngôn; mẫu tại Điều 5",
        Severity.BLOCK,
        "Thông cáo báo chí thiếu thông tin bắt buộc về người phát ngôn.",
        "The press release lacks mandatory details about the spokesperson.",
        "Ghi: Người phát ngôn: họ tên, Chủ tịch (hoặc Phó Chủ tịch được ủy quyền) UBND xã;"
        " điện thoại; thư điện tử .gov.vn.",
        "Give the spokesperson's name, position (Chairman, or authorised Vice Chairman, of"
        " the People's Committee), phone and .gov.vn e-mail.",
        checked_by="press_release",
        messages={
            "name": (
                "Thông cáo báo chí phải ghi họ tên người phát ngôn (Nghị định 09/2017/NĐ-CP).",
                "A press release must name the spokesperson (Decree 09/2017/ND-CP).",
            ),
            "generic_name": (
                "Người phát ngôn phải là người có họ tên cụ thể, không phải “{value}”.",
                "The spokesperson must be a named person, not “{value}”.",
            ),
            "position": (
                "Chức vụ người phát ngôn phải là Chủ tịch hoặc Phó Chủ tịch UBND xã.",
                "The spokesperson's position must be Chairman or Vice Chairman of the"
                " commune People's Committee.",
            ),
            "authorisation": (
                "Phó Chủ tịch phát ngôn phải có văn bản ủy quyền của Chủ tịch (số, ký hiệu, ngày).",
                "A Vice Chairman speaking for the commune needs the Chairman's written"
                " authorisation (number, symbol, date).",
            ),
            "phone": (
                "Thiếu số điện thoại chính thức của người phát ngôn.",
                "The spokesperson's official phone number is missing.",
            ),
            "phone_unofficial": (
                "Số điện thoại {value} không có trong danh sách số chính thức.",
                "The phone number {value} is not on the list of official numbers.",
            ),
            "email": (
                "Thiếu địa chỉ thư điện tử công vụ (.gov.vn) của người phát ngôn.",
                "The spokesperson's official (.gov.vn) e-mail address is missing.",
            ),
            "email_unofficial": (
                "Địa chỉ {value} không phải thư điện tử công vụ (.gov.vn).",
                "{value} is not an official (.gov.vn) e-mail address.",
            ),
        },
    ),
    RuleInfo(
        SPK_02,
        "Nguồn tin giấu tên, phát ngôn không được ủy quyền",
        "Anonymous or unauthorised official voice",
        "Nghị định 09/2017/NĐ-CP Điều 3 (cán bộ không được giao không được nhân danh cơ quan"
        " phát ngôn)",
        Severity.WARN,
        "Dẫn lời cán bộ giấu tên hoặc “nguồn tin riêng”: chỉ người phát ngôn hoặc người được"
        " ủy quyền mới được cung cấp thông tin cho báo chí.",
        "Quotes an anonymous official or unnamed sources: only the spokesperson or an"
        " authorised person may speak for the commune.",
        "Dẫn lời người phát ngôn, ghi rõ họ tên, chức vụ.",
        "Quote the spokesperson by name and position.",
        messages={
            "unregistered": (
                "“{excerpt}” không có trong sổ đăng ký người phát ngôn đang hiệu lực: chỉ người"
                " phát ngôn được giao nhiệm vụ hoặc ủy quyền mới được phát ngôn.",
                "“{excerpt}” is not a current entry of the spokesperson register: only the"
                " designated or authorised spokesperson may speak for the commune.",
            ),
        },
        suggestions={
            "unregistered": (
                "Ghi đúng họ tên người phát ngôn hiện nay: {fix}.",
                "Name the current spokesperson: {fix}.",
            ),
        },
    ),
    RuleInfo(
        SPK_03,
        "Thông tin đang điều tra, thanh tra, khiếu nại",
        "Information under investigation, inspection or complaint",
        "Nghị định 09/2017/NĐ-CP Điều 8 khoản 3; Luật Báo chí 2016 Điều 38 khoản 2 điểm a–d",
        Severity.ATTEST,
        "Thông tin về vụ việc đang điều tra, thanh tra, xét xử hoặc chưa có kết luận: chỉ"
        " công bố khi người phát ngôn xác nhận.",
        "Information about a case under investigation, inspection or trial, or not yet"
        " concluded: publish only when the spokesperson confirms.",
        "Chỉ nêu thông tin đã được cơ quan có thẩm quyền công bố, ghi rõ nguồn.",
        "Give only what the competent authority has announced, with its source.",
        "Người phát ngôn xác nhận thông tin được phép công bố (không thuộc các trường hợp từ"
        " chối cung cấp tại Điều 38 Luật Báo chí), hoặc vụ việc đã có kết luận.",
        "The spokesperson confirms the information may be released (none of the grounds for"
        " refusal in Art. 38 of the Press Law applies), or the case has been concluded.",
    ),
    RuleInfo(
        LAW_01,
        "Cách nói xuyên tạc lịch sử",
        "Hostile historical framing",
        "Luật Báo chí Điều 9 khoản 4; Luật An ninh mạng 24/2018/QH14 Điều 16 khoản 1",
        Severity.WARN,
        "“{excerpt}” là cách nói xuyên tạc lịch sử, thành quả cách mạng.",
        "“{excerpt}” is a hostile framing of history.",
        "Ngày Giải phóng miền Nam, thống nhất đất nước (30/4/1975)",
        "the Liberation of the South and National Reunification (30 April 1975)",
    ),
    RuleInfo(
        LAW_02,
        "Thông tin chưa kiểm chứng",
        "Unverified information",
        "Luật An ninh mạng Điều 16 khoản 5 (chưa đối chiếu); Nghị định 15/2020/NĐ-CP Điều"
        " 101 (phạt 10–20 triệu đồng)",
        Severity.WARN,
        "Thông tin dựa trên tin đồn hoặc chưa được kiểm chứng: nêu nguồn chính thức đã xác minh.",
        "Information based on rumour or not verified: name the official source that verified it.",
        "Thay bằng thông tin đã được cơ quan chức năng xác minh, ghi rõ nguồn.",
        "Replace it with information verified by the competent authority, with its source.",
        "Thông tin đã được kiểm chứng với nguồn chính thức.",
        "The information has been verified with an official source.",
    ),
    RuleInfo(
        LAW_03,
        "Ngôn từ miệt thị tôn giáo, dân tộc",
        "Derogatory religious or ethnic language",
        "Luật Báo chí Điều 9 khoản 2; Luật An ninh mạng Điều 16 khoản 1",
        Severity.WARN,
        "“{excerpt}” là cách gọi miệt thị, gây chia rẽ tôn giáo, dân tộc.",
        "“{excerpt}” is a derogatory term that divides religions or peoples.",
        "Dùng cách gọi trung tính: đồng bào Công giáo, người Trung Quốc, đồng bào dân tộc"
        " thiểu số.",
        "Use neutral terms: Catholics, Chinese people, ethnic minority people.",
    ),
    RuleInfo(
        HR_01,
        "Thuật ngữ nhân quyền cần nguồn chính thức",
        "Human-rights escalation terms",
        "Quyết định 1079/QĐ-TTg ngày 14/9/2022 (Đề án truyền thông về quyền con người 2023–2028)",
        Severity.WARN,
        "“{excerpt}” là thuật ngữ thường bị lợi dụng để xuyên tạc tình hình nhân quyền: chỉ"
        " dùng kèm nguồn chính thức.",
        "“{excerpt}” is a term often used to misrepresent human rights in Viet Nam: use it"
        " only with an official source.",
        "Dẫn thông tin từ nguồn chính thức (Bộ Ngoại giao, Ban Chỉ đạo nhân quyền).",
        "Cite an official source (the Ministry of Foreign Affairs, the Steering Committee"
        " for Human Rights).",
        "Thông tin về quyền con người lấy từ nguồn chính thức (Quyết định 1079/QĐ-TTg).",
        "The human-rights information comes from an official source (Decision 1079/QD-TTg).",
    ),
    RuleInfo(
        CITE_01,
        "Số, ký hiệu và ngày của văn bản",
        "Document number, symbol and date",
        "Nghị định 30/2020/NĐ-CP (số, ký hiệu; chữ viết tắt tên loại văn bản; ngày tháng)",
        Severity.BLOCK,
        "Ngày {date} của văn bản {doc} không tồn tại.",
        "The date {date} of document {doc} does not exist.",
        messages={
            "year": (
                "Văn bản {doc} mang năm {year} nhưng ghi ngày ban hành {date}.",
                "Document {doc} is numbered for {year} but dated {date}.",
            ),
            "registry": (
                "Văn bản {doc} ban hành ngày {expected}, không phải ngày {date}.",
                "Document {doc} was issued on {expected}, not {date}.",
            ),
            "space": (
                "Ký hiệu văn bản có khoảng trắng quanh dấu gạch nối.",
                "The document symbol has a space around its hyphen.",
            ),
            "hyphen": (
                "Ký hiệu văn bản thiếu dấu gạch nối giữa tên loại văn bản và cơ quan ban hành.",
                "The document symbol lacks the hyphen between the kind of document and the issuer.",
            ),
        },
        suggestions={
            "registry": ("{expected}", "{expected}"),
            "space": ("{fix}", "{fix}"),
            "hyphen": ("{fix}", "{fix}"),
        },
    ),
    RuleInfo(
        CITE_02,
        "Căn cứ pháp lý đã được thay thế",
        "Superseded legal basis",
        "Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 (hiệu lực 01/01/2026); Luật Bảo vệ bí mật"
        " nhà nước 117/2025/QH15 (hiệu lực 01/3/2026); Luật Báo chí sửa đổi thông qua"
        " 10/12/2025 (hiệu lực 01/7/2026)",
        Severity.WARN,
        "Văn bản {doc} đã được thay thế bởi {by}.",
        "{doc} has been replaced by {by}.",
        "{by}",
        "{by}",
    ),
    RuleInfo(
        CITE_03,
        "Số liệu cần nêu nguồn",
        "Statistics need a source",
        "Luật Báo chí Điều 9 khoản 8 (thông tin sai sự thật) (chưa đối chiếu); Luật Sở hữu"
        " trí tuệ (đăng lại) (chưa đối chiếu)",
        Severity.WARN,
        "Số liệu “{excerpt}” chưa nêu nguồn.",
        "The figure “{excerpt}” has no source.",
        "Thêm nguồn, ví dụ “Theo báo cáo của UBND xã, ...”.",
        "Add the source, e.g. “According to the commune People's Committee, ...”.",
        parts=PROSE_PARTS,
    ),
    RuleInfo(
        IMG_01,
        "Ảnh khu vực quân sự, công trình quốc phòng; dữ liệu vị trí",
        "Photos of restricted sites; location data",
        "Luật Bảo vệ bí mật nhà nước Điều 5; Nghị định 06/2019/NĐ-CP (công trình quốc phòng,"
        " khu quân sự) (chưa đối chiếu)",
        Severity.ATTEST,
        "Ảnh có thể chụp khu vực quân sự, công trình quốc phòng (“{excerpt}”): cần xác nhận"
        " được phép chụp và đăng.",
        "The image may show a military site or defence installation (“{excerpt}”): a"
        " reviewer must confirm it may be photographed and published.",
        attestation_vi="Ảnh không thể hiện khu vực cấm, công trình quốc phòng, hoặc đã được"
        " cơ quan quân sự có thẩm quyền cho phép; dữ liệu vị trí đã được xóa.",
        attestation_en="The image shows no prohibited area or defence installation, or the"
        " competent military authority allowed it; location data has been removed.",
        parts=IMAGE_PARTS,
    ),
    RuleInfo(
        IMG_02,
        "Thiếu mô tả thay thế (alt) của ảnh",
        "Missing alt text",
        "WCAG 2.1 tiêu chí 1.1.1 (chưa đối chiếu); Nghị định 42/2022/NĐ-CP (chưa đối chiếu)",
        Severity.BLOCK,
        "Ảnh thiếu mô tả thay thế (alt), hoặc chỉ có tên tệp, từ chung chung.",
        "The image has no alt text, or only a file name or a generic word.",
        "Mô tả nội dung ảnh trong một câu, ví dụ “Lễ thượng cờ tại trụ sở UBND xã Xuân Trường”.",
        "Describe the picture in one sentence, e.g. “Flag-raising ceremony at the commune"
        " People's Committee”.",
        checked_by="image",
    ),
    RuleInfo(
        IMG_03,
        "Thiếu nguồn ảnh",
        "Missing photo credit",
        "Luật Sở hữu trí tuệ (ghi tên tác giả) (chưa đối chiếu); Nghị định 15/2020/NĐ-CP Điều 101",
        Severity.BLOCK,
        "Ảnh chưa ghi nguồn (tác giả hoặc cơ quan cung cấp).",
        "The image has no credit (author or providing organisation).",
        "Ảnh: Văn Minh (Trung tâm VH-TT&TT xã)",
        "Photo: People's Committee of Xuan Truong Commune",
        checked_by="image",
        messages={
            "weak": (
                "Nguồn ảnh “{excerpt}” không rõ tác giả: ghi tên người chụp hoặc cơ quan cung cấp.",
                "The credit “{excerpt}” names no author: give the photographer or the"
                " providing organisation.",
            ),
        },
    ),
    RuleInfo(
        EN_01,
        "Tên chính thức và tên nước trong bản tiếng Anh",
        "Official names and the country name",
        "Thông tư 03/2009/TT-BNG (People's Committee of … Commune/Province; Chairman/Chairwoman)",
        Severity.WARN,
        "Viết “Viet Nam”, tên tiếng Anh chính thức của nước ta.",
        "Write “Viet Nam”, the country's official English name.",
        "{fix}",
        "{fix}",
        langs=("en",),
        messages={
            "title": (
                "Lãnh đạo xã là “Chairman/Chairwoman of the People's Committee”, không phải"
                " “{excerpt}”.",
                "Commune leaders are “Chairman/Chairwoman of the People's Committee”, not"
                " “{excerpt}”.",
            ),
            "term": (
                "“{excerpt}” không phải tên gọi tiếng Anh chính thức: viết “{fix}”.",
                "“{excerpt}” is not the official English name: write “{fix}”.",
            ),
            "avoid": (
                "“{excerpt}” không phải tên gọi tiếng Anh chính thức (danh mục thuật ngữ của"
                " cơ quan).",
                "“{excerpt}” is not the official English name (the office's glossary).",
            ),
            "case": (
                "Viết hoa như tên chính thức: “{fix}”.",
                "Write the official name with its capitals: “{fix}”.",
            ),
            "diacritics": (
                "Trong bản tiếng Anh, viết địa danh không dấu.",
                "Write place names without diacritics in English text.",
            ),
            "symbol": (
                "Trong bản tiếng Anh, viết ký hiệu văn bản không dấu (ND-CP, QD-TTg).",
                "Write document symbols without Vietnamese letters in English text (ND-CP,"
                " QD-TTg).",
            ),
        },
    ),
    RuleInfo(
        EN_02,
        "Bản dịch phải giữ số liệu, ngày, ký hiệu và khẳng định chủ quyền",
        "Translation parity",
        "Nghị định 72/2015/NĐ-CP (thông tin đối ngoại), được dẫn trong Quyết định 1079/QĐ-TTg",
        Severity.ATTEST,
        "Bản tiếng Anh thiếu nội dung của bản tiếng Việt: {value}.",
        "The English text lacks something the Vietnamese source says: {value}.",
        attestation_vi="Người dịch xác nhận bản tiếng Anh giữ đủ số liệu, ngày tháng, số ký"
        " hiệu văn bản và khẳng định chủ quyền của bản tiếng Việt.",
        attestation_en="The translator confirms the English text carries every figure, date,"
        " document reference and sovereignty statement of the Vietnamese source.",
        langs=("en",),
        checked_by="parity",
        messages={
            "number": (
                "Bản tiếng Anh thiếu số liệu {value} của bản tiếng Việt.",
                "The English text lacks the figure {value} of the Vietnamese source.",
            ),
            "date": (
                "Bản tiếng Anh thiếu ngày {value} của bản tiếng Việt.",
                "The English text lacks the date {value} of the Vietnamese source.",
            ),
            "document": (
                "Bản tiếng Anh thiếu văn bản {value} của bản tiếng Việt.",
                "The English text lacks the document reference {value} of the Vietnamese source.",
            ),
            "sovereignty": (
                "Bản tiếng Việt khẳng định {value} của Việt Nam; bản tiếng Anh thiếu “Viet Nam's”.",
                "The Vietnamese source says {value} belong to Viet Nam; the English text"
                " lacks “Viet Nam's”.",
            ),
        },
        suggestions={
            "sovereignty": (
                "Viet Nam's Hoang Sa (Paracel) and Truong Sa (Spratly) archipelagos",
                "Viet Nam's Hoang Sa (Paracel) and Truong Sa (Spratly) archipelagos",
            ),
        },
    ),
    RuleInfo(
        HOL_01,
        "Số năm kỷ niệm và ngày lễ",
        "Anniversary arithmetic and holiday dates",
        "Danh mục ngày lễ; Hướng dẫn 179-HD/BTGTW (các ngày kỷ niệm năm 2025)",
        Severity.BLOCK,
        "“{excerpt}” không khớp: từ {first} đến {last} là {expected} năm.",
        "“{excerpt}” does not add up: {first} to {last} is {expected} years.",
        "{fix}",
        "{fix}",
        messages={
            "founding": (
                "{name} có từ năm {founded}, không phải năm {year}.",
                "{name} dates from {founded}, not {year}.",
            ),
            "date": (
                "{name} là ngày {expected}, không phải ngày {date}.",
                "{name} falls on {expected}, not {date}.",
            ),
            "count": (
                "Năm {year} là kỷ niệm {expected} năm {name} ({founded}), không phải {n} năm.",
                "{year} marks {expected} years of {name} ({founded}), not {n}.",
            ),
        },
    ),
    RuleInfo(
        RPT_01,
        "Gắn tin bài với nhiệm vụ của kế hoạch",
        "Plan-task tagging",
        "Kế hoạch thông tin đối ngoại năm 2025; Công văn 3837/BTTTT-TTĐN (hướng dẫn kế hoạch"
        " TTĐN 2025)",
        Severity.WARN,
        "Tin bài chưa gắn với nhiệm vụ của kế hoạch thông tin đối ngoại: báo cáo định kỳ"
        " theo nhiệm vụ của kế hoạch sẽ không tính tin bài này.",
        "The item is not linked to a task of the external-information plan: the periodic"
        " report by task of the plan will not count it.",
        "Chọn trong ô “Nhiệm vụ kế hoạch” nhiệm vụ mà tin bài này thực hiện (ví dụ II.5."
        " Tuyên truyền bảo vệ chủ quyền, lãnh thổ, biên giới, biển, đảo).",
        "In the “Plan task” field, choose the task of the plan this item carries out (for"
        " example II.5, sovereignty, territory, borders, sea and islands).",
        checked_by="reporting",
    ),
    RuleInfo(
        MON_01,
        "Liên kết tới bài gốc trên mạng xã hội",
        "Links to the original social-media post",
        "Nghị định 15/2020/NĐ-CP Điều 101; Nghị định 13/2023/NĐ-CP",
        Severity.WARN,
        "Bài phản bác không nên dẫn liên kết tới bài viết sai sự thật trên mạng xã hội (tránh"
        " lan truyền thêm).",
        "A rebuttal should not link to the false post on social media (that spreads it further).",
        "Mô tả nội dung sai và dùng ảnh chụp màn hình đã che tên, ảnh đại diện.",
        "Describe the false claim and use a screenshot with names and profile pictures hidden.",
    ),
)

RULES: dict[str, RuleInfo] = {rule.id: rule for rule in _RULE_LIST}
RULE_IDS: tuple[str, ...] = tuple(RULES)

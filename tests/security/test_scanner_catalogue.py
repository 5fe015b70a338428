"""Every example of the rules catalogue, positive and negative, against the scanner.

The examples are copied from the catalogue (RULES.md) with the setting each needs: the
page language, the part of the page (alt text, caption), the office's allowlists, the
publication date, the kind of page. Annotations in the catalogue such as "(allowlisted)"
or "(registry: 09/02/2017)" describe that setting and are not part of the text.

A positive example must produce a finding of its rule with the catalogue's severity; a
negative one must produce none (or, where the catalogue says so, a weaker one: a
qualified nine-dash line is a warning, not a block).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from cms.security.scanner import RULES, ScanConfig, ScanContext, Scanner, Severity

BLOCK, ATTEST, WARN = Severity.BLOCK, Severity.ATTEST, Severity.WARN

OFFICE = ScanConfig(
    allowed_phones=frozenset({"02293888999"}),
    allowed_email_domains=frozenset({"ninhbinh.gov.vn"}),
    allowed_bank_accounts=frozenset({"3713201001234"}),
)


@dataclass(frozen=True)
class Example:
    rule: str
    text: str
    expected: Severity | None  # None: the rule must not report anything
    lang: str = "vi"
    part: str = "text"
    published_on: tuple[int, int, int] | None = None
    page_kind: str | None = None
    extra: dict = field(default_factory=dict)  # for the structured checks

    @property
    def id(self) -> str:
        kind = "flag" if self.expected is not None else "pass"
        return f"{self.rule}-{kind}-{self.lang}-{self.text[:40]}"


def flag(rule, text, severity, **kw):
    return Example(rule, text, severity, **kw)


def passes(rule, text, **kw):
    return Example(rule, text, kw.pop("severity", None), **kw)


TEXT_EXAMPLES = [
    # SEC-01
    flag("SEC-01", "ĐỘ MẬT: TỐI MẬT", BLOCK),
    flag("SEC-01", 'Văn bản đóng dấu "Tuyệt mật" của Ban Chỉ huy Quân sự xã.', BLOCK),
    flag("SEC-01", "cong van TOI MAT so 12/CV-BCH", BLOCK),
    flag("SEC-01", "TOP SECRET – militia deployment plan", BLOCK, lang="en"),
    passes("SEC-01", "Mật ong Xuân Trường đạt chuẩn OCOP 3 sao."),
    passes("SEC-01", "Mỗi tối mật ong pha chanh giúp ngủ ngon."),
    passes("SEC-01", "Mật độ dân số của xã là 1.850 người/km²."),
    passes("SEC-01", "Buổi gặp mặt diễn ra thân mật; quan hệ Việt - Lào gắn bó mật thiết."),
    passes("SEC-01", "XÃ YÊN MẬT, HUYỆN KIM SƠN"),
    passes("SEC-01", "Tôi mất ngủ vì lo lũ (toi mat ngu)."),
    passes("SEC-01", "The secret of bánh nhãn lies in the dough.", lang="en"),
    # SEC-02
    flag("SEC-02", "Tài liệu lưu hành nội bộ - không phổ biến.", BLOCK),
    flag("SEC-02", "Chỉ người có tên mới được bóc bì", BLOCK),
    flag("SEC-02", "Dự thảo lần 2 Kế hoạch thông tin đối ngoại", BLOCK),
    flag("SEC-02", "NOT FOR DISTRIBUTION", BLOCK, lang="en"),
    passes("SEC-02", "Kế hoạch số 72/KH-UBND đã được công khai trên Cổng thông tin xã."),
    passes("SEC-02", "Ca khúc được phổ biến rộng rãi trong nhân dân."),
    # SEC-03: operational detail needs an attestation; talk about secrets is advice.
    flag("SEC-03", "Quân số dân quân thường trực của xã gồm 45 đồng chí, bố trí tại...", ATTEST),
    flag("SEC-03", "Kho vũ khí của Ban CHQS xã đặt tại...", ATTEST),
    flag("SEC-03", "Training on protecting state secrets for commune staff", WARN, lang="en"),
    passes("SEC-03", "Lễ giao nhận quân năm 2025 diễn ra trang trọng."),
    passes("SEC-03", "Dân quân xã ra quân dọn vệ sinh môi trường."),
    # PII-01
    flag("PII-01", "Ông Nguyễn Văn A, CCCD số 036085001234, trú tại thôn 3.", BLOCK),
    flag("PII-01", "Số định danh: 037 190 012 345", BLOCK),
    flag("PII-01", "CMND số 162345678 do Công an Nam Định cấp", BLOCK),
    flag("PII-01", "ID No. 036190012345", BLOCK, lang="en"),
    passes("PII-01", "Kế hoạch số 72/KH-UBND ngày 17/9/2025."),
    passes("PII-01", "Tổng thu ngân sách 036085001 nghìn đồng"),
    passes("PII-01", "Mã số thuế 0601234567"),
    # PII-02 (the hotline is on the office's allowlist)
    flag("PII-02", "Liên hệ anh Hùng: 0912 345 678.", BLOCK),
    flag("PII-02", "Call +84 38 123 4567 for details", BLOCK, lang="en"),
    flag("PII-02", "Gọi bà Lan theo số 0229.3871.234", BLOCK),
    passes("PII-02", "Đường dây nóng UBND xã: 0229 3888 999."),
    passes("PII-02", "Ngày 02/9/2025 kỷ niệm 80 năm Quốc khánh."),
    passes("PII-02", "Mã số thuế 0601234567"),
    # PII-03
    flag("PII-03", "Email của chị Mai: mai.nguyen1985@gmail.com", BLOCK),
    flag("PII-03", "gửi về hoa.tran (at) yahoo.com.vn", BLOCK),
    passes("PII-03", "Ý kiến gửi về ubndxaxuantruong@ninhbinh.gov.vn"),
    passes("PII-03", "Trang @UBNDXaXuanTruong trên Zalo OA"),
    # PII-04 (the Fatherland Front's account is on the allowlist)
    flag("PII-04", "Ủng hộ gia đình bà B vào STK 0451000123456 Vietcombank", BLOCK),
    flag("PII-04", "Account No.: 1903 5678 9012 34 (Techcombank)", BLOCK, lang="en"),
    passes("PII-04", "Ủng hộ qua tài khoản số 3713201001234 của Ủy ban MTTQ xã."),
    passes("PII-04", "Xã có 1.234 tài khoản định danh điện tử mức 2."),
    # PII-05
    flag("PII-05", "Anh Nguyễn Văn T. (thôn 5) nhiễm HIV đã được hỗ trợ.", ATTEST),
    flag(
        "PII-05", "Mr. Tran Van B, who has late-stage cancer, received a gift.", ATTEST, lang="en"
    ),
    passes("PII-05", "Xã tổ chức khám sàng lọc ung thư miễn phí cho 300 phụ nữ."),
    passes("PII-05", "Bà Trần Thị H., Phó Chủ tịch UBND xã, phát biểu tại lễ ra quân."),
    # PII-06 (image alt text)
    flag("PII-06", "Cháu bé 5 tuổi được tặng quà Trung thu", ATTEST, part="alt"),
    flag("PII-06", "Patients at the commune health station", ATTEST, lang="en", part="alt"),
    passes("PII-06", "Toàn cảnh hội nghị tổng kết", part="alt"),
    passes("PII-06", "Cổng chào thôn Xuân Hòa", part="alt"),
    # SOV-01
    flag("SOV-01", "Fishermen from Ninh Binh sail to the South China Sea.", BLOCK, lang="en"),
    flag("SOV-01", "Ngư dân ra khơi trên Biển Nam Trung Hoa.", BLOCK),
    passes("SOV-01", "Fishermen sail to the East Sea.", lang="en"),
    passes("SOV-01", "Ngư dân bám biển trên Biển Đông."),
    # SOV-02
    flag("SOV-02", "Sansha City administers the Xisha islands.", BLOCK, lang="en"),
    flag("SOV-02", 'Bản đồ ghi "huyện Nam Sa" tại bãi Chữ Thập.', BLOCK),
    passes("SOV-02", "Huyện Vĩnh Hưng (Long An) đón đoàn công tác."),
    passes("SOV-02", "Xã Nam Hải tổ chức lễ hội."),
    # SOV-03
    flag("SOV-03", "the Paracel Islands, claimed by several countries", WARN, lang="en"),
    flag("SOV-03", "tourism to the Spratlys", WARN, lang="en"),
    passes(
        "SOV-03",
        "Viet Nam's Hoang Sa (Paracel) and Truong Sa (Spratly) archipelagos",
        lang="en",
    ),
    # SOV-04: qualified mentions are a warning, never a block
    flag("SOV-04", "Tấm bản đồ in hình đường chín đoạn được bày bán.", BLOCK),
    flag("SOV-04", "Globe shows the nine-dash line.", BLOCK, lang="en"),
    passes(
        "SOV-04", 'Kiên quyết phản đối "đường lưỡi bò" phi pháp, trái UNCLOS 1982.', severity=WARN
    ),
    passes("SOV-04", "The so-called nine-dash line has no legal basis.", lang="en", severity=WARN),
    # SOV-05 (alt text and captions)
    flag("SOV-05", "Bản đồ hành chính tỉnh Ninh Bình mới", ATTEST, part="alt"),
    flag("SOV-05", "Map of Viet Nam's investment zones", ATTEST, lang="en", part="caption"),
    passes("SOV-05", "Lễ chào cờ tại trụ sở UBND xã", part="alt"),
    passes("SOV-05", "Đồng lúa thôn 5 mùa gặt", part="caption"),
    # SOV-06 (the second example is an article of autumn 2025)
    flag("SOV-06", "the disputed Spratly Islands", WARN, lang="en"),
    flag("SOV-06", "Huyện đảo Trường Sa tổ chức bầu cử", WARN, published_on=(2025, 10, 1)),
    passes("SOV-06", "Đặc khu Trường Sa, tỉnh Khánh Hòa tổ chức lễ chào cờ."),
    passes("SOV-06", "Hoàng Sa, Trường Sa là bộ phận không thể tách rời của lãnh thổ Việt Nam."),
    # SPK-02
    flag("SPK-02", "Một cán bộ xã xin giấu tên cho biết...", WARN),
    flag("SPK-02", "An official who asked not to be named said...", WARN, lang="en"),
    passes("SPK-02", "Ông Nguyễn Văn X, Chủ tịch UBND xã, cho biết..."),
    passes("SPK-02", "Người phát ngôn UBND xã thông tin..."),
    # SPK-03
    flag("SPK-03", "Vụ việc đang được Công an xã điều tra, nghi phạm là...", ATTEST),
    flag("SPK-03", "The land case is under investigation.", ATTEST, lang="en"),
    passes("SPK-03", "Kết luận thanh tra số 05/KL-TTr đã được công khai."),
    passes("SPK-03", "Xã giải quyết dứt điểm 12 đơn thư trong quý III."),
    # LAW-01
    flag("LAW-01", "50 years since the fall of Saigon", WARN, lang="en"),
    flag("LAW-01", "Ngày quốc hận 30/4", WARN),
    passes("LAW-01", "Kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước."),
    passes("LAW-01", "Viet Nam's 80th National Day", lang="en"),
    # LAW-02
    flag("LAW-02", "Nghe nói sắp thu hồi đất thôn 7.", WARN),
    flag("LAW-02", "Unconfirmed reports say the dyke is leaking.", WARN, lang="en"),
    passes("LAW-02", "UBND xã khẳng định thông tin thu hồi đất thôn 7 là sai sự thật."),
    passes("LAW-02", "The commune confirmed the dyke is safe.", lang="en"),
    # LAW-03
    flag("LAW-03", "bọn đạo gây rối", WARN),
    flag("LAW-03", "lũ Tàu khựa", WARN),
    passes("LAW-03", "Mọi người dân lương, giáo đoàn kết xây dựng nông thôn mới."),
    passes("LAW-03", "Đón Giáng sinh an lành tại giáo xứ Phú Nhai."),
    # HR-01
    flag("HR-01", "political prisoners", WARN, lang="en"),
    flag("HR-01", "tù nhân lương tâm", WARN),
    passes(
        "HR-01", "Việt Nam tái đắc cử Hội đồng Nhân quyền LHQ nhiệm kỳ 2026–2028 với 180 phiếu."
    ),
    passes("HR-01", "100% hộ nghèo được cấp thẻ BHYT."),
    # CITE-01 (the registry has 09/2017/NĐ-CP on 09/02/2017; 31/11 does not exist)
    flag("CITE-01", "Căn cứ Nghị định 09/2017/NĐ-CP ngày 09 tháng 01 năm 2017", WARN),
    flag("CITE-01", "Báo cáo 15/BC-UBND ngày 31/11/2025", BLOCK),
    passes("CITE-01", "Kế hoạch số 72/KH-UBND ngày 17/9/2025"),
    passes("CITE-01", "Quyết định 1079/QĐ-TTg ngày 14/9/2022"),
    # CITE-02 (date-aware: the personal-data law replaces the decree on 1/1/2026)
    flag(
        "CITE-02",
        "Căn cứ Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân",
        WARN,
        published_on=(2026, 2, 10),
    ),
    passes(
        "CITE-02",
        "Căn cứ Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân",
        published_on=(2025, 10, 10),
    ),
    # CITE-03
    flag("CITE-03", "Thu nhập bình quân đạt 72 triệu đồng/người/năm, tăng 8%.", WARN),
    passes("CITE-03", "Theo báo cáo của UBND xã, thu nhập bình quân đạt 72 triệu đồng/người/năm."),
    # IMG-01 (captions)
    flag("IMG-01", "Đoàn công tác thăm Đồn Biên phòng cửa Ba Lạt", ATTEST, part="caption"),
    flag("IMG-01", "Radar station on the coast", ATTEST, lang="en", part="caption"),
    passes("IMG-01", "Dân quân xã dọn vệ sinh đường làng", part="caption"),
    passes("IMG-01", "Hội trường UBND xã", part="caption"),
    # EN-01
    flag("EN-01", "Socialist Republic of Vietnam", WARN, lang="en"),
    flag("EN-01", "Decree 09/2017/NĐ-CP", WARN, lang="en"),
    flag("EN-01", "the commune mayor said", WARN, lang="en"),
    passes("EN-01", "Socialist Republic of Viet Nam", lang="en"),
    passes("EN-01", "People's Committee of Xuan Truong Commune", lang="en"),
    passes("EN-01", "Decree No. 09/2017/ND-CP", lang="en"),
    # HOL-01
    flag(
        "HOL-01",
        "Kỷ niệm 90 năm Ngày thành lập Hội LHPN Việt Nam (20/10/1930 - 20/10/2025)",
        BLOCK,
    ),
    flag("HOL-01", "Chào mừng Ngày Nhà giáo Việt Nam 20/10", BLOCK),
    passes("HOL-01", "Kỷ niệm 80 năm Quốc khánh (2/9/1945 - 2/9/2025)"),
    passes("HOL-01", "Kỷ niệm 81 năm Ngày thành lập QĐND Việt Nam (22/12/1944 - 22/12/2025)"),
    # MON-01 (rebuttal pages)
    flag(
        "MON-01",
        "Xem bài gốc tại https://facebook.com/groups/xyz/posts/1",
        WARN,
        page_kind="rebuttal",
    ),
    flag("MON-01", "https://zalo.me/g/abc123", WARN, page_kind="rebuttal"),
    passes("MON-01", "Ảnh chụp màn hình đã che tên, ảnh đại diện.", page_kind="rebuttal"),
    passes("MON-01", "Nguồn xác minh: Công an xã Xuân Trường.", page_kind="rebuttal"),
]


def strongest(findings, rule):
    severities = [f.severity for f in findings if f.rule == rule]
    return max(severities, key=lambda s: s.rank) if severities else None


@pytest.mark.parametrize("example", TEXT_EXAMPLES, ids=lambda e: e.id)
def test_text_example(example: Example):
    context = ScanContext(
        part=example.part, page_kind=example.page_kind, published_on=example.published_on
    )
    findings = Scanner(OFFICE).scan(example.text, example.lang, context)

    assert strongest(findings, example.rule) == example.expected, findings
    for finding in findings:
        assert example.text[finding.start : finding.end] == finding.excerpt
        assert finding.message


def test_every_rule_of_the_catalogue_is_known():
    expected = [
        *("SEC-01", "SEC-02", "SEC-03"),
        *("PII-01", "PII-02", "PII-03", "PII-04", "PII-05", "PII-06"),
        *("SOV-01", "SOV-02", "SOV-03", "SOV-04", "SOV-05", "SOV-06"),
        *("SPK-01", "SPK-02", "SPK-03", "LAW-01", "LAW-02", "LAW-03", "HR-01"),
        *("CITE-01", "CITE-02", "CITE-03", "IMG-01", "IMG-02", "IMG-03"),
        *("EN-01", "EN-02", "HOL-01", "RPT-01", "MON-01"),
    ]
    assert list(RULES) == expected


def test_every_rule_that_scans_text_has_a_positive_example():
    covered = {e.rule for e in TEXT_EXAMPLES if e.expected is not None}
    scanned = {rule.id for rule in RULES.values() if rule.checked_by == "scan"}
    assert scanned - covered == set()


# --- the structured checks ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("alt", "expected"),
    [
        ("", BLOCK),
        ("IMG_20250902_0915.jpg", BLOCK),
        ("Lễ thượng cờ kỷ niệm 80 năm Quốc khánh tại UBND xã Xuân Trường", None),
        ("Flag-raising ceremony for the 80th National Day", None),
    ],
)
def test_img02_alt_text_examples(alt, expected):
    findings = Scanner().check_image(alt, "Ảnh: Văn Minh (Trung tâm VH-TT xã)")
    assert strongest(findings, "IMG-02") == expected


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("Ảnh: Internet", WARN),
        ("Ảnh: sưu tầm", WARN),
        ("", BLOCK),
        ("Ảnh: Văn Minh (Trung tâm VH-TT xã)", None),
        ("Photo: Xuan Truong Commune People's Committee", None),
    ],
)
def test_img03_credit_examples(credit, expected):
    findings = Scanner().check_image("Hội nghị tổng kết năm 2025 tại hội trường UBND xã", credit)
    assert strongest(findings, "IMG-03") == expected


@pytest.mark.parametrize(
    ("fields", "lang", "expected"),
    [
        ({"text": "Thông cáo báo chí không ghi người phát ngôn"}, "vi", BLOCK),
        ({"text": 'Press release signed "Office staff"'}, "en", BLOCK),
        (
            {
                "text": "Người phát ngôn: Nguyễn Văn X, Chủ tịch UBND xã; ĐT 0229 3888 999;"
                " ubndxaxuantruong@ninhbinh.gov.vn"
            },
            "vi",
            None,
        ),
    ],
)
def test_spk01_press_release_examples(fields, lang, expected):
    findings = Scanner(OFFICE).check_press_release(fields, lang)
    assert strongest(findings, "SPK-01") == expected


def test_en02_parity_flags_english_that_drops_viet_nams():
    vi = "Hoàng Sa, Trường Sa của Việt Nam là bộ phận không thể tách rời của lãnh thổ."
    en = "Hoang Sa and Truong Sa are an inseparable part of the territory."
    findings = Scanner().check_parity(vi, en)
    assert strongest(findings, "EN-02") == ATTEST
    assert findings[0].attestation


def test_en02_parity_passes_english_that_keeps_viet_nams():
    vi = "Quần đảo Hoàng Sa, Trường Sa của Việt Nam."
    en = "Viet Nam's Hoang Sa (Paracel) and Truong Sa (Spratly) archipelagos"
    assert Scanner().check_parity(vi, en) == []


def test_rpt01_is_registered_but_reports_nothing_until_reporting_exists():
    rule = RULES["RPT-01"]
    assert rule.checked_by == "reporting"
    assert rule.severity is WARN
    findings = Scanner().scan("Tin bài không gắn nhiệm vụ kế hoạch (plan_ref trống).")
    assert [f for f in findings if f.rule == "RPT-01"] == []

"""``python manage.py infosec_benchmark``: how fast the information-security scanner is.

Builds a Vietnamese article of 10,000 words (and 20,000 and 40,000 to show that the time
grows linearly), deterministically from varied sentences: news about the commune,
figures, dates, names, document references, and a few sentences that break a rule
(a private phone number, an unattributed statistic, a case under investigation...).
``--lang en`` builds an English article for investors instead (official names, and a few
wrong ones for EN-01, SOV-01, SOV-03), scanned with the English rules and glossary.
Scans each a number of times after a warm-up and prints the median and 95th percentile
in milliseconds, words per second, and how many findings each rule reported.

This is a benchmark, not a test: the figures depend on the machine.
"""

from __future__ import annotations

import gc
import random
import statistics
import time
from collections import Counter

from django.core.management.base import BaseCommand

from cms.security.scanner import Scanner
from cms.security.scanner.findings import ScanConfig

PLACES = (
    "thôn Xuân Hòa",
    "thôn Phú Nhai",
    "thôn Hành Thiện",
    "thôn 3",
    "thôn 5",
    "thôn 7",
    "khu dân cư số 2",
    "giáo xứ Phú Nhai",
    "chùa Keo Hành Thiện",
    "trụ sở UBND xã",
)
PEOPLE = (
    "ông Trần Văn Từng, Phó Chủ tịch UBND xã",
    "bà Nguyễn Thị Hoa, Chủ tịch Hội LHPN xã",
    "ông Vũ Đức Minh, Bí thư Đoàn xã",
    "bà Phạm Thị Lan, trưởng thôn Xuân Hòa",
    "ông Đỗ Văn Hải, Chủ tịch Hội Nông dân xã",
    "linh mục chánh xứ Phú Nhai",
    "đồng chí Bí thư Đảng ủy xã",
)
PLAIN = (
    "Sáng {d}/{m}/2025, tại {place}, UBND xã tổ chức hội nghị triển khai kế hoạch công tác"
    " thông tin đối ngoại năm 2025.",
    "Phát biểu tại hội nghị, {person} nhấn mạnh yêu cầu đa dạng hóa các kênh thông tin,"
    " giới thiệu hình ảnh vùng đất, con người Xuân Trường đến bạn bè trong nước và quốc tế.",
    "Theo báo cáo của UBND xã, năm 2025 tổng diện tích gieo cấy lúa đạt {n} ha, năng suất"
    " bình quân ước đạt {k},{j} tấn/ha.",
    "Nhân dân {place} hăng hái tham gia ngày hội Đại đoàn kết toàn dân tộc, cùng nhau dọn"
    " dẹp đường làng, ngõ xóm xanh, sạch, đẹp.",
    "Đoàn viên thanh niên ra quân hỗ trợ người dân thu hoạch lúa mùa, vận chuyển nông sản"
    " về nhà kịp thời trước mùa mưa bão.",
    "Trung tâm Văn hóa – Thông tin và Thể thao xã thường xuyên đưa tin trên sóng truyền"
    " thanh về mảnh đất, lịch sử, văn hóa và con người quê hương.",
    "Làng nghề truyền thống của xã tiếp tục duy trì, phát triển, tạo việc làm ổn định cho"
    " hàng trăm lao động địa phương.",
    "Các chi hội phụ nữ tổ chức nhiều hoạt động thiết thực chào mừng ngày thành lập Hội"
    " Liên hiệp Phụ nữ Việt Nam.",
    "Hội Nông dân xã phối hợp mở lớp tập huấn kỹ thuật chăm sóc lúa, phòng trừ sâu bệnh cho"
    " hội viên {place}.",
    "Công tác chuyển đổi số được đẩy mạnh; người dân được hướng dẫn cài đặt, sử dụng ứng"
    " dụng định danh điện tử.",
    "Đón Giáng sinh an lành, các giáo xứ trên địa bàn xã trang trí hang đá, tổ chức văn"
    " nghệ, thăm hỏi gia đình khó khăn.",
    "Ban Chỉ đạo xây dựng nông thôn mới kiểm tra tiến độ làm đường giao thông nội đồng tại"
    " {place}.",
    "Xã tiếp tục thực hiện Kế hoạch số 72/KH-UBND ngày 17/9/2025 của UBND tỉnh Ninh Bình về"
    " thông tin đối ngoại.",
    "Cán bộ, công chức được quán triệt Nghị định số 09/2017/NĐ-CP ngày 09/02/2017 của Chính"
    " phủ về phát ngôn và cung cấp thông tin cho báo chí.",
    "Theo thống kê của Phòng Văn hóa – Xã hội, {n} hộ gia đình đạt danh hiệu gia đình văn"
    " hóa, tăng {k} hộ so với năm trước.",
    "Kỷ niệm 80 năm Quốc khánh (2/9/1945 - 2/9/2025), xã tổ chức lễ thượng cờ trang trọng"
    " tại {place}.",
    "Hướng tới kỷ niệm 95 năm Ngày thành lập Mặt trận Tổ quốc Việt Nam (18/11/1930 -"
    " 18/11/2025), các thôn tổ chức ngày hội đại đoàn kết.",
    "Tuyên truyền bảo vệ chủ quyền biển, đảo Việt Nam ở Biển Đông được lồng ghép trong các"
    " buổi sinh hoạt chi bộ, chi hội.",
    "Hoàng Sa, Trường Sa là bộ phận không thể tách rời của lãnh thổ Việt Nam.",
    "Lễ hội chùa Keo Hành Thiện diễn ra từ ngày 1 đến ngày 4 tháng 11 năm 2025 với nhiều"
    " hoạt động văn hóa, thể thao đặc sắc.",
    "Hội đồng nhân dân xã tiếp xúc cử tri {place}, ghi nhận {k} ý kiến, kiến nghị của nhân dân.",
    "Mật độ dân số của xã là 1.850 người/km², phần lớn dân cư sống bằng nghề nông và nghề"
    " thủ công.",
    "Sản phẩm mật ong của hợp tác xã được chứng nhận OCOP 3 sao, được người tiêu dùng tin dùng.",
    "Buổi gặp mặt các doanh nghiệp nhân Ngày Doanh nhân Việt Nam 13/10 diễn ra thân mật, cởi mở.",
    "Đoàn công tác của tỉnh đã làm việc với xã về tình hình thu hút đầu tư, cải thiện môi"
    " trường kinh doanh.",
    "Nhà văn hóa {place} vừa được khánh thành với tổng kinh phí do nhân dân đóng góp và"
    " ngân sách hỗ trợ.",
    "Các trường học trên địa bàn hoàn thành khai giảng năm học mới, đón học sinh trở lại"
    " trường trong không khí vui tươi.",
    "Trạm y tế xã tổ chức khám sàng lọc miễn phí cho người cao tuổi, tư vấn chăm sóc sức"
    " khỏe ban đầu.",
    "Phong trào thể dục thể thao quần chúng phát triển mạnh, nhiều câu lạc bộ dưỡng sinh,"
    " bóng chuyền hơi được thành lập.",
    "Đường dây nóng của UBND xã: 0229 3888 999, tiếp nhận phản ánh của người dân 24/7.",
    "Ý kiến góp ý xin gửi về địa chỉ ubndxaxuantruong@ninhbinh.gov.vn trước ngày {d}/{m}.",
)
FLAGGED = (
    "Thu nhập bình quân đầu người đạt {n} triệu đồng/năm, tăng {k}%.",
    "Mọi thắc mắc xin liên hệ anh Tuấn: 0912 {n3} {n4}.",
    "Vụ việc đang được Công an xã điều tra làm rõ.",
    "Nghe nói sắp có dự án lớn đầu tư vào thôn {k}.",
    "Một cán bộ xã xin giấu tên cho biết kế hoạch sẽ sớm được điều chỉnh.",
    "Kho vũ khí của Ban Chỉ huy Quân sự xã được sắp xếp lại gọn gàng.",
    "Gia đình ông B cần được giúp đỡ, ủng hộ vào STK 0451000{n4}{n3} Vietcombank.",
)


PLACES_EN = (
    "Xuan Hoa village",
    "Phu Nhai parish",
    "Hanh Thien village",
    "hamlet 3",
    "hamlet 5",
    "the commune's industrial cluster",
    "the headquarters of the People's Committee of Xuan Truong Commune",
)
PEOPLE_EN = (
    "the Chairman of the People's Committee of Xuan Truong Commune",
    "a Vice Chairwoman of the People's Committee of Xuan Truong Commune",
    "the head of the commune's Economic Division",
    "the chairwoman of the commune Women's Union",
    "a representative of the Department of Culture and Sports of Ninh Binh Province",
)
PLAIN_EN = (
    "On {d} {month} 2025, at {place}, the People's Committee of Xuan Truong Commune held a"
    " conference on its external information plan for 2025.",
    "Speaking at the conference, {person} called for more channels to present the land and"
    " people of Xuan Truong to friends in Viet Nam and abroad.",
    "According to the People's Committee of Xuan Truong Commune, rice was planted on {n} ha"
    " this year, with an average yield of {k}.{j} tonnes per hectare.",
    "Xuan Truong Commune lies in Ninh Binh Province, in the fertile Red River Delta, and"
    " welcomes investors in high-tech agriculture and farm-produce processing.",
    "Traditional crafts in {place} provide stable jobs for hundreds of local workers.",
    "Young volunteers helped farmers in {place} bring in the harvest before the rainy season.",
    "The commune carries out Plan No. 72/KH-UBND of 17 September 2025 of the People's"
    " Committee of Ninh Binh Province on external information.",
    "Officials studied Decree No. 09/2017/ND-CP on the spokesperson regime and Decision No."
    " 1079/QD-TTg on communication about human rights.",
    "The 80th National Day (2/9/1945 - 2/9/2025) was marked with a flag-raising ceremony at"
    " {place}.",
    "Viet Nam's sovereignty over the Hoang Sa (Paracel) and Truong Sa (Spratly) archipelagos"
    " in the East Sea is indisputable.",
    "The autumn festival of Keo Hanh Thien Pagoda takes place from 1 to 4 November 2025.",
    "Investors can file applications online on the National Public Service Portal, and the"
    " One-stop Service Desk helps them in English.",
    "On Vietnamese Entrepreneurs' Day (13 October) the commune met local businesses and"
    " cooperatives in a friendly, open dialogue.",
    "A delegation of Ninh Binh Province worked with the commune on attracting investment and"
    " improving the business environment.",
    "The Ministry of Foreign Affairs and the Ministry of Culture, Sports and Tourism guide"
    " the external information work of localities.",
    "The commune hotline, 0229 3888 999, receives questions from investors around the clock.",
    "Questions may be sent to ubndxaxuantruong@ninhbinh.gov.vn before {d} {month}.",
    "Socialist Republic of Viet Nam – Independence – Freedom – Happiness.",
)
FLAGGED_EN = (
    "Xuan Truong Commune People's Committee welcomes investors from Vietnam and abroad.",
    "Average income rose by {k}% to {n} million dong a year.",
    "Fishing boats from Ninh Binh province sail to the South China Sea.",
    "Tourism to the Paracel Islands is growing, the commune mayor said.",
    "Call Mr Tuan on 0912 {n3} {n4} for details.",
    "Unconfirmed reports say a large project will come to hamlet {k}.",
)
MONTHS = ("January", "March", "May", "July", "September", "October", "November", "December")


def build_article(words: int, seed: int = 2025, lang: str = "vi") -> str:
    """A deterministic article of about ``words`` words, in paragraphs (Vietnamese, or
    English for ``lang="en"``)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible text, not security
    english = lang == "en"
    plain, flagged = (PLAIN_EN, FLAGGED_EN) if english else (PLAIN, FLAGGED)
    places, people = (PLACES_EN, PEOPLE_EN) if english else (PLACES, PEOPLE)
    sentences: list[str] = []
    count = 0
    while count < words:
        template = rng.choice(flagged) if rng.random() < 0.04 else rng.choice(plain)
        sentence = template.format(
            d=rng.randint(1, 28),
            m=rng.randint(1, 12),
            n=rng.randint(12, 980),
            k=rng.randint(2, 9),
            j=rng.randint(0, 9),
            n3=f"{rng.randint(0, 999):03d}",
            n4=f"{rng.randint(0, 999):03d}",
            place=rng.choice(places),
            person=rng.choice(people),
            month=rng.choice(MONTHS),
        )
        sentences.append(sentence)
        count += len(sentence.split())
    paragraphs = []
    i = 0
    while i < len(sentences):
        size = rng.randint(3, 6)
        paragraphs.append(" ".join(sentences[i : i + size]))
        i += size
    return "\n\n".join(paragraphs)


def office_terms(count: int, seed: int = 7) -> dict[str, tuple[str, ...]]:
    """``count`` made-up two- and three-syllable keywords spread over a few rules."""
    rng = random.Random(seed)  # noqa: S311 - reproducible text, not security
    syllables = [
        "trạm",
        "kho",
        "đồn",
        "khu",
        "bãi",
        "gò",
        "cồn",
        "đầm",
        "vũng",
        "lạch",
        "cửa",
        "mũi",
        "hòn",
        "rạn",
        "núi",
        "đèo",
    ]
    names = [
        "Lạc",
        "Vân",
        "Cát",
        "Hồng",
        "Phúc",
        "Thịnh",
        "Long",
        "An",
        "Bình",
        "Hòa",
        "Sơn",
        "Hải",
        "Tân",
        "Lộc",
        "Quý",
    ]
    rules = ("IMG-01", "SEC-03", "SOV-02", "LAW-03")
    terms: dict[str, list[str]] = {rule: [] for rule in rules}
    for i in range(count):
        term = " ".join((rng.choice(syllables), *rng.sample(names, rng.randint(1, 2))))
        terms[rules[i % len(rules)]].append(term)
    return {rule: tuple(values) for rule, values in terms.items()}


def office_glossary(count: int, seed: int = 7) -> dict[str, dict[str, str]]:
    """``count`` made-up English wrong → right pairs for EN-01 (the office's glossary)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible text, not security
    bodies = ("Board", "Office", "Centre", "Division", "Council", "Team", "Unit", "Desk")
    subjects = ("Culture", "Economy", "Land", "Health", "Youth", "Farming", "Trade", "Crafts")
    places = ("Xuan Hoa", "Phu Nhai", "Hanh Thien", "Xuan Ninh", "Xuan Tan", "Xuan Phong")
    pairs: dict[str, str] = {}
    while len(pairs) < count:
        body, subject, place = rng.choice(bodies), rng.choice(subjects), rng.choice(places)
        number = len(pairs) + 1
        pairs[f"{place} {subject} {body} {number}"] = f"{subject} {body} {number} of {place}"
    return {"EN-01": pairs}


def measure(
    scanner: Scanner, text: str, runs: int, warmup: int = 5, lang: str = "vi"
) -> list[float]:
    """Milliseconds per scan of ``text``, ``runs`` times, garbage collection paused (as
    ``timeit`` does)."""
    for _ in range(warmup):
        scanner.scan(text, lang)
    times = []
    collecting = gc.isenabled()
    gc.disable()
    try:
        for _ in range(runs):
            started = time.perf_counter()
            scanner.scan(text, lang)
            times.append((time.perf_counter() - started) * 1000)
    finally:
        if collecting:
            gc.enable()
    return times


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = "Measure the information-security scanner on a generated Vietnamese or English article."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=50, help="timed scans per size")
        parser.add_argument(
            "--words", type=int, nargs="*", default=[10_000, 20_000, 40_000], help="sizes"
        )
        parser.add_argument(
            "--extra-terms",
            type=int,
            default=500,
            help="office keywords added for the rule-count comparison (0 to skip it)",
        )
        parser.add_argument(
            "--lang",
            choices=("vi", "en"),
            default="vi",
            help="the article's language (en: the English rules and the glossary)",
        )

    def handle(
        self, *args, runs: int, words: list[int], extra_terms: int, lang: str = "vi", **options
    ):
        scanner = Scanner(ScanConfig(allowed_phones=frozenset({"02293888999"})))
        baseline = None
        for size in words:
            text = build_article(size, lang=lang)
            actual = len(text.split())
            times = measure(scanner, text, runs, lang=lang)
            median = statistics.median(times)
            per_word = median / actual
            baseline = baseline or per_word
            self.stdout.write(
                f"{actual:>6} words, {len(text):>7} characters: median {median:6.2f} ms, "
                f"p95 {percentile(times, 0.95):6.2f} ms, min {min(times):6.2f} ms, "
                f"{actual / median * 1000:>10,.0f} "
                f"words/s, {per_word / baseline:4.2f} times the time per word of the first size"
            )
        text = build_article(words[0] if words else 10_000, lang=lang)
        if extra_terms:
            # More keywords make the prefix tree wider, not the scan longer.
            if lang == "en":
                config = ScanConfig(
                    allowed_phones=frozenset({"02293888999"}),
                    term_replacements=office_glossary(extra_terms),
                )
            else:
                config = ScanConfig(
                    allowed_phones=frozenset({"02293888999"}),
                    extra_terms=office_terms(extra_terms),
                )
            plain = statistics.median(measure(scanner, text, runs, lang=lang))
            more = statistics.median(measure(Scanner(config), text, runs, lang=lang))
            self.stdout.write(
                f"With {extra_terms} more office keywords: median {more:6.2f} ms "
                f"(without: {plain:6.2f} ms)"
            )
        counts = Counter(f.rule for f in scanner.scan(text, lang))
        self.stdout.write("Findings per rule in the first article:")
        for rule, count in sorted(counts.items()):
            self.stdout.write(f"  {rule:<8} {count:>5}")

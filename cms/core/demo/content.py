# ruff: noqa: E501
# (Prose: long Vietnamese and English sentences are kept on one line each.)
"""Demo content shared by the whole site: people, topics, occasions, images,
the home page, the standing pages and the section index pages.

All names of people are fictional. Official contacts are the demo hotline and
the commune's .gov.vn address, which the checker's allowlist accepts.
"""

from __future__ import annotations

import datetime

from .spec import (
    DocumentSpec,
    Heading,
    ImageSpec,
    Img,
    OccasionSpec,
    PageRef,
    PageSpec,
    Para,
    Quote,
    T,
    TopicRef,
    TopicSpec,
    UserSpec,
)

HOTLINE = "0229 3888 999"
EMAIL = "ubndxaxuantruong@ninhbinh.gov.vn"
USER_EMAIL_DOMAIN = "xuantruong.ninhbinh.gov.vn"
IMAGE_CREDIT = "Ảnh: Trung tâm VH-TT&TT xã Xuân Trường"

# The credit repeated in image blocks, so that English pages carry an English credit.
CREDIT = T(IMAGE_CREDIT, "Photo: Culture, Sports and Communication Centre of Xuan Truong Commune")

# The fictional Chairman of the commune People's Committee, the spokesperson.
CHAIRMAN = T("Phạm Quang Hưng", "Pham Quang Hung")
CHAIRMAN_TITLE = T(
    "Ông Phạm Quang Hưng, Chủ tịch UBND xã Xuân Trường",
    "Mr Pham Quang Hung, Chairman of the People's Committee of Xuan Truong Commune",
)
SPOKESPERSON_AUTHORISATION = "Quyết định số 15/QĐ-UBND ngày 01/7/2025 của UBND xã ban hành Quy chế phát ngôn và cung cấp thông tin cho báo chí"

# Demo accounts, one per role of cms/core/roles.py. Django's first_name holds the
# family and middle names and last_name the given name, so that get_full_name()
# reads in Vietnamese order ("Nguyễn Thu Trang").
USERS = (
    UserSpec("writer", "Nguyễn Thu", "Trang", "Chuyên viên Văn phòng HĐND và UBND xã"),
    UserSpec("reviewer", "Trần Minh", "Đức", "Công chức Phòng Văn hóa – Xã hội"),
    UserSpec("spokesperson", "Phạm Quang", "Hưng", "Chủ tịch UBND xã, Người phát ngôn"),
    UserSpec("translator", "Lê Hải", "Yến", "Biên dịch viên tiếng Anh"),
    UserSpec("siteadmin", "Vũ Đình", "Khoa", "Quản trị trang thông tin điện tử"),
)

TOPICS = (
    TopicSpec(
        T("kinh-te-dau-tu", "economy-investment"),
        T("Kinh tế – Đầu tư", "Economy and Investment"),
        T(
            "Phát triển kinh tế – xã hội, môi trường đầu tư, kinh doanh và các cơ hội hợp tác của xã Xuân Trường.",
            "Socio-economic development, the investment and business environment, and opportunities for cooperation in Xuan Truong Commune.",
        ),
    ),
    TopicSpec(
        T("van-hoa-lich-su", "culture-history"),
        T("Văn hóa – Lịch sử", "Culture and History"),
        T(
            "Truyền thống lịch sử, di tích, lễ hội, làng nghề và con người vùng đất Xuân Trường.",
            "The history, heritage sites, festivals, craft villages and people of the Xuan Truong area.",
        ),
    ),
    TopicSpec(
        T("chu-quyen-bien-dao-bien-gioi", "sea-islands-borders"),
        T("Chủ quyền biển đảo – Biên giới", "Sea, Islands and Borders"),
        T(
            "Tuyên truyền bảo vệ chủ quyền biển, đảo, biên giới, lãnh thổ quốc gia; phản bác thông tin sai lệch về chủ quyền.",
            "Information on protecting Viet Nam's sovereignty over its sea, islands, borders and territory, and rebuttals of false information about sovereignty.",
        ),
    ),
    TopicSpec(
        T("quyen-con-nguoi", "human-rights"),
        T("Quyền con người", "Human Rights"),
        T(
            "Thông tin về bảo đảm quyền con người, quyền công dân theo Quyết định số 1079/QĐ-TTg của Thủ tướng Chính phủ.",
            "Information on how human rights and citizens' rights are guaranteed, under Decision No. 1079/QD-TTg of the Prime Minister.",
        ),
    ),
    TopicSpec(
        T("quoc-phong-an-ninh", "defence-security"),
        T("Quốc phòng – An ninh", "National Defence and Security"),
        T(
            "Xây dựng nền quốc phòng toàn dân, thế trận an ninh nhân dân; giữ vững trật tự, an toàn xã hội trên địa bàn.",
            "Building all-people national defence and people's security, and keeping public order and safety in the commune.",
        ),
    ),
    TopicSpec(
        T("ngay-le-lon", "national-anniversaries"),
        T("Ngày lễ lớn", "National Holidays and Anniversaries"),
        T(
            "Các ngày lễ, kỷ niệm lớn của đất nước và của địa phương.",
            "The major national and local holidays and anniversaries.",
        ),
    ),
    TopicSpec(
        T("chinh-quyen-dia-phuong", "local-government"),
        T("Chính quyền địa phương", "Local Government"),
        T(
            "Hoạt động của HĐND, UBND xã; cải cách hành chính, chuyển đổi số; phát ngôn và cung cấp thông tin cho báo chí.",
            "The work of the commune People's Council and People's Committee: administrative reform, digital transformation, the spokesperson and information for the press.",
        ),
    ),
)

# Every occasion of September–December 2025 listed in the domain notes, the August
# Revolution, and the national holidays of the rest of the year, so that the calendar of
# the next twelve months is full in any year; each in Vietnamese and English.
# founding_year is the year of the first event, so that anniversary_in(2025) gives the
# number celebrated in 2025.
OCCASIONS = (
    OccasionSpec(
        "tet-nguyen-dan",
        T("Tết Nguyên đán", "Lunar New Year (Tet)"),
        1,
        1,
        calendar="lunar",
        duration_days=3,
        description=T(
            "Mồng Một đến mồng Ba tháng Giêng âm lịch, Tết cổ truyền của dân tộc.",
            "The first three days of the first lunar month, the traditional New Year of the nation.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "thanh-lap-dang",
        T(
            "Ngày thành lập Đảng Cộng sản Việt Nam",
            "Founding Day of the Communist Party of Viet Nam",
        ),
        3,
        2,
        founding_year=1930,
        description=T(
            "Ngày 3/2/1930, Đảng Cộng sản Việt Nam được thành lập.",
            "The Communist Party of Viet Nam was founded on 3 February 1930.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "gio-to-hung-vuong",
        T("Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration Day"),
        10,
        3,
        calendar="lunar",
        description=T(
            "Mồng Mười tháng Ba âm lịch, ngày tưởng nhớ các Vua Hùng.",
            "The tenth day of the third lunar month, in memory of the Hung Kings.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "giai-phong-mien-nam",
        T(
            "Ngày Giải phóng miền Nam, thống nhất đất nước",
            "Day of the Liberation of the South and National Reunification",
        ),
        30,
        4,
        founding_year=1975,
        description=T(
            "Ngày 30/4/1975, miền Nam hoàn toàn giải phóng, đất nước thống nhất.",
            "On 30 April 1975 the South was liberated and the country reunified.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "quoc-te-lao-dong",
        T("Ngày Quốc tế Lao động", "International Workers' Day"),
        1,
        5,
        translate=True,
    ),
    OccasionSpec(
        "sinh-nhat-bac-ho",
        T("Ngày sinh Chủ tịch Hồ Chí Minh", "Birthday of President Ho Chi Minh"),
        19,
        5,
        founding_year=1890,
        description=T(
            "Chủ tịch Hồ Chí Minh sinh ngày 19/5/1890.",
            "President Ho Chi Minh was born on 19 May 1890.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "thuong-binh-liet-si",
        T("Ngày Thương binh – Liệt sĩ", "War Invalids and Martyrs' Day"),
        27,
        7,
        founding_year=1947,
        description=T(
            "Ngày 27/7/1947 được chọn làm ngày tri ân thương binh, liệt sĩ.",
            "27 July 1947 was chosen as the day to honour war invalids and martyrs.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "cach-mang-thang-tam",
        T(
            "Ngày Cách mạng Tháng Tám thành công",
            "Anniversary of the August Revolution",
        ),
        19,
        8,
        founding_year=1945,
        description=T(
            "Ngày 19/8/1945, khởi nghĩa giành chính quyền thắng lợi ở Hà Nội, mở đầu cho thắng lợi của Cách mạng Tháng Tám trên cả nước.",
            "On 19 August 1945 the uprising took power in Ha Noi, opening the victory of the August Revolution across the country.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "quoc-khanh",
        T(
            "Ngày Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam",
            "National Day of the Socialist Republic of Viet Nam",
        ),
        2,
        9,
        founding_year=1945,
        description=T(
            "Ngày 2/9/1945, tại Quảng trường Ba Đình, Chủ tịch Hồ Chí Minh đọc Tuyên ngôn Độc lập, khai sinh nước Việt Nam Dân chủ Cộng hòa, nay là nước Cộng hòa xã hội chủ nghĩa Việt Nam.",
            "On 2 September 1945, in Ba Dinh Square, President Ho Chi Minh read the Declaration of Independence, founding the Democratic Republic of Viet Nam, today the Socialist Republic of Viet Nam.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "vu-lan",
        T(
            "Lễ Vu Lan báo hiếu",
            "Vu Lan Festival",
        ),
        15,
        7,
        calendar="lunar",
        description=T(
            "Rằm tháng Bảy âm lịch (năm 2025 rơi vào ngày 6/9), dịp tưởng nhớ công ơn cha mẹ, ông bà, tổ tiên.",
            "The full moon of the seventh lunar month (6 September in 2025), a time to honour parents, grandparents and ancestors.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "nam-bo-khang-chien",
        T(
            "Ngày Nam Bộ kháng chiến",
            "Southern Resistance Day",
        ),
        23,
        9,
        founding_year=1945,
        description=T(
            "Ngày 23/9/1945, quân và dân Nam Bộ đứng lên kháng chiến chống thực dân Pháp quay lại xâm lược.",
            "On 23 September 1945 the people and soldiers of the South rose against the return of the French colonialists.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "ngay-mat-truong-chinh",
        T(
            "Ngày mất đồng chí Trường Chinh, nguyên Tổng Bí thư của Đảng",
            "Death anniversary of General Secretary Truong Chinh",
        ),
        30,
        9,
        founding_year=1988,
        description=T(
            "Đồng chí Trường Chinh (Đặng Xuân Khu, 1907–1988) sinh tại làng Hành Thiện, huyện Xuân Trường cũ; nguyên Tổng Bí thư của Đảng, nguyên Chủ tịch Hội đồng Nhà nước.",
            "Comrade Truong Chinh (Dang Xuan Khu, 1907–1988), born in Hanh Thien village of the former Xuan Truong district, was General Secretary of the Party and Chairman of the Council of State.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "trung-thu",
        T(
            "Tết Trung thu",
            "Mid-Autumn Festival",
        ),
        15,
        8,
        calendar="lunar",
        description=T(
            "Rằm tháng Tám âm lịch (năm 2025 rơi vào ngày 6/10), ngày hội của thiếu nhi.",
            "The full moon of the eighth lunar month (6 October in 2025), the children's festival.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "giai-phong-thu-do",
        T(
            "Ngày Giải phóng Thủ đô",
            "Liberation of the Capital Day",
        ),
        10,
        10,
        founding_year=1954,
        description=T(
            "Ngày 10/10/1954, bộ đội ta tiến về tiếp quản Thủ đô Hà Nội.",
            "On 10 October 1954 the army entered and took over the capital, Ha Noi.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "doanh-nhan-viet-nam",
        T(
            "Ngày Doanh nhân Việt Nam",
            "Vietnamese Entrepreneurs' Day",
        ),
        13,
        10,
        description=T(
            "Gắn với bức thư Chủ tịch Hồ Chí Minh gửi giới công thương Việt Nam ngày 13/10/1945; dịp xã gặp mặt doanh nghiệp, quảng bá môi trường đầu tư.",
            "Marks President Ho Chi Minh's letter to Vietnamese business people of 13 October 1945; the commune meets its enterprises and promotes its investment environment.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "hoi-nong-dan",
        T(
            "Ngày thành lập Hội Nông dân Việt Nam",
            "Founding Day of the Vietnam Farmers' Union",
        ),
        14,
        10,
        founding_year=1930,
        translate=True,
    ),
    OccasionSpec(
        "hoi-phu-nu",
        T(
            "Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam",
            "Founding Day of the Vietnam Women's Union",
        ),
        20,
        10,
        founding_year=1930,
        translate=True,
    ),
    OccasionSpec(
        "lien-hop-quoc",
        T(
            "Ngày Liên hợp quốc",
            "United Nations Day",
        ),
        24,
        10,
        founding_year=1945,
        description=T(
            "Hiến chương Liên hợp quốc có hiệu lực ngày 24/10/1945.",
            "The Charter of the United Nations entered into force on 24 October 1945.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "le-hoi-chua-keo-hanh-thien",
        T(
            "Lễ hội chùa Keo Hành Thiện (hội mùa thu)",
            "Keo Hanh Thien Pagoda Autumn Festival",
        ),
        12,
        9,
        calendar="lunar",
        duration_days=4,
        description=T(
            "Diễn ra từ ngày 12 đến 15 tháng Chín âm lịch; năm 2025 từ ngày 1 đến 4/11.",
            "Held from the 12th to the 15th day of the ninth lunar month; from 1 to 4 November in 2025.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "ngay-phap-luat",
        T(
            "Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam",
            "Law Day of the Socialist Republic of Viet Nam",
        ),
        9,
        11,
        description=T(
            "Ngày 9/11 hằng năm, gắn với ngày Quốc hội thông qua bản Hiến pháp đầu tiên năm 1946.",
            "Held every year on 9 November, the day the National Assembly adopted the first Constitution in 1946.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "mttq-viet-nam",
        T(
            "Ngày thành lập Mặt trận Dân tộc thống nhất Việt Nam – Ngày hội Đại đoàn kết toàn dân tộc",
            "Founding Day of the Vietnam Fatherland Front – Great National Unity Festival",
        ),
        18,
        11,
        founding_year=1930,
        description=T(
            "Ngày truyền thống của Mặt trận Tổ quốc Việt Nam; Ngày hội Đại đoàn kết toàn dân tộc được tổ chức ở mọi khu dân cư.",
            "The traditional day of the Vietnam Fatherland Front; the Great National Unity Festival is held in every residential area.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "nha-giao-viet-nam",
        T(
            "Ngày Nhà giáo Việt Nam",
            "Vietnamese Teachers' Day",
        ),
        20,
        11,
        founding_year=1982,
        description=T(
            "Ngày Nhà giáo Việt Nam được tổ chức lần đầu ngày 20/11/1982.",
            "Vietnamese Teachers' Day was first held on 20 November 1982.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "nam-ky-khoi-nghia",
        T(
            "Ngày Nam Kỳ khởi nghĩa",
            "Southern Uprising Day",
        ),
        23,
        11,
        founding_year=1940,
        translate=True,
    ),
    OccasionSpec(
        "quyen-con-nguoi",
        T(
            "Ngày Quyền con người thế giới",
            "Human Rights Day",
        ),
        10,
        12,
        founding_year=1948,
        description=T(
            "Ngày 10/12/1948, Đại hội đồng Liên hợp quốc thông qua Tuyên ngôn thế giới về quyền con người. Dịp truyền thông theo Quyết định số 1079/QĐ-TTg.",
            "On 10 December 1948 the United Nations General Assembly adopted the Universal Declaration of Human Rights; communication under Decision No. 1079/QD-TTg.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "toan-quoc-khang-chien",
        T(
            "Ngày Toàn quốc kháng chiến",
            "National Resistance Day",
        ),
        19,
        12,
        founding_year=1946,
        translate=True,
    ),
    OccasionSpec(
        "qdnd-viet-nam",
        T(
            "Ngày thành lập Quân đội nhân dân Việt Nam",
            "Founding Day of the Vietnam People's Army",
        ),
        22,
        12,
        founding_year=1944,
        description=T(
            "Ngày 22/12/1944, Đội Việt Nam Tuyên truyền Giải phóng quân được thành lập.",
            "On 22 December 1944 the Viet Nam Propaganda Liberation Army was founded.",
        ),
        translate=True,
    ),
    OccasionSpec(
        "quoc-phong-toan-dan",
        T(
            "Ngày hội Quốc phòng toàn dân",
            "National Defence Day",
        ),
        22,
        12,
        founding_year=1989,
        translate=True,
    ),
    OccasionSpec(
        "giang-sinh",
        T(
            "Lễ Giáng sinh",
            "Christmas Day",
        ),
        25,
        12,
        description=T(
            "Đêm 24 và ngày 25/12; đồng bào Công giáo trên địa bàn, trong đó có giáo xứ Phú Nhai, đón mừng Giáng sinh.",
            "The night of 24 and the day of 25 December; the commune's Catholic community, including Phu Nhai parish, celebrates Christmas.",
        ),
        translate=True,
    ),
)

IMAGES = (
    ImageSpec(
        "rice-fields",
        "Cánh đồng lúa Xuân Trường mùa gặt",
        "Hình minh họa cánh đồng lúa chín vàng trải dài tới chân trời dưới ánh nắng, vùng đồng bằng sông Hồng",
        "fields",
        ("#9fd0ec", "#f4e3a1"),
        ("nông nghiệp", "đồng lúa"),
    ),
    ImageSpec(
        "village",
        "Làng quê Xuân Trường",
        "Hình minh họa làng quê đồng bằng với lũy tre xanh, những ngôi nhà mái ngói đỏ và cánh đồng",
        "village",
        ("#a8d5f0", "#f3ecc8"),
        ("làng quê",),
    ),
    ImageSpec(
        "crafts",
        "Sản phẩm mây tre đan làng nghề",
        "Hình minh họa họa tiết nan đan đan xen của sản phẩm mây tre đan làng nghề truyền thống",
        "crafts",
        ("#e9d3a6", "#b8864b"),
        ("làng nghề", "OCOP"),
    ),
    ImageSpec(
        "investment",
        "Xuân Trường đồng hành cùng nhà đầu tư",
        "Hình minh họa biểu đồ cột tăng trưởng với đường mũi tên đi lên trên nền xanh",
        "investment",
        ("#1f5f8b", "#3aa17e"),
        ("đầu tư", "doanh nghiệp"),
    ),
    ImageSpec(
        "flag",
        "Cờ Tổ quốc kỷ niệm 80 năm Quốc khánh",
        "Hình minh họa lá cờ đỏ sao vàng tung bay trên nền trời xanh dịp kỷ niệm 80 năm Quốc khánh",
        "flag",
        ("#7fc1ea", "#eef6fb"),
        ("Quốc khánh",),
    ),
    ImageSpec(
        "east-sea",
        "Biển Đông – biển, đảo Việt Nam",
        "Hình minh họa những lớp sóng biển xanh và cánh buồm trắng đỏ trên Biển Đông",
        "sea",
        ("#8fd0f0", "#fdf1cf"),
        ("biển đảo", "Biển Đông"),
    ),
    ImageSpec(
        "pagoda",
        "Lễ hội chùa Keo Hành Thiện mùa thu",
        "Hình minh họa mái chùa cổ nhiều tầng với đèn lồng đỏ trong mùa lễ hội",
        "pagoda",
        ("#f7c66b", "#f4e6c8"),
        ("lễ hội", "di tích"),
    ),
    ImageSpec(
        "unity",
        "Ngày hội Đại đoàn kết toàn dân tộc",
        "Hình minh họa bảy vòng tròn nhiều màu đan kết quanh ngôi sao vàng, tượng trưng cho khối đại đoàn kết toàn dân tộc",
        "unity",
        ("#fdf6e3", "#f1d9a7"),
        ("Đại đoàn kết", "MTTQ"),
    ),
    ImageSpec(
        "teachers",
        "Tri ân thầy cô nhân Ngày Nhà giáo Việt Nam",
        "Hình minh họa cuốn sách mở và bông hoa hồng tặng thầy cô nhân Ngày Nhà giáo Việt Nam",
        "teachers",
        ("#cfe8f7", "#f9e6ef"),
        ("giáo dục",),
    ),
    ImageSpec(
        "human-rights",
        "Ngày Quyền con người thế giới 10/12",
        "Hình minh họa các vòng tròn đồng tâm màu trắng tỏa sáng trên nền xanh lam",
        "rights",
        ("#2a6fb0", "#5fb0d8"),
        ("quyền con người",),
    ),
    ImageSpec(
        "christmas",
        "Đêm Giáng sinh tại giáo xứ Phú Nhai",
        "Hình minh họa tháp nhà thờ kiểu Gothic và ngôi sao Giáng sinh trên bầu trời đêm",
        "christmas",
        ("#1b2a4a", "#5b4a7a"),
        ("Giáng sinh", "tôn giáo"),
    ),
    ImageSpec(
        "army",
        "Kỷ niệm Ngày thành lập Quân đội nhân dân Việt Nam",
        "Hình minh họa ngôi sao vàng trên nền tròn đỏ, hai bên là bông lúa vàng, trên nền xanh lá",
        "army",
        ("#3f6b3a", "#8fb46b"),
        ("quốc phòng",),
    ),
    ImageSpec(
        "press",
        "Cung cấp thông tin cho báo chí",
        "Hình minh họa chiếc micro trên giá đỡ với các vòng sóng âm lan tỏa",
        "press",
        ("#23395d", "#406e8e"),
        ("phát ngôn", "báo chí"),
    ),
    ImageSpec(
        "verify",
        "Kiểm chứng thông tin trên mạng xã hội",
        "Hình minh họa điện thoại thông minh và kính lúp có dấu tích xanh, biểu tượng của việc kiểm chứng thông tin",
        "verify",
        ("#3b4f7a", "#7fa7c9"),
        ("kiểm chứng thông tin",),
    ),
)

PLAN_SUMMARY = f"""UỶ BAN NHÂN DÂN XÃ XUÂN TRƯỜNG, TỈNH NINH BÌNH

TÓM TẮT KẾ HOẠCH CÔNG TÁC THÔNG TIN ĐỐI NGOẠI XÃ XUÂN TRƯỜNG NĂM 2025
(Thực hiện Kế hoạch số 72/KH-UBND ngày 17/9/2025 của UBND tỉnh Ninh Bình)

I. MỤC ĐÍCH
- Bảo đảm sự lãnh đạo, chỉ đạo và phối hợp chặt chẽ giữa các cơ quan, đơn vị trong công tác thông tin đối ngoại.
- Đa dạng hóa các hoạt động thông tin về phát triển kinh tế – xã hội, thu hút đầu tư của xã.
- Hạn chế tối đa tác động của thông tin xấu độc, xuyên tạc, nhất là về biển đảo, biên giới, lãnh thổ, dân chủ, nhân quyền, tôn giáo.

II. NHIỆM VỤ TRỌNG TÂM
1. Triển khai Nghị quyết số 47/NQ-CP ngày 15/4/2024 của Chính phủ; thực hiện Nghị định số 09/2017/NĐ-CP về phát ngôn và cung cấp thông tin cho báo chí.
2. Triển khai Quyết định số 1191/QĐ-TTg ngày 05/8/2020 về thông tin tuyên truyền biên giới; giảm nghèo về thông tin.
3. Triển khai Quyết định số 1079/QĐ-TTg ngày 14/9/2022 phê duyệt Đề án truyền thông về quyền con người ở Việt Nam.
4. Truyền thông quảng bá hình ảnh, tiềm năng đầu tư của xã trên trang thông tin điện tử và hệ thống truyền thanh.
5. Tuyên truyền bảo vệ chủ quyền, lãnh thổ, biển đảo và các ngày lễ lớn năm 2025.
6. Tuyên truyền các ngày lễ lớn của địa phương, đất nước trong 4 tháng cuối năm 2025.
7. Ứng dụng công nghệ thông tin, truyền thông số và các nền tảng mạng xã hội.

III. TỔ CHỨC THỰC HIỆN
- Phòng Văn hóa – Xã hội: chủ trì, tổng hợp, báo cáo; theo dõi dư luận trên không gian mạng.
- Phòng Kinh tế: tham mưu bố trí kinh phí.
- Văn phòng HĐND và UBND xã: xây dựng tin bài trên trang thông tin điện tử của xã.
- Trung tâm Văn hóa – Thể thao và Truyền thông: tuyên truyền trên hệ thống truyền thanh xã.
- Các cơ quan, đơn vị: quán triệt, tuyên truyền tới cán bộ và Nhân dân.

Liên hệ: Văn phòng HĐND và UBND xã Xuân Trường. Đường dây nóng: {HOTLINE}. Thư điện tử: {EMAIL}.
"""

DOCUMENTS = (
    DocumentSpec(
        "plan-summary",
        "Tóm tắt Kế hoạch công tác thông tin đối ngoại xã Xuân Trường năm 2025",
        "tom-tat-ke-hoach-thong-tin-doi-ngoai-2025.txt",
        PLAN_SUMMARY,
    ),
)


def contact_paragraph(lead_vi: str, lead_en: str | None = None) -> Para:
    """The official contact line with a mailto link; bilingual when ``lead_en`` is given."""
    link = f'<a href="mailto:{EMAIL}">{EMAIL}</a>'
    html_vi = f"<p>{lead_vi} Đường dây nóng: {HOTLINE}. Thư điện tử: {link}.</p>"
    if lead_en is None:
        return Para(html_vi)
    return Para(T(html_vi, f"<p>{lead_en} Hotline: {HOTLINE}. E-mail: {link}.</p>"))


# Texts that the home page receives from migration home/0002; the seed replaces
# them, but never a value an editor has written.
HOME_PLACEHOLDERS = {
    "intro": ("Thông tin chính thức của Ủy ban nhân dân xã Xuân Trường, tỉnh Ninh Bình.",),
}

HOME = PageSpec(
    key="home",
    model="home.HomePage",
    parent="",
    slug=T("trang-chu", "home"),
    title=T(
        "Cổng thông tin đối ngoại xã Xuân Trường", "Xuan Truong Commune External Information Portal"
    ),
    fields={
        "intro": T(
            "Trang thông tin đối ngoại chính thức của Ủy ban nhân dân xã Xuân Trường, tỉnh Ninh Bình: giới thiệu vùng đất, con người và tiềm năng đầu tư của xã; thông tin về chủ quyền biển, đảo, các ngày lễ lớn và phản bác thông tin sai sự thật.",
            "The official external information portal of the People's Committee of Xuan Truong Commune, Ninh Binh Province: our land, our people and the commune's investment potential, Viet Nam's sovereignty over its sea and islands, the major national anniversaries, and rebuttals of false information.",
        ),
        "featured_story": PageRef("article-investment"),
        "investment_title": T(
            "Xuân Trường – điểm đến của nhà đầu tư", "Xuan Truong: a place to invest"
        ),
        "investment_text": T(
            "Nằm giữa vùng đồng bằng sông Hồng trù phú, Xuân Trường có quỹ đất nông nghiệp lớn, nguồn lao động dồi dào, cần cù và truyền thống hiếu học. UBND xã cam kết đồng hành cùng nhà đầu tư, giải quyết thủ tục nhanh gọn, minh bạch cho các dự án nông nghiệp công nghệ cao, chế biến nông sản, làng nghề và du lịch văn hóa – tâm linh.",
            "Set in the fertile Red River delta, Xuan Truong offers extensive farmland and a large, hard-working labour force with a strong tradition of learning. The commune People's Committee is committed to working alongside investors, with fast and transparent procedures for projects in high-tech agriculture, farm-produce processing, craft villages and cultural and spiritual tourism.",
        ),
        "investment_page": PageRef("investment"),
    },
    translate=True,
)

ABOUT = PageSpec(
    key="about",
    model="home.ContentPage",
    parent="home",
    slug=T("gioi-thieu-xa-xuan-truong", "about-xuan-truong"),
    title=T("Giới thiệu xã Xuân Trường", "About Xuan Truong Commune"),
    fields={
        "intro": T(
            "Xuân Trường là vùng đất cổ bên dòng sông Hồng, nổi tiếng với những cánh đồng lúa trù phú, truyền thống hiếu học, các làng nghề truyền thống và tình đoàn kết gắn bó giữa đồng bào lương và giáo.",
            "Xuan Truong is an old land on the banks of the Red River, known for its rich rice fields, its tradition of learning, its craft villages and the close solidarity between its Buddhist and Catholic communities.",
        ),
        "body": [
            Heading(T("Vùng đất bên dòng sông Hồng", "A land on the Red River")),
            Para(
                T(
                    "Xã Xuân Trường thuộc tỉnh Ninh Bình, nằm ở trung tâm vùng đồng bằng châu thổ sông Hồng. Từ ngày 01/7/2025, thực hiện chủ trương sắp xếp đơn vị hành chính và tổ chức chính quyền địa phương hai cấp, xã Xuân Trường được thành lập trên cơ sở sắp xếp một số đơn vị hành chính cấp xã của huyện Xuân Trường cũ (tỉnh Nam Định trước đây), nay thuộc tỉnh Ninh Bình.",
                    "Xuan Truong Commune lies at the heart of the Red River delta, in Ninh Binh Province. On 1 July 2025, when Viet Nam reorganised its administrative units into a two-tier system of local government, the new Xuan Truong Commune was formed by merging several communes of the former Xuan Truong District (formerly part of Nam Dinh Province), and it now belongs to Ninh Binh Province.",
                )
            ),
            Para(
                T(
                    "Đất đai màu mỡ do phù sa sông Hồng bồi đắp, cùng hệ thống đê điều, kênh mương được đầu tư đồng bộ, đã tạo nên những cánh đồng lúa thẳng cánh cò bay. Bên cạnh cây lúa, người dân phát triển chăn nuôi, nuôi trồng thủy sản, trồng rau màu và cây ăn quả theo hướng sản xuất hàng hóa.",
                    "Fertile soil laid down by the Red River, together with well-maintained dykes and irrigation canals, has created rice fields that stretch as far as the eye can see. Alongside rice, local people raise livestock, farm fish and grow vegetables and fruit for the market.",
                )
            ),
            Img(
                "rice-fields",
                T(
                    "Cánh đồng lúa mùa gặt trên vùng đất Xuân Trường.",
                    "Rice fields at harvest time in Xuan Truong.",
                ),
                CREDIT,
            ),
            Heading(
                T("Truyền thống hiếu học và cách mạng", "A tradition of learning and revolution")
            ),
            Para(
                T(
                    "Vùng đất Xuân Trường từ lâu được biết đến là đất học. Làng Hành Thiện của huyện Xuân Trường cũ nổi tiếng là làng khoa bảng, đồng thời là quê hương của đồng chí Trường Chinh (Đặng Xuân Khu, 1907–1988), nguyên Tổng Bí thư của Đảng, nguyên Chủ tịch Hội đồng Nhà nước.",
                    "The Xuan Truong area has long been known as a land of scholars. Hanh Thien village in the former Xuan Truong District is famous for the many laureates of the old imperial examinations, and it is the birthplace of Truong Chinh (Dang Xuan Khu, 1907–1988), former General Secretary of the Communist Party of Viet Nam and former Chairman of the Council of State.",
                )
            ),
            Para(
                T(
                    "Phát huy truyền thống quê hương, các thế hệ người dân Xuân Trường luôn chăm lo cho việc học. Phong trào khuyến học, khuyến tài, xây dựng gia đình học tập, dòng họ học tập được duy trì sôi nổi ở khắp các thôn, xóm.",
                    "True to this heritage, generation after generation of Xuan Truong families have put education first. Associations that encourage learning and reward talent, and the movement for learning families and learning clans, are active in every village.",
                )
            ),
            Quote(
                T(
                    "Vì lợi ích mười năm thì phải trồng cây, vì lợi ích trăm năm thì phải trồng người.",
                    "For the sake of ten years, plant trees; for the sake of a hundred years, cultivate people.",
                ),
                T("Chủ tịch Hồ Chí Minh", "President Ho Chi Minh"),
            ),
            Heading(
                T("Di sản văn hóa và đời sống tín ngưỡng", "Cultural heritage and religious life")
            ),
            Para(
                T(
                    "Vùng đất Xuân Trường lưu giữ nhiều di tích lịch sử – văn hóa có giá trị. Chùa Keo Hành Thiện với kiến trúc cổ kính là nơi diễn ra lễ hội truyền thống mùa thu từ ngày 12 đến 15 tháng Chín âm lịch hằng năm, thu hút đông đảo Nhân dân và du khách thập phương.",
                    "The Xuan Truong area has many valuable historical and cultural sites. Keo Hanh Thien Pagoda, with its ancient architecture, holds a traditional autumn festival from the 12th to the 15th day of the ninth lunar month every year, drawing large numbers of local people and visitors from far and wide.",
                )
            ),
            Para(
                T(
                    "Xuân Trường cũng là nơi có cộng đồng Công giáo đông đảo. Nhà thờ Phú Nhai – Vương cung thánh đường thuộc Giáo phận Bùi Chu – là công trình kiến trúc tôn giáo tiêu biểu của vùng đồng bằng Bắc Bộ. Đồng bào lương và giáo trên địa bàn luôn đoàn kết, chung sức xây dựng nông thôn mới, sống “tốt đời, đẹp đạo”.",
                    "Xuan Truong is also home to a large Catholic community. Phu Nhai Church, a minor basilica of the Diocese of Bui Chu, is one of the finest religious buildings of the northern delta. Buddhists and Catholics in the commune live in harmony and work together to build new-style rural areas, as good citizens and good believers.",
                )
            ),
            Img(
                "village",
                T(
                    "Làng quê Xuân Trường yên bình giữa đồng bằng sông Hồng.",
                    "A peaceful village of Xuan Truong in the Red River delta.",
                ),
                CREDIT,
            ),
            Heading(T("Làng nghề và sản vật", "Crafts and local products")),
            Para(
                T(
                    "Bên cạnh nghề trồng lúa, nhiều làng trên địa bàn còn giữ được nghề truyền thống như mộc mỹ nghệ, mây tre đan và chế biến nông sản. Các sản phẩm làng nghề đang từng bước xây dựng thương hiệu, tham gia Chương trình Mỗi xã một sản phẩm (OCOP) và tiếp cận thị trường qua thương mại điện tử.",
                    "Besides rice farming, many villages keep traditional crafts alive, such as fine woodwork, rattan and bamboo weaving, and the processing of farm produce. Craft products are building their own brands, joining the One Commune One Product (OCOP) programme and reaching new markets through e-commerce.",
                )
            ),
            Img(
                "crafts",
                T(
                    "Họa tiết nan đan của sản phẩm mây tre đan truyền thống.",
                    "The woven pattern of traditional rattan and bamboo ware.",
                ),
                CREDIT,
            ),
            Heading(T("Liên hệ", "Contact")),
            contact_paragraph(
                "Ủy ban nhân dân xã Xuân Trường, tỉnh Ninh Bình.",
                "People's Committee of Xuan Truong Commune, Ninh Binh Province.",
            ),
        ],
    },
    translate=True,
)

INVESTMENT = PageSpec(
    key="investment",
    model="home.ContentPage",
    parent="home",
    slug=T("moi-truong-dau-tu", "investment-environment"),
    title=T("Môi trường đầu tư xã Xuân Trường", "Investment Environment in Xuan Truong Commune"),
    fields={
        "intro": T(
            "Xuân Trường chào đón các nhà đầu tư trong và ngoài nước với quỹ đất nông nghiệp rộng, nguồn lao động dồi dào, hạ tầng giao thông ngày càng hoàn thiện và một chính quyền cam kết đồng hành cùng doanh nghiệp.",
            "Xuan Truong welcomes investors from Viet Nam and abroad, with extensive farmland, an abundant labour force, steadily improving transport links and a local government committed to working alongside business.",
        ),
        "body": [
            Heading(T("Lợi thế của Xuân Trường", "Why Xuan Truong")),
            Para(
                T(
                    "Xã nằm giữa vùng đồng bằng sông Hồng, kết nối thuận lợi với trung tâm tỉnh Ninh Bình và các tỉnh, thành phố trong vùng qua mạng lưới đường bộ và đường thủy nội địa.",
                    "The commune lies in the middle of the Red River delta, with good road and inland waterway connections to the centre of Ninh Binh Province and to the other provinces and cities of the region.",
                )
            ),
            Para(
                T(
                    "Nguồn lao động trẻ, cần cù, có truyền thống hiếu học; nhiều lao động đã qua đào tạo nghề, sẵn sàng làm việc trong các lĩnh vực chế biến, sản xuất và dịch vụ.",
                    "The workforce is young and hard-working, with a strong tradition of learning; many workers have vocational training and are ready to work in processing, manufacturing and services.",
                )
            ),
            Img(
                "investment",
                T(
                    "Xuân Trường đồng hành cùng nhà đầu tư.",
                    "Xuan Truong works alongside investors.",
                ),
                CREDIT,
            ),
            Heading(T("Lĩnh vực ưu tiên thu hút đầu tư", "Priority sectors for investment")),
            Para(
                T(
                    "<ul><li>Nông nghiệp ứng dụng công nghệ cao; sản xuất lúa gạo chất lượng cao và rau an toàn.</li><li>Chế biến, bảo quản nông sản và thực phẩm.</li><li>Phát triển làng nghề truyền thống gắn với sản phẩm OCOP.</li><li>Du lịch văn hóa, tâm linh và du lịch nông thôn gắn với di tích, lễ hội.</li><li>Thương mại, dịch vụ và logistics phục vụ sản xuất nông nghiệp.</li></ul>",
                    "<ul><li>High-tech agriculture, including high-quality rice and safe vegetables.</li><li>Processing and storage of farm produce and food.</li><li>Traditional craft villages and OCOP products.</li><li>Cultural, spiritual and rural tourism built around heritage sites and festivals.</li><li>Trade, services and logistics for agriculture.</li></ul>",
                )
            ),
            Heading(T("Cam kết của chính quyền", "Our commitment")),
            Para(
                T(
                    "UBND xã cam kết công khai, minh bạch thông tin quy hoạch và thủ tục đầu tư; rút ngắn thời gian giải quyết hồ sơ; bố trí cán bộ đầu mối hỗ trợ doanh nghiệp trong suốt quá trình chuẩn bị và triển khai dự án; thường xuyên tổ chức đối thoại để kịp thời tháo gỡ khó khăn, vướng mắc.",
                    "The commune People's Committee is committed to publishing planning information and investment procedures openly, to shortening processing times, to assigning a contact officer who supports each business from preparation to implementation, and to holding regular dialogues to resolve difficulties promptly.",
                )
            ),
            Para(
                T(
                    "Nhà đầu tư có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia.",
                    "Investors can file applications online on the National Public Service Portal.",
                )
            ),
            Quote(
                T(
                    "Sự thành công của doanh nghiệp cũng là sự thành công của chính quyền và Nhân dân xã Xuân Trường.",
                    "The success of every business is also the success of the local government and the people of Xuan Truong Commune.",
                ),
                CHAIRMAN_TITLE,
            ),
            Heading(T("Liên hệ hỗ trợ đầu tư", "Investor support")),
            contact_paragraph(
                "Bộ phận Một cửa, UBND xã Xuân Trường, tỉnh Ninh Bình. Nhà đầu tư nước ngoài có thể gửi đề nghị bằng tiếng Anh.",
                "One-stop Service Desk, People's Committee of Xuan Truong Commune, Ninh Binh Province. Foreign investors are welcome to write in English.",
            ),
        ],
    },
    translate=True,
)

# "Invest in Xuan Truong": the landing page for investors (home.InvestorPage), written in
# Vietnamese and translated like every page. Only facts stated elsewhere in the demo
# content or in the 2025 plan; figures the commune has not published are said to be
# missing, not estimated. The contacts are the People's Committee's official ones.
INVESTOR = PageSpec(
    key="investor",
    model="home.InvestorPage",
    parent="home",
    slug=T("dau-tu-vao-xuan-truong", "invest-in-xuan-truong"),
    title=T("Đầu tư vào Xuân Trường", "Invest in Xuan Truong"),
    fields={
        "intro": T(
            "Thông tin dành cho nhà đầu tư: vị trí của xã, hạ tầng, cụm công nghiệp và đầu mối liên hệ của Ủy ban nhân dân xã Xuân Trường, tỉnh Ninh Bình.",
            "Information for investors: where the commune is, its infrastructure, its industrial cluster and whom to contact at the People's Committee of Xuan Truong Commune, Ninh Binh Province.",
        ),
        "location": Para(
            T(
                "<p>Xã Xuân Trường thuộc tỉnh Ninh Bình, nằm ở vùng đồng bằng châu thổ sông Hồng. Xã được thành lập từ ngày 01/7/2025 trên cơ sở sắp xếp một số đơn vị hành chính cấp xã của huyện Xuân Trường cũ (tỉnh Nam Định trước đây), khi cả nước thực hiện mô hình chính quyền địa phương hai cấp.</p><p>Xã kết nối với trung tâm tỉnh Ninh Bình và các tỉnh, thành phố trong vùng qua mạng lưới đường bộ và đường thủy nội địa. Khoảng cách và thời gian di chuyển tới các trung tâm kinh tế, cảng biển và sân bay gần nhất đang được UBND xã rà soát lại sau khi sắp xếp đơn vị hành chính và sẽ được cập nhật trên trang này.</p>",
                "<p>Xuan Truong Commune is in Ninh Binh Province, in the Red River delta. It was formed on 1 July 2025 from several communes of the former Xuan Truong District (formerly part of Nam Dinh Province), when Viet Nam moved to a two-tier system of local government.</p><p>Roads and inland waterways connect the commune with the centre of Ninh Binh Province and with the other provinces and cities of the region. Distances and travel times to the nearest economic centres, seaports and airports are being reviewed by the commune People's Committee after the reorganisation and will be published on this page.</p>",
            )
        ),
        "infrastructure": Para(
            T(
                "<ul><li>Giao thông: mạng lưới đường bộ và đường thủy nội địa kết nối xã với trung tâm tỉnh và các địa phương lân cận.</li><li>Thủy lợi: hệ thống đê điều, kênh mương phục vụ sản xuất nông nghiệp trên vùng đất phù sa sông Hồng.</li><li>Thủ tục hành chính: Bộ phận Một cửa của UBND xã tiếp nhận hồ sơ; nhà đầu tư cũng có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia.</li></ul><p>Nhà đầu tư có thể đề nghị UBND xã cung cấp thông tin về cấp điện, cấp nước sạch và viễn thông tại địa điểm mình quan tâm.</p>",
                "<ul><li>Transport: roads and inland waterways connect the commune with the centre of the province and the neighbouring localities.</li><li>Irrigation: dykes and irrigation canals serve farming on the alluvial land of the Red River.</li><li>Administrative procedures: the One-stop Service Desk of the commune People's Committee receives applications; investors can also file them online on the National Public Service Portal.</li></ul><p>Investors may ask the commune People's Committee for information on power supply, clean water and telecommunications at the sites they are interested in.</p>",
            )
        ),
        "industrial_cluster": Para(
            T(
                "<p>Thông tin về cụm công nghiệp trên địa bàn xã (vị trí, diện tích, tỷ lệ lấp đầy, giá thuê đất và hạ tầng kỹ thuật) đang được Phòng Kinh tế xã tổng hợp lại sau khi sắp xếp đơn vị hành chính. Khi chưa có số liệu chính thức, trang này chưa nêu các số liệu đó; UBND xã sẽ cập nhật ngay khi số liệu được phê duyệt.</p><p>Trong thời gian này, nhà đầu tư quan tâm đến mặt bằng sản xuất, kinh doanh vui lòng liên hệ đầu mối dưới đây để được cung cấp thông tin hiện có.</p>",
                "<p>Information on the industrial cluster in the commune (location, area, occupancy, land rent and technical infrastructure) is being compiled again by the commune's Economic Division after the reorganisation of administrative units. Until official figures are available, this page does not give any; the commune People's Committee will add them as soon as they are approved.</p><p>Meanwhile, investors looking for production or business premises are welcome to contact the office below for the information currently available.</p>",
            )
        ),
        "office_name": T(
            "Phòng Kinh tế, Ủy ban nhân dân xã Xuân Trường",
            "Economic Division, People's Committee of Xuan Truong Commune",
        ),
        "office_address": T(
            "Trụ sở Ủy ban nhân dân xã Xuân Trường, tỉnh Ninh Bình",
            "Headquarters of the People's Committee of Xuan Truong Commune, Ninh Binh Province",
        ),
        # The People's Committee's official hotline and mailbox (on the checker's allowlist).
        "office_phone": HOTLINE,
        "office_email": EMAIL,
        "news_topic": TopicRef("kinh-te-dau-tu"),
    },
    translate=True,
)

NEWS_INDEX = PageSpec(
    key="news",
    model="articles.ArticleIndexPage",
    parent="home",
    slug=T("tin-tuc", "news"),
    title=T("Tin tức", "News"),
    fields={
        "intro": T(
            "Tin tức, thông cáo báo chí và thông tin phản bác tin sai sự thật của Ủy ban nhân dân xã Xuân Trường.",
            "News, press releases and rebuttals of false information from the People's Committee of Xuan Truong Commune.",
        )
    },
    translate=True,
)

SOVEREIGNTY_INDEX = PageSpec(
    key="sovereignty",
    model="articles.SovereigntyIndexPage",
    parent="home",
    slug=T("chu-quyen-bien-dao-bien-gioi", "sea-islands-borders"),
    title=T("Chủ quyền biển đảo – Biên giới", "Sea, Islands and Borders"),
    fields={
        "intro": T(
            "Chuyên mục tuyên truyền về chủ quyền biển, đảo, biên giới, lãnh thổ quốc gia; căn cứ lịch sử và pháp lý khẳng định chủ quyền của Việt Nam đối với hai quần đảo Hoàng Sa và Trường Sa.",
            "Features on Viet Nam's sovereignty over its sea, islands, borders and territory, and the historical and legal evidence of Viet Nam's sovereignty over the Hoang Sa (Paracel) and Truong Sa (Spratly) archipelagos.",
        )
    },
    translate=True,
)

CAMPAIGN_INDEX = PageSpec(
    key="campaigns",
    model="campaigns.CampaignIndexPage",
    parent="home",
    slug=T("chien-dich-tuyen-truyen", "campaigns"),
    title=T("Chiến dịch tuyên truyền", "Campaigns"),
    fields={
        "intro": T(
            "Các đợt tuyên truyền kỷ niệm những ngày lễ lớn của đất nước và địa phương trong 4 tháng cuối năm 2025.",
            "Communication campaigns for the major national and local anniversaries of the last four months of 2025.",
        )
    },
    translate=True,
)

SPOKESPERSON_PAGE = PageSpec(
    key="spokesperson",
    model="home.SpokespersonPage",
    parent="home",
    slug=T("nguoi-phat-ngon", "spokesperson"),
    title=T("Người phát ngôn", "Spokesperson"),
    fields={
        "intro": T(
            "Người phát ngôn của Ủy ban nhân dân xã Xuân Trường thay mặt Ủy ban nhân dân xã phát ngôn và cung cấp thông tin cho báo chí. Các cơ quan báo chí liên hệ với người phát ngôn theo số điện thoại và địa chỉ thư điện tử dưới đây.",
            "The spokesperson of the People's Committee of Xuan Truong Commune speaks for the People's Committee and provides information to the press. Journalists may contact the spokesperson by the phone number and e-mail address below.",
        ),
        "general_contact": contact_paragraph(
            "Văn phòng HĐND và UBND xã Xuân Trường, tỉnh Ninh Bình.",
            "Office of the People's Council and People's Committee of Xuan Truong Commune, Ninh Binh Province.",
        ),
    },
    translate=True,
)

STANDING_PAGES = (
    ABOUT,
    INVESTMENT,
    INVESTOR,
    NEWS_INDEX,
    SOVEREIGNTY_INDEX,
    CAMPAIGN_INDEX,
    SPOKESPERSON_PAGE,
)

# The spokesperson register (Decree No. 09/2017/NĐ-CP): the Chairman, designated by
# the commune's own decision from the day the new commune was formed, with no end date.
SPOKESPERSON_ENTRY = {
    "position": "chairman",
    "full_name": CHAIRMAN.vi,
    "authorisation": "Quyết định số 15/QĐ-UBND ngày 01/7/2025 của Chủ tịch UBND xã",
    "valid_from": datetime.date(2025, 7, 1),
    "valid_until": None,
    "phone": HOTLINE,
    "email": EMAIL,
}


# Official contacts published on the site, which the information-security checker lets
# through (kind, value as published, whose it is). All of them are fictional.
ALLOWLIST = (
    ("phone", "0229 3888 999", "Đường dây nóng UBND xã Xuân Trường"),
    ("email", "ubndxaxuantruong@ninhbinh.gov.vn", "Hộp thư UBND xã Xuân Trường"),
    ("email_domain", "ninhbinh.gov.vn", "Tên miền của các cơ quan tỉnh Ninh Bình"),
    ("bank_account", "3713201001234", "Quỹ cứu trợ Ủy ban MTTQ Việt Nam xã"),
)

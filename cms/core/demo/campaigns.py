# ruff: noqa: E501
# (Prose: long Vietnamese and English sentences are kept on one line each.)
"""Demo campaigns for the major anniversaries of the last four months of 2025.

Anniversary numbers are the year difference: 2025 - 1945 = 80, 2025 - 1930 = 95,
2025 - 1982 = 43, 2025 - 1944 = 81, 2025 - 1989 = 36. Each campaign carries out task
II.6 of the plan (the major holidays of the last four months of 2025).
"""

from __future__ import annotations

import datetime

from .content import CHAIRMAN_TITLE, CREDIT
from .spec import (
    Heading,
    ImageRef,
    Img,
    KeyMessage,
    OccasionRef,
    PageSpec,
    Para,
    PlanTaskRef,
    Quote,
    T,
)

NATIONAL_DAY = PageSpec(
    key="campaign-national-day",
    model="campaigns.CampaignPage",
    parent="campaigns",
    slug=T(
        "80-nam-cach-mang-thang-tam-va-quoc-khanh",
        "80th-anniversary-august-revolution-national-day",
    ),
    title=T(
        "Kỷ niệm 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9 (1945–2025)",
        "80th anniversary of the August Revolution and National Day, 2 September (1945–2025)",
    ),
    translate=True,
    fields={
        "occasion": OccasionRef("quoc-khanh"),
        "plan_task": PlanTaskRef("II.6"),
        "start_date": datetime.date(2025, 8, 15),
        "end_date": datetime.date(2025, 9, 5),
        "slogan": T(
            "Nhiệt liệt chào mừng 80 năm Cách mạng Tháng Tám thành công (19/8/1945 – 19/8/2025) và Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (2/9/1945 – 2/9/2025)!",
            "Celebrating 80 years of the victorious August Revolution (19/8/1945 – 19/8/2025) and of the National Day of the Socialist Republic of Viet Nam (2/9/1945 – 2/9/2025)!",
        ),
        "summary": T(
            "Đợt tuyên truyền kỷ niệm 80 năm Cách mạng Tháng Tám thành công và Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam, khơi dậy niềm tự hào dân tộc và khát vọng xây dựng quê hương Xuân Trường giàu đẹp, văn minh.",
            "A communication campaign for the 80th anniversary of the August Revolution and of the National Day of the Socialist Republic of Viet Nam, to kindle national pride and the aspiration to build a prosperous and civilised Xuan Truong.",
        ),
        "banner": ImageRef("flag"),
        "key_messages": [
            KeyMessage(
                T(
                    "Thắng lợi của Cách mạng Tháng Tám năm 1945 đã mở ra kỷ nguyên độc lập dân tộc gắn liền với chủ nghĩa xã hội.",
                    "The victory of the August Revolution in 1945 opened an era of national independence linked with socialism.",
                )
            ),
            KeyMessage(
                T(
                    "Tự hào về chặng đường 80 năm xây dựng và bảo vệ Tổ quốc; phát huy sức mạnh đại đoàn kết toàn dân tộc, vững bước vào kỷ nguyên vươn mình của dân tộc.",
                    "Pride in eighty years of building and defending the homeland; the strength of great national unity carries Viet Nam into a new era of national rise.",
                )
            ),
            KeyMessage(
                T(
                    "Mỗi cán bộ, đảng viên và người dân Xuân Trường thi đua lập thành tích, xây dựng quê hương giàu đẹp, văn minh.",
                    "Every official, Party member and citizen of Xuan Truong strives to build a prosperous and civilised homeland.",
                )
            ),
        ],
        "body": [
            Para(
                T(
                    "Ngày 19/8/1945, khởi nghĩa giành chính quyền thắng lợi ở Hà Nội; chỉ trong vòng hai tuần, Tổng khởi nghĩa đã thành công trên cả nước. Ngày 2/9/1945, tại Quảng trường Ba Đình, Chủ tịch Hồ Chí Minh đọc bản Tuyên ngôn Độc lập, khai sinh nước Việt Nam Dân chủ Cộng hòa.",
                    "On 19 August 1945, the uprising to seize power succeeded in Ha Noi, and within two weeks the General Uprising had triumphed across the country. On 2 September 1945, in Ba Dinh Square, President Ho Chi Minh read the Declaration of Independence, founding the Democratic Republic of Viet Nam.",
                )
            ),
            Quote(
                T(
                    "Nước Việt Nam có quyền hưởng tự do và độc lập, và sự thật đã thành một nước tự do, độc lập.",
                    "Viet Nam has the right to enjoy freedom and independence, and in fact has become a free and independent country.",
                ),
                T(
                    "Tuyên ngôn Độc lập, ngày 2/9/1945",
                    "Declaration of Independence, 2 September 1945",
                ),
            ),
            Img(
                "flag",
                T(
                    "Cờ Tổ quốc tung bay dịp kỷ niệm 80 năm Quốc khánh.",
                    "The national flag flies for the 80th National Day.",
                ),
                CREDIT,
            ),
            Heading(T("Hoạt động tuyên truyền tại xã", "Activities in the commune")),
            Para(
                T(
                    "<ul><li>Treo cờ Tổ quốc, băng rôn, khẩu hiệu tại trụ sở cơ quan, trường học, nhà văn hóa thôn và các trục đường chính.</li><li>Phát sóng chuyên mục về lịch sử Cách mạng Tháng Tám và thành tựu 80 năm của đất nước trên hệ thống truyền thanh xã.</li><li>Đăng tải tin bài, hình ảnh trên trang thông tin điện tử và các nền tảng mạng xã hội của xã.</li><li>Tổ chức Lễ chào cờ, giao lưu văn nghệ, thể thao trong dịp Quốc khánh.</li></ul>",
                    "<ul><li>The national flag, banners and slogans at offices, schools, village halls and along the main roads.</li><li>Programmes on the history of the August Revolution and the country's achievements over eighty years on the commune loudspeaker radio.</li><li>News and pictures on the commune website and social-media channels.</li><li>A flag-raising ceremony, cultural performances and sports during the National Day holiday.</li></ul>",
                )
            ),
        ],
    },
)

UNITY = PageSpec(
    key="campaign-unity",
    model="campaigns.CampaignPage",
    parent="campaigns",
    slug="95-nam-mat-tran-dan-toc-thong-nhat-viet-nam",
    title="Kỷ niệm 95 năm Ngày thành lập Mặt trận Dân tộc thống nhất Việt Nam – Ngày hội Đại đoàn kết toàn dân tộc",
    fields={
        "occasion": OccasionRef("mttq-viet-nam"),
        "plan_task": PlanTaskRef("II.6"),
        "start_date": datetime.date(2025, 11, 1),
        "end_date": datetime.date(2025, 11, 20),
        "slogan": "Nhiệt liệt chào mừng kỷ niệm 95 năm Ngày thành lập Mặt trận Dân tộc thống nhất Việt Nam – Ngày truyền thống Mặt trận Tổ quốc Việt Nam (18/11/1930 – 18/11/2025)!",
        "summary": "Đợt tuyên truyền về truyền thống vẻ vang của Mặt trận Dân tộc thống nhất Việt Nam và tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở tất cả các thôn trên địa bàn xã.",
        "banner": ImageRef("unity"),
        "key_messages": [
            KeyMessage(
                "Đại đoàn kết toàn dân tộc là đường lối chiến lược, là nguồn sức mạnh to lớn của cách mạng Việt Nam."
            ),
            KeyMessage(
                "Phát huy vai trò của Nhân dân trong xây dựng nông thôn mới, đô thị văn minh và giám sát, phản biện xã hội."
            ),
            KeyMessage(
                "Đồng bào lương, giáo đoàn kết, chung sức xây dựng quê hương Xuân Trường giàu đẹp."
            ),
        ],
        "body": [
            Para(
                "Ngày 18/11/1930, Ban Thường vụ Trung ương Đảng ra Chỉ thị thành lập Hội Phản đế Đồng minh – hình thức đầu tiên của Mặt trận Dân tộc thống nhất Việt Nam. Từ đó, ngày 18/11 trở thành Ngày truyền thống của Mặt trận Tổ quốc Việt Nam và Ngày hội Đại đoàn kết toàn dân tộc."
            ),
            Para(
                "Trong đợt tuyên truyền, Ủy ban MTTQ Việt Nam xã phối hợp với các thôn tổ chức Ngày hội ở khu dân cư, biểu dương các gia đình, cá nhân tiêu biểu và trao tặng nhà Đại đoàn kết cho hộ có hoàn cảnh khó khăn."
            ),
            Img("unity", "Khối đại đoàn kết toàn dân tộc.", CREDIT.vi),
        ],
    },
)

TEACHERS = PageSpec(
    key="campaign-teachers",
    model="campaigns.CampaignPage",
    parent="campaigns",
    slug="43-nam-ngay-nha-giao-viet-nam",
    title="Kỷ niệm 43 năm Ngày Nhà giáo Việt Nam 20/11",
    fields={
        "occasion": OccasionRef("nha-giao-viet-nam"),
        "plan_task": PlanTaskRef("II.6"),
        "start_date": datetime.date(2025, 11, 10),
        "end_date": datetime.date(2025, 11, 21),
        "slogan": "Chào mừng kỷ niệm 43 năm Ngày Nhà giáo Việt Nam (20/11/1982 – 20/11/2025)!",
        "summary": "Đợt tuyên truyền tôn vinh đội ngũ nhà giáo, phát huy truyền thống hiếu học của vùng đất Xuân Trường và đẩy mạnh phong trào khuyến học, khuyến tài, xây dựng xã hội học tập.",
        "banner": ImageRef("teachers"),
        "key_messages": [
            KeyMessage("Tôn sư trọng đạo – truyền thống tốt đẹp của dân tộc Việt Nam."),
            KeyMessage(
                "Mỗi thầy giáo, cô giáo là một tấm gương sáng về đạo đức, tự học và sáng tạo."
            ),
            KeyMessage("Cả cộng đồng chung tay xây dựng xã hội học tập, khuyến học, khuyến tài."),
        ],
        "body": [
            Para(
                "Ngày Nhà giáo Việt Nam được tổ chức lần đầu tiên vào ngày 20/11/1982. Năm 2025, ngày lễ diễn ra trong không khí cả ngành giáo dục triển khai nhiều đổi mới về chương trình, phương pháp dạy học và chuyển đổi số."
            ),
            Para(
                "Các trường học trên địa bàn tổ chức hội giảng, thi đua “Hai tốt”, các hoạt động tri ân thầy cô; UBND xã tổ chức gặp mặt, biểu dương giáo viên tiêu biểu."
            ),
            Img("teachers", "Tri ân thầy cô nhân Ngày Nhà giáo Việt Nam.", CREDIT.vi),
        ],
    },
)

ARMY = PageSpec(
    key="campaign-army",
    model="campaigns.CampaignPage",
    parent="campaigns",
    slug="81-nam-qdnd-viet-nam-36-nam-ngay-hoi-quoc-phong-toan-dan",
    title="Kỷ niệm 81 năm Ngày thành lập Quân đội nhân dân Việt Nam và 36 năm Ngày hội Quốc phòng toàn dân",
    fields={
        "occasion": OccasionRef("qdnd-viet-nam"),
        "plan_task": PlanTaskRef("II.6"),
        "start_date": datetime.date(2025, 12, 10),
        "end_date": datetime.date(2025, 12, 23),
        "slogan": "Nhiệt liệt chào mừng 81 năm Ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944 – 22/12/2025) và 36 năm Ngày hội Quốc phòng toàn dân (22/12/1989 – 22/12/2025)!",
        "summary": "Đợt tuyên truyền về truyền thống vẻ vang của Quân đội nhân dân Việt Nam, xây dựng nền quốc phòng toàn dân và thế trận an ninh nhân dân vững chắc trên địa bàn xã.",
        "banner": ImageRef("army"),
        "key_messages": [
            KeyMessage("Quân đội nhân dân Việt Nam – từ Nhân dân mà ra, vì Nhân dân mà chiến đấu."),
            KeyMessage(
                "Xây dựng nền quốc phòng toàn dân vững mạnh là nhiệm vụ của toàn Đảng, toàn dân và toàn quân."
            ),
            KeyMessage(
                "Chăm lo hậu phương quân đội, tri ân các thế hệ cựu chiến binh và gia đình có công với cách mạng."
            ),
        ],
        "body": [
            Para(
                "Ngày 22/12/1944, theo Chỉ thị của Lãnh tụ Hồ Chí Minh, Đội Việt Nam Tuyên truyền Giải phóng quân được thành lập tại khu rừng Trần Hưng Đạo, tỉnh Cao Bằng – tiền thân của Quân đội nhân dân Việt Nam. Năm 1989, ngày 22/12 được xác định là Ngày hội Quốc phòng toàn dân."
            ),
            Para(
                "Trong đợt tuyên truyền, xã tổ chức gặp mặt cựu chiến binh, thăm hỏi gia đình chính sách, tuyên truyền Luật Nghĩa vụ quân sự và động viên thanh niên lên đường nhập ngũ."
            ),
            Quote(
                "Trung với Nước, hiếu với Dân, nhiệm vụ nào cũng hoàn thành, khó khăn nào cũng vượt qua, kẻ thù nào cũng đánh thắng.",
                "Chủ tịch Hồ Chí Minh",
            ),
            Img("army", "Kỷ niệm Ngày thành lập Quân đội nhân dân Việt Nam.", CREDIT.vi),
        ],
    },
)

CHRISTMAS = PageSpec(
    key="campaign-christmas",
    model="campaigns.CampaignPage",
    parent="campaigns",
    slug="mung-giang-sinh-2025",
    title="Mừng Giáng sinh an lành năm 2025",
    fields={
        "occasion": OccasionRef("giang-sinh"),
        "plan_task": PlanTaskRef("II.6"),
        "start_date": datetime.date(2025, 12, 15),
        "end_date": datetime.date(2025, 12, 31),
        "slogan": "Đón Giáng sinh an lành – Sống “tốt đời, đẹp đạo” – Chung sức xây dựng quê hương",
        "summary": "Đợt tuyên truyền dịp Lễ Giáng sinh năm 2025: chúc mừng đồng bào Công giáo, tuyên truyền chính sách tôn trọng và bảo đảm quyền tự do tín ngưỡng, tôn giáo, bảo đảm an ninh trật tự và an toàn dịp lễ.",
        "banner": ImageRef("christmas"),
        "key_messages": [
            KeyMessage(
                "Quyền tự do tín ngưỡng, tôn giáo của mọi người được Hiến pháp và pháp luật tôn trọng, bảo đảm."
            ),
            KeyMessage("Đồng bào lương, giáo đoàn kết, sống “tốt đời, đẹp đạo”."),
            KeyMessage(
                "Đón lễ an toàn: phòng cháy, chữa cháy và tuân thủ quy định về an toàn giao thông."
            ),
        ],
        "body": [
            Para(
                "Xuân Trường có cộng đồng Công giáo đông đảo với nhiều giáo xứ, giáo họ, trong đó có giáo xứ Phú Nhai với Vương cung thánh đường nổi tiếng. Mùa Giáng sinh là dịp để cấp ủy, chính quyền thăm hỏi, chúc mừng và lắng nghe ý kiến của bà con giáo dân."
            ),
            Quote(
                "Chúc bà con giáo dân một mùa Giáng sinh an lành, hạnh phúc; cùng chung sức xây dựng quê hương Xuân Trường ngày càng giàu đẹp.",
                CHAIRMAN_TITLE.vi,
            ),
            Img("christmas", "Mừng Giáng sinh an lành.", CREDIT.vi),
        ],
    },
)

CAMPAIGNS = (NATIONAL_DAY, UNITY, TEACHERS, ARMY, CHRISTMAS)

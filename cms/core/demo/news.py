# ruff: noqa: E501
# (Prose: long Vietnamese and English sentences are kept on one line each.)
"""Demo news items (ArticlePage) and the East Sea sovereignty feature.

Dates fall in September–December 2025, the period of the plan. Statistics are
attributed ("Theo báo cáo của UBND xã, ..."), contacts are the official demo
ones, and no text names a private person.

Each item names the task of the plan it carries out (``plan_task``): the press
release and the rebuttal II.1 (Resolution 47: the spokesperson regime, rebutting false
information), the human-rights day and the Phu Nhai Christmas (freedom of religion)
II.3 (Decision 1079), investment and the Keo festival II.4 (the commune's image), the
East Sea feature II.5 (sovereignty), the anniversaries of the last four months II.6.
"""

from __future__ import annotations

import datetime

from .content import (
    CHAIRMAN,
    CHAIRMAN_TITLE,
    CREDIT,
    EMAIL,
    HOTLINE,
    SPOKESPERSON_AUTHORISATION,
    contact_paragraph,
)
from .spec import (
    Doc,
    Heading,
    ImageRef,
    Img,
    PageRef,
    PageSpec,
    Para,
    PlanTaskRef,
    Quote,
    Ref,
    T,
    Table,
    TopicRef,
)

WRITER_NAME = T("Nguyễn Thu Trang", "Nguyen Thu Trang")

ND_09_2017 = Ref(
    "09/2017/NĐ-CP",
    "Nghị định quy định chi tiết việc phát ngôn và cung cấp thông tin cho báo chí của cơ quan hành chính nhà nước",
    "Chính phủ",
    datetime.date(2017, 2, 9),
)

PRESS_RELEASE = PageSpec(
    key="article-press-release",
    model="articles.ArticlePage",
    parent="news",
    slug="thong-cao-bao-chi-ke-hoach-thong-tin-doi-ngoai-2025",
    title="Thông cáo báo chí: UBND xã Xuân Trường triển khai Kế hoạch công tác thông tin đối ngoại năm 2025",
    tags=("thông tin đối ngoại", "người phát ngôn", "thông cáo báo chí"),
    fields={
        "kind": "press_release",
        "summary": "UBND xã Xuân Trường thông tin về việc triển khai Kế hoạch công tác thông tin đối ngoại năm 2025 và công bố người phát ngôn, đầu mối cung cấp thông tin cho báo chí theo Nghị định số 09/2017/NĐ-CP của Chính phủ.",
        "spokesperson_name": CHAIRMAN.vi,
        "spokesperson_position": "chairman",
        "spokesperson_authorisation": SPOKESPERSON_AUTHORISATION,
        "topic": TopicRef("chinh-quyen-dia-phuong"),
        "author_name": "Văn phòng HĐND và UBND xã",
        "unit": "vp",
        "publication_date": datetime.date(2025, 9, 25),
        "plan_task": PlanTaskRef("II.1"),
        "feed_image": ImageRef("press"),
        "body": [
            Para(
                "Thực hiện Kế hoạch số 72/KH-UBND ngày 17/9/2025 của UBND tỉnh Ninh Bình về thông tin đối ngoại trên địa bàn tỉnh năm 2025, UBND xã Xuân Trường đã ban hành Kế hoạch công tác thông tin đối ngoại của xã năm 2025 với bảy nhóm nhiệm vụ trọng tâm."
            ),
            Para(
                "Kế hoạch nhằm đa dạng hóa các hoạt động thông tin đối ngoại, giới thiệu tiềm năng phát triển kinh tế – xã hội và môi trường đầu tư của xã tới các tổ chức, cá nhân trong và ngoài nước; đồng thời hạn chế tối đa tác động tiêu cực của thông tin xấu độc, xuyên tạc, nhất là về biển đảo, biên giới, lãnh thổ, dân chủ, nhân quyền và tôn giáo, góp phần giữ vững ổn định chính trị – xã hội và tạo sự đồng thuận trong Nhân dân."
            ),
            Heading("Các nhiệm vụ trọng tâm"),
            Para(
                "<ul><li>Triển khai Nghị quyết số 47/NQ-CP ngày 15/4/2024 của Chính phủ; rà soát, phân công cán bộ làm công tác thông tin đối ngoại và cử cán bộ tham gia các lớp tập huấn do tỉnh tổ chức.</li><li>Thực hiện nghiêm quy định về phát ngôn và cung cấp thông tin cho báo chí theo Nghị định số 09/2017/NĐ-CP.</li><li>Tuyên truyền về quyền con người theo Quyết định số 1079/QĐ-TTg; thông tin về biên giới theo Quyết định số 1191/QĐ-TTg.</li><li>Quảng bá hình ảnh, tiềm năng đầu tư của xã trên trang thông tin điện tử và hệ thống truyền thanh.</li><li>Tuyên truyền bảo vệ chủ quyền biển, đảo và các ngày lễ lớn trong 4 tháng cuối năm 2025.</li><li>Ứng dụng công nghệ thông tin, truyền thông số và các nền tảng mạng xã hội trong công tác thông tin đối ngoại.</li></ul>"
            ),
            Heading("Người phát ngôn và đầu mối cung cấp thông tin"),
            Para(
                f'<p>Người phát ngôn của UBND xã là ông {CHAIRMAN.vi}, Chủ tịch UBND xã. Điện thoại: {HOTLINE}. Thư điện tử: <a href="mailto:{EMAIL}">{EMAIL}</a>. Văn phòng HĐND và UBND xã là đầu mối tiếp nhận đề nghị cung cấp thông tin của các cơ quan báo chí.</p>'
            ),
            Img("press", "Người phát ngôn UBND xã cung cấp thông tin cho báo chí.", CREDIT.vi),
            Quote(
                "Thông tin đối ngoại phải chủ động, kịp thời, chính xác. Mỗi cán bộ, công chức và mỗi người dân đều có thể trở thành một kênh lan tỏa hình ảnh đẹp của quê hương Xuân Trường.",
                CHAIRMAN_TITLE.vi,
            ),
            Doc(
                "plan-summary",
                "Tóm tắt Kế hoạch công tác thông tin đối ngoại xã Xuân Trường năm 2025",
            ),
        ],
        "references": [
            Ref(
                "72/KH-UBND",
                "Kế hoạch thông tin đối ngoại trên địa bàn tỉnh Ninh Bình năm 2025",
                "UBND tỉnh Ninh Bình",
                datetime.date(2025, 9, 17),
            ),
            ND_09_2017,
            Ref(
                "47/NQ-CP",
                "Nghị quyết ban hành Chương trình hành động của Chính phủ đến năm 2030 thực hiện Kết luận số 57-KL/TW ngày 15/6/2023 của Bộ Chính trị về công tác thông tin đối ngoại",
                "Chính phủ",
                datetime.date(2024, 4, 15),
            ),
        ],
    },
)

NATIONAL_DAY = PageSpec(
    key="article-national-day",
    model="articles.ArticlePage",
    parent="news",
    slug="xuan-truong-ky-niem-80-nam-quoc-khanh",
    title="Xuân Trường long trọng kỷ niệm 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9",
    tags=("Quốc khánh 2/9", "Cách mạng Tháng Tám", "80 năm"),
    fields={
        "kind": "news",
        "summary": "Sáng 2/9/2025, UBND xã Xuân Trường tổ chức Lễ chào cờ kỷ niệm 80 năm Cách mạng Tháng Tám thành công (19/8/1945 – 19/8/2025) và Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (2/9/1945 – 2/9/2025).",
        "topic": TopicRef("ngay-le-lon"),
        "author_name": WRITER_NAME.vi,
        "unit": "ttvh",
        "publication_date": datetime.date(2025, 9, 2),
        "plan_task": PlanTaskRef("II.6"),
        "related_campaign": PageRef("campaign-national-day"),
        "feed_image": ImageRef("flag"),
        "body": [
            Para(
                "Trong không khí cả nước hân hoan chào mừng ngày hội lớn của dân tộc, sáng 2/9/2025, tại trụ sở UBND xã, cán bộ, công chức và đại diện Nhân dân các thôn đã dự Lễ chào cờ trang nghiêm. Sau buổi lễ, cán bộ và Nhân dân cùng theo dõi truyền hình trực tiếp Lễ diễu binh, diễu hành kỷ niệm tại Quảng trường Ba Đình, Thủ đô Hà Nội."
            ),
            Para(
                "Tám mươi năm trước, ngày 2/9/1945, tại Quảng trường Ba Đình lịch sử, Chủ tịch Hồ Chí Minh đọc bản Tuyên ngôn Độc lập, khai sinh nước Việt Nam Dân chủ Cộng hòa. Thắng lợi của Cách mạng Tháng Tám đã mở ra kỷ nguyên độc lập dân tộc gắn liền với chủ nghĩa xã hội."
            ),
            Quote(
                "Nước Việt Nam có quyền hưởng tự do và độc lập, và sự thật đã thành một nước tự do, độc lập. Toàn thể dân tộc Việt Nam quyết đem tất cả tinh thần và lực lượng, tính mạng và của cải để giữ vững quyền tự do, độc lập ấy.",
                "Tuyên ngôn Độc lập, ngày 2/9/1945",
            ),
            Img("flag", "Cờ Tổ quốc tung bay dịp kỷ niệm 80 năm Quốc khánh.", CREDIT.vi),
            Heading("Nhiều hoạt động thiết thực chào mừng ngày lễ lớn"),
            Para(
                "Hưởng ứng đợt tuyên truyền, theo báo cáo của UBND xã, 100% hộ gia đình, cơ quan, trường học trên địa bàn treo cờ Tổ quốc; các thôn tổ chức dọn vệ sinh đường làng, ngõ xóm, trang trí khu dân cư xanh – sạch – đẹp. Hệ thống truyền thanh xã phát sóng chuyên mục về lịch sử Cách mạng Tháng Tám và những thành tựu của đất nước sau 80 năm."
            ),
            Table(
                "Chương trình các hoạt động kỷ niệm (nguồn: UBND xã Xuân Trường)",
                (
                    ("Thời gian", "Hoạt động", "Đơn vị thực hiện"),
                    (
                        "Từ 19/8/2025",
                        "Tuyên truyền trên hệ thống truyền thanh và trang thông tin điện tử xã",
                        "Trung tâm VH-TT&TT",
                    ),
                    (
                        "25–31/8/2025",
                        "Treo cờ, băng rôn, khẩu hiệu tại trụ sở, nhà văn hóa thôn",
                        "Các thôn, cơ quan",
                    ),
                    (
                        "Sáng 02/9/2025",
                        "Lễ chào cờ; theo dõi truyền hình trực tiếp Lễ diễu binh, diễu hành",
                        "UBND xã",
                    ),
                    (
                        "Chiều 02/9/2025",
                        "Giao lưu văn nghệ, thi kéo co, bóng chuyền hơi",
                        "Đoàn Thanh niên, các thôn",
                    ),
                ),
            ),
        ],
    },
)

INVESTMENT_ARTICLE = PageSpec(
    key="article-investment",
    model="articles.ArticlePage",
    parent="news",
    slug=T(
        "gap-mat-doanh-nghiep-ngay-doanh-nhan-viet-nam-2025",
        "business-meeting-vietnamese-entrepreneurs-day-2025",
    ),
    title=T(
        "Gặp mặt doanh nghiệp nhân Ngày Doanh nhân Việt Nam 13/10: Xuân Trường đồng hành cùng nhà đầu tư",
        "Vietnamese Entrepreneurs' Day meeting: Xuan Truong stands by investors",
    ),
    tags=("đầu tư", "doanh nghiệp", "Ngày Doanh nhân Việt Nam"),
    translate=True,
    fields={
        "kind": "news",
        "summary": T(
            "Nhân kỷ niệm Ngày Doanh nhân Việt Nam (13/10), UBND xã Xuân Trường tổ chức gặp mặt, đối thoại với các doanh nghiệp, hợp tác xã trên địa bàn, giới thiệu môi trường đầu tư và các lĩnh vực ưu tiên thu hút đầu tư của xã.",
            "To mark Vietnamese Entrepreneurs' Day (13 October), the People's Committee of Xuan Truong Commune met local businesses and cooperatives for a dialogue and presented the commune's investment environment and priority sectors for investment.",
        ),
        "topic": TopicRef("kinh-te-dau-tu"),
        "author_name": WRITER_NAME,
        "unit": "kt",
        "publication_date": datetime.date(2025, 10, 13),
        "plan_task": PlanTaskRef("II.4"),
        "feed_image": ImageRef("investment"),
        "body": [
            Para(
                T(
                    "Ngày 13/10/2025, UBND xã Xuân Trường tổ chức Hội nghị gặp mặt doanh nghiệp, hợp tác xã và hộ kinh doanh tiêu biểu nhân kỷ niệm Ngày Doanh nhân Việt Nam. Hội nghị là dịp để chính quyền lắng nghe ý kiến, kiến nghị của cộng đồng doanh nghiệp và giới thiệu tiềm năng, cơ hội đầu tư của xã sau khi sắp xếp đơn vị hành chính.",
                    "On 13 October 2025, the People's Committee of Xuan Truong Commune held a meeting with leading local businesses, cooperatives and household enterprises to mark Vietnamese Entrepreneurs' Day. The meeting gave the local government an opportunity to hear the views and proposals of the business community and to present the commune's potential and investment opportunities after the reorganisation of administrative units.",
                )
            ),
            Para(
                T(
                    "Ngày Doanh nhân Việt Nam gắn với bức thư Chủ tịch Hồ Chí Minh gửi giới công thương Việt Nam ngày 13/10/1945, khẳng định vai trò quan trọng của giới doanh nhân trong công cuộc kiến thiết đất nước.",
                    "Vietnamese Entrepreneurs' Day commemorates the letter that President Ho Chi Minh sent to Viet Nam's industrialists and traders on 13 October 1945, affirming the important role of business people in building the country.",
                )
            ),
            Heading(T("Nhiều lĩnh vực giàu tiềm năng", "Sectors with strong potential")),
            Para(
                T(
                    "Theo báo cáo của UBND xã, các lĩnh vực được ưu tiên thu hút đầu tư gồm nông nghiệp ứng dụng công nghệ cao, chế biến nông sản, phát triển làng nghề gắn với sản phẩm OCOP và du lịch văn hóa – tâm linh. Xã đã rà soát quỹ đất và công khai danh mục địa điểm có thể bố trí dự án trên trang thông tin điện tử.",
                    "According to the commune People's Committee, the priority sectors for investment are high-tech agriculture, farm-produce processing, craft villages linked to OCOP products, and cultural and spiritual tourism. The commune has reviewed its land reserves and published the list of sites available for projects on its website.",
                )
            ),
            Img(
                "investment",
                T(
                    "Xuân Trường đồng hành cùng doanh nghiệp và nhà đầu tư.",
                    "Xuan Truong works alongside businesses and investors.",
                ),
                CREDIT,
            ),
            Para(
                T(
                    "Các doanh nghiệp đánh giá cao sự chủ động, cầu thị của chính quyền xã, đồng thời kiến nghị tiếp tục đẩy mạnh cải cách thủ tục hành chính, hỗ trợ kết nối tiêu thụ sản phẩm và đào tạo nghề cho lao động địa phương.",
                    "Businesses praised the commune government's proactive and open attitude, and asked it to press ahead with administrative reform, to help them find buyers for their products and to provide vocational training for local workers.",
                )
            ),
            Quote(
                T(
                    "Chúng tôi cam kết lắng nghe, đồng hành và giải quyết nhanh nhất các kiến nghị chính đáng của doanh nghiệp, để mỗi dự án đầu tư vào Xuân Trường đều thành công.",
                    "We are committed to listening, to standing by businesses and to settling their legitimate requests as quickly as possible, so that every project invested in Xuan Truong succeeds.",
                ),
                CHAIRMAN_TITLE,
            ),
            Heading(
                T(
                    "Cải cách hành chính, chuyển đổi số",
                    "Administrative reform and digital transformation",
                )
            ),
            Para(
                T(
                    "Doanh nghiệp và nhà đầu tư có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia.",
                    "Businesses and investors can file applications online on the National Public Service Portal.",
                )
            ),
            contact_paragraph(
                "Mọi thông tin về đầu tư xin liên hệ Văn phòng HĐND và UBND xã Xuân Trường.",
                "For information on investment, please contact the Office of the People's Council and People's Committee of Xuan Truong Commune.",
            ),
        ],
    },
)

KEO_FESTIVAL = PageSpec(
    key="article-keo-festival",
    model="articles.ArticlePage",
    parent="news",
    slug="le-hoi-chua-keo-hanh-thien-mua-thu-2025",
    title="Lễ hội chùa Keo Hành Thiện mùa thu năm 2025: nét đẹp văn hóa vùng đất Xuân Trường",
    tags=("lễ hội", "chùa Keo Hành Thiện", "di sản văn hóa"),
    fields={
        "kind": "news",
        "summary": "Từ ngày 12 đến 15 tháng Chín âm lịch (tức ngày 1 đến 4/11/2025), lễ hội truyền thống chùa Keo Hành Thiện mùa thu diễn ra với nhiều nghi lễ trang nghiêm và hoạt động văn hóa dân gian đặc sắc, thu hút đông đảo Nhân dân và du khách thập phương.",
        "topic": TopicRef("van-hoa-lich-su"),
        "author_name": WRITER_NAME.vi,
        "unit": "ttvh",
        "publication_date": datetime.date(2025, 11, 1),
        "plan_task": PlanTaskRef("II.4"),
        "feed_image": ImageRef("pagoda"),
        "body": [
            Para(
                "Chùa Keo Hành Thiện là ngôi chùa cổ thờ Phật và Thiền sư Dương Không Lộ, vị cao tăng thời Lý. Trải qua nhiều lần trùng tu, chùa vẫn giữ được nét kiến trúc truyền thống với các lớp mái cong, hệ thống cột gỗ lim và những mảng chạm khắc tinh xảo, là niềm tự hào của người dân vùng đất Xuân Trường."
            ),
            Para(
                "Lễ hội mùa thu được tổ chức hằng năm từ ngày 12 đến 15 tháng Chín âm lịch. Phần lễ gồm lễ khai hội, lễ rước và lễ dâng hương tưởng niệm Thiền sư; phần hội có nhiều trò chơi dân gian và các tiết mục văn nghệ truyền thống, tạo không khí vui tươi, gắn kết cộng đồng."
            ),
            Img("pagoda", "Mái chùa cổ rực rỡ đèn lồng trong mùa lễ hội.", CREDIT.vi),
            Heading("Lễ hội văn minh, an toàn"),
            Para(
                "Lực lượng công an, dân quân và đoàn viên thanh niên được phân công bảo đảm an ninh trật tự, an toàn giao thông và vệ sinh môi trường trong những ngày diễn ra lễ hội. Các điểm trông giữ xe niêm yết giá công khai; khu vực hành lễ được bố trí hợp lý, thuận tiện cho người cao tuổi và trẻ em."
            ),
            Para(
                "UBND xã khuyến cáo Nhân dân và du khách khi tham dự lễ hội thực hiện nếp sống văn minh, trang phục lịch sự, không đốt vàng mã tùy tiện, tự bảo quản tài sản cá nhân và theo dõi thông tin chính thức về lễ hội trên trang thông tin điện tử và hệ thống truyền thanh của xã."
            ),
            Quote(
                "Giữ gìn và phát huy giá trị của lễ hội truyền thống là trách nhiệm chung của mỗi người dân, để di sản của cha ông mãi là điểm tựa tinh thần cho các thế hệ hôm nay và mai sau.",
                CHAIRMAN_TITLE.vi,
            ),
        ],
    },
)

UNITY_DAY = PageSpec(
    key="article-unity-day",
    model="articles.ArticlePage",
    parent="news",
    slug="ngay-hoi-dai-doan-ket-toan-dan-toc-2025",
    title="Ngày hội Đại đoàn kết toàn dân tộc lan tỏa khắp các thôn, xóm",
    tags=("Đại đoàn kết", "Mặt trận Tổ quốc", "95 năm"),
    fields={
        "kind": "news",
        "summary": "Hướng tới kỷ niệm 95 năm Ngày thành lập Mặt trận Dân tộc thống nhất Việt Nam (18/11/1930 – 18/11/2025), các thôn trên địa bàn xã Xuân Trường đồng loạt tổ chức Ngày hội Đại đoàn kết toàn dân tộc trong không khí ấm áp, vui tươi.",
        "topic": TopicRef("ngay-le-lon"),
        "author_name": WRITER_NAME.vi,
        "unit": "vhxh",
        "publication_date": datetime.date(2025, 11, 17),
        "plan_task": PlanTaskRef("II.6"),
        "related_campaign": PageRef("campaign-unity"),
        "feed_image": ImageRef("unity"),
        "body": [
            Para(
                "Từ ngày 10 đến 18/11/2025, Ban Công tác Mặt trận các thôn phối hợp với chi bộ, trưởng thôn tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư. Lãnh đạo Đảng ủy, HĐND, UBND và Ủy ban MTTQ Việt Nam xã chia thành các đoàn về dự, chung vui cùng Nhân dân."
            ),
            Para(
                "Phần lễ ôn lại truyền thống vẻ vang của Mặt trận Dân tộc thống nhất Việt Nam, đánh giá kết quả cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” và biểu dương các gia đình, cá nhân tiêu biểu. Phần hội sôi nổi với bữa cơm đoàn kết, các trò chơi dân gian và tiết mục văn nghệ do chính người dân biểu diễn."
            ),
            Quote(
                "Đoàn kết, đoàn kết, đại đoàn kết. Thành công, thành công, đại thành công.",
                "Chủ tịch Hồ Chí Minh",
            ),
            Img(
                "unity",
                "Khối đại đoàn kết toàn dân tộc – cội nguồn sức mạnh của quê hương.",
                CREDIT.vi,
            ),
            Heading("Lương – giáo đồng lòng xây dựng quê hương"),
            Para(
                "Tại các thôn có đông đồng bào Công giáo, ngày hội có sự tham gia của đại diện ban hành giáo các giáo họ. Đồng bào lương và giáo cùng chung tay làm đường giao thông, thắp sáng đường quê, giúp đỡ hộ nghèo, hộ có hoàn cảnh khó khăn, góp phần giữ vững tình làng nghĩa xóm."
            ),
            Table(
                "Kết quả một số phong trào năm 2025 (theo báo cáo của Ủy ban MTTQ Việt Nam xã)",
                (
                    ("Nội dung", "Kết quả"),
                    ("Thôn tổ chức Ngày hội Đại đoàn kết", "tất cả các thôn"),
                    ("Hộ gia đình đạt danh hiệu Gia đình văn hóa", "trên 9/10 số hộ"),
                    ("Nhà Đại đoàn kết được hỗ trợ xây mới, sửa chữa", "12 nhà"),
                ),
            ),
        ],
    },
)

TEACHERS_DAY = PageSpec(
    key="article-teachers-day",
    model="articles.ArticlePage",
    parent="news",
    slug="tri-an-thay-co-43-nam-ngay-nha-giao-viet-nam",
    title="Tri ân thầy cô nhân kỷ niệm 43 năm Ngày Nhà giáo Việt Nam (20/11/1982 – 20/11/2025)",
    tags=("Ngày Nhà giáo Việt Nam", "giáo dục", "khuyến học"),
    fields={
        "kind": "news",
        "summary": "UBND xã Xuân Trường tổ chức gặp mặt, biểu dương các thầy giáo, cô giáo tiêu biểu và các trường học đạt thành tích cao trong năm học vừa qua, nhân kỷ niệm Ngày Nhà giáo Việt Nam 20/11.",
        "topic": TopicRef("ngay-le-lon"),
        "author_name": WRITER_NAME.vi,
        "unit": "vhxh",
        "publication_date": datetime.date(2025, 11, 19),
        "plan_task": PlanTaskRef("II.6"),
        "related_campaign": PageRef("campaign-teachers"),
        "feed_image": ImageRef("teachers"),
        "body": [
            Para(
                "Chiều 19/11/2025, tại hội trường UBND xã, lãnh đạo xã đã gặp mặt đại diện cán bộ quản lý, giáo viên các trường mầm non, tiểu học và trung học cơ sở trên địa bàn. Đây là dịp để cấp ủy, chính quyền ghi nhận những đóng góp thầm lặng của đội ngũ nhà giáo đối với sự nghiệp giáo dục của quê hương."
            ),
            Para(
                "Phát huy truyền thống hiếu học của vùng đất Xuân Trường, các nhà trường đã đổi mới phương pháp dạy học, đẩy mạnh ứng dụng công nghệ thông tin và chuyển đổi số trong quản lý, giảng dạy; quan tâm giáo dục kỹ năng sống, bồi dưỡng học sinh giỏi và phụ đạo học sinh còn khó khăn trong học tập."
            ),
            Img("teachers", "Những bông hoa tri ân thầy cô nhân ngày 20/11.", CREDIT.vi),
            Table(
                "Một số kết quả năm học 2024–2025 (nguồn: Phòng Văn hóa – Xã hội xã)",
                (
                    ("Nội dung", "Kết quả"),
                    ("Giáo viên được biểu dương nhân ngày 20/11", "25 thầy, cô"),
                    ("Học sinh đạt giải trong các kỳ thi cấp tỉnh", "18 em"),
                    ("Học sinh vượt khó học tốt được Hội Khuyến học khen thưởng", "40 em"),
                ),
            ),
            Quote(
                "Vì lợi ích mười năm thì phải trồng cây, vì lợi ích trăm năm thì phải trồng người.",
                "Chủ tịch Hồ Chí Minh",
            ),
            Para(
                "Dịp này, Hội Khuyến học xã trao thưởng cho các giáo viên có học sinh đạt giải cao và các học sinh vượt khó học tốt. Lãnh đạo xã mong muốn mỗi thầy giáo, cô giáo tiếp tục là tấm gương sáng về đạo đức, tự học và sáng tạo, cùng chung tay xây dựng xã hội học tập."
            ),
        ],
    },
)

HUMAN_RIGHTS = PageSpec(
    key="article-human-rights",
    model="articles.ArticlePage",
    parent="news",
    slug="tuyen-truyen-quyen-con-nguoi-ngay-10-12",
    title="Tuyên truyền về quyền con người nhân Ngày Quyền con người thế giới 10/12",
    tags=("quyền con người", "Quyết định 1079/QĐ-TTg", "10/12"),
    fields={
        "kind": "news",
        "summary": "Thực hiện Quyết định số 1079/QĐ-TTg của Thủ tướng Chính phủ, xã Xuân Trường đẩy mạnh tuyên truyền về chủ trương, chính sách bảo đảm quyền con người nhân kỷ niệm 77 năm Ngày Liên hợp quốc thông qua Tuyên ngôn thế giới về quyền con người (10/12/1948 – 10/12/2025).",
        "topic": TopicRef("quyen-con-nguoi"),
        "author_name": WRITER_NAME.vi,
        "unit": "vhxh",
        "publication_date": datetime.date(2025, 12, 10),
        "plan_task": PlanTaskRef("II.3"),
        "feed_image": ImageRef("human-rights"),
        "body": [
            Para(
                "Quyết định số 1079/QĐ-TTg ngày 14/9/2022 của Thủ tướng Chính phủ phê duyệt Đề án truyền thông về quyền con người ở Việt Nam nhằm nâng cao nhận thức của cán bộ và Nhân dân về quyền con người, về những thành tựu của Việt Nam trong bảo đảm quyền con người, đồng thời chủ động đấu tranh phản bác các luận điệu xuyên tạc."
            ),
            Para(
                "Hiến pháp năm 2013 dành riêng Chương II quy định về quyền con người, quyền và nghĩa vụ cơ bản của công dân. Trên địa bàn xã, các quyền đó được cụ thể hóa bằng những việc làm thiết thực: chăm lo an sinh xã hội, hỗ trợ hộ nghèo và gia đình chính sách, bảo đảm quyền học tập, chăm sóc sức khỏe, quyền tự do tín ngưỡng, tôn giáo và quyền tham gia quản lý nhà nước, xã hội của Nhân dân."
            ),
            Img("human-rights", "Quyền con người được tôn trọng và bảo đảm.", CREDIT.vi),
            Heading("Thành tựu được cộng đồng quốc tế ghi nhận"),
            Para(
                "Theo thông tin của Bộ Ngoại giao, tháng 10/2025, Việt Nam tái đắc cử thành viên Hội đồng Nhân quyền Liên hợp quốc nhiệm kỳ 2026–2028 với số phiếu cao. Kết quả này thể hiện sự ghi nhận của cộng đồng quốc tế đối với những nỗ lực và thành tựu của Việt Nam trong bảo đảm quyền con người."
            ),
            Para(
                "Hưởng ứng Ngày Quyền con người thế giới, hệ thống truyền thanh xã phát sóng chuyên mục hỏi – đáp pháp luật; các chi hội đoàn thể lồng ghép nội dung tuyên truyền trong sinh hoạt định kỳ. Người dân có ý kiến, kiến nghị có thể liên hệ Bộ phận Một cửa của UBND xã hoặc đường dây nóng 0229 3888 999."
            ),
        ],
        "references": [
            Ref(
                "1079/QĐ-TTg",
                "Quyết định phê duyệt Đề án truyền thông về quyền con người ở Việt Nam",
                "Thủ tướng Chính phủ",
                datetime.date(2022, 9, 14),
            ),
        ],
    },
)

REBUTTAL = PageSpec(
    key="article-rebuttal",
    model="articles.ArticlePage",
    parent="news",
    slug="phan-bac-thong-tin-sai-su-that-thu-hoi-dat-nong-nghiep",
    title="Thông tin “thu hồi toàn bộ đất nông nghiệp để giao cho doanh nghiệp” là sai sự thật",
    tags=("phản bác thông tin sai sự thật", "đất đai", "mạng xã hội"),
    fields={
        "kind": "rebuttal",
        "rebutted_claim": "Một số tài khoản mạng xã hội đăng tải nội dung cho rằng UBND xã Xuân Trường sẽ thu hồi toàn bộ đất nông nghiệp của các thôn trong tháng 11/2025 để giao cho doanh nghiệp mà không bồi thường cho người dân.",
        "summary": "UBND xã Xuân Trường khẳng định không có chủ trương thu hồi toàn bộ đất nông nghiệp để giao cho doanh nghiệp; nội dung lan truyền trên mạng xã hội là sai sự thật, gây hoang mang trong Nhân dân.",
        "topic": TopicRef("chinh-quyen-dia-phuong"),
        "author_name": "Phòng Văn hóa – Xã hội",
        "unit": "vhxh",
        "publication_date": datetime.date(2025, 10, 28),
        "plan_task": PlanTaskRef("II.1"),
        "feed_image": ImageRef("verify"),
        "body": [
            Para(
                "Những ngày cuối tháng 10/2025, trên một số nhóm mạng xã hội xuất hiện bài viết cho rằng UBND xã sẽ thu hồi toàn bộ đất nông nghiệp của các thôn để giao cho doanh nghiệp mà không bồi thường. Nội dung này đã gây băn khoăn cho không ít hộ gia đình."
            ),
            Para(
                "<p>UBND xã Xuân Trường khẳng định: <b>đây là thông tin sai sự thật</b>. Xã không có chủ trương, kế hoạch nào về việc thu hồi toàn bộ đất nông nghiệp. Mọi trường hợp thu hồi đất để thực hiện dự án đều phải tuân thủ Luật Đất đai năm 2024, được công khai quy hoạch, lấy ý kiến Nhân dân và thực hiện bồi thường, hỗ trợ, tái định cư theo đúng quy định.</p>"
            ),
            Img("verify", "Chỉ tin và chia sẻ thông tin từ nguồn chính thức.", CREDIT.vi),
            Heading("Kết quả xác minh"),
            Para(
                "Phòng Văn hóa – Xã hội đã phối hợp với Công an xã xác minh nguồn gốc bài viết. Nguồn xác minh: Công an xã Xuân Trường. Các tài khoản đăng tải đã được nhắc nhở và gỡ bỏ nội dung sai sự thật. Ảnh chụp màn hình lưu hồ sơ đã được che tên và ảnh đại diện của người dùng."
            ),
            Quote(
                "Mọi chủ trương liên quan đến đất đai của người dân đều được UBND xã công khai và lấy ý kiến Nhân dân theo đúng quy định. Đề nghị bà con chỉ tin và chia sẻ thông tin từ các kênh chính thức.",
                f"Ông {CHAIRMAN.vi}, Chủ tịch UBND xã, Người phát ngôn của UBND xã",
            ),
            Heading("Khuyến cáo người dân"),
            Para(
                "Người dân cần tỉnh táo trước các thông tin chưa rõ nguồn gốc, không bình luận, chia sẻ nội dung sai sự thật. Hành vi cung cấp, chia sẻ thông tin giả mạo, sai sự thật trên mạng xã hội có thể bị xử phạt vi phạm hành chính theo Nghị định số 15/2020/NĐ-CP của Chính phủ (được sửa đổi, bổ sung bởi Nghị định số 14/2022/NĐ-CP)."
            ),
            contact_paragraph(
                "Thông tin chính thức được đăng tải trên trang thông tin điện tử và hệ thống truyền thanh của xã."
            ),
        ],
        "references": [
            Ref("31/2024/QH15", "Luật Đất đai", "Quốc hội", datetime.date(2024, 1, 18)),
            Ref(
                "15/2020/NĐ-CP",
                "Nghị định quy định xử phạt vi phạm hành chính trong lĩnh vực bưu chính, viễn thông, tần số vô tuyến điện, công nghệ thông tin và giao dịch điện tử",
                "Chính phủ",
                datetime.date(2020, 2, 3),
            ),
        ],
    },
)

DEFENCE_DAY = PageSpec(
    key="article-army-day",
    model="articles.ArticlePage",
    parent="news",
    slug="ky-niem-81-nam-qdnd-viet-nam-36-nam-quoc-phong-toan-dan",
    title="Gặp mặt kỷ niệm 81 năm Ngày thành lập Quân đội nhân dân Việt Nam và 36 năm Ngày hội Quốc phòng toàn dân",
    tags=("Quân đội nhân dân Việt Nam", "Quốc phòng toàn dân", "22/12"),
    fields={
        "kind": "news",
        "summary": "Nhân kỷ niệm 81 năm Ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944 – 22/12/2025) và 36 năm Ngày hội Quốc phòng toàn dân (22/12/1989 – 22/12/2025), Đảng ủy, HĐND, UBND xã tổ chức gặp mặt cựu chiến binh, thân nhân gia đình chính sách và thanh niên chuẩn bị lên đường nhập ngũ.",
        "topic": TopicRef("quoc-phong-an-ninh"),
        "author_name": "Ban Chỉ huy Quân sự xã",
        "unit": "qs",
        "publication_date": datetime.date(2025, 12, 20),
        "plan_task": PlanTaskRef("II.6"),
        "related_campaign": PageRef("campaign-army"),
        "feed_image": ImageRef("army"),
        "body": [
            Para(
                "Tại buổi gặp mặt, các đại biểu cùng ôn lại truyền thống vẻ vang của Quân đội nhân dân Việt Nam: từ Đội Việt Nam Tuyên truyền Giải phóng quân ra đời ngày 22/12/1944, quân đội ta đã cùng toàn dân làm nên những chiến công oai hùng, xứng đáng với niềm tin yêu của Nhân dân và danh hiệu cao quý “Bộ đội Cụ Hồ”."
            ),
            Para(
                "Lãnh đạo xã ghi nhận những đóng góp của các thế hệ cựu chiến binh, các gia đình có công với cách mạng; biểu dương lực lượng dân quân đã tích cực tham gia phòng, chống thiên tai, giúp Nhân dân thu hoạch mùa vụ và giữ gìn vệ sinh môi trường."
            ),
            Img("army", "Kỷ niệm Ngày thành lập Quân đội nhân dân Việt Nam.", CREDIT.vi),
            Heading("Xây dựng nền quốc phòng toàn dân vững chắc"),
            Para(
                "Thực hiện chủ đề Ngày hội Quốc phòng toàn dân, các thôn đẩy mạnh tuyên truyền, giáo dục quốc phòng và an ninh cho cán bộ, đảng viên và Nhân dân; làm tốt công tác tuyển chọn, gọi công dân nhập ngũ; chăm lo hậu phương quân đội. Dịp này, lãnh đạo xã tặng quà, động viên các thanh niên chuẩn bị lên đường thực hiện nghĩa vụ quân sự năm 2026."
            ),
            Quote(
                "Các Vua Hùng đã có công dựng nước, Bác cháu ta phải cùng nhau giữ lấy nước.",
                "Chủ tịch Hồ Chí Minh",
            ),
        ],
    },
)

CHRISTMAS = PageSpec(
    key="article-christmas",
    model="articles.ArticlePage",
    parent="news",
    slug="giao-xu-phu-nhai-don-giang-sinh-2025",
    title="Giáo xứ Phú Nhai rộn ràng đón Giáng sinh 2025",
    tags=("Giáng sinh", "giáo xứ Phú Nhai", "đoàn kết lương giáo"),
    fields={
        "kind": "news",
        "summary": "Những ngày cuối tháng 12/2025, không khí đón Giáng sinh rộn ràng khắp giáo xứ Phú Nhai và các giáo họ trên địa bàn. Lãnh đạo xã đã đến thăm, chúc mừng linh mục, tu sĩ và bà con giáo dân.",
        "topic": TopicRef("van-hoa-lich-su"),
        "author_name": WRITER_NAME.vi,
        "unit": "vhxh",
        "publication_date": datetime.date(2025, 12, 23),
        "plan_task": PlanTaskRef("II.3"),
        "related_campaign": PageRef("campaign-christmas"),
        "feed_image": ImageRef("christmas"),
        "body": [
            Para(
                "Từ giữa tháng 12, các gia đình Công giáo đã trang hoàng nhà cửa, làm hang đá, giăng đèn ngôi sao trên các tuyến đường. Khuôn viên Vương cung thánh đường Phú Nhai được trang trí công phu, thu hút đông đảo người dân và du khách đến tham quan, chụp ảnh."
            ),
            Para(
                "Ngày 23/12/2025, đoàn công tác của Đảng ủy, HĐND, UBND và Ủy ban MTTQ Việt Nam xã đã đến thăm, chúc mừng giáo xứ Phú Nhai và các giáo họ. Lãnh đạo xã ghi nhận những đóng góp của bà con giáo dân trong phong trào xây dựng nông thôn mới, khuyến học và các hoạt động từ thiện, nhân đạo."
            ),
            Img("christmas", "Tháp chuông nhà thờ lung linh trong đêm Giáng sinh.", CREDIT.vi),
            Quote(
                "Chúc bà con giáo dân đón Giáng sinh an lành, hạnh phúc; tiếp tục sống “tốt đời, đẹp đạo”, đồng hành cùng chính quyền xây dựng quê hương Xuân Trường ngày càng giàu đẹp.",
                CHAIRMAN_TITLE.vi,
            ),
            Heading("Bảo đảm an ninh, an toàn dịp lễ"),
            Para(
                "Công an xã phối hợp với ban hành giáo các giáo xứ xây dựng phương án bảo đảm an ninh trật tự, an toàn giao thông và phòng cháy, chữa cháy trong đêm 24 và ngày 25/12. Quyền tự do tín ngưỡng, tôn giáo của Nhân dân được Hiến pháp năm 2013 và Luật Tín ngưỡng, tôn giáo năm 2016 tôn trọng và bảo đảm."
            ),
        ],
    },
)

EAST_SEA = PageSpec(
    key="feature-east-sea",
    model="articles.SovereigntyFeaturePage",
    parent="sovereignty",
    slug=T("chu-quyen-cua-viet-nam-o-bien-dong", "viet-nam-sovereignty-east-sea"),
    title=T(
        "Chủ quyền của Việt Nam ở Biển Đông: căn cứ lịch sử và pháp lý",
        "Viet Nam's sovereignty in the East Sea: the historical and legal evidence",
    ),
    tags=("Biển Đông", "Hoàng Sa", "Trường Sa", "UNCLOS 1982"),
    translate=True,
    fields={
        "subject": "bien_dong",
        "summary": T(
            "Việt Nam có đầy đủ căn cứ lịch sử và pháp lý khẳng định chủ quyền đối với hai quần đảo Hoàng Sa và Trường Sa, cũng như quyền chủ quyền và quyền tài phán đối với các vùng biển được xác lập phù hợp với Công ước của Liên hợp quốc về Luật Biển năm 1982 (UNCLOS 1982).",
            "Viet Nam has full historical and legal evidence of its sovereignty over the Hoang Sa (Paracel) and Truong Sa (Spratly) archipelagos, and of its sovereign rights and jurisdiction over the maritime zones established in accordance with the 1982 United Nations Convention on the Law of the Sea (UNCLOS 1982).",
        ),
        "topic": TopicRef("chu-quyen-bien-dao-bien-gioi"),
        "author_name": T(
            "Trung tâm VH-TT&TT xã Xuân Trường",
            "Culture, Sports and Communication Centre of Xuan Truong Commune",
        ),
        "unit": "ttvh",
        "publication_date": datetime.date(2025, 10, 5),
        "plan_task": PlanTaskRef("II.5"),
        "feed_image": ImageRef("east-sea"),
        "body": [
            Heading(
                T(
                    "Biển Đông – không gian sinh tồn của dân tộc",
                    "The East Sea: vital to the nation",
                )
            ),
            Para(
                T(
                    "Biển Đông có vị trí đặc biệt quan trọng đối với quốc phòng, an ninh và phát triển kinh tế của Việt Nam. Với bờ biển dài hơn 3.260 km và hơn 3.000 hòn đảo lớn nhỏ, biển, đảo là bộ phận không thể tách rời của Tổ quốc.",
                    "The East Sea is of vital importance to Viet Nam's defence, security and economic development. With a coastline of more than 3,260 km and over 3,000 islands, the sea and islands are an inseparable part of the homeland.",
                )
            ),
            Para(
                T(
                    "Hai quần đảo Hoàng Sa và Trường Sa là bộ phận không thể tách rời của lãnh thổ Việt Nam. Từ ngày 01/7/2025, quần đảo Hoàng Sa là đặc khu Hoàng Sa thuộc thành phố Đà Nẵng, quần đảo Trường Sa là đặc khu Trường Sa thuộc tỉnh Khánh Hòa.",
                    "Viet Nam's Hoang Sa (Paracel) and Truong Sa (Spratly) archipelagos are an inseparable part of Viet Nam's territory. Since 1 July 2025, the Hoang Sa (Paracel) archipelago has been the Hoang Sa special zone of Da Nang City, and the Truong Sa (Spratly) archipelago the Truong Sa special zone of Khanh Hoa Province.",
                )
            ),
            Img(
                "east-sea",
                T(
                    "Biển, đảo là bộ phận không thể tách rời của Tổ quốc Việt Nam.",
                    "The sea and islands are an inseparable part of Viet Nam.",
                ),
                CREDIT,
            ),
            Heading(T("Căn cứ lịch sử", "Historical evidence")),
            Para(
                T(
                    "Nhà nước Việt Nam đã xác lập và thực thi chủ quyền đối với hai quần đảo Hoàng Sa và Trường Sa ít nhất từ thế kỷ XVII, một cách hòa bình, liên tục và phù hợp với luật pháp quốc tế. Các chúa Nguyễn đã tổ chức Đội Hoàng Sa, sau đó là Đội Bắc Hải, hằng năm ra hai quần đảo để khai thác sản vật, đo đạc thủy trình và thực thi chủ quyền.",
                    "The Vietnamese State established and exercised sovereignty over the Hoang Sa (Paracel) and Truong Sa (Spratly) archipelagos at least from the 17th century, peacefully, continuously and in accordance with international law. The Nguyen lords set up the Hoang Sa Flotilla and later the Bac Hai Flotilla, which sailed to the two archipelagos every year to harvest their resources, chart the waters and exercise sovereignty.",
                )
            ),
            Para(
                T(
                    "Nhiều tư liệu chính sử như Phủ biên tạp lục của nhà bác học Lê Quý Đôn (1776), Đại Nam thực lục và các châu bản triều Nguyễn đã ghi chép cụ thể các hoạt động này.",
                    "Many official historical records, such as the Phu bien tap luc by the scholar Le Quy Don (1776), the Dai Nam thuc luc chronicles and the imperial records of the Nguyen dynasty, describe these activities in detail.",
                )
            ),
            Para(
                T(
                    "Tại Hội nghị San Francisco năm 1951, đại diện Việt Nam đã tuyên bố chủ quyền đối với hai quần đảo Hoàng Sa và Trường Sa mà không gặp phản đối của bất kỳ nước nào tham dự hội nghị.",
                    "At the San Francisco Conference in 1951, Viet Nam's representative declared Viet Nam's sovereignty over the Hoang Sa (Paracel) and Truong Sa (Spratly) archipelagos, and none of the participating countries objected.",
                )
            ),
            Quote(
                T(
                    "Ngày trước ta chỉ có đêm và rừng. Ngày nay ta có ngày, có trời, có biển. Bờ biển ta dài, tươi đẹp, ta phải biết giữ gìn lấy nó.",
                    "In the past we had only the night and the forest. Today we have the day, the sky and the sea. Our coast is long and beautiful, and we must know how to keep it.",
                ),
                T("Chủ tịch Hồ Chí Minh", "President Ho Chi Minh"),
            ),
            Heading(T("Căn cứ pháp lý", "Legal basis")),
            Para(
                T(
                    "Việt Nam là thành viên của Công ước của Liên hợp quốc về Luật Biển năm 1982 (UNCLOS 1982), được Quốc hội phê chuẩn ngày 23/6/1994. Luật Biển Việt Nam số 18/2012/QH13 được Quốc hội thông qua ngày 21/6/2012, có hiệu lực từ ngày 01/01/2013, quy định về đường cơ sở, nội thủy, lãnh hải, vùng tiếp giáp lãnh hải, vùng đặc quyền kinh tế và thềm lục địa của Việt Nam, phù hợp với UNCLOS 1982.",
                    "Viet Nam is a party to the 1982 United Nations Convention on the Law of the Sea (UNCLOS 1982), which the National Assembly ratified on 23 June 1994. The Law of the Sea of Viet Nam, No. 18/2012/QH13, passed by the National Assembly on 21 June 2012 and in force since 1 January 2013, defines Viet Nam's baselines, internal waters, territorial sea, contiguous zone, exclusive economic zone and continental shelf in accordance with UNCLOS 1982.",
                )
            ),
            Para(
                T(
                    "Lập trường nhất quán của Việt Nam là giải quyết các bất đồng trên Biển Đông bằng biện pháp hòa bình, trên cơ sở luật pháp quốc tế, đặc biệt là UNCLOS 1982; thực hiện đầy đủ Tuyên bố về ứng xử của các bên ở Biển Đông (DOC) và thúc đẩy xây dựng Bộ Quy tắc ứng xử ở Biển Đông (COC) thực chất, hiệu quả, phù hợp với luật pháp quốc tế.",
                    "Viet Nam's consistent position is to settle differences in the East Sea by peaceful means on the basis of international law, in particular UNCLOS 1982; to implement fully the Declaration on the Conduct of Parties in the East Sea (DOC); and to work towards a substantive and effective Code of Conduct in the East Sea (COC) in accordance with international law.",
                )
            ),
            Heading(T("Trách nhiệm của mỗi người dân", "What every citizen can do")),
            Para(
                T(
                    "Hướng về biển, đảo, cán bộ và Nhân dân xã Xuân Trường tích cực tìm hiểu pháp luật về biển, đảo; ủng hộ Quỹ Vì biển, đảo Việt Nam; cảnh giác trước các sản phẩm, ấn phẩm thể hiện sai lệch chủ quyền quốc gia, không chia sẻ thông tin sai lệch và kịp thời thông báo cho chính quyền khi phát hiện.",
                    "Looking towards the sea and islands, the officials and people of Xuan Truong Commune learn about the law of the sea, support the Fund for Viet Nam's Sea and Islands, stay alert to products and publications that misrepresent national sovereignty, refrain from sharing false information, and report such material to the local authorities.",
                )
            ),
        ],
        "legal_references": [
            Ref(
                T("UNCLOS 1982", "UNCLOS 1982"),
                T(
                    "Công ước của Liên hợp quốc về Luật Biển năm 1982",
                    "United Nations Convention on the Law of the Sea, 1982",
                ),
                T("Liên hợp quốc", "United Nations"),
                datetime.date(1982, 12, 10),
            ),
            Ref(
                T("18/2012/QH13", "No. 18/2012/QH13"),
                T("Luật Biển Việt Nam", "Law of the Sea of Viet Nam"),
                T("Quốc hội", "National Assembly"),
                datetime.date(2012, 6, 21),
            ),
            Ref(
                T("06/2003/QH11", "No. 06/2003/QH11"),
                T("Luật Biên giới quốc gia", "Law on National Borders"),
                T("Quốc hội", "National Assembly"),
                datetime.date(2003, 6, 17),
            ),
            Ref(
                T("66/2020/QH14", "No. 66/2020/QH14"),
                T("Luật Biên phòng Việt Nam", "Law on Border Defence of Viet Nam"),
                T("Quốc hội", "National Assembly"),
                datetime.date(2020, 11, 11),
            ),
        ],
        "historical_references": [
            Ref(
                T("Phủ biên tạp lục (1776)", "Phu bien tap luc (1776)"),
                T(
                    "Ghi chép về hoạt động của Đội Hoàng Sa, Đội Bắc Hải thời các chúa Nguyễn",
                    "Records of the Hoang Sa and Bac Hai flotillas under the Nguyen lords",
                ),
                T("Lê Quý Đôn", "Le Quy Don"),
            ),
            Ref(
                T("Đại Nam thực lục", "Dai Nam thuc luc"),
                T(
                    "Bộ chính sử triều Nguyễn ghi chép việc thực thi chủ quyền đối với Hoàng Sa, Trường Sa",
                    "The official chronicles of the Nguyen dynasty, recording the exercise of sovereignty over Hoang Sa (Paracel) and Truong Sa (Spratly)",
                ),
                T("Quốc sử quán triều Nguyễn", "National History Office of the Nguyen dynasty"),
            ),
            Ref(
                T("Châu bản triều Nguyễn", "Imperial records of the Nguyen dynasty"),
                T(
                    "Văn bản hành chính có bút phê của các vua Nguyễn về việc cử thủy quân ra Hoàng Sa",
                    "Administrative documents annotated by the Nguyen emperors on sending naval expeditions to Hoang Sa (Paracel)",
                ),
                T("Triều Nguyễn", "Nguyen dynasty"),
            ),
        ],
    },
)

ARTICLES = (
    NATIONAL_DAY,
    PRESS_RELEASE,
    INVESTMENT_ARTICLE,
    REBUTTAL,
    KEO_FESTIVAL,
    UNITY_DAY,
    TEACHERS_DAY,
    HUMAN_RIGHTS,
    DEFENCE_DAY,
    CHRISTMAS,
)

FEATURES = (EAST_SEA,)

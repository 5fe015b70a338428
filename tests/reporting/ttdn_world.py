"""Content of the plan period September–December 2025, published through the real workflow,
for the figures and the periodic Word report.

In the period (``PERIOD``), live:

=====  =====================  ====  ========  =======  ========  ==========  ==========
item   type                   lang  task      topic    unit      date        campaign
=====  =====================  ====  ========  =======  ========  ==========  ==========
A1     news                   vi    II.4      economy  vp        10/09/2025
A1en   news (translation)     en    II.4      economy  vp        10/09/2025
A2     press release          vi    II.1      economy  vhxh      05/10/2025
A3     rebuttal               vi    II.1      sea      vhxh      20/11/2025  C1
F1     sovereignty feature    vi    II.5      sea      vhxh      02/12/2025
F1en   feature (translation)  en    II.5      sea      vhxh      02/12/2025
A4     news                   vi    none      economy  ttvh      31/12/2025  C1
C1     campaign               vi    II.6      –        –         01/11/2025
=====  =====================  ====  ========  =======  ========  ==========  ==========

F1's Vietnamese page was published again after its English translation was synced
(wagtail-localize), so that translation is out of date; A1's is current.

Not counted: A0 (31/08/2025) and A9 (01/01/2026), just outside; a draft of 15/10/2025;
an article of 10/10/2025 that was taken down; campaign C0 (20/08–05/09/2025), which began
before the period (it is listed, with no article, in the campaign coverage).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from articles.models import ArticleKind
from cms.core.models import ResponsibleUnit
from cms.reporting.models import PlanTask
from cms.workflows.takedown import take_down
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CampaignIndexPageFactory,
    CampaignPageFactory,
    PressReleaseFactory,
    SovereigntyFeaturePageFactory,
    SovereigntyIndexPageFactory,
    TopicFactory,
    editorial_team,
    get_home_page,
    publish_page,
    translate_page,
)
from tests.translations.conftest import english_page, localize

PERIOD = (datetime.date(2025, 9, 1), datetime.date(2025, 12, 31))
ECONOMY = "Kinh tế – Đầu tư"
SEA = "Chủ quyền biển đảo"

A1_TITLE = "Xã Xuân Trường đón đoàn doanh nghiệp đến tìm hiểu cơ hội đầu tư"
A1_EN_TITLE = "Xuan Truong Commune welcomes businesses exploring investment"
A2_TITLE = "Thông cáo báo chí về kết quả thu hút đầu tư quý III năm 2025"
A3_TITLE = "Phản bác thông tin sai sự thật về việc thu hồi đất tại thôn Hành Thiện"
F1_TITLE = "Hoàng Sa, Trường Sa là của Việt Nam – bằng chứng lịch sử"
F1_NEW_TITLE = "Hoàng Sa, Trường Sa là của Việt Nam – bằng chứng lịch sử và pháp lý"
F1_EN_TITLE = "Hoang Sa and Truong Sa belong to Viet Nam – historical evidence"
A4_TITLE = "Trung tâm Văn hóa xã tăng thời lượng truyền thanh cuối năm"
DRAFT_TITLE = "Bản nháp chưa xuất bản về hội chợ nông sản"
TAKEN_DOWN_TITLE = "Tin đã gỡ về lịch tiếp công dân"
OUTSIDE_TITLES = ("Tin cuối tháng Tám về mùa màng", "Tin đầu năm 2026 về lễ hội")


task = PlanTask.objects.by_code


@dataclass
class World:
    ids: dict[str, int]
    topics: dict[str, object]


def build_world() -> World:
    """Create the content of the table above (every page through the workflow)."""
    translate_page(
        get_home_page("vi"), "en", title="Xuan Truong Commune External Information Portal"
    )
    economy = TopicFactory(name=ECONOMY)
    sea = TopicFactory(name=SEA)
    news = ArticleIndexPageFactory()
    features = SovereigntyIndexPageFactory()
    campaigns = CampaignIndexPageFactory()
    day = datetime.date

    c1 = CampaignPageFactory(
        parent=campaigns,
        start_date=day(2025, 11, 1),
        end_date=day(2025, 11, 30),
        plan_task=task("II.6"),
    )
    c0 = CampaignPageFactory(
        parent=campaigns,
        start_date=day(2025, 8, 20),
        end_date=day(2025, 9, 5),
        plan_task=task("II.6"),
    )
    a1 = ArticlePageFactory(
        parent=news,
        title=A1_TITLE,
        topic=economy,
        unit=ResponsibleUnit.OFFICE,
        plan_task=task("II.4"),
        publication_date=day(2025, 9, 10),
    )
    a1_en = translate_page(a1, "en", title=A1_EN_TITLE)
    a2 = PressReleaseFactory(
        parent=news,
        title=A2_TITLE,
        topic=economy,
        unit=ResponsibleUnit.CULTURE_SOCIETY,
        plan_task=task("II.1"),
        publication_date=day(2025, 10, 5),
    )
    a3 = ArticlePageFactory(
        parent=news,
        title=A3_TITLE,
        kind=ArticleKind.REBUTTAL,
        rebutted_claim="Bài đăng trên mạng xã hội nói rằng xã thu hồi đất không bồi thường.",
        topic=sea,
        unit=ResponsibleUnit.CULTURE_SOCIETY,
        plan_task=task("II.1"),
        publication_date=day(2025, 11, 20),
        related_campaign=c1,
    )
    f1 = SovereigntyFeaturePageFactory(
        parent=features,
        title=F1_TITLE,
        topic=sea,
        unit=ResponsibleUnit.CULTURE_SOCIETY,
        plan_task=task("II.5"),
        publication_date=day(2025, 12, 2),
    )
    f1_translation = localize(f1, titles={F1_TITLE: F1_EN_TITLE})
    f1_en = publish_page(english_page(f1_translation))
    f1.title = F1_NEW_TITLE
    publish_page(f1)  # after the sync: the English version is out of date
    a4 = ArticlePageFactory(
        parent=news,
        title=A4_TITLE,
        topic=economy,
        unit=ResponsibleUnit.CULTURE_CENTRE,
        publication_date=day(2025, 12, 31),
        related_campaign=c1,
    )
    for title, date in zip(OUTSIDE_TITLES, (day(2025, 8, 31), day(2026, 1, 1)), strict=True):
        ArticlePageFactory(
            parent=news, title=title, topic=economy, plan_task=task("II.4"), publication_date=date
        )
    ArticlePageFactory(
        parent=news,
        title=DRAFT_TITLE,
        topic=economy,
        plan_task=task("II.4"),
        publication_date=day(2025, 10, 15),
        publish=False,
    )
    taken_down = ArticlePageFactory(
        parent=news,
        title=TAKEN_DOWN_TITLE,
        topic=economy,
        plan_task=task("II.4"),
        publication_date=day(2025, 10, 10),
    )
    take_down(
        taken_down, user=editorial_team()[1], reason="Thông tin lịch tiếp công dân đã thay đổi."
    )
    pages = {"A1": a1, "A1en": a1_en, "A2": a2, "A3": a3, "F1": f1, "F1en": f1_en}
    pages.update({"A4": a4, "C1": c1, "C0": c0})
    return World(
        ids={key: page.pk for key, page in pages.items()}, topics={"economy": economy, "sea": sea}
    )

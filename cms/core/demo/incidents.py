# ruff: noqa: E501
# (Prose: long Vietnamese sentences are kept on one line each.)
"""Demo entries of the false-information register (plan, section IV.1).

Seven items seen between September and December 2025 on the networks and sites the
Culture and Society Division watches: four rebutted by a demo page (the land rumour
twice, on a fanpage and in a Zalo group; a sovereignty map; a human-rights distortion),
two closed without a rebuttal (a fake copy of the portal, a cut video the festival's
organisers answered), and one still being verified. No summary names a person; every address is made up and says so
("vi-du", "khong-co-that": "example", "not real").
"""

from __future__ import annotations

import datetime

from .spec import IncidentSpec


def _at(month: int, day: int, hour: int, minute: int = 0) -> datetime.datetime:
    """A moment of 2025 in the commune's time (made aware by the builder)."""
    return datetime.datetime(2025, month, day, hour, minute)


INCIDENTS = (
    IncidentSpec(
        seen_at=_at(9, 19, 9, 10),
        platform="other",
        address="https://xuan-truong-vi-du-gia-mao.example/thong-bao-tuyen-dung",
        summary="Một trang web giả mạo giao diện Cổng thông tin của xã đăng “thông báo tuyển dụng công chức” có thu lệ phí hồ sơ. UBND xã đã thông báo trên loa truyền thanh và đề nghị cơ quan chức năng chặn tên miền.",
        category="local_administration",
        severity="medium",
        status="closed",
        closed_at=_at(9, 22, 15, 0),
    ),
    IncidentSpec(
        seen_at=_at(10, 2, 20, 40),
        platform="facebook",
        address="https://www.facebook.com/groups/nhom-vi-du-khong-co-that/posts/1000000000000001",
        summary="Bài đăng trong một nhóm cư dân mạng kèm bản đồ ghi sai tên Biển Đông, vẽ “đường chín đoạn” và cho rằng quần đảo Hoàng Sa, Trường Sa không thuộc chủ quyền của Việt Nam.",
        category="sovereignty",
        severity="high",
        status="rebutted",
        rebuttal="feature-east-sea",
    ),
    IncidentSpec(
        seen_at=_at(10, 26, 21, 15),
        platform="fanpage",
        address="https://www.facebook.com/trang.tin.vi.du.khong.co.that/posts/1000000000000002",
        summary="Một fanpage tự xưng “tin tức địa phương” đăng bài cho rằng UBND xã sẽ thu hồi toàn bộ đất nông nghiệp trong tháng 11/2025 để giao cho doanh nghiệp mà không bồi thường.",
        category="local_administration",
        severity="high",
        status="rebutted",
        rebuttal="article-rebuttal",
    ),
    IncidentSpec(
        seen_at=_at(10, 27, 7, 40),
        platform="zalo",
        address="Nhóm Zalo “Tin nhanh quê mình (ví dụ)” – https://zalo.me/g/vi-du-khong-co-that-0003",
        summary="Tin nhắn chuyển tiếp trong một nhóm Zalo của thôn lặp lại nội dung “thu hồi toàn bộ đất nông nghiệp”, kèm ảnh chụp một văn bản giả mạo con dấu của UBND xã.",
        category="local_administration",
        severity="medium",
        status="rebutted",
        rebuttal="article-rebuttal",
    ),
    IncidentSpec(
        seen_at=_at(11, 2, 19, 5),
        platform="tiktok",
        address="https://www.tiktok.com/@tai.khoan.vi.du.khong.co.that/video/1000000000000000004",
        summary="Video cắt ghép cho rằng Lễ hội chùa Keo Hành Thiện mùa thu năm nay bị hủy. Ban tổ chức lễ hội đã thông báo lại lịch chính thức trên loa truyền thanh; video đã bị gỡ.",
        category="other",
        severity="low",
        status="closed",
        closed_at=_at(11, 4, 16, 30),
    ),
    IncidentSpec(
        seen_at=_at(12, 6, 10, 20),
        platform="facebook",
        address="https://www.facebook.com/trang.ca.nhan.vi.du.khong.co.that/posts/1000000000000005",
        summary="Bài viết của một tài khoản giả danh tổ chức nước ngoài xuyên tạc rằng quyền tự do tín ngưỡng, tôn giáo của bà con giáo dân trong xã không được bảo đảm.",
        category="human_rights",
        severity="medium",
        status="rebutted",
        rebuttal="article-human-rights",
    ),
    IncidentSpec(
        seen_at=_at(12, 27, 14, 30),
        platform="youtube",
        address="https://www.youtube.com/watch?v=VI-DU-KHONG-CO-THAT-06",
        summary="Video tổng hợp thông tin chưa được kiểm chứng về việc thu tiền đóng góp xây dựng nông thôn mới ở một số thôn. Phòng Văn hóa – Xã hội đang phối hợp với Công an xã xác minh.",
        category="local_administration",
        severity="medium",
        status="verifying",
    ),
)

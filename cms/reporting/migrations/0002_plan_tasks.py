"""The tasks of the commune's 2025 plan for external information (sections II and IV)."""

from django.db import migrations

TASKS = [
    ("II", 1, "Triển khai Nghị quyết số 47/NQ-CP về công tác thông tin đối ngoại đến năm 2030",
     "Phân công cán bộ, tập huấn nghiệp vụ, dự báo và cung cấp thông tin về các vấn đề dư luận "
     "quan tâm, phản bác thông tin sai sự thật, chế độ người phát ngôn theo Nghị định số "
     "09/2017/NĐ-CP, thông tin đối ngoại trên không gian mạng.", "vhxh"),
    ("II", 2, "Triển khai Quyết định số 1191/QĐ-TTg (thông tin về biên giới) và giảm nghèo về thông tin",
     "", "vhxh"),
    ("II", 3, "Triển khai Quyết định số 1079/QĐ-TTg về thông tin, truyền thông về quyền con người",
     "", "vhxh"),
    ("II", 4, "Truyền thông quảng bá hình ảnh của xã",
     "Kinh tế, thu hút đầu tư, truyền thanh và trang thông tin điện tử của xã.", "vp"),
    ("II", 5, "Tuyên truyền bảo vệ chủ quyền, lãnh thổ, biên giới, biển, đảo",
     "Kể cả các ngày lễ lớn liên quan.", "vhxh"),
    ("II", 6, "Tuyên truyền kỷ niệm các ngày lễ lớn bốn tháng cuối năm 2025", "", "vhxh"),
    ("II", 7, "Ứng dụng công nghệ thông tin, chuyển đổi số và mạng xã hội trong thông tin đối ngoại",
     "", "vhxh"),
    ("IV", 1, "Phòng Văn hóa – Xã hội: chủ trì, tổng hợp, báo cáo; theo dõi dư luận trên mạng",
     "Giám sát Zalo, Facebook, fanpage để phát hiện, ngăn chặn, xử lý thông tin sai sự thật.",
     "vhxh"),
    ("IV", 2, "Phòng Kinh tế: tham mưu nguồn kinh phí", "", "kt"),
    ("IV", 3, "Văn phòng HĐND-UBND: tin bài quảng bá trên trang thông tin điện tử",
     "Hình ảnh vùng đất, con người, truyền thống lịch sử, văn hóa, thành tựu, thu hút đầu tư, "
     "các chuyến thăm của lãnh đạo.", "vp"),
    ("IV", 4, "Trung tâm VH-TT&TT: đưa tin trên sóng truyền thanh và hệ thống loa", "", "ttvh"),
    ("IV", 5, "Các cơ quan, đơn vị: quán triệt, tuyên truyền cho cán bộ và Nhân dân", "", ""),
]


def add_tasks(apps, schema_editor):
    PlanTask = apps.get_model("reporting", "PlanTask")
    for section, number, title, description, unit in TASKS:
        PlanTask.objects.get_or_create(
            section=section,
            number=number,
            defaults={"title": title, "description": description, "lead_unit": unit},
        )


class Migration(migrations.Migration):
    dependencies = [("reporting", "0001_initial")]

    operations = [migrations.RunPython(add_tasks, migrations.RunPython.noop)]

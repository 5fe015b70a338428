from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class CustomImageForm(BaseImageForm):
    """Image form that requires alt text and a credit and labels them in Vietnamese."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = _("Mô tả ảnh (văn bản thay thế)")
            field.help_text = _(
                "Mô tả nội dung ảnh cho người khiếm thị, ví dụ: Lễ thượng cờ kỷ niệm 80 năm "
                "Quốc khánh tại UBND xã. Không dùng tên tệp."
            )
        if "credit" in self.fields:
            self.fields["credit"].required = True

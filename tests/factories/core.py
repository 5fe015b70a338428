"""Factories for the project-wide models: images and topics, plus locale helpers."""

import factory
import wagtail_factories
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Locale

from cms.core.models import CustomImage, Topic


def vi_slugify(text: str) -> str:
    """Slugify Vietnamese text: ``slugify`` drops "đ" because it has no ASCII decomposition."""
    return slugify(text.replace("đ", "d").replace("Đ", "D"))


def get_locale(language_code: str = "vi") -> Locale:
    return Locale.objects.get(language_code=language_code)


class CustomImageFactory(wagtail_factories.ImageFactory):
    """A real (tiny) PNG in the root collection, with the alt text and credit editors must fill."""

    title = factory.Sequence(lambda n: f"Ảnh hoạt động {n}")
    description = "Cán bộ xã trao quà cho gia đình chính sách tại nhà văn hóa thôn."
    credit = "Ảnh: Trung tâm Văn hóa – Thể thao và Truyền thông xã"
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(
        width=64, height=48, color="#c8102e", format="PNG", filename="anh.png"
    )

    class Meta:
        model = CustomImage


class TopicFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kinh tế – Đầu tư {n}")
    slug = factory.LazyAttribute(lambda topic: vi_slugify(topic.name))
    description = "Thông tin về môi trường đầu tư và phát triển kinh tế của xã."
    locale = factory.LazyFunction(get_locale)

    class Meta:
        model = Topic

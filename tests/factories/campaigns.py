import factory
from factory.django import DjangoModelFactory

from campaigns.models import CalendarKind, Occasion

from .core import get_locale


class OccasionFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Quốc khánh nước CHXHCN Việt Nam ({n})")
    calendar = CalendarKind.SOLAR
    day = 2
    month = 9
    founding_year = 1945
    locale = factory.LazyFunction(get_locale)

    class Meta:
        model = Occasion

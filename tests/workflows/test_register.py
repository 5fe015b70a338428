"""The spokesperson register: validation rules and who is the spokesperson on a given day."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from cms.core.roles import REVIEWER
from cms.workflows import services
from cms.workflows.models import SpokespersonEntry, SpokespersonPosition, without_diacritics
from tests.factories import SpokespersonEntryFactory, SpokespersonUserFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def build(**values) -> SpokespersonEntry:
    """An unsaved entry (the factory's values unless overridden)."""
    values.setdefault("user", SpokespersonUserFactory())
    return SpokespersonEntryFactory.build(**values)


def errors_of(entry) -> dict:
    with pytest.raises(ValidationError) as caught:
        entry.full_clean()
    return caught.value.message_dict


# ------------------------------------------------------------------ validation


def test_a_complete_chairman_entry_is_valid():
    entry = build(authorisation="")  # a Chairman's designation is recommended, not required

    entry.full_clean()


def test_vice_chairman_without_written_authorisation_is_refused():
    entry = build(position=SpokespersonPosition.VICE_CHAIRMAN, authorisation="  ")

    assert "authorisation" in errors_of(entry)


def test_vice_chairman_with_written_authorisation_is_accepted():
    entry = build(
        position=SpokespersonPosition.VICE_CHAIRMAN,
        authorisation="Quyết định số 20/QĐ-UBND ngày 05/7/2025",
    )

    entry.full_clean()


def test_end_before_start_is_refused():
    entry = build(valid_from=D(2025, 7, 10), valid_until=D(2025, 7, 9))

    assert "valid_until" in errors_of(entry)


def test_a_one_day_period_is_accepted():
    build(valid_from=D(2025, 7, 10), valid_until=D(2025, 7, 10)).full_clean()


@pytest.mark.parametrize(
    "email",
    ["hung.pham@gmail.com", "phatngon@ninhbinh.gov.vn.example.com", "phatngon@gov.vn.com"],
)
def test_e_mail_outside_gov_vn_is_refused(email):
    assert "email" in errors_of(build(email=email))


@pytest.mark.parametrize("phone", ["12345", "0229 388 899", "0123 456 789", "+1 202 555 0100"])
def test_phone_that_is_not_vietnamese_is_refused(phone):
    assert "phone" in errors_of(build(phone=phone))


@pytest.mark.parametrize("phone", ["0229 3888 999", "+84 229 3888 999", "0912.345.678"])
def test_vietnamese_phones_are_accepted(phone):
    build(phone=phone).full_clean()


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (D(2025, 12, 31), None),  # the existing open-ended period covers it
        (D(2025, 1, 1), D(2025, 7, 1)),  # ends on the first day of the existing one
        (D(2024, 1, 1), None),
    ],
)
def test_overlapping_periods_of_the_same_person_are_refused(start, end):
    existing = SpokespersonEntryFactory(valid_from=D(2025, 7, 1), valid_until=None)

    entry = build(user=existing.user, valid_from=start, valid_until=end)

    assert "valid_from" in errors_of(entry)


def test_consecutive_periods_of_the_same_person_are_accepted():
    existing = SpokespersonEntryFactory(valid_from=D(2025, 7, 1), valid_until=D(2025, 12, 31))

    build(user=existing.user, valid_from=D(2026, 1, 1)).full_clean()


def test_an_entry_does_not_overlap_itself_when_edited():
    entry = SpokespersonEntryFactory()
    entry.notes = "Gia hạn"

    entry.full_clean()


def test_two_chairmen_at_once_are_refused_but_a_vice_chairman_is_not():
    SpokespersonEntryFactory(valid_from=D(2025, 7, 1))
    other = SpokespersonUserFactory(first_name="Trần Thị", last_name="Hoa")

    assert "valid_from" in errors_of(build(user=other, valid_from=D(2025, 9, 1)))
    build(
        user=other,
        position=SpokespersonPosition.VICE_CHAIRMAN,
        authorisation="Quyết định số 20/QĐ-UBND ngày 05/7/2025",
        valid_from=D(2025, 9, 1),
    ).full_clean()


def test_user_outside_the_spokesperson_group_is_refused(make_user):
    assert "user" in errors_of(build(user=make_user(REVIEWER)))


def test_full_name_defaults_to_the_user_and_e_mail_is_lower_cased():
    user = SpokespersonUserFactory(first_name="Phạm Quang", last_name="Hưng")

    entry = SpokespersonEntryFactory(user=user, full_name="", email="PhatNgon@NinhBinh.gov.vn")

    assert entry.full_name == "Phạm Quang Hưng"
    assert entry.email == "phatngon@ninhbinh.gov.vn"


def test_english_name_has_no_diacritics_and_keeps_the_order():
    entry = SpokespersonEntryFactory(full_name="Đặng Thị Ngọc Ánh")

    assert entry.name_en == "Dang Thi Ngoc Anh"
    assert without_diacritics("Phạm Quang Hưng") == "Pham Quang Hung"
    assert entry.name_for("en") == "Dang Thi Ngoc Anh"
    assert entry.name_for("vi") == "Đặng Thị Ngọc Ánh"


def test_tel_link_uses_the_international_form():
    assert SpokespersonEntryFactory(phone="0229 3888 999").tel_href == "+842293888999"


# ------------------------------------------------------------------ services


@pytest.fixture
def register():
    """A Chairman for the second half of 2025 and a Vice Chairman from September 2025."""
    chairman = SpokespersonEntryFactory(valid_from=D(2025, 7, 1), valid_until=D(2025, 12, 31))
    vice = SpokespersonEntryFactory(
        user=SpokespersonUserFactory(first_name="Trần Thị", last_name="Hoa"),
        full_name="Trần Thị Hoa",
        position=SpokespersonPosition.VICE_CHAIRMAN,
        authorisation="Quyết định số 20/QĐ-UBND ngày 05/9/2025",
        valid_from=D(2025, 9, 5),
        valid_until=D(2026, 3, 31),
        phone="0229 3777 666",
        email="hoa.tt@xuantruong.ninhbinh.gov.vn",
    )
    return chairman, vice


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2025, 6, 30), False),  # not started yet
        (D(2025, 7, 1), True),  # first day counts
        (D(2025, 10, 1), True),
        (D(2025, 12, 31), True),  # last day counts
        (D(2026, 1, 1), False),  # expired
    ],
)
def test_is_current_spokesperson_on_a_given_day(register, day, expected):
    chairman, _vice = register

    assert services.is_current_spokesperson(chairman.user, at=day) is expected


def test_a_person_without_an_entry_is_not_the_spokesperson(register, make_user):
    assert not services.is_current_spokesperson(make_user(REVIEWER), at=D(2025, 10, 1))
    assert not services.is_current_spokesperson(SpokespersonUserFactory(), at=D(2025, 10, 1))
    assert not services.is_current_spokesperson(None)


def test_an_inactive_account_is_not_the_spokesperson(register):
    chairman, _vice = register
    chairman.user.is_active = False
    chairman.user.save()

    assert not services.is_current_spokesperson(chairman.user, at=D(2025, 10, 1))


def test_today_is_the_default_day():
    entry = SpokespersonEntryFactory(valid_from=D(2025, 7, 1), valid_until=None)

    assert services.is_current_spokesperson(entry.user)
    assert services.current_spokesperson() == entry


def test_the_chairman_is_shown_before_a_vice_chairman(register):
    chairman, vice = register

    assert services.current_spokesperson(at=D(2025, 8, 1)) == chairman
    assert services.current_spokesperson(at=D(2025, 10, 1)) == chairman
    assert services.current_entries(at=D(2025, 10, 1)) == [chairman, vice]
    assert services.current_spokesperson(at=D(2026, 2, 1)) == vice
    assert services.current_spokesperson(at=D(2026, 4, 1)) is None
    assert services.current_spokesperson(at=D(2025, 6, 1)) is None


def test_published_contacts_are_those_of_the_current_entries(register):
    phones, emails = services.published_contacts(at=D(2025, 10, 1))
    assert phones == {"02293777555", "02293777666"}
    assert emails == {"phatngon@xuantruong.ninhbinh.gov.vn", "hoa.tt@xuantruong.ninhbinh.gov.vn"}

    phones, emails = services.published_contacts(at=D(2026, 2, 1))
    assert phones == {"02293777666"}
    assert services.published_contacts(at=D(2026, 4, 1)) == (frozenset(), frozenset())


def test_the_public_data_is_cached_and_cleared_on_change(django_assert_num_queries):
    entry = SpokespersonEntryFactory()
    services.cached_spokesperson()

    with django_assert_num_queries(0):
        assert services.cached_spokesperson().name == "Phạm Quang Hưng"

    entry.full_name = "Phạm Quang Hùng"
    entry.save()
    assert services.cached_spokesperson().name == "Phạm Quang Hùng"

    entry.delete()
    assert services.cached_spokesperson() is None


def test_the_cached_answer_is_recomputed_on_another_day(monkeypatch):
    SpokespersonEntryFactory(valid_from=D(2025, 7, 1), valid_until=D(2025, 12, 31))
    monkeypatch.setattr(services.timezone, "localdate", lambda: D(2025, 12, 31))
    assert services.cached_spokesperson() is not None

    monkeypatch.setattr(services.timezone, "localdate", lambda: D(2026, 1, 1))

    assert services.cached_spokesperson() is None


def test_an_entry_can_be_closed_after_its_user_left_the_group():
    entry = SpokespersonEntryFactory()
    entry.user.groups.clear()
    entry = SpokespersonEntry.objects.get(pk=entry.pk)
    entry.valid_until = D(2025, 12, 31)

    entry.full_clean()

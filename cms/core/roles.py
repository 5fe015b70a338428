"""The editorial roles of the external-information plan and their Django groups.

Groups are created by a data migration (cms/core/migrations); demo users and
tests refer to them through these constants, never by literal names.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Role:
    key: str
    group_name: str
    description: str
    demo_username: str


WRITER = Role(
    "writer",
    "Phóng viên – Biên tập",
    "Writers: create and edit drafts of articles, features and campaigns, and submit them.",
    "writer",
)
REVIEWER = Role(
    "reviewer",
    "Kiểm duyệt",
    "Reviewers: check content and the information-security findings, attest, request changes.",
    "reviewer",
)
SPOKESPERSON = Role(
    "spokesperson",
    "Người phát ngôn",
    "Spokesperson (Decree 09/2017/ND-CP): approves publication.",
    "spokesperson",
)
TRANSLATOR = Role(
    "translator",
    "Biên dịch",
    "Translators: edit English translations and submit them.",
    "translator",
)
SITE_ADMIN = Role(
    "siteadmin",
    "Quản trị",
    "Site administrators: users, settings and rules. They do not bypass the publication gate.",
    "siteadmin",
)

ROLES = (WRITER, REVIEWER, SPOKESPERSON, TRANSLATOR, SITE_ADMIN)

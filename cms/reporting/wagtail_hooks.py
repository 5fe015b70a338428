"""The reporting app's admin: each part registers its hooks in its own module."""

from . import (  # noqa: F401 - imported for their hooks
    hooks_audit,
    hooks_dashboard,
    hooks_docx,
    hooks_plan,
    hooks_register,
    hooks_reports,
)

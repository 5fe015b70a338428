"""Machine translation for wagtail-localize's editor: chosen by settings, off by default.

``MACHINE_TRANSLATOR`` (environment, read once in ``cms/settings/base.py``):

* empty (the default): no machine translation; the editor offers none;
* ``deepl``: DeepL (``DEEPL_API_KEY``; a key ending in ``:fx`` uses DeepL's free API);
* ``libretranslate``: a LibreTranslate server (``LIBRETRANSLATE_URL``, optional
  ``LIBRETRANSLATE_API_KEY``);
* the dotted path of a class (a subclass of wagtail-localize's
  ``BaseMachineTranslator``), for any other service.

``machine_translator_setting`` turns them into wagtail-localize's
``WAGTAILLOCALIZE_MACHINE_TRANSLATOR``, with wagtail-localize's own backends.
``check_machine_translator`` (a system check: ``manage.py check``, ``migrate`` and
``runserver`` stop on it) refuses a setting that would only fail when a translator
clicks "Translate with …": an unknown name, a missing key or address, a class that
cannot be imported or is not a machine translator.

A string filled by machine is never published before a translator has reviewed it
(``gate.translation_reasons``). This module imports nothing from Django's apps at
the top: the settings import it.
"""

from __future__ import annotations

DEEPL = "wagtail_localize.machine_translators.deepl.DeepLTranslator"
LIBRETRANSLATE = "wagtail_localize.machine_translators.libretranslate.LibreTranslator"
BASE_CLASS = "wagtail_localize.machine_translators.base.BaseMachineTranslator"


def machine_translator_setting(env) -> dict | None:
    """``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` for the environment ``env`` (None: off)."""
    name = (env.get("MACHINE_TRANSLATOR") or "").strip()
    if not name:
        return None
    if name.lower() == "deepl":
        return {"CLASS": DEEPL, "OPTIONS": {"AUTH_KEY": (env.get("DEEPL_API_KEY") or "").strip()}}
    if name.lower() == "libretranslate":
        return {
            "CLASS": LIBRETRANSLATE,
            "OPTIONS": {
                "LIBRETRANSLATE_URL": (env.get("LIBRETRANSLATE_URL") or "").strip().rstrip("/"),
                # wagtail-localize sends the key in every request, empty when the server
                # needs none.
                "API_KEY": (env.get("LIBRETRANSLATE_API_KEY") or "").strip(),
            },
        }
    return {"CLASS": name, "OPTIONS": {}}


def _error(vi: str, en: str, id_: str, hint: str = ""):
    from django.core.checks import Error

    return Error(f"{vi} ({en})", hint=hint or None, obj="MACHINE_TRANSLATOR", id=id_)


def check_machine_translator(app_configs=None, **kwargs):
    """The machine translator configured can be used (no errors when it is off)."""
    from django.conf import settings
    from django.utils.module_loading import import_string

    config = getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None)
    if config is None:
        return []
    path = (config or {}).get("CLASS") or ""
    options = (config or {}).get("OPTIONS") or {}
    errors = []
    if path == DEEPL and not options.get("AUTH_KEY"):
        errors.append(
            _error(
                "MACHINE_TRANSLATOR=deepl cần khóa API DeepL trong biến DEEPL_API_KEY",
                "MACHINE_TRANSLATOR=deepl needs the DeepL API key in DEEPL_API_KEY",
                "workflows.E101",
                "Đặt DEEPL_API_KEY, hoặc để trống MACHINE_TRANSLATOR để tắt dịch máy "
                "(set DEEPL_API_KEY, or leave MACHINE_TRANSLATOR empty to turn machine "
                "translation off).",
            )
        )
    if path == LIBRETRANSLATE:
        url = options.get("LIBRETRANSLATE_URL") or ""
        if not url.startswith(("http://", "https://")):
            errors.append(
                _error(
                    "MACHINE_TRANSLATOR=libretranslate cần địa chỉ máy chủ LibreTranslate "
                    "(http:// hoặc https://) trong biến LIBRETRANSLATE_URL",
                    "MACHINE_TRANSLATOR=libretranslate needs the LibreTranslate server's "
                    "address (http:// or https://) in LIBRETRANSLATE_URL",
                    "workflows.E102",
                )
            )
    try:
        translator_class = import_string(path)
    except ImportError:
        errors.append(
            _error(
                f"MACHINE_TRANSLATOR={path!r} không phải deepl, libretranslate hay đường dẫn "
                "tới một lớp nhập được",
                f"MACHINE_TRANSLATOR={path!r} is not deepl, libretranslate or the dotted path "
                "of a class that can be imported",
                "workflows.E103",
            )
        )
        return errors
    base = import_string(BASE_CLASS)
    if not (isinstance(translator_class, type) and issubclass(translator_class, base)):
        errors.append(
            _error(
                f"MACHINE_TRANSLATOR={path!r} không phải lớp con của {BASE_CLASS}",
                f"MACHINE_TRANSLATOR={path!r} is not a subclass of {BASE_CLASS}",
                "workflows.E104",
            )
        )
    return errors

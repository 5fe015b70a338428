"""The information-security scanner: pure Python, no Django.

Public API::

    from cms.security.scanner import Scanner, scan_text, verdict

    scanner = Scanner(config)                  # ScanConfig, or None for the defaults
    findings = scanner.scan(text, lang="vi", context=ScanContext(part="caption"))
    verdict(findings)                          # Verdict.BLOCK / ATTEST / WARN / CLEAN
    scanner.check_image(alt, credit, lang)     # IMG-02, IMG-03
    scanner.check_map(lang, excerpt)           # SOV-05 for a part known to be a map
    scanner.check_press_release(fields, lang)  # SPK-01
    scanner.check_plan_reference(code, lang)   # RPT-01: the item's plan task ("" if none)
    scanner.check_parity(vi_text, en_text)     # EN-02

Offsets of findings refer to ``Scanner.normalise(text)`` (the NFC form of the input).
``RULES`` holds the catalogue's metadata (titles, legal basis, default severities,
messages, attestation statements).
"""

from .engine import Scanner, scan_text
from .findings import (
    Finding,
    KnownDocument,
    KnownOccasion,
    ScanConfig,
    ScanContext,
    Severity,
    Verdict,
    verdict,
)
from .rules import LOCKED_RULES, RULE_IDS, RULES, RuleInfo
from .text import PlainText, fold, fold_lower, html_to_text, nfc

__all__ = [
    "LOCKED_RULES",
    "RULES",
    "RULE_IDS",
    "Finding",
    "KnownDocument",
    "KnownOccasion",
    "PlainText",
    "RuleInfo",
    "ScanConfig",
    "ScanContext",
    "Scanner",
    "Severity",
    "Verdict",
    "fold",
    "fold_lower",
    "html_to_text",
    "nfc",
    "scan_text",
    "verdict",
]

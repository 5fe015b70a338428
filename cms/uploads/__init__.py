"""Uploads and documents (label ``uploads``).

``sniffing.py`` tells what an uploaded file is from its content (documents; SVG and HTML
are refused whatever their name); ``images.py`` re-encodes images without their
metadata; ``publication.py`` decides which documents the public may fetch (those a live
page uses); ``views.py`` and ``urls.py`` serve them as attachments with safe headers. The
upload forms that use them are ``cms.core.forms``.
"""

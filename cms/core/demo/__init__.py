"""Demo content for the Xuân Trường external-information portal.

Used by ``python manage.py seed_demo``; never imported by the site itself.
"""

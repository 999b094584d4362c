"""The editorial workflow's admin screens, mails and staff pages.

The rules themselves live in ``portal/services.py``; these modules only call them.
"""

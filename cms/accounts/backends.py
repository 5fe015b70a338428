"""The first authentication backend: refuses a sign-in while its username and address are locked.

django-axes counts failed sign-ins per username and client address
(``AXES_LOCKOUT_PARAMETERS``) and its backend stops the next attempt once the
limit is reached. Every sign-in made over the web passes the request to
``authenticate()`` (Wagtail's and Django's login forms do), and that request
carries the address the lock is keyed on. A call without a request (Django's
test client ``login()``, a shell) has no address to count against: it is left
to the next backend instead of failing, as axes' own backend would.
"""

from axes.backends import AxesStandaloneBackend


class LoginThrottleBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

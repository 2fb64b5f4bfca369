"""django-allauth adapter: personal accounts are made by the beheerder, never by sign-up."""

from allauth.account.adapter import DefaultAccountAdapter


class PortaalAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False

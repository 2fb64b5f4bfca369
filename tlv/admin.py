"""Admin of the TLV app: only the number series. TLVs, objections, expert advice, return meetings
and their status history point to a pupil and are not registered (the beheerder sees no pupil data;
``swv.leerlinggegevens.leerlingmodellen``): they change through the portal's services, logged."""

from django.contrib import admin

from tlv.models import TLVNummerreeks


@admin.register(TLVNummerreeks)
class TLVNummerreeksAdmin(admin.ModelAdmin):
    list_display = ["jaar", "laatste"]

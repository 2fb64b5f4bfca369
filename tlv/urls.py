from django.urls import path

from tlv.views import aanvraag as a
from tlv.views import bezwaar as b
from tlv.views import overzichten as o

app_name = "tlv"

urlpatterns = [
    path("", o.TLVLijstView.as_view(), name="lijst"),
    path("nieuw/", a.AanvraagStartenView.as_view(), name="nieuw"),
    path("werkvoorraad/", o.WerkvoorraadView.as_view(), name="werkvoorraad"),
    path("register/", o.RegisterView.as_view(), name="register"),
    path("register/export/", o.RegisterExportView.as_view(), name="register_export"),
    path("register/duo.csv", o.DuoExportView.as_view(), name="register_duo"),
    path("kengetallen/", o.KengetallenView.as_view(), name="kengetallen"),
    path("<uuid:uuid>/", a.TLVDetailView.as_view(), name="detail"),
    path("<uuid:uuid>/bewerken/", a.AanvraagBewerkenView.as_view(), name="bewerken"),
    path("<uuid:uuid>/deskundige/<int:volgorde>/", a.DeskundigenadviesView.as_view(), name="deskundige"),
    path(
        "<uuid:uuid>/deskundige/<int:volgorde>/document/",
        a.DeskundigenDocumentView.as_view(),
        name="deskundige_document",
    ),
    path("<uuid:uuid>/indienen/", a.IndienenView.as_view(), name="indienen"),
    path("<uuid:uuid>/intrekken/", a.AanvraagIntrekkenView.as_view(), name="intrekken"),
    path("<uuid:uuid>/toetsen/", a.ToetsenView.as_view(), name="toetsen"),
    path("<uuid:uuid>/aanvulling/", a.AanvullingVragenView.as_view(), name="aanvulling"),
    path("<uuid:uuid>/besluiten/", a.BesluitenView.as_view(), name="besluiten"),
    path("<uuid:uuid>/besluitbrief/", a.BesluitbriefView.as_view(), name="besluitbrief"),
    path("<uuid:uuid>/plaatsing/", a.PlaatsingView.as_view(), name="plaatsing"),
    path("<uuid:uuid>/beeindigen/", a.BeeindigenView.as_view(), name="beeindigen"),
    path("<uuid:uuid>/terugkeer/", a.TerugkeerView.as_view(), name="terugkeer"),
    path("<uuid:uuid>/verlengen/", a.VerlengenView.as_view(), name="verlengen"),
    path("<uuid:uuid>/bezwaar/", b.BezwaarRegistrerenView.as_view(), name="bezwaar_nieuw"),
    path("bezwaren/<uuid:uuid>/", b.BezwaarDetailView.as_view(), name="bezwaar_detail"),
    path("bezwaren/<uuid:uuid>/advies-vragen/", b.AdviesVragenView.as_view(), name="bezwaar_advies_vragen"),
    path("bezwaren/<uuid:uuid>/advies/", b.AdviesView.as_view(), name="bezwaar_advies"),
    path("bezwaren/<uuid:uuid>/verdagen/", b.VerdagenView.as_view(), name="bezwaar_verdagen"),
    path("bezwaren/<uuid:uuid>/beslissen/", b.BeslissenView.as_view(), name="bezwaar_beslissen"),
    path("bezwaren/<uuid:uuid>/intrekken/", b.BezwaarIntrekkenView.as_view(), name="bezwaar_intrekken"),
    path("bezwaren/<uuid:uuid>/beroep/", b.BeroepView.as_view(), name="bezwaar_beroep"),
    path("bezwaren/<uuid:uuid>/brief/", b.BezwaarBriefView.as_view(), name="bezwaar_brief"),
]

"""Template helpers of the arrangements app: the status badge and report tables (money through
``swv.opmaak``, like every app)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from swv.opmaak import euro

register = template.Library()


@register.simple_tag
def status(aanvraag):
    """The request's status as a badge (a simple tag: list pages render it once per row)."""
    return format_html(
        '<span class="portaal-status portaal-status--{}">{}</span>', aanvraag.status, aanvraag.get_status_display()
    )


@register.simple_tag
def tabel(tabel, titel, bedragen=False):
    """A report table (``selectors.jaarverslag.Tabel``) as accessible HTML: a caption, column
    headers, the first cell of each row as row header. Built in Python: a school-year report has
    hundreds of rows, which the template engine renders ten times slower."""
    from django.utils.html import format_html_join
    from django.utils.translation import gettext as _

    def cel(waarde):
        return euro(waarde) if bedragen else waarde

    kop = format_html_join(
        "",
        '<th class="utrecht-table__header-cell{}" scope="col">{}</th>',
        ((" utrecht-table__header-cell--numeric" if i else "", k) for i, k in enumerate(tabel.kolommen)),
    )
    if tabel.rijen:
        rijen = format_html_join(
            "",
            '<tr class="utrecht-table__row">{}</tr>',
            (
                (
                    format_html(
                        '<th class="utrecht-table__header-cell" scope="row">{}</th>{}',
                        rij[0],
                        format_html_join(
                            "",
                            '<td class="utrecht-table__cell utrecht-table__cell--numeric">{}</td>',
                            ((cel(w),) for w in rij[1:]),
                        ),
                    ),
                )
                for rij in tabel.rijen
            ),
        )
    else:
        rijen = format_html(
            '<tr class="utrecht-table__row"><td class="utrecht-table__cell" colspan="{}">{}</td></tr>',
            len(tabel.kolommen),
            _("No data for this school year."),
        )
    return format_html(
        '<table class="utrecht-table"><caption class="utrecht-table__caption">{}</caption>'
        '<thead class="utrecht-table__header"><tr class="utrecht-table__row">{}</tr></thead>'
        '<tbody class="utrecht-table__body">{}</tbody></table>',
        titel,
        kop,
        rijen,
    )

"""iCalendar (RFC 5545) files of workshop meetings, with the `icalendar` library: each meeting
an event in Europe/Sarajevo time with the zone's rules (VTIMEZONE), so calendars show the right
hour on either side of a daylight-saving change."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event


def meetings_calendar(*, meetings, name: str, url: str = "") -> bytes:
    """A calendar of `meetings` (with their sessions and cohorts loaded)."""
    calendar = Calendar()
    calendar.add("prodid", "-//LAP Academy//Workshops//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    zone = timezone.get_default_timezone()
    stamp = timezone.now()
    for meeting in meetings:
        session = meeting.session
        event = Event()
        host = settings.WAGTAILADMIN_BASE_URL.split("//", 1)[-1].split("/", 1)[0] or "lap"
        event.add("uid", f"workshop-meeting-{meeting.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", timezone.localtime(meeting.starts_at, zone))
        event.add("dtend", timezone.localtime(meeting.ends_at, zone))
        title = f"{session.title}: {meeting.label}" if meeting.label else session.title
        event.add("summary", title)
        event.add("location", session.where)
        description = [session.cohort.name]
        if session.online_url:
            description.append(_("Online link: %(url)s") % {"url": session.online_url})
        event.add("description", "\n".join(description))
        if url:
            event.add("url", url)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()

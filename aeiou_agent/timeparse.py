"""Dates and times: strict parsing of ISO strings for tools, natural-language dates for the planner.

Tools take explicit UTC times as ISO strings, so a recorded call replays identically; the planner turns
"tomorrow", "September 1st 2026" or "tonight" into such a string first.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from aeiou_agent.exceptions import UserError

_ISO = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?)?\s*(?:Z|UTC|\+00:?00)?$",
    re.IGNORECASE,
)
ISO_IN_TEXT = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*(?:Z|UTC)\b)?")

# Time-zone abbreviations people write after a clock time, as hours east of UTC.
ZONES = {
    "utc": 0,
    "ut": 0,
    "gmt": 0,
    "z": 0,
    "wet": 0,
    "bst": 1,
    "cet": 1,
    "west": 1,
    "cest": 2,
    "eet": 2,
    "eest": 3,
    "ist": 5.5,
    "jst": 9,
    "aest": 10,
    "aedt": 11,
    "hst": -10,
    "akst": -9,
    "pst": -8,
    "pdt": -7,
    "mst": -7,
    "mdt": -6,
    "cst": -6,
    "cdt": -5,
    "est": -5,
    "edt": -4,
    "clt": -4,
    "clst": -3,
}


def zone_offset_hours(text: str) -> float:
    """Hours east of UTC of a time-zone abbreviation written after a clock time ('22:00 CET' → 1), else 0."""
    found = re.search(r"\d{1,2}:\d{2}\s*(?:h\s*)?([A-Za-z]{1,4})\b", text)
    return float(ZONES.get(found.group(1).lower(), 0)) if found else 0.0


HOLIDAYS = {
    "christmas day": "25 December",
    "christmas eve": "24 December",
    "christmas": "25 December",
    "new year's eve": "31 December",
    "new year's day": "1 January",
    "new years eve": "31 December",
    "new years day": "1 January",
}
_CLOCK = re.compile(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:UTC|UT|Z|h)?\b")
_MONTHS = list(calendar.month_name)


def check_date(year: int, month: int, day: int) -> dt.date:
    """A calendar date, or a :class:`UserError` that says exactly what is wrong with it."""
    if not 1 <= month <= 12:
        raise UserError(f"{year:04d}-{month:02d}-{day:02d} is not a valid date: there is no month {month}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise UserError(
            f"{year:04d}-{month:02d}-{day:02d} is not a valid date: {_MONTHS[month]} {year} has {last} days"
        )
    return dt.date(year, month, day)


def parse_utc(text: str) -> dt.datetime:
    """A timezone-aware UTC datetime from an ISO date or date-time string; a date means 00:00 UTC."""
    match = _ISO.match(text.strip())
    if not match:
        raise UserError(f"{text!r} is not a date or time I can read; use YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC)")
    day = check_date(int(match["y"]), int(match["m"]), int(match["d"]))
    hour, minute, second = int(match["H"] or 0), int(match["M"] or 0), int(match["S"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise UserError(f"{text!r} has an impossible time of day")
    return dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=dt.UTC)


def format_utc(moment: dt.datetime, seconds: bool = False) -> str:
    """'2026-09-01 22:13 UTC'."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC" if seconds else "%Y-%m-%d %H:%M UTC")


_SPOKEN_CLOCKS = (
    re.compile(r"\bmidnight\b"),
    re.compile(r"\bnoon\b|\bmidday\b"),
    re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\b\.?"),  # '10pm', '11:30 p.m.'
    # '22:00' after 'at' or before a zone or 'h' ('at 22:00', '01:00 UTC'); a bare 05:35:17 is a coordinate
    re.compile(r"\b(?:at|@|by|around|about|until|till|before|after)\s+(\d{1,2}):(\d{2})\b(?!:\d)"),
    re.compile(r"\b(\d{1,2}):(\d{2})\s*(?:h|utc|ut|z|[a-z]{2,4}t)\b"),
)


def spoken_clock(lowered: str) -> tuple[int, int, tuple[int, int]] | None:
    """(hour, minute, span) of a clock time as people write one: '22:00' after 'at', '1 am', '11:30pm', 'midnight'."""
    for number, pattern in enumerate(_SPOKEN_CLOCKS):
        found = pattern.search(lowered)
        if found is None:
            continue
        if number < 2:
            return (0 if number == 0 else 12), 0, found.span()
        hour, minute = int(found.group(1)), int(found.group(2) or 0)
        if number == 2:
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if found.group(3) == "p" else 0)
        if hour <= 23 and minute <= 59:
            return hour, minute, found.span()
    return None


# solstices and equinoxes by name, with the year if given ('the summer solstice 2027', 'March equinox of 2028');
# named as in the northern hemisphere: the summer solstice is June's
_SEASON = re.compile(
    r"\b(?:(summer|june|winter|december)\s+solstice|(spring|vernal|march|autumn(?:al)?|fall|september)\s+equinox)"
    r"(?:\s+(?:of\s+|in\s+)?((?:19|20)\d\d)\b)?"
)
_SEASON_INDEX = {"spring": 0, "vernal": 0, "march": 0, "summer": 1, "june": 1, "autumn": 2, "autumnal": 2, "fall": 2}
_SEASON_INDEX |= {"september": 2, "winter": 3, "december": 3}


def _season_moment(found: re.Match[str], now: dt.datetime) -> str:
    """The UTC moment of the solstice or equinox ``found`` names: in its year, or the next one after ``now``."""
    from skyfield import almanac

    from aeiou_agent.tools.ephemeris import _skyfield

    timescale, ephemeris = _skyfield()
    wanted = _SEASON_INDEX[found.group(1) or found.group(2)]
    first = int(found.group(3)) if found.group(3) else now.year
    for year in (first, first + 1):
        times, seasons = almanac.find_discrete(
            timescale.utc(year, 1, 1), timescale.utc(year + 1, 1, 1), almanac.seasons(ephemeris)
        )
        for moment, season in zip(times, seasons, strict=True):
            day = moment.utc_datetime()
            if season == wanted and (found.group(3) or day.replace(tzinfo=None) >= now.replace(tzinfo=None)):
                return day.strftime("%Y-%m-%dT%H:%M:%S")
    raise UserError(f"I could not find the {found.group(0)} in the ephemeris (1900-2053).")


_DAY_OF_MONTH = re.compile(r"\b(?:on|for|until|by)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s*(?:-\s*)?mag)")
# an ordinal that ranks or grades, not a day: '8th magnitude', 'the 5th brightest star'
_NOT_A_DAY = (
    r"(?!\s*(?:-\s*)?(?:mag|brightest|faintest|nearest|closest|largest|biggest|smallest|star|galax|object|planet))"
)
_MONTH_NAMED = re.compile(
    r"\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|"
    r"dec(ember)?)\b"
)


def _next_day_of_month(day: int, now: dt.datetime) -> str:
    """The next date (today included) that falls on ``day`` of its month."""
    year, month = now.year, now.month
    for _ in range(13):
        if day <= calendar.monthrange(year, month)[1] and dt.date(year, month, day) >= now.date():
            return f"{year:04d}-{month:02d}-{day:02d}"
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    raise UserError(f"No month has a day {day}.")


def find_when(text: str, now: dt.datetime) -> tuple[str, str, bool] | None:
    """The first date or time mentioned in ``text`` as (ISO string, matched text, has_time), or None.

    ISO dates are checked strictly (2026-02-30 raises); natural phrases ('tomorrow', '1 September 2026',
    'next Friday') go through dateparser relative to ``now`` (UTC).
    """
    iso = ISO_IN_TEXT.search(text)
    if iso:
        year, month, day = int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
        check_date(year, month, day)
        clock = iso.group(4) and (iso.group(4), iso.group(5), iso.group(6))
        if not clock:
            later = _CLOCK.search(text, iso.end())
            clock = later and (later.group(1), later.group(2), later.group(3))
        if not clock:  # 'at 22:00 CET on 2026-12-10', 'at 9:30 pm on 2027-01-05': a clock as people write one
            spoken = spoken_clock(text.lower())
            clock = spoken and (f"{spoken[0]:02d}", f"{spoken[1]:02d}", None)
        if clock:
            hour, minute, second = clock
            moment = parse_utc(f"{year:04d}-{month:02d}-{day:02d}T{hour}:{minute}:{second or '00'}")
            return moment.strftime("%Y-%m-%dT%H:%M:%S"), iso.group(0), True
        return f"{year:04d}-{month:02d}-{day:02d}", iso.group(0), False
    lowered = text.lower()
    season = _SEASON.search(lowered)
    if season:  # 'the summer solstice 2027': the day skyfield finds it on (northern seasons, UTC)
        return _season_moment(season, now), season.group(0), True
    for holiday, date_words in HOLIDAYS.items():  # 'christmas day 2026' → '25 December 2026' (dateparser has none)
        if holiday in lowered:
            text = re.sub(holiday, date_words, text, flags=re.IGNORECASE)
            lowered = text.lower()
    if re.search(r"\b(right )?now\b|\bcurrently\b|\bat the moment\b", lowered):
        return now.strftime("%Y-%m-%dT%H:%M:00"), "now", True
    tonight = re.search(r"\btonight\b", lowered)
    spoken = spoken_clock(lowered)
    if spoken is not None:  # the date is read without the clock ('at 22:00 from Tokyo tomorrow')
        text = text[: spoken[2][0]] + " " * (spoken[2][1] - spoken[2][0]) + text[spoken[2][1] :]
        lowered = text.lower()
    dated = re.search(  # 'Mars' is no month
        r"\b(today|tomorrow|yesterday|next|last|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
        r"jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|"
        r"dec(ember)?)\b|\b\d{1,2}(st|nd|rd|th)\b" + _NOT_A_DAY + r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
        lowered,
    )
    if spoken is not None and (tonight or not dated):
        return _coming_night(spoken, now, "tonight" if tonight else "")
    day_alone = _DAY_OF_MONTH.search(lowered)
    if day_alone and not _MONTH_NAMED.search(lowered):  # 'on the 8th': the next 8th (dateparser read it as August)
        return _next_day_of_month(int(day_alone.group(1)), now), day_alone.group(0), False
    if tonight:
        return now.strftime("%Y-%m-%d"), "tonight", False
    if not dated:
        return None
    from dateparser.search import search_dates

    found = search_dates(
        re.sub(r"\bsun\b", "Sol", text, flags=re.IGNORECASE),  # the Sun, not Sunday: 'how far is Mars from the Sun?'
        languages=["en"],
        settings={
            "RELATIVE_BASE": now.replace(tzinfo=None),
            "PREFER_DATES_FROM": "future",
            "TIMEZONE": "UTC",
            "RETURN_AS_TIMEZONE_AWARE": False,
            "STRICT_PARSING": False,
        },
    )
    if not found:
        return _coming_night(spoken, now, "") if spoken is not None else None
    for phrase, moment in found:
        if re.fullmatch(r"\s*\d+(\.\d+)?\s*", phrase) or len(phrase.strip()) < 3:
            continue  # bare numbers ('5 degrees') are not dates
        if spoken is not None:
            return f"{moment:%Y-%m-%d}T{spoken[0]:02d}:{spoken[1]:02d}:00", phrase.strip(), True
        has_time = bool(re.search(r"\d:\d\d|\b(am|pm|noon|midnight)\b", phrase.lower()))
        if has_time:
            return moment.strftime("%Y-%m-%dT%H:%M:%S"), phrase, True
        return moment.strftime("%Y-%m-%d"), phrase, False
    return _coming_night(spoken, now, "") if spoken is not None else None


def _coming_night(spoken: tuple[int, int, tuple[int, int]], now: dt.datetime, phrase: str) -> tuple[str, str, bool]:
    """A clock without a date: the coming night's ('at 22:00' this evening, 'at 01:00' after midnight)."""
    hour, minute, _span = spoken
    night_of = now.date() + dt.timedelta(days=1 if hour < 12 else 0)
    phrase = phrase or ("midnight" if (hour, minute) == (0, 0) else f"{hour:02d}:{minute:02d}")
    return f"{night_of:%Y-%m-%d}T{hour:02d}:{minute:02d}:00", phrase, True

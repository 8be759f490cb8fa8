"""Answer text from tool results, the grounding check, and citations.

The semantic path renders the Jinja2 template of the plan's intent: the tool's declared answer template
(tools/<family>.yaml), or a planner-level intent's (prompts/intents.yaml), with the shared macros of
prompts/answers.yaml. Every answer
then goes through :func:`ungrounded_numbers`: a number in the text must appear, up to its printed
rounding, in a tool output, a tool argument or the question; anything else is flagged, not shown as fact.
"""

from __future__ import annotations

import contextlib
import math
import re
import threading
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2

from aeiou_agent.answer import Citation, ToolCall
from aeiou_agent.planning import Plan
from aeiou_agent.prompts import prompt_yaml
from aeiou_agent.registry import Registry
from aeiou_agent.store.names import body_label

_NUMBER = re.compile(r"[-+−]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?")


def _fixed(value: Any, digits: int = 2) -> str:
    if value is None:
        return "—"
    return f"{float(value):.{digits}f}"


def _signed(value: Any, digits: int = 2) -> str:
    if value is None:
        return "—"
    return f"{float(value):+.{digits}f}"


def _significant(value: Any, digits: int = 4) -> str:
    if value is None:
        return "—"
    value = float(value)
    if value != 0 and (abs(value) >= 1e7 or abs(value) < 1e-4):
        return f"{value:.{digits}g}"
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value)))) if value else 0
    return f"{value:.{decimals}f}"


def _plus_minus(value: Any, error: Any = None) -> str:
    """'7.68 ± 0.02': the error to two significant figures (at least 0.01), the value to the same decimals."""
    if value is None:
        return "—"
    if error is None or not isinstance(error, int | float) or error <= 0:
        return f"{float(value):.2f}"
    decimals = max(2, 1 - math.floor(math.log10(float(error))))
    return f"{float(value):.{decimals}f} ± {float(error):.{decimals}f}"


def _shortest(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return f"{value:g}" if isinstance(value, float) else str(value)


def _article(phrase: str) -> str:
    """'a globular cluster', 'an HII ionized region': OpenNGC's capitalised kinds in running text (acronyms kept)."""
    text = " ".join(word.lower() if len(word) > 1 and word[1:].islower() else word for word in phrase.split(" "))
    return ("an " if text[:1].lower() in "aeiou" or text.startswith(("HII", "H II")) else "a ") + text


def _utc(iso: str) -> str:
    return iso.replace("T", " ")[:16] + " UTC"


def _hm(iso: str) -> str:
    return iso[11:16]


def _unit(unit: str) -> str:
    return unit.replace("Gpc3", "Gpc³")


def _yes_no(question: str) -> bool:
    from aeiou_agent.planning.parse import asks_yes_no

    return asks_yes_no(question)


def _constellation_named(question: str) -> str:
    """The IAU name of a constellation the question names as a place ('is Acrux in the Southern Cross?'), or ''."""
    from aeiou_agent.planning.arguments import named_constellation

    return named_constellation(question) or ""


def _phase_named(question: str) -> str:
    """The Moon phase a question names ('is the moon full tonight?': 'full moon'), or ''."""
    found = re.search(r"\b(new moon|full moon|first quarter|last quarter)\b", question, re.IGNORECASE)
    bare = re.search(  # 'when will the Moon be full next?', 'when is the moon new again?'
        r"\b(?:moon\b.*\b(?:be|is|gets?|turns?|becomes?)|(?:is|will)\s+the\s+moon)\s+(new|full)\b", question, re.I
    )
    return found.group(1).lower() if found else f"{bare.group(1).lower()} moon" if bare else ""


def _phase_asked(question: str) -> str:
    """The Moon phase a question asks the date of ('when is the next full moon'), or ''."""
    phase = _phase_named(question)
    return phase if phase and re.search(r"\b(next|when|date|first)\b", question, re.I) else ""


def _percent_asked(question: str) -> dict[str, Any] | None:
    """A yes/no threshold on a percentage ('is the Moon more than half lit?', 'less than 20% illuminated'), or None."""
    if not _yes_no(question):
        return None
    found = re.search(
        r"\b(more|greater|less|fewer|over|above|under|below)\s+(?:than\s+)?(half|a\s+quarter|three\s+quarters"
        r"|(\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent))",
        question,
        re.IGNORECASE,
    )
    if not found:
        return None
    words = {"half": 50.0, "a quarter": 25.0, "three quarters": 75.0}
    value = float(found.group(3)) if found.group(3) else words[re.sub(r"\s+", " ", found.group(2).lower())]
    more = found.group(1).lower() in ("more", "greater", "over", "above")
    return {"more": more, "value": value, "amount": found.group(2)}  # 'amount' as written: 'half', '20%'


_MORPHOLOGY = {
    "spiral": ("S",),
    "barred": ("SB",),
    "elliptical": ("E",),
    "lenticular": ("S0", "SB0"),
    "irregular": ("I",),
}


# the words of the types a catalog tells apart (OpenNGC's type labels, ongc.db objTypes; Hipparcos: stars only): a kind
# with another word ('a double star', 'a dwarf galaxy') is one the catalog cannot say yes or no to
_TYPE_WORDS = {
    "ngc": frozenset(
        {
            "star",
            "stars",
            "double",
            "association",
            "open",
            "globular",
            "cluster",
            "nebula",
            "galaxy",
            "galaxies",
            "pair",
            "triplet",
            "group",
            "planetary",
            "hii",
            "ionized",
            "region",
            "dark",
            "emission",
            "reflection",
            "supernova",
            "remnant",
            "nova",
        }
    ),
    "hipparcos": frozenset({"star"}),
}


def _kind_verdict(
    kind: str | None, object_type: str | None, hubble_type: str | None = None, table: str = "ngc"
) -> dict[str, Any] | None:
    """Yes or no to 'is M13 a globular cluster?' or "it's a spiral galaxy, right?" (``kind``, from the parse).

    From the catalog's type, and the Hubble type for 'spiral', 'elliptical', 'barred' and 'lenticular'. The answer
    is None when the catalog cannot tell ('is Sirius a double star?': Hipparcos has no multiplicity).
    """
    if kind is None or object_type is None:
        return None
    words = kind.split()
    morphology = [word for word in words if word in _MORPHOLOGY]
    rest = [word for word in words if word not in _MORPHOLOGY]
    if (morphology and not hubble_type) or not set(rest) <= _TYPE_WORDS.get(table, frozenset()):
        return {"answer": None, "kind": kind}  # 'is Sirius a double star?': Hipparcos does not tell, and says so
    matches = all(word in object_type.lower() for word in rest) and all(
        hubble_type
        and hubble_type.startswith(_MORPHOLOGY[word])
        and not (word == "spiral" and hubble_type.startswith(("S0", "SB0")))
        for word in morphology
    )
    return {"answer": "Yes" if matches else "No", "kind": kind, "morphology": bool(morphology)}


def markdown_literal(text: Any) -> str:
    """Document text made inert in Markdown: shown as written, never an image, link or HTML element.

    Ingested documents are data (issue 18, E2): '![pixel](http://…/exfil)' in a quoted passage made the browser fetch
    the URL. A backslash before each backslash, bracket, angle bracket and '!' keeps the text readable in the chat,
    the CLI's Markdown and plain Python alike.
    """
    return re.sub(r"([\\\[\]<>!])", r"\\\1", str(text))


def inert_markup(text: str) -> str:
    """A language model's answer with its Markdown formatting kept but no image, link or HTML element live.

    A model can be talked into echoing a document's '![x](http://…/exfil)' (issue 18): emphasis, lists and tables
    stay, while images, links, HTML tags and autolinks are escaped and terminal control sequences dropped.
    """
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07?", "", text)
    text = re.sub(r"(?<!\\)!\[", r"\\![", text)
    text = re.sub(r"(?<!\\)\]\(", r"\\](", text)
    return re.sub(r"(?<!\\)<(?=[A-Za-z/!?])", r"\\<", text)


_CELL_CHARS = 200  # a table cell shows this much of a long value; the result data keeps all of it


def _cell(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return f"{value:.6g}"
    text = str(value)
    text = text if len(text) <= _CELL_CHARS else text[:_CELL_CHARS] + "…"
    return text.replace("|", "\\|")


class _KeptBytecode(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept on disk; a file that cannot be written costs only the next compile."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


class Composer:
    """Renders answers of the semantic path and checks their numbers."""

    def __init__(self, registry: Registry, cache_dir: Path | None = None) -> None:
        self.registry = registry
        self.cache_dir = cache_dir
        self._compiled: dict[str, jinja2.Template] = {}
        self._lock = threading.Lock()

    @cached_property
    def _environment(self) -> jinja2.Environment:
        # Templates compiled once are kept as bytecode in the cache folder (checked against their source): compiling
        # one with the shared macros cost a one-shot answer ~0.1 s.
        bytecode = None
        if self.cache_dir is not None:
            try:
                (self.cache_dir / "templates").mkdir(parents=True, exist_ok=True)
                bytecode = _KeptBytecode(str(self.cache_dir / "templates"))
            except OSError:  # a read-only home costs only the compile
                bytecode = None
        env = jinja2.Environment(
            autoescape=False,
            trim_blocks=False,
            lstrip_blocks=False,
            keep_trailing_newline=False,
            loader=jinja2.FunctionLoader(lambda intent: self._sources.get(intent)),
            bytecode_cache=bytecode,
        )
        env.filters.update(
            n=_fixed,
            s=_signed,
            sig=_significant,
            g=_shortest,
            article=_article,
            utc=_utc,
            hm=_hm,
            unit=_unit,
            pm=_plus_minus,
            cell=_cell,
            literal=markdown_literal,
            yes_no=_yes_no,
            constellation_named=_constellation_named,
            phase_asked=_phase_asked,
            phase_named=_phase_named,
            percent_asked=_percent_asked,
            kind_verdict=_kind_verdict,
            capitalised=_capitalised,
            the=body_label,
        )
        return env

    @cached_property
    def _sources(self) -> dict[str, str]:
        """Template source by intent: each tool's declared template, then the planner-level intents', with macros."""
        macros = prompt_yaml("answers.yaml")["_macros"]  # shared helpers
        sources = {spec.name: spec.answer_template for spec in self.registry}
        intents = prompt_yaml("intents.yaml")
        sources.update({name: entry["answer"] for name, entry in intents.items() if entry.get("answer")})
        return {intent: macros + source for intent, source in sources.items()}

    def template(self, intent: str) -> jinja2.Template | None:
        """The compiled answer template of ``intent`` (compiled on first use: a one-shot answer needs one)."""
        with self._lock:
            if intent not in self._compiled and intent in self._sources:
                self._compiled[intent] = self._environment.get_template(intent)
            return self._compiled.get(intent)

    def render_plan(self, plan: Plan, question: str, calls: list[ToolCall]) -> str:
        """The answer text of a fully successful plan: one paragraph per part of a multi-part question.

        A comparison ('which is brighter, Vega or Arcturus?') opens with the verdict, then each object's facts. The
        templates read the question as the planner read it ('astronmical twilight': astronomical), when it says.
        """
        question = plan.text or question
        if not plan.parts:
            return self.render(plan.intent, question, calls, plan)
        text = "\n\n".join(self.render(intent, question, calls[start:end], plan) for intent, start, end in plan.parts)
        if plan.comparative and plan.comparative.startswith("up_at_sun"):
            first, sun = (calls[start].result or {} for _intent, start, _end in plan.parts)
            verdict = up_at_sun_event(plan.comparative, first, sun, yes_no=_yes_no(question))
            return f"{verdict}\n\n{text}" if verdict else text
        if plan.comparative:
            objects = [
                {k: v for call in calls[start:end] for k, v in (call.result or {}).items()}
                for _intent, start, end in plan.parts
            ]
            verdict = comparison_verdict(plan.comparative, objects, yes_no=_yes_no(question))
            text = f"{verdict}\n\n{text}" if verdict else text
        if plan.intent == "what_is_at":  # 'which object is at 13 29 52.7 +47 11 43?': the nearest one first
            text = f"{nearest_object(calls)}\n\n{text}"
        return text

    def render(self, intent: str, question: str, calls: list[ToolCall], plan: Plan | None = None) -> str:
        """The answer text for a fully successful plan, with what the plan read in the question.

        The templates see the facts asked (``asked``, parse.ASKS), a yes/no question's magnitude threshold
        (``threshold``) and the kind it asks about (``kind_asked``).
        """
        steps = [c.result or {} for c in calls]
        template = self.template(intent) or self.template(calls[-1].tool)
        if template is None:
            return calls[-1].summary
        text = template.render(
            r=steps[-1],
            steps=steps,
            args=calls[-1].args,
            q=question,
            asked=set(plan.asks if plan else ()),
            threshold=plan.magnitude_threshold if plan else None,
            kind_asked=plan.kind_asked if plan else None,
        )
        return re.sub(r"\n{3,}", "\n\n", text).strip()


def nearest_object(calls: list[ToolCall]) -> str:
    """The catalogued object nearest a position, from cone searches around it (or that there is none)."""
    rows = [row for call in calls for row in (call.result or {}).get("rows", [])]
    if not rows:
        radius = (calls[0].result or {}).get("radius_deg", 0.0) if calls else 0.0
        return f"Nothing in the Hipparcos or OpenNGC catalogs lies within {radius * 60:g}′ of that position."
    row = min(rows, key=lambda r: r.get("separation_deg", math.inf))
    label = f"{row['name']} ({row['id']})" if row.get("name") else row["id"]
    kind = str(row.get("object_type") or "star").lower()
    return f"The nearest catalogued object is {label}, {_article(kind)}, {row['separation_deg']:g}° from the position."


# What each comparative compares: the output keys that measure it (the first one all objects have is used, so
# magnitudes in different bands are not compared), whether more of the measure means more of the comparative,
# and how the measure is named in the verdict.
_COMPARED: dict[str, tuple[tuple[str, ...], bool, str, str]] = {
    "brighter": (("vmag", "hpmag", "magnitude"), False, "magnitude", "magnitude"),
    "fainter": (("vmag", "hpmag", "magnitude"), True, "magnitude", "magnitude"),
    "closer": (("distance_pc", "dist_pc", "distance_au"), False, "pc", "distance"),
    "nearer": (("distance_pc", "dist_pc", "distance_au"), False, "pc", "distance"),
    "farther": (("distance_pc", "dist_pc", "distance_au"), True, "pc", "distance"),
    "further": (("distance_pc", "dist_pc", "distance_au"), True, "pc", "distance"),
    "bigger": (("maj_axis_arcmin", "radius_km"), True, "arcmin across", "size"),
    "larger": (("maj_axis_arcmin", "radius_km"), True, "arcmin across", "size"),
    "smaller": (("maj_axis_arcmin", "radius_km"), False, "arcmin across", "size"),
    "higher": (("altitude_deg",), True, "° altitude", "altitude"),
    "redder": (("b_v",), True, "B−V", "B−V colour"),
    "bluer": (("b_v",), False, "B−V", "B−V colour"),
}

_MAGNITUDE_BANDS = {"vmag": "V", "hpmag": "Hp"}
# Keys of the ephemeris compared in their own unit (and precision): the planets' distances, their radii
_KEY_MEASURES = {"distance_au": ("AU from Earth", 4), "radius_km": ("km radius", 1)}


# Hipparcos Hp and Johnson V (or B) differ by under a magnitude for all but the reddest stars (van Leeuwen 2007):
# magnitudes in different bands further apart than this still say which object looks brighter.
BAND_GAP_MAG = 1.0


def _band_magnitude(obj: dict[str, Any], keys: tuple[str, ...]) -> tuple[str, float]:
    """The first of ``keys`` the object has, as (band, magnitude): ('Hp', 0.09) for a Hipparcos star."""
    key = next(k for k in keys if isinstance(obj.get(k), int | float))
    return _MAGNITUDE_BANDS.get(key) or str(obj.get("magnitude_band") or ""), float(obj[key])


def _across_bands(comparative: str, names: list[str], values: list[float], bands: list[str], yes_no: bool) -> str:
    """A brightness verdict from magnitudes in different bands: given when the gap exceeds what the bands explain."""
    best = (max if comparative == "fainter" else min)(range(len(values)), key=values.__getitem__)
    order = [best, *(i for i in range(len(values)) if i != best)]
    shown = " vs ".join(f"{bands[i]} {values[i]:.2f}" for i in order)
    if max(values) - min(values) <= BAND_GAP_MAG:
        listed = ", ".join(f"{names[i]} {bands[i]} {values[i]:.2f}" for i in range(len(values)))
        return (
            f"I cannot say which is {comparative}: the magnitudes are in different bands ({listed}), which can "
            "differ by up to a magnitude."
        )
    others = " and ".join(n for i, n in enumerate(names) if i != best)
    gap = "different bands, but further apart than the bands differ"
    sentence = f"{names[best]} is {comparative} than {others} ({shown}: {gap})."
    return f"{'Yes' if best == 0 else 'No'}: {sentence}" if yes_no else _capitalised(sentence)


def _body_name(result: dict[str, Any]) -> str | None:
    """How a sentence names a Solar System body from body_position's output: 'the Moon', 'Jupiter'."""
    target = result.get("target")
    return body_label(target) if isinstance(target, str) else None


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def up_at_sun_event(comparative: str, body: dict[str, Any], sun: dict[str, Any], *, yes_no: bool) -> str | None:
    """'Is Mercury visible after sunset?': whether the body is up at sunset (or sunrise), and when it rises if not.

    From the rise/set events of both that day; None when the Sun has no such event that day.
    """
    kind = "set" if comparative == "up_at_sunset" else "rise"
    moment = sun.get(f"{kind}_utc")
    if not moment:
        return None
    target, word = str(body.get("target")), "sunset" if kind == "set" else "sunrise"
    at = f"at {word} ({moment[11:16]} UTC)"
    if body.get("always"):
        up = body["always"] == "up"
        answer = (
            f"{target} stays {'above' if up else 'below'} the horizon all day, so it is {'up' if up else 'down'} {at}."
        )
        return f"{'Yes' if up else 'No'}: {answer}" if yes_no else answer
    events = [e for e in body.get("events", []) if e["event"] in ("rise", "set")]
    before = [e for e in events if e["time_utc"] <= moment]
    after = [e for e in events if e["time_utc"] > moment]
    up = before[-1]["event"] == "rise" if before else bool(after) and after[0]["event"] == "set"

    def gap(event: dict[str, Any]) -> str:  # no new number: every one printed must be in a tool's output
        return f"{'after' if event['time_utc'] > moment else 'before'} the Sun {kind}s"

    if up:  # how long it stays up after sunset (or has been up before sunrise)
        near = after[0] if kind == "set" and after else before[-1] if kind == "rise" and before else None
        then = f"; it {near['event']}s at {near['time_utc'][11:16]} UTC, {gap(near)}" if near else ""
        answer = f"{target} is above the horizon {at}{then}."
        return f"Yes: {answer}" if yes_no else answer
    later = next((e for e in after if e["event"] == "rise"), None) if kind == "set" else None
    earlier = next((e for e in reversed(before) if e["event"] == "set"), None) if kind == "rise" else None
    if later or earlier:  # not then, but later that night ('rises 2.5 h after the Sun sets')
        near = later or earlier
        assert near is not None
        return f"Not {at}: {target} {near['event']}s at {near['time_utc'][11:16]} UTC, {gap(near)}."
    answer = f"{target} is below the horizon {at}."
    return f"No: {answer}" if yes_no else answer


def comparison_verdict(comparative: str, objects: list[dict[str, Any]], *, yes_no: bool = False) -> str | None:
    """'Vega is brighter than Arcturus (Hp 0.09 vs 0.11).' from each object's tool outputs; None if not comparable.

    With ``yes_no`` ('Is Vega brighter than Arcturus?') it opens with 'Yes' when the first object named wins.
    """
    if comparative not in _COMPARED or len(objects) < 2:
        return None
    keys, more_wins, measure, noun = _COMPARED[comparative]
    names = [str(o.get("name") or o.get("star") or o.get("label") or _body_name(o) or "?") for o in objects]
    key = next((k for k in keys if all(isinstance(o.get(k), int | float) for o in objects)), None)
    if key is None and noun == "distance" and all(_distance(o) for o in objects):  # 'is the Moon closer than Vega?'
        return _across_units(comparative, names, [_distance(o) for o in objects], more_wins, yes_no)
    if key is None:  # 'is M31 farther than M33?': OpenNGC has no distances; say so rather than list other facts
        lacking = [
            n for n, o in zip(names, objects, strict=True) if not any(isinstance(o.get(k), int | float) for k in keys)
        ]
        if not lacking and noun == "magnitude":  # each has one, in different bands: Hp for Vega, V for M31
            pairs = [_band_magnitude(o, keys) for o in objects]
            return _across_bands(comparative, names, [v for _b, v in pairs], [b for b, _v in pairs], yes_no)
        if not lacking:
            return None
        return f"I cannot say which is {comparative}: the catalogs have no {noun} for {' or '.join(lacking)}."
    values = [float(o[key]) for o in objects]
    if key == "magnitude" and len({o.get("magnitude_band") for o in objects}) > 1:
        return _across_bands(comparative, names, values, [_band_magnitude(o, keys)[0] for o in objects], yes_no)
    measure, digits = _KEY_MEASURES.get(key, (measure, 2 if key != "altitude_deg" else 1))
    shown = [f"{v:.{digits}f}" for v in values]
    band = _MAGNITUDE_BANDS.get(key) or (objects[0].get("magnitude_band") if key == "magnitude" else None)
    label = f"{band} magnitude" if band else measure
    if len(set(shown)) == 1:
        sentence, first_wins = f"{' and '.join(names)} are alike here ({label} {shown[0]} each).", False
    else:
        best = (max if more_wins else min)(range(len(values)), key=values.__getitem__)
        others = " and ".join(n for i, n in enumerate(names) if i != best)
        figures = " vs ".join(shown[best : best + 1] + [v for i, v in enumerate(shown) if i != best])
        measured = f"{figures} {label}" if label.startswith(("pc", "arcmin", "°", "AU", "km")) else f"{label} {figures}"
        sentence, first_wins = f"{names[best]} is {comparative} than {others} ({measured}).", best == 0
    return f"{'Yes' if first_wins else 'No'}: {sentence}" if yes_no else _capitalised(sentence)


# A distance in each tool's unit, as parsecs: a planet's (AU) beside a star's (pc)
_DISTANCE_IN_PC = {"distance_pc": 1.0, "dist_pc": 1.0, "distance_au": 1 / 206264.806}


def _distance(obj: dict[str, Any]) -> tuple[str, float] | None:
    """(key, value) of the first distance an object's tool output gives."""
    return next(((k, float(obj[k])) for k in _DISTANCE_IN_PC if isinstance(obj.get(k), int | float)), None)


def _across_units(comparative: str, names: list[str], distances: list[Any], more_wins: bool, yes_no: bool) -> str:
    """'The Moon is closer than Vega (0.0027 AU vs 7.7 pc).': distances compared in parsecs, each shown as given."""
    in_pc = [value * _DISTANCE_IN_PC[key] for key, value in distances]
    shown = [f"{value:.4f} AU" if key == "distance_au" else f"{value:.1f} pc" for key, value in distances]
    best = (max if more_wins else min)(range(len(in_pc)), key=in_pc.__getitem__)
    others = " and ".join(n for i, n in enumerate(names) if i != best)
    figures = " vs ".join(shown[best : best + 1] + [v for i, v in enumerate(shown) if i != best])
    sentence = f"{names[best]} is {comparative} than {others} ({figures})."
    return f"{'Yes' if best == 0 else 'No'}: {sentence}" if yes_no else _capitalised(sentence)


def cite(text: str, citations: list[Citation]) -> str:
    """Put citation markers [1][2] at the end of the answer's first paragraph."""
    if not citations or "[1]" in text:  # no sources, or the template placed its markers itself
        return text
    markers = "".join(f"[{i}]" for i in range(1, len(citations) + 1))
    head, sep, rest = text.partition("\n\n")
    return f"{head} {markers}{sep}{rest}"


def collect_citations(calls: Iterable[ToolCall], sources: Iterable[Iterable[Citation]]) -> list[Citation]:
    """Unique citations of successful calls, in order of first use."""
    seen: dict[str, Citation] = {}
    for call, call_sources in zip(calls, sources, strict=True):
        if call.ok:
            for citation in call_sources:
                seen.setdefault(citation.id, citation)
    return list(seen.values())


def numbers_in_text(text: str) -> list[tuple[str, float, float]]:
    """(as printed, value, rounding tolerance) of each number in ``text``; identifiers like M31 are skipped."""
    found = []
    for match in _NUMBER.finditer(text):
        token = match.group(0)
        start = match.start()
        before = text[start - 1] if start > 0 else " "
        if token[0] in "+-−" and before.isdigit():
            token, start = token[1:], start + 1  # '2026-09-01', 'J0042+4116': a separator, not a sign
            before = text[start - 1]
        if before.isalpha() or before == "[":
            continue  # identifiers (M31, J1991.25, H0) and citation markers
        following = text[match.end() : match.end() + 2]
        if re.match(r"[A-Z]{2}", following) or (re.match(r"[0-9A-Za-z]", following[:1]) and "e" in token.lower()):
            continue  # '2MASX'; '6e858b' in a run id is hex, not 6×10⁸⁵⁸
        clean = token.replace("−", "-").replace(",", "")
        try:
            value = float(clean)
        except ValueError:
            continue
        if not math.isfinite(value) or abs(value) > 1e300:
            continue  # not a quantity anyone printed
        mantissa = re.split(r"[eE]", clean)[0]
        decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
        exponent = int(re.split(r"[eE]", clean)[1]) if re.search(r"[eE]", clean) else 0
        tolerance = 0.5 * 10.0 ** (exponent - decimals) * (1 + 1e-9) + 1e-12
        found.append((token, value, tolerance))
    return found


def _numbers_in(value: Any, into: list[float]) -> None:
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int | float):
        into.append(float(value))
    elif isinstance(value, str):
        for token in _NUMBER.findall(value):
            try:
                into.append(float(token.replace("−", "-").replace(",", "")))
            except ValueError:
                continue
    elif isinstance(value, dict):
        for item in value.values():
            _numbers_in(item, into)
    elif isinstance(value, list | tuple):
        for item in value:
            _numbers_in(item, into)


def ungrounded_numbers(text: str, evidence: Iterable[Any]) -> list[str]:
    """Numbers printed in ``text`` that no value in ``evidence`` (tool outputs, arguments, question) supports."""
    known: list[float] = []
    for item in evidence:
        _numbers_in(item, known)
    known_abs = [abs(v) for v in known]
    missing = []
    for token, value, tolerance in numbers_in_text(text):
        target = abs(value)
        if not any(abs(target - v) <= tolerance for v in known_abs):
            missing.append(token)
    return missing


def plan_message(plan: Plan) -> str:
    """Text for a plan that makes no tool calls (not understood, refused, capabilities)."""
    parts = [*plan.notes, plan.message]
    return " ".join(p for p in parts if p).strip()

"""Planning: turning a question into tool calls. The Planner protocol and the plan types."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:
    from aeiou_agent.planning.parse import MagnitudeThreshold

PlanStatus = Literal["ok", "not_understood", "refused"]


@dataclass(frozen=True)
class Ref:
    """An argument taken from an earlier step's result: ``steps[step].data[key]``."""

    step: int
    key: str


def map_refs(value: Any, change: Callable[[Ref], Any]) -> Any:
    """``value`` with each :class:`Ref` in it replaced by ``change(ref)``.

    Refs inside lists and dicts count too: a search condition's value can be an earlier step's result.
    """
    if isinstance(value, Ref):
        return change(value)
    if isinstance(value, dict):
        return {key: map_refs(item, change) for key, item in value.items()}
    if isinstance(value, list):
        return [map_refs(item, change) for item in value]
    return value


def refs_in(value: Any) -> list[Ref]:
    """Every :class:`Ref` in ``value``, also inside lists and dicts."""
    found: list[Ref] = []
    map_refs(value, found.append)
    return found


@dataclass
class PlannedCall:
    """One tool call in a plan; ``args`` values may be :class:`Ref` to earlier results."""

    tool: str
    args: dict[str, Any]
    purpose: str = ""


@dataclass
class Plan:
    """What the planner decided: calls to make, or why it makes none."""

    intent: str
    calls: list[PlannedCall] = field(default_factory=list)
    status: PlanStatus = "ok"
    confidence: float = 1.0
    message: str = ""
    notes: list[str] = field(default_factory=list)
    # A multi-part question: (intent, first call, end) for each part, each answered by its intent's template.
    parts: list[tuple[str, int, int]] = field(default_factory=list)
    comparative: str | None = None  # 'brighter': the parts are objects compared, and the answer opens with the verdict
    lead: str = ""  # the direct answer when the tools cannot give what was asked ('I have no distance for M42: …')
    asks: list[str] = field(default_factory=list)  # the facts the question asks for (parse.ASKS), for the answer
    # a yes/no question's magnitude to compare one object with, and the kind it asks the object to be (from the parse)
    magnitude_threshold: MagnitudeThreshold | None = None
    kind_asked: str | None = None
    text: str = ""  # the question as the planner read it (misspellings mended, 'it' named): what templates read
    clock: str | None = None  # how a clock time in the question was read: 'local' (the site's zone) or 'utc'


@dataclass
class ChatContext:
    """What a conversation remembers between questions, for follow-ups ('it', 'and M33?')."""

    objects: list[str] = field(default_factory=list)
    intent: str | None = None
    args: dict[str, Any] = field(default_factory=dict)
    site: str | None = None
    when: str | None = None
    prefer_plots: bool = False  # an interface that shows pictures: tools that can plot should
    artifacts: list[str] = field(default_factory=list)  # data files (FITS, .npy) of answers, for 'this cutout'
    answer_objects: list[str] = field(default_factory=list)  # the star a 'brightest star near …' answer found
    clock: str | None = None  # how the last clock time was read ('local', 'utc'): 'and at 23:00?' reads it alike
    recent_objects: list[str] = field(default_factory=list)  # every turn's objects, the latest last: 'which is closer?'
    asks: list[str] = field(default_factory=list)  # the facts the last question asked: 'what about Rigel?' asks them

    def remember(self, plan: Plan, objects: list[str], called: list[dict[str, Any]] | None = None) -> None:
        """Update after an answered question.

        ``called`` are the arguments the calls ran with (earlier steps' results filled in): a follow-up keeps those
        values, not the plan's references to steps it will not have.
        """
        if plan.status != "ok" or not plan.calls:
            return
        # a conversion added for a unit asked ('… in arcseconds') is no topic: the part it converts is
        main = [(intent, end) for intent, _start, end in plan.parts if intent != "convert_units"]
        self.intent = main[0][0] if main else plan.intent
        last = main[-1][1] - 1 if main else len(plan.calls) - 1
        ran = called[last] if called is not None and len(called) == len(plan.calls) else {}
        self.args = {  # an argument taken from an earlier step is kept as the value it had
            key: ran.get(key) if refs_in(value) else value for key, value in plan.calls[last].args.items()
        }
        if objects:
            self.objects = objects
            kept = [name for name in self.recent_objects if name not in objects]
            self.recent_objects = (kept + objects)[-6:]
        self.clock = plan.clock or self.clock
        self.asks = list(plan.asks)
        for call in plan.calls:
            if call.args.get("site"):
                self.site = call.args["site"]
            for key in ("time_utc", "date"):
                if isinstance(call.args.get(key), str):
                    self.when = call.args[key]


class Planner(Protocol):
    """Anything that turns a question (and chat context) into a :class:`Plan`."""

    name: str

    def plan(self, question: str, context: ChatContext) -> Plan:
        """Plan tool calls for ``question``."""
        ...

    def describe(self) -> dict[str, Any]:
        """Name, model and prompt versions, for the ledger."""
        ...

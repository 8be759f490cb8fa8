"""AEIOU: an observatory you can talk to.

>>> from aeiou_agent import Observatory
>>> answer = Observatory().ask("How far away is Vega?")
"""

from aeiou_agent.answer import Answer, Artifact, Citation, ToolCall
from aeiou_agent.observatory import ChatSession, Observatory, ProgressEvent, ReplayReport

__all__ = ["Answer", "Artifact", "ChatSession", "Citation", "Observatory", "ProgressEvent", "ReplayReport", "ToolCall"]
__version__ = "0.1.0"

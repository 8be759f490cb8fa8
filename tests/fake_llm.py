"""Scripted chat models and a fake OpenAI-compatible server, for testing the LLM planner without a network."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import ConfigDict, Field

Step = AIMessage | BaseException | Callable[[list[BaseMessage]], AIMessage]


def call(tool: str, call_id: str = "", **args: Any) -> AIMessage:
    """A reply proposing one tool call."""
    return AIMessage(
        "", tool_calls=[{"name": tool, "args": args, "id": call_id or f"call_{tool}", "type": "tool_call"}]
    )


def final(text: str) -> AIMessage:
    """A reply with the final answer."""
    return AIMessage(text)


class ScriptedChatModel(BaseChatModel):
    """Replies with the next step of ``script`` (the last one repeats), recording what it was sent."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    script: list[Any]
    seen: list[list[BaseMessage]] = Field(default_factory=list)
    tools: list[dict[str, Any]] = Field(default_factory=list)
    model_name: str = "scripted"

    def bind_tools(self, tools: Any, **kwargs: Any) -> ScriptedChatModel:  # type: ignore[override]
        self.tools = list(tools)
        return self

    def _generate(
        self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kw: Any
    ) -> ChatResult:
        self.seen.append(list(messages))
        step = self.script[min(len(self.seen), len(self.script)) - 1]
        if isinstance(step, BaseException):
            raise step
        if callable(step):
            step = step(messages)
        return ChatResult(generations=[ChatGeneration(message=step)])

    @property
    def _llm_type(self) -> str:
        return "scripted"


class _ChatCompletions(BaseHTTPRequestHandler):
    """Speaks enough of POST /v1/chat/completions: replies come from the server's ``replies`` list."""

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        server: FakeOpenAIServer = self.server.owner  # type: ignore[attr-defined]
        server.requests.append(body)
        message = server.replies[min(len(server.requests), len(server.replies)) - 1]
        payload = {
            "id": f"chatcmpl-{len(server.requests)}",
            "object": "chat.completion",
            "created": 0,
            "model": body.get("model", "fake"),
            "choices": [
                {"index": 0, "message": message, "finish_reason": "tool_calls" if "tool_calls" in message else "stop"}
            ],
            "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
        }
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


class FakeOpenAIServer:
    """A chat-completions server on 127.0.0.1 replying with scripted assistant messages (dicts)."""

    def __init__(self, replies: list[dict[str, Any]]):
        self.replies = replies
        self.requests: list[dict[str, Any]] = []

    @contextmanager
    def running(self) -> Iterator[str]:
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), _ChatCompletions)
        httpd.owner = self  # type: ignore[attr-defined]
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
        finally:
            httpd.shutdown()
            httpd.server_close()


def openai_tool_call(tool: str, arguments: str, call_id: str = "call_1") -> dict[str, Any]:
    """An assistant message with one tool call; ``arguments`` is the raw JSON text (may be malformed)."""
    return {
        "role": "assistant",
        "content": None,
        "tool_calls": [{"id": call_id, "type": "function", "function": {"name": tool, "arguments": arguments}}],
    }

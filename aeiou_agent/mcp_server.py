"""AEIOU's tools as an MCP server (the official ``mcp`` SDK), for other agents.

Every registry tool is listed with its JSON Schema and description. A call is validated, run and recorded in
the ledger as a one-call run (so ``aeiou show`` / ``replay`` work on it); the result comes back as structured
content (the tool's data) plus text (its summary, run id and citations), with its artifacts as resource links
that ``resources/read`` serves. Unknown tools and invalid arguments are MCP errors (invalid params); a tool
that runs and fails (an unknown object, a refused query) is a tool result with ``isError`` and the message.

    aeiou serve-mcp                      # stdio
    aeiou serve-mcp --http 127.0.0.1:8765  # streamable HTTP at /mcp
"""

from __future__ import annotations

import base64
import json
import mimetypes
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

import anyio

from aeiou_agent._json import to_jsonable

if TYPE_CHECKING:
    from mcp.server import Server

    from aeiou_agent.observatory import Observatory

ARTIFACT_SCHEME = "aeiou://artifacts/"
INSTRUCTIONS = (
    "AEIOU's astronomy tools: catalog queries (Hipparcos, OpenNGC), sky geometry, cosmology, ephemerides, "
    "literature search and simulators. Coordinates are in degrees; every call is recorded in AEIOU's ledger."
)


def build_server(obs: Observatory) -> Server[Any]:
    """An MCP server exposing ``obs``'s tools and the artifacts they write."""
    import mcp_types as types
    from mcp.server import Server
    from mcp.shared.exceptions import MCPError
    from mcp_types import INVALID_PARAMS

    from aeiou_agent import __version__
    from aeiou_agent.exceptions import InvalidArguments

    def tool_list() -> list[types.Tool]:
        return [
            types.Tool(
                name=spec.name,
                description=spec.description,
                input_schema=spec.parameters_schema,
                annotations=types.ToolAnnotations(  # open world: the tools that ask online archives
                    read_only_hint=True, destructive_hint=False, open_world_hint=bool(spec.declaration.offline)
                ),
            )
            for spec in obs.registry
        ]

    async def list_tools(_ctx: Any, _params: Any) -> types.ListToolsResult:
        return types.ListToolsResult(tools=tool_list())

    async def call_tool(_ctx: Any, params: types.CallToolRequestParams) -> types.CallToolResult:
        arguments = params.arguments or {}
        if params.name not in obs.registry:
            raise MCPError(INVALID_PARAMS, f"unknown tool {params.name!r}; tools: {', '.join(obs.registry.names())}")
        try:
            obs.registry.get(params.name).validate(arguments)
        except InvalidArguments as exc:
            raise MCPError(INVALID_PARAMS, str(exc)) from None
        run = await anyio.to_thread.run_sync(lambda: obs.call_tool(params.name, arguments, via="mcp"))
        call = run.call
        if not call.ok:
            text = f"{call.error} (run {run.run_id})"
            return types.CallToolResult(content=[types.TextContent(text=text)], is_error=True)
        lines = [call.summary or "", f"run: {run.run_id}"]
        lines += [f"source: {c.label()}" for c in run.citations]
        content: list[Any] = [types.TextContent(text="\n".join(line for line in lines if line))]
        for artifact in run.artifacts:
            path = Path(artifact.path)
            content.append(
                types.ResourceLink(
                    uri=ARTIFACT_SCHEME + quote(path.name),
                    name=path.name,
                    description=artifact.caption,
                    mime_type=artifact.kind if "/" in artifact.kind else None,
                    size=path.stat().st_size if path.exists() else None,
                )
            )
        structured = to_jsonable(call.result)
        return types.CallToolResult(
            content=content, structured_content=structured if isinstance(structured, dict) else {"result": structured}
        )

    async def list_resources(_ctx: Any, _params: Any) -> types.ListResourcesResult:
        folder = obs.settings.artifacts_dir
        files = sorted(folder.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)[:200] if folder.exists() else []
        return types.ListResourcesResult(
            resources=[
                types.Resource(uri=ARTIFACT_SCHEME + quote(p.name), name=p.name, mime_type=_mime(p))
                for p in files
                if p.is_file()
            ]
        )

    async def read_resource(_ctx: Any, params: types.ReadResourceRequestParams) -> types.ReadResourceResult:
        path = artifact_path(obs, str(params.uri))
        mime = _mime(path)
        if mime.startswith("text/") or mime == "application/json":
            contents: Any = types.TextResourceContents(uri=params.uri, mime_type=mime, text=path.read_text())
        else:
            blob = base64.b64encode(path.read_bytes()).decode()
            contents = types.BlobResourceContents(uri=params.uri, mime_type=mime, blob=blob)
        return types.ReadResourceResult(contents=[contents])

    return Server(
        "aeiou",
        version=__version__,
        title="AEIOU — an observatory you can talk to",
        instructions=INSTRUCTIONS,
        get_tool_input_schema=lambda name: obs.registry.get(name).parameters_schema if name in obs.registry else None,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
        on_list_resources=list_resources,
        on_read_resource=read_resource,
    )


def artifact_path(obs: Observatory, uri: str) -> Path:
    """The file behind an ``aeiou://artifacts/NAME`` URI; only files directly in the artifact folder."""
    from mcp.shared.exceptions import MCPError
    from mcp_types import INVALID_PARAMS

    if not uri.startswith(ARTIFACT_SCHEME):
        raise MCPError(INVALID_PARAMS, f"unknown resource {uri!r}; artifacts are {ARTIFACT_SCHEME}<file name>")
    name = unquote(uri[len(ARTIFACT_SCHEME) :])
    folder = obs.settings.artifacts_dir.resolve()
    try:  # a name the file system cannot hold ('\x00', too long) is just not an artifact (issue 18, C5)
        path = (folder / name).resolve()
        found = "\x00" not in name and path.parent == folder and path.is_file()
    except (OSError, ValueError):
        found = False
    if not found:
        raise MCPError(INVALID_PARAMS, f"no artifact named {name!r}")
    return path


def _mime(path: Path) -> str:
    if path.suffix in {".npy", ".npz", ".fits", ".parquet"}:
        return "application/octet-stream"
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def serve(obs: Observatory, *, http: str | None = None) -> None:
    """Serve over stdio, or streamable HTTP on ``host:port`` when ``http`` is given (blocks)."""
    server = build_server(obs)
    if http is None:
        from mcp.server.stdio import stdio_server

        async def run_stdio() -> None:
            async with stdio_server() as (read_stream, write_stream):
                await server.run(read_stream, write_stream, server.create_initialization_options())

        anyio.run(run_stdio)
        return
    import uvicorn

    host, _, port = http.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    app = server.streamable_http_app(host=host)
    print(json.dumps({"mcp": f"http://{host}:{port}/mcp"}), flush=True)
    uvicorn.run(app, host=host, port=int(port), log_level="warning")

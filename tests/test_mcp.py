"""The MCP server, through the official SDK's client: in process, and over stdio as another agent runs it."""

from __future__ import annotations

import asyncio
import base64
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from mcp.client.client import Client
from mcp.shared.exceptions import MCPError

from aeiou_agent import Observatory
from aeiou_agent.mcp_server import build_server


def run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


async def _session(obs: Observatory, work: Any) -> Any:
    async with Client(build_server(obs)) as client:
        return await work(client)


def test_lists_every_tool_with_its_schema(obs: Observatory) -> None:
    async def work(client: Client) -> Any:
        return (await client.list_tools()).tools

    tools = {t.name: t for t in run(_session(obs, work))}
    assert set(tools) == set(obs.registry.names())
    cone = tools["cone_search"]
    assert cone.input_schema["properties"]["radius_deg"]["type"] == "number"
    assert "radius" in (cone.description or "")
    assert cone.annotations is not None and cone.annotations.read_only_hint


def test_cone_search_and_cosmology_calls_are_structured_and_recorded(obs: Observatory) -> None:
    async def work(client: Client) -> Any:
        cone = await client.call_tool("cone_search", {"target": "M45", "radius_deg": 5, "mag_max": 5, "plot": True})
        age = await client.call_tool("cosmology_calculator", {"z": 3, "quantity": "age"})
        link = next(c for c in cone.content if c.type == "resource_link")
        picture = await client.read_resource(link.uri)
        return cone, age, link, picture

    cone, age, link, picture = run(_session(obs, work))
    assert not cone.is_error and cone.structured_content["count"] == 7  # Pleiades: 7 stars brighter than V = 5
    assert "Hipparcos stars within 5" in cone.content[0].text
    assert age.structured_content["value"] == pytest.approx(2.1438, abs=1e-4)
    assert "Planck" in age.content[0].text
    assert link.mime_type == "image/png"
    assert base64.b64decode(picture.contents[0].blob)[:8] == b"\x89PNG\r\n\x1a\n"
    run_id = age.content[0].text.split("run: ")[1].split()[0]
    recorded = obs.show(run_id)
    assert recorded["planner"]["planner"] == "mcp" and recorded["calls"][0]["tool"] == "cosmology_calculator"
    assert obs.replay(run_id).identical


def test_bad_arguments_unknown_tools_and_failing_tools_are_clean_errors(obs: Observatory) -> None:
    async def work(client: Client) -> Any:
        errors = []
        for name, args in (
            ("cone_search", {"target": "M45", "radius_deg": -3}),
            ("cosmology_calculator", {"redshift": 3}),
            ("launch_rocket", {}),
        ):
            with pytest.raises(MCPError) as caught:
                await client.call_tool(name, args)
            errors.append(caught.value.message)
        failed = await client.call_tool("resolve_object", {"name": "Planet Vulcan"})
        dropped = await client.call_tool("sql_query", {"query": "DROP TABLE hipparcos"})
        with pytest.raises(MCPError) as outside:
            await client.read_resource("aeiou://artifacts/../ledger.sqlite")
        for unreadable in ("aeiou://artifacts/%00", "aeiou://artifacts/a%00b.png", "aeiou://artifacts/" + "x" * 5000):
            with pytest.raises(MCPError) as caught:  # issue 18, C5: '\x00' made the server fail with HTTP 500
                await client.read_resource(unreadable)
            assert "no artifact" in caught.value.message
        return errors, failed, dropped, outside.value.message

    errors, failed, dropped, outside = run(_session(obs, work))
    assert "radius_deg" in errors[0]
    assert "redshift is not an argument of cosmology_calculator" in errors[1]
    assert "unknown tool 'launch_rocket'" in errors[2]
    assert failed.is_error and "could not find an object called 'Planet Vulcan'" in failed.content[0].text
    assert dropped.is_error and "only read-only SELECT queries are allowed" in dropped.content[0].text
    assert "no artifact" in outside


def test_serve_mcp_over_stdio(home: Path) -> None:
    from mcp.client.stdio import StdioServerParameters

    server = StdioServerParameters(
        command=sys.executable,
        args=["-m", "aeiou_agent.cli", "serve-mcp"],
        env={**os.environ, "AEIOU_HOME": str(home)},
    )

    async def work() -> Any:
        async with Client(server) as client:
            tools = (await client.list_tools()).tools
            result = await client.call_tool("angular_separation", {"target_1": "Betelgeuse", "target_2": "Rigel"})
            return tools, result

    tools, result = run(work())
    assert len(tools) == len(Observatory(home).registry)
    assert result.structured_content["separation_deg"] == pytest.approx(18.6, abs=0.1)


def test_serve_mcp_over_streamable_http(home: Path) -> None:
    import socket
    import subprocess

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with subprocess.Popen(
        [sys.executable, "-m", "aeiou_agent.cli", "serve-mcp", "--http", f"127.0.0.1:{port}"],
        env={**os.environ, "AEIOU_HOME": str(home)},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as process:
        _talk_over_http(process, port)


def _talk_over_http(process: Any, port: int) -> None:
    import socket
    import time

    try:
        assert process.stdout is not None
        announced = process.stdout.readline()
        assert f"http://127.0.0.1:{port}/mcp" in announced
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the MCP HTTP server did not start"
                time.sleep(0.2)

        async def work() -> Any:
            async with Client(f"http://127.0.0.1:{port}/mcp") as client:
                return await client.call_tool("cosmology_calculator", {"z": 1, "quantity": "lookback_time"})

        result = run(work())
        assert not result.is_error and result.structured_content["unit"] == "Gyr"
    finally:
        process.terminate()
        process.wait(timeout=10)

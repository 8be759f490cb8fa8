"""The tool registry: schemas from signatures and docstrings, validation, closed set."""

from __future__ import annotations

import typing
from typing import Annotated

import pytest

from aeiou_agent.exceptions import InvalidArguments, ToolDefinitionError, UnknownTool
from aeiou_agent.registry import Declaration, Kind, Registry, ToolContext, ToolResult, default_registry


def test_every_family_has_tools_and_every_argument_is_described():
    registry = default_registry()
    families = {spec.family for spec in registry}
    assert {"catalog", "sky", "cosmology", "ephemeris"} <= families
    for schema in registry.json_schemas():
        function = schema["function"]
        assert function["description"]
        for name, prop in function["parameters"]["properties"].items():
            assert prop.get("description"), f"{function['name']}.{name} has no description"


def test_schema_carries_units_and_constraints():
    spec = default_registry().get("cone_search")
    props = spec.parameters_schema["properties"]
    assert props["radius_deg"]["exclusiveMinimum"] == 0
    assert props["radius_deg"]["maximum"] == 180
    assert set(props["catalog"]["enum"]) == {"hipparcos", "ngc"}


def test_catalog_table_literal_matches_the_store():
    from aeiou_agent.tools.catalog import CatalogTable

    from aeiou_agent.store.catalogs import CATALOGS

    assert set(typing.get_args(CatalogTable)) == {c.table for c in CATALOGS}


def test_validation_errors_name_the_argument():
    spec = default_registry().get("cone_search")
    with pytest.raises(InvalidArguments, match="radius_deg"):
        spec.validate({"target": "M31", "radius_deg": -1})
    with pytest.raises(InvalidArguments, match="not an argument"):
        spec.validate({"target": "M31", "raduis": 3})


def test_unknown_tool():
    with pytest.raises(UnknownTool, match="no tool called"):
        default_registry().get("launch_rocket")


def test_registration_requires_descriptions():
    registry = Registry()

    def undocumented(ctx: ToolContext, x: float) -> ToolResult:
        return ToolResult({}, "")

    with pytest.raises(ToolDefinitionError, match="docstring"):
        registry.register(undocumented, "sky")

    def missing_arg_doc(ctx: ToolContext, x: float) -> ToolResult:
        """Does something.

        Args:
            y: not x.
        """
        return ToolResult({}, "")

    with pytest.raises(ToolDefinitionError, match="not described"):
        registry.register(missing_arg_doc, "sky")

    def no_kind(ctx: ToolContext, x: float = 1.0) -> ToolResult:
        """Doubles x.

        Args:
            x: A number.
        """
        return ToolResult({"y": 2 * x}, "")

    with pytest.raises(ToolDefinitionError, match="no Kind"):
        registry.register(no_kind, "sky")

    def good(ctx: ToolContext, x: Annotated[float, Kind("number")] = 1.0) -> ToolResult:
        """Doubles x.

        Args:
            x: A number.
        """
        return ToolResult({"y": 2 * x}, "")

    with pytest.raises(ToolDefinitionError, match=r"not declared in test_registry\.yaml"):
        registry.register(good, "sky")  # no YAML beside this module, no declaration given
    with pytest.raises(ToolDefinitionError, match="unknown argument kind"):
        Kind("horoscope")
    declaration = Declaration(("double 2", "twice 3", "2 times 2"), "{{ r.y }}", "double numbers")
    misnamed = Declaration(declaration.examples, declaration.answer, words={"value": ("number",)})
    with pytest.raises(ToolDefinitionError, match=r"'words' names arguments it does not have: \['value'\]"):
        Registry().register(good, "sky", misnamed)
    with pytest.raises(ToolDefinitionError, match="family"):
        registry.register(good, "astrology", declaration)  # type: ignore[arg-type]
    spec = registry.register(good, "sky", declaration)
    assert spec.parameters_schema["properties"]["x"]["description"] == "A number."
    assert len(spec.definition_hash) == 16
    assert spec.kinds == {"x": ("number",)} and spec.arguments_of_kind("number") == ["x"]
    assert registry.capabilities() == "I can double numbers."


def test_every_tool_declares_examples_kinds_template_and_capability():
    for spec in default_registry():
        assert len(spec.examples) >= 3 and spec.answer_template and spec.declaration.can, spec.name
        assert set(spec.kinds) == set(spec.args_model.model_fields), spec.name

"""Settings come from defaults, aeiou.toml and AEIOU_* variables, with clear errors."""

from __future__ import annotations

import pytest

from aeiou_agent.config import Settings
from aeiou_agent.exceptions import ConfigError


def test_precedence(tmp_path, monkeypatch):
    (tmp_path / "aeiou.toml").write_text("sql_row_cap = 50\nseed = 3\n")
    monkeypatch.setenv("AEIOU_SEED", "7")
    settings = Settings.load(home=tmp_path)
    assert settings.sql_row_cap == 50 and settings.seed == 7
    assert settings.store_path == tmp_path / "store" / "observatory.duckdb"
    assert Settings.load(home=tmp_path, seed=9).seed == 9


def test_bad_settings(tmp_path, monkeypatch):
    (tmp_path / "aeiou.toml").write_text("sql_row_cap = \n")
    with pytest.raises(ConfigError, match="TOML"):
        Settings.load(home=tmp_path)
    (tmp_path / "aeiou.toml").write_text("colour = 'blue'\n")
    with pytest.raises(ConfigError, match="unknown settings"):
        Settings.load(home=tmp_path)
    (tmp_path / "aeiou.toml").unlink()
    monkeypatch.setenv("AEIOU_SQL_ROW_CAP", "lots")
    with pytest.raises(ConfigError, match="sql_row_cap"):
        Settings.load(home=tmp_path)

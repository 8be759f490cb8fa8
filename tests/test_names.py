"""Name resolution: designations in any spelling, common and star names, typos, unknown names."""

from __future__ import annotations

import pytest

from aeiou_agent.exceptions import ObjectNotFound
from aeiou_agent.store.names import canonical


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("M 31", "M31"),
        ("M31", "M31"),
        ("Messier 31", "M31"),
        ("NGC224", "M31"),
        ("ngc 0224", "M31"),
        ("NGC 224", "M31"),
        ("Andromeda", "M31"),
        ("Andromeda Galaxy", "M31"),
        ("the Andromeda Galaxy", "M31"),
        ("Whirlpool Galaxy", "M51"),
        ("Crab Nebula", "M1"),
        ("IC 434", "IC 434"),
        ("IC0434", "IC 434"),
        ("Pleiades", "M45"),
        ("M102", "M101"),
        ("Omega Centauri", "NGC 5139"),
        ("PGC 2557", "M31"),
        ("UGC 454", "M31"),
    ],
)
def test_deep_sky_spellings_resolve(obs, spelling, expected):
    assert obs.store.resolve(spelling).name == expected


@pytest.mark.parametrize(
    ("spelling", "hip"),
    [("Vega", 91262), ("vega", 91262), ("HIP 32349", 32349), ("hip32349", 32349), ("Sirius", 32349), ("HIP 1", 1)],
)
def test_stars_resolve(obs, spelling, hip):
    obj = obs.store.resolve(spelling)
    assert obj.table == "hipparcos"
    assert obj.row["hip"] == hip


@pytest.mark.parametrize(
    ("spelling", "hip"),
    [
        ("alpha Lyrae", 91262),
        ("α Lyr", 91262),
        ("alf Lyr", 91262),
        ("Alpha Lyr", 91262),
        ("beta Orionis", 24436),
        ("β Ori", 24436),
        ("omicron Ceti", 10826),
        ("alpha Librae", 72622),  # alpha2 Librae, Zubenelgenubi: the bare letter names the first component
        ("alpha2 Librae", 72622),
        ("beta Sagittarii", 95241),
        ("beta2 Sagittarii", 95294),
        ("27 Tauri", 17847),
        ("alpha Centauri", 71683),
    ],
)
def test_bayer_and_flamsteed_designations_resolve(obs, spelling, hip):
    assert obs.store.resolve(spelling).row["hip"] == hip


def test_designations_are_found_in_questions(obs):
    answer = obs.ask("angular distance between alpha Lyrae and α Cyg")
    assert [c.tool for c in answer.calls][-1] == "angular_separation"
    assert "Vega" in answer.text and "Deneb" in answer.text
    # a Flamsteed number with the abbreviation could be a number and a τ: only '27 Tauri' names Atlas
    assert obs.store.names.mentions("age 27 tau 2 Gyr") == []


def test_typos_get_suggestions(obs):
    with pytest.raises(ObjectNotFound) as info:
        obs.store.resolve("Betelguese")
    assert "Betelgeuse" in info.value.suggestions
    assert "Did you mean" in str(info.value)
    with pytest.raises(ObjectNotFound) as info:
        obs.store.resolve("Andromedda")
    assert any("Andromeda" in s for s in info.value.suggestions)


@pytest.mark.parametrize("name", ["Xyzzy-5", "NGC 99999", "HIP 999999", "M 200", "HD 209458", "HD"])
def test_unknown_names_are_plainly_not_found(obs, name):
    with pytest.raises(ObjectNotFound, match="could not find"):
        obs.store.resolve(name)


def test_canonical_keys():
    assert canonical("NGC 0224") == canonical("ngc224") == "ngc224"
    assert canonical("Messier 001") == "m1"
    assert canonical("The Whirlpool Galaxy") == "whirlpool galaxy"


def test_mentions_in_free_text(obs):
    names = obs.store.names
    found = names.mentions("How far apart are M31 and the Triangulum Galaxy, and where is HIP 32349?")
    assert [m.text for m in found] == ["M31", "the Triangulum Galaxy", "HIP 32349"]
    # short aliases only count when capitalised; units and prose are not names
    assert names.mentions("the ring size is 5 m and c 5") == []
    assert [m.text for m in names.mentions("Where is Andromeda?")] == ["Andromeda"]
    # a lower-case alias right where a search's centre goes is a name; elsewhere it stays a word
    assert [m.ref.key for m in names.mentions("galaxies within 10 deg of andromeda")] == ["NGC0224"]
    assert [m.text for m in names.mentions("stars around the ring")] == ["the ring"]
    assert names.mentions("stars in andromeda brighter than 4") == []


@pytest.mark.parametrize(("typed", "meant"), [("Siruis", "Sirius"), ("Antres", "Antares"), ("Polrais", "Polaris")])
def test_one_swapped_or_missing_letter_is_a_typo_of_the_one_name_it_is_near(obs, typed, meant):
    display, _ref = obs.store.names.best_fuzzy(typed)
    assert display == meant
    assert obs.store.names.best_fuzzy("Sirx") is None  # too short to guess from


def test_a_star_listed_under_two_spellings_is_shown_by_its_iau_name(obs):
    obj = obs.store.resolve("Albereo")  # PyEphem lists both spellings
    assert obj.name == "Albireo" and "Albereo" in obj.aliases

"""The one parse of a question: sky positions in every notation, numbers in their roles, typos, what is asked."""

from __future__ import annotations

import pytest
from astropy.coordinates import SkyCoord

from aeiou_agent.planning.parse import (
    KEYWORDS,
    correct_keywords,
    find_aggregate,
    find_column_cuts,
    find_column_order,
    find_count,
    find_magnitude_limits,
    find_magnitudes,
    find_positions,
    find_unit_wish,
    looks_like_gibberish,
    parse_question,
)

VOCABULARY = frozenset(KEYWORDS | {"kitt", "peak", "cerro", "tololo"})
VEGA = SkyCoord("18h36m56s +38d47m01s")


@pytest.mark.parametrize(
    "text",
    [
        "Convert RA 18h36m56s, Dec +38d47m01s to galactic",  # h/m/s and d/m/s with labels and a comma
        "RA 18:36:56, Dec +38:47:01 — what are l and b?",  # colons
        "galactic coordinates of 18 36 56 +38 47 01",  # spaces
        "Convert RA 18 36 56, Dec +38 47 01 to galactic",  # spaces with labels
        "RA 18 36 56 Dec 38 47 01 in galactic",  # spaces with labels, no sign
        "α = 18h 36m 56s, δ = +38° 47′ 01″ in galactic",  # Greek labels, degree and prime signs
        "RA 18h 36m 56s Dec 38° 47' 01\" please",  # ASCII minutes and seconds
        "convert RA=279.23333°, Dec=+38.78361° to galactic",  # decimal with degree signs
        "279.23333 38.78361 in galactic coordinates",  # a bare decimal pair
        "ra 279.23333 deg dec 38.78361 deg",  # decimal with 'deg'
        "which constellation is RA 18.61556h, Dec +38.78361?",  # decimal hours
        "galactic coords of J183656.0+384701",  # an IAU-style designation carries its position
        "2MASS J18365600+3847010 in galactic",  # 2MASS writes hundredths and tenths without the point
        "what constellation is ra/dec 279.2333/38.7836 in",  # a slashed pair
    ],
)
def test_every_notation_of_one_position(text):
    positions, spans = find_positions(text)
    assert len(positions) == 1 and spans
    ra, dec = positions[0].icrs()
    assert SkyCoord(ra, dec, unit="deg").separation(VEGA).arcsec < 1.5


@pytest.mark.parametrize(
    ("text", "lon", "lat"),
    [
        ("l = 121.1744°, b = -21.5729°", 121.1744, -21.5729),
        ("galactic longitude 90 and latitude 0", 90.0, 0.0),
        ("(l, b) = (280.46, -32.89)", 280.46, -32.89),
        ("galactic to equatorial: l 184.56 b -5.78", 184.56, -5.78),
        ("l,b = 184.56,-5.78 in ra dec please", 184.56, -5.78),
        ("l/b: 10.5/-3", 10.5, -3.0),
        ("which constellation is the Galactic centre in?", 0.0, 0.0),  # reference points named in words
        ("stars near the galactic anticenter", 180.0, 0.0),
        ("is the north galactic pole up?", 0.0, 90.0),
        ("RA and Dec of the SGP", 0.0, -90.0),
    ],
)
def test_galactic_positions_keep_their_frame(text, lon, lat):
    (position,), _spans = find_positions(text)
    assert (position.frame, position.lon_deg, position.lat_deg) == ("galactic", lon, lat)


def test_hours_and_minutes_only_two_positions_and_no_false_positions():
    (position,), _ = find_positions("Which constellation contains RA 5h35m, Dec -5.4°?")
    assert position.icrs() == pytest.approx((83.75, -5.4))
    two, _ = find_positions("angular distance between RA 10h Dec +20 and RA 11h Dec +25")
    assert [p.icrs() for p in two] == [pytest.approx((150.0, 20.0)), pytest.approx((165.0, 25.0))]
    assert find_positions("How many stars brighter than magnitude 6 are within 2 degrees of Vega?")[0] == []
    assert find_positions("luminosity distance at z=1 with H0 = 70 and Omega_m = 0.3")[0] == []


def test_out_of_range_positions_reach_the_tool_and_a_lone_ra_is_an_angle():
    (position,), _ = find_positions("stars within 1 degree of RA 400 Dec 10")
    assert position.icrs() == (400.0, 10.0)  # the tool says what is wrong, the parse does not hide it
    parsed = parse_question("Express RA 83.633 degrees in hours, minutes and seconds", VOCABULARY)
    assert parsed.single_ra_deg == 83.633 and not parsed.positions
    parsed = parse_question("convert 23h 59m 59s to degrees", VOCABULARY)  # no 'RA', but hours written out
    assert parsed.single_ra_deg == pytest.approx(359.995833, abs=1e-6) and not parsed.positions


@pytest.mark.parametrize(
    ("text", "value", "bound", "band"),
    [
        ("galaxies brighter than V = 11", 11.0, "max", "V"),
        ("with V magnitude under 12", 12.0, "max", "V"),
        ("number of galaxies with V < 12", 12.0, "max", "V"),
        ("stars with Hp below 6", 6.0, "max", "Hp"),
        ("brighter than 5th magnitude", 5.0, "max", None),
        ("magnitude 7 or brighter", 7.0, "max", None),
        ("fainter than B = 14", 14.0, "min", "B"),
    ],
)
def test_magnitude_limits_with_their_band(text, value, bound, band):
    (limit,) = find_magnitude_limits(text)
    assert (limit.value, limit.bound, limit.band) == (value, bound, band)


@pytest.mark.parametrize(
    ("text", "kind", "value", "band"),
    [
        ("a star with V = 10 at 250 pc", "apparent", 10.0, "V"),
        ("If a star has G = 15 and a parallax of 2 mas", "apparent", 15.0, "G"),
        ("apparent K magnitude 14 and 20 Mpc away", "apparent", 14.0, "K"),
        ("The Sun has M = 4.83", "absolute", 4.83, None),
        ("a star has M_V = -5 and V = 10", "absolute", -5.0, None),  # the band subscript in upper case too
        ("a star has M_V = -5 and V = 10", "apparent", 10.0, "V"),
    ],
)
def test_magnitudes_as_values(text, kind, value, band):
    found = [m for m in find_magnitudes(text) if m.kind == kind]
    assert found and (found[0].value, found[0].band) == (value, band)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("the five closest stars", 5),
        ("ten nearest stars to the sun", 10),
        ("Name the three brightest stars in Lyra", 3),
        ("top 7 galaxies", 7),
        ("draw three disc galaxies", 3),
        ("Is NGC 2244 a cluster or a nebula?", None),  # a designation is not a count
        ("similar to sample 12", None),
        ("draw 6 cosmic web slices with sigma8 0.75", 6),  # a count of maps, not only of stars and galaxies
        ("make a 256 pixel lognormal map", None),  # a size, not a count
    ],
)
def test_counts_in_digits_and_words(text, count):
    assert find_count(text) == count


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("distnace to Vega", "distance to Vega"),  # swapped letters
        ("seperation of Mizar and Alcor", "separation of Mizar and Alcor"),  # wrong letter
        ("when does jupitr rise", "when does jupiter rise"),  # missing letter
        ("lumonosity distance at z=1", "luminosity distance at z=1"),
        ("how many stars within 3 degres", "how many stars within 3 degrees"),  # a tie broken by similarity
        ("wehn does saturn set at kitt peak", "when does saturn set at kitt peak"),  # site names are words
        ("when does Jupitor set", "when does Jupiter set"),  # a capitalised word is corrected to a planet only
        ("when does saturn rize at Palomar", "when does saturn rise at Palomar"),  # 'rise' or 'size': z is by s
    ],
)
def test_typos_in_keywords_are_corrected(typed, meant):
    assert correct_keywords(typed, VOCABULARY)[0] == meant


def test_words_are_not_corrected_into_keywords():
    for text in (
        "What is the mass of Jupiter?",
        "recommend a pizza place in Tucson",
        "tell me about Betelguese",
        "convert 5 arcminutes to radians",  # a unit's name is a word, not a misspelled 'radius'
        "denoise sample 2 of /tmp/aeiou-l6_3sose/uploads/cube.fits",  # a path is not words ('sose' → 'some')
        "enhance the cutout in galxy_sose.fits",
    ):
        assert correct_keywords(text, VOCABULARY)[1] == []  # real words, and capitalised names, stay


def test_gibberish_and_words():
    assert looks_like_gibberish("asdkjh qwe zzkl") and looks_like_gibberish("????")
    assert not looks_like_gibberish("how far away is Vega") and not looks_like_gibberish("blah blah blah")


def test_what_is_asked_unsupported_facts_and_actions():
    parsed = parse_question("Betelgeuse distance and how bright it looks", VOCABULARY)
    assert {"distance", "brightness"} <= set(parsed.asks)
    assert [w for w, _p in parse_question("What is the spectral type of Sirius?", VOCABULARY).unsupported] == [
        "spectral types or luminosity classes"
    ]
    assert parse_question("luminosity and angular diameter distance at z=1", VOCABULARY).unsupported == []
    assert parse_question("How old is the Pleiades cluster?", VOCABULARY).unsupported
    assert not parse_question("how old was the universe at z=3?", VOCABULARY).unsupported
    assert not parse_question("light travel time from a galaxy at z 0.8?", VOCABULARY).unsupported  # lookback time
    assert parse_question("how long would it take to travel to Vega?", VOCABULARY).unsupported
    assert parse_question("list all known black holes", VOCABULARY).unsupported
    assert parse_question("How many NGC galaxies host supernovae?", VOCABULARY).unsupported
    assert not parse_question("luminosity distance of a supernova at z=0.08", VOCABULARY).unsupported  # cosmology
    assert not parse_question("supernova remnants in Taurus", VOCABULARY).unsupported  # an NGC object type
    assert parse_question("Delete all stars fainter than magnitude 10 from the catalog", VOCABULARY).action
    assert parse_question("slew the telescope to M31", VOCABULARY).action
    assert not parse_question("Change the Sersic index of sample 12 to 4", VOCABULARY).action


@pytest.mark.parametrize(
    "text, words",
    [
        ("what's the orbital eccentricity of Mars?", "orbital eccentricity"),
        ("What is the inclination of M31?", "inclination"),
        ("Mars's albedo", "albedo"),
        ("What's Jupiter's density?", "density"),  # 'what's' is no object
        ("how dense is Saturn", "dense"),
        ("How many craters does the Moon have?", "craters"),
        ("what is the distance to Vega", None),
        ("what is the hubble type of M51", None),
        ("what is the distance modulus of M31", None),
        ("What fraction of the Moon is lit tonight?", None),
        ("how long is Vega above the horizon", None),
        ("what is the proper motion of Barnard's star", None),
    ],
)
def test_attributes_asked_that_no_tool_holds(text, words):
    found = parse_question(text, VOCABULARY).unknown_attribute
    assert (found.words if found else None) == words


def test_object_types_and_synonyms():
    assert parse_question("How many stars are there within 2 degrees of M31?", VOCABULARY).counted == "star"
    assert parse_question("how many open clusters lie near M7", VOCABULARY).counted == "open_cluster"
    assert parse_question("generate 4 elliptical galaxies", VOCABULARY).sersic_from_words == 4.0
    assert parse_question("draw three disc galaxies", VOCABULARY).sersic_from_words == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Which study turned galaxy pictures from a shallow survey into deeper ones?",
        "work that learns to make SDSS stamps look like DES ones",
        "who trained a GAN to output maps of the relic radiation?",
        "has anyone emulated reionization simulations?",
        "where can I read about tiling arbitrarily big synthetic fields?",
        "where is the reduction of the Hipparcos raw data described in full?",
        "any reference on boosting the signal-to-noise of Sloan stamps?",
        "the book about redoing the Hipparcos data processing",
    ],
)
def test_asking_for_a_work_is_read_as_asking_for_a_reference(text):
    assert "reference" in parse_question(text, VOCABULARY).asks


@pytest.mark.parametrize(
    "text",
    [
        "which 5 galaxies of the reference survey look most unusual?",  # a reference sample, not a reference
        "book me a flight to Santiago",  # a verb
        "convert to the galactic reference frame",
        "does the altitude plot work for Mauna Kea?",
    ],
)
def test_reference_words_in_other_roles_are_not_a_literature_question(text):
    assert "reference" not in parse_question(text, VOCABULARY).asks


def test_a_described_method_is_told_from_a_request_to_run_one():
    assert parse_question(
        "a product-of-experts inference network for VAEs with several inputs", VOCABULARY
    ).describes_method
    assert parse_question("emulating radiative-transfer runs with an autoencoder", VOCABULARY).describes_method
    assert not parse_question("generate 4 galaxies with the VAE", VOCABULARY).describes_method
    assert not parse_question("can you draw a GAN density field", VOCABULARY).describes_method


def test_ordinal_magnitudes_and_other_words_for_rising():
    (limit,) = parse_question("stars brighter than fifth magnitude near Vega", VOCABULARY).magnitude_limits
    assert limit.value == 5.0
    for text in ("when does Mars come up?", "when is Vega highest in the sky?", "when does the Moon go down?"):
        assert "rise_set" in parse_question(text, VOCABULARY).asks, text
    assert "rise_set" not in parse_question("how high is Vega?", VOCABULARY).asks


def test_asking_whether_an_object_is_in_a_constellation():
    assert "constellation" in parse_question("Is Fomalhaut in Piscis Austrinus?", VOCABULARY).asks
    assert "constellation" not in parse_question("Is M31 a galaxy?", VOCABULARY).asks


def test_bracketed_pairs_parallax_limits_and_typos_before_gibberish():
    positions = parse_question("angular distance between (10.68, 41.27) and (13.16, 30.66)", VOCABULARY).positions
    assert [(p.lon_deg, p.lat_deg) for p in positions] == [(10.68, 41.27), (13.16, 30.66)]
    assert parse_question("stars with parallax above 0.1 arcsec", VOCABULARY).parallax_limit_mas == 100.0
    assert parse_question("parallax of 25 mas", VOCABULARY).parallax_limit_mas is None
    typos = parse_question("lumnosity distnace at z=0.7", VOCABULARY)
    assert typos.text.startswith("luminosity distance") and not typos.gibberish


@pytest.mark.parametrize(
    ("text", "cuts"),
    [
        ("stars near Vega brighter than 6 with B-V above 1.0", [("b_v", ">", 1.0)]),
        ("stars redder than 1.5 in Orion", [("b_v", ">", 1.5)]),
        ("How many Hipparcos stars are within 20 parsecs of the Sun?", [("dist_pc", "<=", 20.0)]),
        ("stars closer than 5 light years", [("dist_pc", "<", 5 * 0.306601)]),
        ("galaxies larger than 20 arcminutes in Virgo", [("maj_axis_arcmin", ">", 20.0)]),
        ("NGC objects north of declination +80", [("dec_deg", ">", 80.0)]),
        ("proper motion over 1 arcsec/yr", [("pm_total_mas_yr", ">", 1000.0)]),
        ("galaxies with redshift of at least 0.01 near M87", [("redshift", ">=", 0.01)]),
        ("radial velocity below -100 km/s", [("radvel_km_s", "<", -100.0)]),
        ("stars within 20 parsecs of Vega", []),  # a search around Vega, not a distance from the Sun
        ("stars within 10 degrees of Vega", []),
        ("luminosity distance at z = 1", []),
    ],
)
def test_conditions_on_catalog_columns(text, cuts):
    assert [(c.column, c.op, pytest.approx(c.value)) for c in find_column_cuts(text)] == cuts


def test_a_colour_condition_is_no_magnitude_limit_and_asks_no_colour():
    parsed = parse_question("stars within 10 degrees of Vega brighter than 6 with B-V above 1.0", VOCABULARY)
    assert [(m.bound, m.value) for m in parsed.magnitude_limits] == [("max", 6.0)]  # 'B … above 1.0' was B ≥ 1
    assert "colour" not in parsed.asks


@pytest.mark.parametrize(
    ("text", "order", "aggregate"),
    [
        ("list the 5 reddest stars", ("b_v", True), None),
        ("which star has the largest parallax in Hipparcos?", ("plx_mas", True), None),
        ("the fastest-moving stars", ("pm_total_mas_yr", True), None),
        ("the largest galaxies in Virgo", ("maj_axis_arcmin", True), None),
        ("southernmost globular clusters", ("dec_deg", False), None),
        ("the average B-V colour of stars brighter than 3", None, ("avg", "b_v")),
        ("median parallax of stars in Orion", None, ("median", "plx_mas")),
        ("mean redshift of the galaxies in Virgo", None, ("avg", "redshift")),
        ("the brightest stars in Orion", None, None),  # brightness has an order of its own
        ("age of the universe at z = 1", None, None),
    ],
)
def test_superlatives_and_statistics_on_columns(text, order, aggregate):
    found = find_column_order(text)
    assert (found and (found.column, found.descending)) == (order or None)
    statistic = find_aggregate(text)
    assert (statistic and (statistic.function, statistic.column)) == (aggregate or None)


@pytest.mark.parametrize(
    "question", ["what can I look at from Mauna Kea on 2026-11-20?", "what can we view from Paranal tonight"]
)
def test_what_to_look_at_asks_whats_up(question):
    assert "whats_up" in parse_question(question, VOCABULARY, []).asks


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("What is the parallax of Procyon in arcseconds?", "arcseconds"),
        ("how far away is Sirius in light years?", "light years"),
        ("what is the angular diameter of Jupiter in arcminutes on 2027-01-10?", "arcminutes"),
        ("How big is Mars, in miles", "miles"),
        ("how bright is Vega in V?", None),  # a band, not volts
        ("how many stars are in Orion?", None),
        ("when does Mars rise in Tokyo tomorrow?", None),
    ],
)
def test_the_unit_an_answer_is_wanted_in(question: str, unit: str | None) -> None:
    assert find_unit_wish(question) == unit


def test_a_misspelled_everyday_word_is_read_as_the_word_one_slip_away():
    """'imgaes', 'fomration', 'radinas', 'cloer' are one typing slip from a word (MiniLM's vocabulary or a unit
    name) that no keyword is as close to; words the vocabulary lacks only as inflected forms ('lensing', 'tiling',
    'cubes'), the field's words ('baryons') and slips no typist makes ('injects' for 'insects') stay as typed."""
    from aeiou_agent.planning.parse import correct_keywords
    from aeiou_agent.planning.semantic import bibliography_words

    vocabulary, known = frozenset({"images", "distance"}), bibliography_words()
    for typed, meant in (("imgaes", "images"), ("fomration", "formation"), ("radinas", "radians"), ("cloer", "closer")):
        assert correct_keywords(f"the {typed} of it", vocabulary, known=known)[1] == [(typed, meant)], typed
    for word in ("lensing", "tiling", "cubes", "baryons", "stacking", "injects"):
        assert correct_keywords(f"the {word} of it", vocabulary, known=known)[1] == [], word

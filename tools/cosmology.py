"""Cosmology tools: distances, ages and expansion rates from astropy's realisations or a custom flat ΛCDM."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import astropy.units as u
from aeiou_agent.tools._targets import ASTROPY
from pydantic import Field

from aeiou_agent.answer import Citation
from aeiou_agent.exceptions import UserError
from aeiou_agent.registry import Kind, ToolContext, ToolResult, tool

CosmologyName = Literal["Planck18", "Planck15", "Planck13", "WMAP9", "WMAP7", "WMAP5", "WMAP3", "WMAP1"]
Quantity = Literal[
    "luminosity_distance",
    "angular_diameter_distance",
    "comoving_distance",
    "distance_modulus",
    "age",
    "lookback_time",
    "hubble_parameter",
    "comoving_volume",
    "kpc_per_arcsec",
    "scale_factor",
    "critical_density",
    "parameters",
    "all",
]

REFERENCES = {
    "Planck18": "Planck Collaboration 2020, A&A 641, A6 (Table 2, TT,TE,EE+lowE+lensing+BAO)",
    "Planck15": "Planck Collaboration 2016, A&A 594, A13",
    "Planck13": "Planck Collaboration 2014, A&A 571, A16",
    "WMAP9": "Hinshaw et al. 2013, ApJS 208, 19",
    "WMAP7": "Komatsu et al. 2011, ApJS 192, 18",
    "WMAP5": "Komatsu et al. 2009, ApJS 180, 330",
    "WMAP3": "Spergel et al. 2007, ApJS 170, 377",
    "WMAP1": "Spergel et al. 2003, ApJS 148, 175",
}

# quantity → (label, unit, the astropy Quantity an astropy cosmology gives at z): the calculator evaluates it at z
# and the redshift solver inverts it, so each quantity is defined once
QUANTITIES: dict[str, tuple[str, str, Any]] = {
    "luminosity_distance": ("luminosity distance", "Mpc", lambda c, z: c.luminosity_distance(z)),
    "angular_diameter_distance": ("angular-diameter distance", "Mpc", lambda c, z: c.angular_diameter_distance(z)),
    "comoving_distance": ("comoving distance", "Mpc", lambda c, z: c.comoving_distance(z)),
    "distance_modulus": ("distance modulus", "mag", lambda c, z: c.distmod(z)),
    "age": ("age of the universe", "Gyr", lambda c, z: c.age(z)),
    "lookback_time": ("lookback time", "Gyr", lambda c, z: c.lookback_time(z)),
    "hubble_parameter": ("Hubble parameter H(z)", "km/s/Mpc", lambda c, z: c.H(z)),
    "comoving_volume": ("comoving volume", "Gpc3", lambda c, z: c.comoving_volume(z)),
    "kpc_per_arcsec": ("proper scale", "kpc/arcsec", lambda c, z: c.kpc_proper_per_arcmin(z).to(u.kpc / u.arcsec)),
    "scale_factor": ("scale factor a = 1/(1 + z)", "", lambda c, z: c.scale_factor(z) * u.one),
    "critical_density": ("critical density ρc = 3H²/8πG", "g/cm3", lambda c, z: c.critical_density(z)),
}


Epoch = Literal["recombination", "matter_radiation_equality"]


def epoch_redshift(model: Any, epoch: str) -> tuple[float, str]:
    """The redshift of a named epoch in ``model``, and how it was found.

    Recombination (the CMB's last scattering, z* ≈ 1090) from the fitting formula of Hu & Sugiyama (1996, ApJ 471,
    542, eq. E1) in Ωb h² and Ωm h²; matter-radiation equality where Ωm (1 + z) = Ωr (photons and neutrinos, all
    relativistic then: Ωr = Ωγ (1 + 0.2271 Neff)).
    """
    h2 = (model.H0.value / 100) ** 2
    if epoch == "recombination":
        if not model.Ob0:
            raise UserError(
                "A flat ΛCDM given by H0 and Ωm alone has no baryon density Ωb, which the redshift of recombination "
                "depends on: ask in a named cosmology (Planck18, WMAP9, …)."
            )
        wb, wm = float(model.Ob0) * h2, float(model.Om0) * h2
        g1 = 0.0783 * wb**-0.238 / (1 + 39.5 * wb**0.763)
        g2 = 0.560 / (1 + 21.1 * wb**1.81)
        z = 1048 * (1 + 0.00124 * wb**-0.738) * (1 + g1 * wm**g2)
        return float(z), f"Hu & Sugiyama (1996) fit for Ωb h² = {wb:.5f}, Ωm h² = {wm:.4f}"
    radiation = float(model.Ogamma0) * (1 + 0.2271 * float(model.Neff))  # neutrinos still relativistic then
    return float(model.Om0) / radiation - 1, f"Ωm / Ωr − 1, Ωr = {radiation:.4g} (photons and relativistic neutrinos)"


def _in_unit(unit: str) -> Any:
    """An astropy unit from a QUANTITIES unit ('' is dimensionless; 'km/s/Mpc' read without a FITS warning)."""
    from aeiou_agent.tools.sky import parse_unit

    return parse_unit(unit) if unit else u.one


def cosmology_model(name: str, h0: float | None = None, om0: float | None = None) -> tuple[Any, str, Citation]:
    """An astropy cosmology by name (a flat ΛCDM with H0 or Ωm changed when given), its label and its citation."""
    from astropy import cosmology as cosmo

    if h0 is None and om0 is None:
        model = getattr(cosmo, name)
        citation = Citation(
            id=f"cosmology:{name}",
            kind="paper",
            title=f"{name} cosmological parameters",
            reference=REFERENCES[name],
            version=f"astropy {__import__('astropy').__version__}",
        )
        return model, name, citation
    base = getattr(cosmo, name)
    h0 = float(base.H0.value) if h0 is None else h0
    om0 = float(base.Om0) if om0 is None else om0
    model = cosmo.FlatLambdaCDM(H0=h0, Om0=om0, Tcmb0=2.7255, name="custom")
    label = f"flat ΛCDM (H0 = {h0:g} km/s/Mpc, Ωm = {om0:g}, Tcmb = 2.7255 K)"
    return model, label, ASTROPY


def _express_in(values: dict[str, dict[str, Any]], unit: str) -> None:
    """Convert, in place, every value whose unit can be expressed in ``unit``; an error if none can."""
    from aeiou_agent.tools.sky import parse_unit

    target = parse_unit(unit)
    converted = 0
    for item in values.values():
        quantity = item["value"] * u.Unit(item["unit"])
        for wanted in (target, target / u.arcsec):  # a length asked of a scale: Mpc/arcsec
            try:
                item["value"] = float(quantity.to_value(wanted))
            except u.UnitConversionError:
                continue
            item["unit"] = wanted.to_string().replace(" / ", "/")
            converted += 1
            break
    if values and not converted:
        raise UserError(f"None of the quantities asked for can be given in {unit!r}.")


# quantities that fall or rise monotonically with z (a value has one redshift); the angular-diameter distance and
# the proper scale peak near z ≈ 1.6 (a value below the peak has two)
_PEAKED = {"angular_diameter_distance", "kpc_per_arcsec"}
_NOT_INVERTIBLE = {"parameters", "all"}
Z_SEARCH_MAX = 1000.0


def redshifts_at(model: Any, quantity: str, value: float, unit: str | None) -> list[float]:
    """The redshifts at which ``quantity`` takes ``value`` (in ``unit``, else the quantity's own unit), lowest first.

    Raises UserError when no redshift between 0 and 1000 gives the value (a lookback time longer than the age of the
    universe, a distance modulus of a star in the Galaxy).
    """
    import numpy as np
    from aeiou_agent.tools.sky import parse_unit
    from astropy.cosmology import z_at_value

    if quantity in _NOT_INVERTIBLE:
        raise UserError("Name the quantity whose value you know: e.g. 'the redshift at a lookback time of 10 Gyr'.")
    label, own_unit, compute = QUANTITIES[quantity]
    target_unit = _in_unit(own_unit)
    if unit:
        try:
            value = float((value * parse_unit(unit)).to_value(target_unit))
        except u.UnitConversionError:
            raise UserError(f"A {label} cannot be given in {unit!r}; it is in {own_unit or 'no unit'}.") from None

    def function(redshift: Any) -> Any:
        return compute(model, redshift)

    grid = np.geomspace(1e-6, Z_SEARCH_MAX, 4000)
    values = np.asarray(function(grid).to_value(target_unit))  # one vectorised call, not 4,000
    low, high = float(np.nanmin(values)), float(np.nanmax(values))
    if not low <= value <= high:
        unit_text = f" {own_unit}" if own_unit else ""
        raise UserError(
            f"No redshift between 0 and {Z_SEARCH_MAX:g} gives {'an' if label[0] in 'aeiou' else 'a'} {label} of "
            f"{value:.6g}{unit_text}: "
            f"it ranges from {low:.4g} to {high:.4g}{unit_text} there."
        )
    target = value * target_unit
    if quantity not in _PEAKED:
        return [float(z_at_value(function, target, zmin=1e-8, zmax=Z_SEARCH_MAX).value)]
    peak = float(grid[int(np.nanargmax(values))])
    found = [float(z_at_value(function, target, zmin=1e-8, zmax=peak).value)]
    if value >= float(values[-1]):  # the far side of the peak comes back down to this value too
        found.append(float(z_at_value(function, target, zmin=peak, zmax=Z_SEARCH_MAX).value))
    return found


@tool("cosmology")
def cosmology_calculator(
    ctx: ToolContext,
    z: Annotated[float | None, Field(ge=0, le=1100), Kind("redshift")] = None,
    quantity: Annotated[Quantity, Kind("quantity")] = "all",
    cosmology: Annotated[CosmologyName, Kind("cosmology")] = "Planck18",
    H0_km_s_mpc: Annotated[float | None, Field(gt=10, lt=200), Kind("cosmology_parameter")] = None,
    Om0: Annotated[float | None, Field(gt=0, le=1), Kind("cosmology_parameter")] = None,
    angle_arcsec: Annotated[float | None, Field(gt=0, le=36000), Kind("angle")] = None,
    size_kpc: Annotated[float | None, Field(gt=0, le=1e6), Kind("distance")] = None,
    unit: Annotated[str | None, Field(max_length=40), Kind("unit")] = None,
    value: Annotated[float | None, Field(allow_inf_nan=False), Kind("number")] = None,
    value_unit: Annotated[str | None, Field(max_length=40), Kind("unit")] = None,
    fraction_of_today: Annotated[float | None, Field(gt=0, lt=1), Kind("number")] = None,
    epoch: Annotated[Epoch | None, Kind("option")] = None,
) -> ToolResult:
    """Cosmological distances, ages, lookback time, H(z), comoving volume, angular scale and scale factor at z.

    Uses astropy's realisations (Planck18 by default); giving H0 or Om0 switches to a custom flat ΛCDM. Given a
    quantity's value instead of z, finds the redshift where it has that value (z_at_value), then works as at that z.

    Args:
        z: Redshift (or give value and quantity instead).
        quantity: Which quantity; 'parameters' gives the cosmology's H0, Ωm, ΩΛ and Tcmb; 'all' gives every one.
        cosmology: Parameter set (Planck18, Planck15, Planck13, WMAP9, ...).
        H0_km_s_mpc: Hubble constant for a custom flat ΛCDM, km/s/Mpc.
        Om0: Matter density parameter today for a custom flat ΛCDM.
        angle_arcsec: An angle on the sky in arcseconds; with quantity 'kpc_per_arcsec', also the proper size it
            spans at z (size, in size_unit).
        size_kpc: A proper size in kpc; with quantity 'kpc_per_arcsec', also the angle it subtends at z
            ('how big does 10 kpc look at z = 2?').
        unit: Give the quantities that can be expressed in this unit in it ('Gpc', 'Gly', 'Myr').
        value: Instead of z: the value ``quantity`` takes ('lookback time of 10 Gyr' is 10); the redshift is solved for.
        value_unit: The unit of value ('Gyr', 'Mpc', 'Gly'); the quantity's own unit when not given.
        fraction_of_today: Instead of z or value: the fraction of its present value the quantity takes ('when the
            universe was half its present age' is 0.5 of the age; 'half its present size' 0.5 of the scale factor).
        epoch: Instead of z: a named epoch whose redshift the cosmology gives ('recombination', when the CMB was
            released; 'matter_radiation_equality').
    """
    model, label, citation = cosmology_model(cosmology, H0_km_s_mpc, Om0)
    solved: list[float] = []
    today: float | None = None
    if fraction_of_today is not None:
        if z is not None or value is not None or quantity not in QUANTITIES:
            raise UserError("Give a quantity and the fraction of its present value, without a redshift or a value.")
        _name, own_unit, compute = QUANTITIES[quantity]
        today = float(compute(model, 0).to_value(_in_unit(own_unit)))
        value, value_unit = fraction_of_today * today, None
    epoch_found: dict[str, Any] | None = None
    if epoch is not None:
        if z is not None or value is not None:
            raise UserError("Give either a redshift or a named epoch, not both.")
        z, how = epoch_redshift(model, epoch)
        epoch_found = {
            "name": epoch.replace("_", " ").replace("matter radiation", "matter-radiation"),
            "z": z,
            "method": how,
        }
    if value is not None:
        if z is not None:
            raise UserError("Give either a redshift or a quantity's value to solve for the redshift, not both.")
        solved = redshifts_at(model, quantity, value, value_unit)
        z = solved[0]
    elif z is None:
        raise UserError("At which redshift? Give z, or a quantity's value ('lookback time of 10 Gyr') to solve for z.")
    wanted = list(QUANTITIES) if quantity == "all" else [] if quantity == "parameters" else [quantity]
    values: dict[str, dict[str, Any]] = {}
    for key in wanted:
        name, unit_of, compute = QUANTITIES[key]
        if key == "distance_modulus" and z == 0:
            continue  # the distance modulus diverges at z = 0
        values[key] = {"label": name, "value": float(compute(model, z).to_value(_in_unit(unit_of))), "unit": unit_of}
    if unit is not None:
        _express_in(values, unit)
    elif epoch is not None and "age" in values:
        _express_in({"age": values["age"]}, "kyr")  # the universe was 0.00037 Gyr old: said in thousands of years
    data: dict[str, Any] = {
        "z": z,
        "cosmology": label,
        "H0_km_s_mpc": float(model.H0.value),
        "Om0": float(model.Om0),
        "Ode0": float(model.Ode0),
        "Tcmb0_K": float(model.Tcmb0.value),
        "hubble_time_gyr": float(model.hubble_time.to_value(u.Gyr)),  # 1/H0
        "hubble_distance_mpc": float(model.hubble_distance.to_value(u.Mpc)),  # c/H0
        "quantities": values,
    }
    if epoch_found:
        data["epoch"] = epoch_found
    if solved:
        data["solved_for_z"] = {"quantity": quantity, "value": value, "unit": value_unit, "redshifts": solved}
    if today is not None:
        data["solved_for_z"].update(fraction_of_today=fraction_of_today, value_today=today)
    if quantity != "all" and quantity in values:
        data["value"] = values[quantity]["value"]
        data["unit"] = values[quantity]["unit"]
    if angle_arcsec is not None and "kpc_per_arcsec" in values:
        scale = values["kpc_per_arcsec"]
        data["angle_arcsec"] = angle_arcsec
        data["size"] = scale["value"] * angle_arcsec  # in the scale's length unit (kpc unless asked otherwise)
        data["size_unit"] = str(scale["unit"]).split("/")[0].strip() or "kpc"
    if size_kpc is not None and "kpc_per_arcsec" in values:
        kpc_per_arcsec = float(model.kpc_proper_per_arcmin(z).to_value(u.kpc / u.arcsec))
        data["size_kpc"] = size_kpc
        data["subtends_arcsec"] = size_kpc / kpc_per_arcsec
        data["subtends_arcmin"] = data["subtends_arcsec"] / 60
    solved_text = f"z = {z:.6g} solved from the {quantity.replace('_', ' ')}; " if solved else ""
    summary = f"{solved_text}{label} at z = {z:g}: " + "; ".join(
        f"{v['label']} {v['value']:.4g} {v['unit']}" for v in values.values()
    )
    if quantity == "parameters":
        summary = (
            f"{label}: H0 = {data['H0_km_s_mpc']:.4g} km/s/Mpc, Ωm = {data['Om0']:.4g}, ΩΛ = {data['Ode0']:.4g}, "
            f"Tcmb = {data['Tcmb0_K']:.4g} K"
        )
    return ToolResult(data=data, summary=summary, sources=[citation])

"""Simulators: the matter power spectrum (CAMB or its emulator) and 2D Gaussian / lognormal density fields."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import numpy as np
from aeiou_agent.tools._plots import new_figure, save_png
from pydantic import Field

from aeiou_agent._json import content_hash
from aeiou_agent.answer import Artifact, Citation
from aeiou_agent.exceptions import InvalidArguments
from aeiou_agent.models.camb_spectra import PLANCK18
from aeiou_agent.models.cosmic_web import gaussian_field, grid_k_2d, lognormal_field, measure_power_2d
from aeiou_agent.registry import Kind, ToolContext, ToolResult, tool

Method = Literal["auto", "emulator", "camb"]
FieldKind = Literal["gaussian", "lognormal"]


CAMB = Citation(
    id="software:camb",
    kind="software",
    title="CAMB: Code for Anisotropies in the Microwave Background",
    reference="Lewis, Challinor & Lasenby 2000, ApJ 538, 473",
    url="https://camb.info",
)
HALOFIT = Citation(
    id="paper:mead2021",
    kind="paper",
    title="HMcode-2020: improved modelling of non-linear cosmological power spectra with baryonic feedback",
    reference="Mead et al. 2021, MNRAS 502, 1401",
)
COSMOPOWER = Citation(
    id="arXiv:2106.03846",
    kind="paper",
    title="CosmoPower: emulating cosmological power spectra for accelerated Bayesian inference",
    reference="Spurio Mancini et al. 2022, MNRAS 511, 1771",
    url="https://arxiv.org/abs/2106.03846",
)


def _emulator_citation() -> Citation:
    from aeiou_agent.models import model_citation
    from aeiou_agent.models.pk_emulator import load_emulator

    emulator = load_emulator()
    m = emulator.metrics
    quality = f"held-out median |ΔP/P| {m['linear_median']:.2%} linear, {m['nonlinear_median']:.2%} halofit"
    return model_citation("pk_emulator", "AEIOU P(k) emulator (PCA + MLP trained on CAMB)", emulator.sha256, quality)


def power_spectrum(
    params: dict[str, float], z: float, *, nonlinear: bool, method: Method, tool_name: str = "matter_power_spectrum"
) -> tuple[np.ndarray, np.ndarray, str, list[str]]:
    """(k [h/Mpc], P [(Mpc/h)^3], method used, notes): the emulator inside its range, CAMB otherwise."""
    from aeiou_agent.models.camb_spectra import K_GRID_H_MPC, Cosmology, camb_power_spectra
    from aeiou_agent.models.pk_emulator import OutsideEmulatorRange, load_emulator

    notes: list[str] = []
    row = np.array([[params["omega_m"], params["omega_b"], params["h"], params["n_s"], params["sigma8"], z]])
    if method in {"auto", "emulator"}:
        try:
            spectrum = load_emulator().predict(row, "nonlinear" if nonlinear else "linear")[0]
            return K_GRID_H_MPC, spectrum, "emulator", notes
        except OutsideEmulatorRange as exc:
            if method == "emulator":
                raise InvalidArguments(tool_name, [f"{exc}; ask for method 'camb' to compute it directly"]) from exc
            notes.append(f"{exc}, so CAMB computed it directly")
    cosmology = Cosmology(**params)
    try:
        cosmology.check()
    except ValueError as exc:
        raise InvalidArguments(tool_name, [str(exc)]) from exc
    spectrum = camb_power_spectra(cosmology, [z], nonlinear=nonlinear)[0]
    return K_GRID_H_MPC, spectrum, "camb", notes


def _sources(method: str, nonlinear: bool) -> list[Citation]:
    sources = [CAMB]
    if nonlinear:
        sources.append(HALOFIT)
    if method == "emulator":
        sources += [_emulator_citation(), COSMOPOWER]
    return sources


@tool("simulate")
def matter_power_spectrum(
    ctx: ToolContext,
    z: Annotated[float, Field(ge=0, le=10), Kind("redshift")] = 0.0,
    omega_m: Annotated[float, Field(gt=0.05, le=0.9), Kind("cosmology_parameter")] = PLANCK18["omega_m"],
    omega_b: Annotated[float, Field(gt=0.0, lt=0.2), Kind("cosmology_parameter")] = PLANCK18["omega_b"],
    h: Annotated[float, Field(ge=0.4, le=1.0), Kind("cosmology_parameter")] = PLANCK18["h"],
    n_s: Annotated[float, Field(ge=0.8, le=1.2), Kind("cosmology_parameter")] = PLANCK18["n_s"],
    sigma8: Annotated[float, Field(ge=0.1, le=2.0), Kind("cosmology_parameter")] = PLANCK18["sigma8"],
    nonlinear: Annotated[bool, Kind("option")] = False,
    method: Annotated[Method, Kind("option")] = "auto",
    k_h_mpc: Annotated[float | None, Field(ge=1e-3, le=5.0), Kind("wavenumber")] = None,
    plot: Annotated[bool, Kind("output")] = False,
) -> ToolResult:
    """Matter power spectrum P(k, z) of flat ΛCDM: linear, or non-linear with halofit (HMcode-2020).

    'auto' uses the PCA + neural-network emulator inside its training range (about 10,000 times faster
    than CAMB, with its measured error stated) and CAMB itself outside it. Defaults are Planck 2018.

    Args:
        z: Redshift.
        omega_m: Matter density parameter today, Omega_m.
        omega_b: Baryon density parameter today, Omega_b.
        h: Dimensionless Hubble constant, H0 / (100 km/s/Mpc).
        n_s: Scalar spectral index.
        sigma8: Linear rms density fluctuation in 8 Mpc/h spheres at z = 0.
        nonlinear: Halofit (HMcode-2020) non-linear spectrum instead of linear theory.
        method: 'auto' (emulator in range, else CAMB), 'emulator' or 'camb'.
        k_h_mpc: A wavenumber (h/Mpc) at which to report P(k); the whole spectrum is always returned.
        plot: Draw P(k).
    """
    params = {"omega_m": omega_m, "omega_b": omega_b, "h": h, "n_s": n_s, "sigma8": sigma8}
    if omega_b >= omega_m:
        raise InvalidArguments("matter_power_spectrum", [f"omega_b = {omega_b:g} must be below omega_m = {omega_m:g}"])
    k, spectrum, used, notes = power_spectrum(params, z, nonlinear=nonlinear, method=method)
    kind = "halofit (HMcode-2020)" if nonlinear else "linear"
    peak = int(np.argmax(spectrum))
    data: dict[str, Any] = {
        **params,
        "z": z,
        "kind": kind,
        "method": used,
        "notes": notes,
        "k_peak_h_mpc": float(k[peak]),
        "p_peak_mpc3_h3": float(spectrum[peak]),
        "n_k": len(k),
        "k_h_mpc": [float(f"{v:.6g}") for v in k],
        "p_mpc3_h3": [float(f"{v:.6g}") for v in spectrum],
    }
    if k_h_mpc is not None:
        data["k_requested_h_mpc"] = k_h_mpc
        data["p_at_k_mpc3_h3"] = float(np.exp(np.interp(np.log(k_h_mpc), np.log(k), np.log(spectrum))))
    stem = f"pk_{used}_{'nl' if nonlinear else 'lin'}_{content_hash({**params, 'z': z})[:10]}"
    table = ctx.artifact_path(stem, ".npz")
    np.savez(table, k_h_mpc=k, p_mpc3_h3=spectrum)
    artifacts = [Artifact.from_file(table, "application/x-npz", "P(k): arrays k_h_mpc and p_mpc3_h3")]
    if plot:
        artifacts.insert(0, _plot_spectrum(ctx, stem, k, spectrum, data))
    summary = (
        f"{kind} P(k) at z = {z:g} ({used}; Ωm={omega_m:g}, Ωb={omega_b:g}, h={h:g}, ns={n_s:g}, σ8={sigma8:g}): "
        f"peak {data['p_peak_mpc3_h3']:.4g} (Mpc/h)^3 at k = {data['k_peak_h_mpc']:.3g} h/Mpc"
    )
    if k_h_mpc is not None:
        summary += f"; P({k_h_mpc:g} h/Mpc) = {data['p_at_k_mpc3_h3']:.4g} (Mpc/h)^3"
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=_sources(used, nonlinear))


def _plot_spectrum(ctx: ToolContext, stem: str, k: np.ndarray, spectrum: np.ndarray, data: dict[str, Any]) -> Artifact:
    fig = new_figure(6.5, 4.2)
    ax = fig.subplots()
    ax.loglog(k, spectrum, color="navy", lw=2, label=f"{data['kind']} ({data['method']})")
    if "k_requested_h_mpc" in data:
        ax.plot([data["k_requested_h_mpc"]], [data["p_at_k_mpc3_h3"]], "o", color="crimson")
    ax.set_xlabel("k [h/Mpc]")
    ax.set_ylabel("P(k) [(Mpc/h)$^3$]")
    ax.set_title(
        f"z = {data['z']:g}, Ωm = {data['omega_m']:g}, Ωb = {data['omega_b']:g}, h = {data['h']:g}, "
        f"ns = {data['n_s']:g}, σ8 = {data['sigma8']:g}",
        fontsize=8,
    )
    ax.grid(True, which="both", alpha=0.2)
    ax.legend(fontsize=8)
    path = save_png(fig, ctx.artifact_path(stem, ".png"))
    return Artifact.from_file(path, "image/png", f"Matter power spectrum at z = {data['z']:g}")


# ------------------------------------------------------------------------------------------- density fields


def slice_power_2d(k_perp: np.ndarray, k_3d: np.ndarray, p_3d: np.ndarray, k_nyquist: float) -> np.ndarray:
    """2D power spectrum [(Mpc/h)^2] of a one-cell-thick slice through a 3D field with P(k).

    P_2D(k⊥) = (1/π) ∫_0^{k_Ny} P_3D(√(k⊥² + kz²)) dkz, with P_3D extended as k^n below the grid and as
    the last log-log slope above it.
    """
    log_k, log_p = np.log(k_3d), np.log(p_3d)
    slope_low = (log_p[1] - log_p[0]) / (log_k[1] - log_k[0])
    slope_high = (log_p[-1] - log_p[-2]) / (log_k[-1] - log_k[-2])

    def p3(k: np.ndarray) -> np.ndarray:
        lk = np.log(np.maximum(k, 1e-12))
        inside = np.interp(lk, log_k, log_p)
        below = log_p[0] + slope_low * (lk - log_k[0])
        above = log_p[-1] + slope_high * (lk - log_k[-1])
        return np.exp(np.where(lk < log_k[0], below, np.where(lk > log_k[-1], above, inside)))

    kz = np.linspace(0.0, k_nyquist, 512)
    unique, inverse = np.unique(np.round(k_perp, 10), return_inverse=True)
    values = np.trapezoid(p3(np.sqrt(unique[:, None] ** 2 + kz[None, :] ** 2)), kz, axis=1) / np.pi
    return values[inverse].reshape(k_perp.shape)


@tool("simulate")
def density_field(
    ctx: ToolContext,
    sigma8: Annotated[float, Field(ge=0.1, le=2.0), Kind("cosmology_parameter")] = PLANCK18["sigma8"],
    omega_m: Annotated[float, Field(gt=0.05, le=0.9), Kind("cosmology_parameter")] = PLANCK18["omega_m"],
    box_size_mpc_h: Annotated[float, Field(ge=10, le=5000), Kind("image_size")] = 500.0,
    n_pixels: Annotated[int, Field(ge=16, le=2048), Kind("image_size")] = 256,
    kind: Annotated[FieldKind, Kind("option")] = "gaussian",
    z: Annotated[float, Field(ge=0, le=10), Kind("redshift")] = 0.0,
    seed: Annotated[int | None, Field(ge=0), Kind("seed")] = None,
    method: Annotated[Method, Kind("option")] = "auto",
) -> ToolResult:
    """A 2D matter density field (a one-cell-thick slice), Gaussian or lognormal, drawn from the linear P(k).

    Other parameters are Planck 2018. Returns the map (PNG, with its measured power spectrum against the
    input) and the array (.npy); the same seed gives the same field.

    Args:
        sigma8: Linear rms density fluctuation in 8 Mpc/h spheres at z = 0.
        omega_m: Matter density parameter today, Omega_m.
        box_size_mpc_h: Side of the square box, Mpc/h.
        n_pixels: Pixels per side (16–2048).
        kind: 'gaussian' or 'lognormal' (positive density, δ ≥ -1).
        z: Redshift of the field.
        seed: Random seed; the run's seed when omitted.
        method: Power spectrum from the 'emulator', 'camb', or 'auto'.
    """
    cell = box_size_mpc_h / n_pixels
    k_nyquist = np.pi / cell
    if k_nyquist > 5.0:
        raise InvalidArguments(
            "density_field",
            [
                f"pixels of {cell:.3g} Mpc/h reach k = {k_nyquist:.3g} h/Mpc, beyond the 5 h/Mpc the spectrum covers; "
                f"use at most {int(box_size_mpc_h * 5.0 / np.pi)} pixels for a {box_size_mpc_h:g} Mpc/h box"
            ],
        )
    seed = ctx.seed if seed is None else seed
    params = {**PLANCK18, "sigma8": sigma8, "omega_m": omega_m}
    params["omega_b"] = min(params["omega_b"], 0.5 * omega_m)
    k_3d, p_3d, used, notes = power_spectrum(params, z, nonlinear=False, method=method, tool_name="density_field")
    k_grid = grid_k_2d(n_pixels, box_size_mpc_h)
    power_2d = slice_power_2d(k_grid, k_3d, p_3d, k_nyquist)
    rng = np.random.default_rng(seed)
    delta = gaussian_field(power_2d, box_size_mpc_h, rng)
    if kind == "lognormal":
        delta = lognormal_field(power_2d, box_size_mpc_h, np.random.default_rng(seed))
    measured = measure_power_2d(delta, box_size_mpc_h)
    expected = slice_power_2d(measured["k"], k_3d, p_3d, k_nyquist)
    stem = f"field_{kind}_{n_pixels}px_{box_size_mpc_h:g}_s8_{sigma8:g}_om_{omega_m:g}_z{z:g}_seed{seed}_{used}"
    array_path = ctx.artifact_path(stem, ".npy")
    np.save(array_path, delta.astype(np.float32))
    data: dict[str, Any] = {
        "kind": kind,
        "sigma8": sigma8,
        "omega_m": omega_m,
        "z": z,
        "box_size_mpc_h": box_size_mpc_h,
        "n_pixels": n_pixels,
        "pixel_mpc_h": cell,
        "seed": seed,
        "power_spectrum_method": used,
        "notes": notes,
        "delta_std": float(delta.std()),
        "delta_min": float(delta.min()),
        "delta_max": float(delta.max()),
        "power_ratio_median": float(np.median(measured["p"] / expected)),
        "measured_k_h_mpc": [float(f"{v:.5g}") for v in measured["k"]],
        "measured_p_mpc2_h2": [float(f"{v:.5g}") for v in measured["p"]],
        "expected_p_mpc2_h2": [float(f"{v:.5g}") for v in expected],
        "modes": [int(m) for m in measured["modes"]],
    }
    image = _plot_field(ctx, stem, delta, measured, expected, data)
    artifacts = [image, Artifact.from_file(array_path, "application/x-npy", "density contrast δ (float32 array)")]
    summary = (
        f"{kind} two-dimensional density field, {n_pixels}² pixels over {box_size_mpc_h:g} Mpc/h (σ8 = {sigma8:g}, "
        f"Ωm = {omega_m:g}, z = {z:g}, seed {seed}): rms δ = {data['delta_std']:.3g}, "
        f"min {data['delta_min']:.3g}, max {data['delta_max']:.3g}; measured/input power median "
        f"{data['power_ratio_median']:.3f}"
    )
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=_sources(used, False))


def _plot_field(
    ctx: ToolContext,
    stem: str,
    delta: np.ndarray,
    measured: dict[str, np.ndarray],
    expected: np.ndarray,
    data: dict[str, Any],
) -> Artifact:
    fig = new_figure(10, 4.4)
    map_ax, pk_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.1, 1]})
    box = data["box_size_mpc_h"]
    limit = float(np.percentile(np.abs(delta), 99.5))
    shown = map_ax.imshow(
        delta,
        origin="lower",
        extent=(0, box, 0, box),
        cmap="magma" if data["kind"] == "lognormal" else "RdBu_r",
        vmin=-1 if data["kind"] == "lognormal" else -limit,
        vmax=limit,
        interpolation="nearest",
    )
    fig.colorbar(shown, ax=map_ax, label="δ", fraction=0.046, pad=0.04)
    map_ax.set_xlabel("x [Mpc/h]")
    map_ax.set_ylabel("y [Mpc/h]")
    map_ax.set_title(
        f"{data['kind']} field, σ8 = {data['sigma8']:g}, Ωm = {data['omega_m']:g}, z = {data['z']:g}, "
        f"seed {data['seed']}",
        fontsize=8,
    )
    errors = expected * np.sqrt(1.0 / np.maximum(measured["modes"] / 2, 1))
    pk_ax.fill_between(
        measured["k"], expected - errors, expected + errors, color="grey", alpha=0.3, label="input ± cosmic variance"
    )
    pk_ax.loglog(measured["k"], expected, color="k", lw=1)
    pk_ax.loglog(measured["k"], measured["p"], "o", ms=3, color="crimson", label="measured from the map")
    pk_ax.set_xlabel("k [h/Mpc]")
    pk_ax.set_ylabel("P$_{2D}$(k) [(Mpc/h)$^2$]")
    pk_ax.legend(fontsize=7)
    pk_ax.grid(True, which="both", alpha=0.2)
    path = save_png(fig, ctx.artifact_path(stem, ".png"))
    return Artifact.from_file(path, "image/png", f"{data['kind'].capitalize()} density field and its power spectrum")


# ------------------------------------------------------------------------------------------------ cosmic web

WebMethod = Literal["generator", "simulator"]
PERRAUDIN = Citation(
    id="arXiv:1908.05519",
    kind="paper",
    title="Cosmological N-body simulations: a challenge for scalable generative models",
    reference="Perraudin et al. 2019, Computational Astrophysics and Cosmology 6, 5 (the approach followed here)",
    url="https://arxiv.org/abs/1908.05519",
)
TWO_LPT = Citation(
    id="paper:crocce2006",
    kind="paper",
    title="Transients from initial conditions in cosmological simulations (2LPT initial conditions)",
    reference="Crocce, Pueblas & Scoccimarro 2006, MNRAS 373, 369",
)


def _cosmic_web_quality(model: Any) -> dict[str, Any]:
    """The generator's held-out figures (stored with its weights), as the answer and the citation give them."""
    held_out = model.metrics["held_out"]
    per_map = model.metrics["generator_seconds_per_map"]
    return {
        "power_max_error_percent": round(100 * max(p["generator"]["power_max_error"] for p in held_out), 1),
        "pdf_ks": float(np.median([p["generator"]["pdf_ks"] for p in held_out])),
        "pdf_ks_lognormal": float(np.median([p["lognormal"]["pdf_ks"] for p in held_out])),
        # a new map from the simulator costs a whole box; spread over the box's 192 maps, about as much as one
        "speedup_per_map": round(model.metrics["simulator_seconds_per_box"] / per_map),
        "speedup_amortised": round(model.metrics["simulator_seconds_per_map"] / per_map, 1),
    }


def _cosmic_web_citation(model: Any, quality: dict[str, Any]) -> Citation:
    from aeiou_agent.models import model_citation

    said = (
        f"held-out 2LPT slices: P(k) within {quality['power_max_error_percent']:.1f}% below half Nyquist; one-point "
        f"KS {quality['pdf_ks']:.3f} (lognormal {quality['pdf_ks_lognormal']:.3f})"
    )
    return model_citation("cosmic_web_gan", "AEIOU cosmic-web GAN (trained on 2LPT slices)", model.sha256, said)


@tool("simulate")
def generate_cosmic_web(
    ctx: ToolContext,
    sigma8: Annotated[float, Field(ge=0.6, le=1.0), Kind("cosmology_parameter")] = PLANCK18["sigma8"],
    omega_m: Annotated[float, Field(ge=0.2, le=0.45), Kind("cosmology_parameter")] = PLANCK18["omega_m"],
    count: Annotated[int, Field(ge=1, le=64), Kind("count")] = 4,
    method: Annotated[WebMethod, Kind("option")] = "generator",
    seed: Annotated[int | None, Field(ge=0), Kind("seed")] = None,
) -> ToolResult:
    """Slices of the cosmic web at z = 0: 64 × 64 maps of 1 + δ (2 Mpc/h pixels, 16 Mpc/h thick, 128 Mpc/h across).

    'generator' draws them with the conditional GAN trained on AEIOU's 2LPT simulator (conditioned on σ8 and
    Ωm; other parameters Planck 2018); 'simulator' runs that simulator itself (a 256 Mpc/h box of 128³
    particles, about a second). Returns an image of the maps with their power spectrum, and the array (.npy).

    Args:
        sigma8: Linear rms density fluctuation in 8 Mpc/h spheres (0.6–1.0, the training range).
        omega_m: Matter density parameter today (0.2–0.45).
        count: Number of maps (1–64).
        method: 'generator' (the GAN) or 'simulator' (2LPT, what the GAN learned from).
        seed: Random seed; the run's seed when omitted.
    """
    from aeiou_agent.models.cosmic_web import MAP_PIXELS, SLAB_CELLS, mean_power_2d, quadrants, simulate_box, slabs
    from aeiou_agent.models.cosmic_web_gan import PIXEL_MPC_H, load_generator

    seed = ctx.seed if seed is None else seed
    sources = [TWO_LPT]
    if method == "generator":
        model = load_generator()
        maps = model.sample(sigma8, omega_m, count, seed)
        quality: dict[str, Any] = _cosmic_web_quality(model)
        sources = [_cosmic_web_citation(model, quality), PERRAUDIN, TWO_LPT]
    else:
        box = quadrants(slabs(simulate_box(sigma8, omega_m, seed)))
        maps = box[np.random.default_rng(seed).permutation(len(box))[:count]]
        quality = {}
    side = MAP_PIXELS * PIXEL_MPC_H
    power = mean_power_2d(maps, side)
    stem = f"cosmic_web_{method}_s8_{sigma8:g}_om_{omega_m:g}_n{count}_seed{seed}"
    array_path = ctx.artifact_path(stem, ".npy")
    np.save(array_path, maps.astype(np.float32))
    data: dict[str, Any] = {
        "method": method,
        "sigma8": sigma8,
        "omega_m": omega_m,
        "count": count,
        "seed": seed,
        "map_pixels": MAP_PIXELS,
        "pixel_mpc_h": PIXEL_MPC_H,
        "side_mpc_h": side,
        "thickness_mpc_h": SLAB_CELLS * PIXEL_MPC_H,
        "delta_std": float((maps - 1).std()),
        "density_max": float(maps.max()),
        "underdense_percent": round(100 * float((maps < 1).mean())),
        "power_k_h_mpc": [float(f"{v:.4g}") for v in power["k"]],
        "power_mpc2_h2": [float(f"{v:.4g}") for v in power["p"]],
        "quality": quality,
    }
    image = _plot_cosmic_web(ctx, stem, maps, power, data)
    artifacts = [image, Artifact.from_file(array_path, "application/x-npy", "1 + δ maps (count × 64 × 64, float32)")]
    summary = (
        f"{count} cosmic-web slices from the {method} (σ8 = {sigma8:g}, Ωm = {omega_m:g}, seed {seed}): "
        f"rms δ {data['delta_std']:.3g}, densest pixel {data['density_max']:.3g} × mean"
    )
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=sources)


def _plot_cosmic_web(
    ctx: ToolContext, stem: str, maps: np.ndarray, power: dict[str, np.ndarray], data: dict[str, Any]
) -> Artifact:
    shown = maps[:8]
    fig = new_figure(2.2 * len(shown) + 3.6, 2.6)
    grid = fig.add_gridspec(1, len(shown) + 2)
    side = data["side_mpc_h"]
    logs = np.log10(np.maximum(shown, 1e-3))
    low, high = np.percentile(logs, [1, 99.8])
    for i, tile in enumerate(logs):
        ax = fig.add_subplot(grid[0, i])
        ax.imshow(tile, origin="lower", extent=(0, side, 0, side), cmap="inferno", vmin=low, vmax=high)
        ax.set_xticks([])
        ax.set_yticks([])
    pk_ax = fig.add_subplot(grid[0, len(shown) :])
    pk_ax.loglog(power["k"], power["p"], "o-", ms=3, color="crimson")
    pk_ax.set_xlabel("k [h/Mpc]")
    pk_ax.set_ylabel("P$_{2D}$(k) [(Mpc/h)$^2$]")
    pk_ax.grid(True, which="both", alpha=0.2)
    fig.suptitle(
        f"cosmic web ({data['method']}): log10(1 + δ), {side:g} Mpc/h across, {data['thickness_mpc_h']:g} Mpc/h thick; "
        f"σ8 = {data['sigma8']:g}, Ωm = {data['omega_m']:g}, seed {data['seed']}",
        fontsize=8,
    )
    path = save_png(fig, ctx.artifact_path(stem, ".png"))
    return Artifact.from_file(path, "image/png", "Cosmic-web slices and their power spectrum")

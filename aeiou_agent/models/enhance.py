"""S/N enhancement: an SDSS-like cutout mapped to what the deeper, sharper DES-like survey would see.

The approach of arXiv:2011.07124 with paired data: a small residual U-Net takes the SDSS-like stamp (32×32 at
0.396″, converted to DES-like flux units and resampled onto the DES-like 48×48 grid at 0.263″, divided by its
own sky noise) and predicts the DES-like stamp of the same galaxy. It is trained with a mean-squared error
against the noisy DES-like stamps; their noise is independent of the input's, so the network learns the
expected DES-like image rather than its noise.

Quality (:func:`evaluate`), on held-out pairs, next to Gaussian smoothing and a median filter:
aperture-photometry S/N — the rms relative error of the flux in a 2″ aperture against the noise-free render
of the same galaxy (so correlated noise and bias both count) — and PSNR / SSIM against the DES-like stamp and
against the noise-free DES-like render.

Train (after ``python -m aeiou_agent.models.galaxies build/galaxies/train.npz --n 20000 --seed 1`` and a test
set with ``--seed 2``)::

    python -m aeiou_agent.models.enhance build/galaxies/train.npz build/galaxies/test.npz
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from aeiou_agent.models import save_npz_atomically, save_torch_checkpoint, training_parser
from aeiou_agent.models.galaxies import DES, SDSS

WEIGHTS_PATH = Path(__file__).parent / "weights" / "sn_enhancer.pt"
APERTURE_RADIUS_ARCSEC = 2.0
PIXEL_AREA_RATIO = (DES.pixel_arcsec / SDSS.pixel_arcsec) ** 2
FLUX_BIN_EDGES_LOG10 = (3.7, 4.025, 4.35, 4.675, 5.0)  # S/N is measured per bin of the galaxies' DES-like flux
FLUX_BINS = len(FLUX_BIN_EDGES_LOG10) - 1
LINEAR_FILTER_PIXELS = 9  # the learned linear (Wiener) baseline's kernel


class NotAnImage(ValueError):
    """The input is not a 2D SDSS-like stamp the enhancer can use."""


def sky_sigma(image: np.ndarray) -> float:
    """Robust sky noise of a stamp: 1.4826 × MAD of its outermost two-pixel border."""
    border = np.concatenate([image[:2].ravel(), image[-2:].ravel(), image[2:-2, :2].ravel(), image[2:-2, -2:].ravel()])
    mad = float(np.median(np.abs(border - np.median(border))))
    return max(1.4826 * mad, 1e-6)


def to_des_grid(sdss: np.ndarray) -> np.ndarray:
    """SDSS-like stamps (electrons) in DES-like flux units, resampled onto the DES-like 48×48 pixel grid."""
    import torch
    import torch.nn.functional as F

    images = np.asarray(sdss, dtype=np.float32)
    single = images.ndim == 2
    tensor = torch.from_numpy(images[None] if single else images)[:, None] / SDSS.flux_fraction
    with torch.no_grad():
        resampled = F.interpolate(tensor, size=(DES.stamp_pixels, DES.stamp_pixels), mode="bilinear")
    out = (resampled[:, 0] * PIXEL_AREA_RATIO).numpy()
    return out[0] if single else out


def _build() -> Any:
    import torch
    from torch import nn

    def block(channels_in: int, channels_out: int) -> nn.Sequential:
        return nn.Sequential(
            nn.Conv2d(channels_in, channels_out, 3, padding=1),
            nn.SiLU(),
            nn.Conv2d(channels_out, channels_out, 3, padding=1),
            nn.SiLU(),
        )

    class ResidualUNet(nn.Module):
        """48×48 → 48×48: two scales, skip connection, output added to the input."""

        def __init__(self) -> None:
            super().__init__()
            self.top = block(1, 16)
            self.down = nn.Conv2d(16, 32, 4, stride=2, padding=1)  # 24
            self.middle = block(32, 32)
            self.up = nn.ConvTranspose2d(32, 16, 4, stride=2, padding=1)  # 48
            self.bottom = block(32, 16)
            self.out = nn.Conv2d(16, 1, 1)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            top = self.top(x[:, None])
            middle = self.middle(nn.functional.silu(self.down(top)))
            bottom = self.bottom(torch.cat([top, self.up(middle)], dim=1))
            return x + self.out(bottom)[:, 0]

    return ResidualUNet()


class Enhancer:
    """The shipped S/N enhancer, for CPU inference."""

    def __init__(self, path: Path = WEIGHTS_PATH):
        from aeiou_agent.models import load_torch_checkpoint

        self.model, self.metrics, self.sha256 = load_torch_checkpoint(path, _build, __name__)

    def enhance(self, sdss: np.ndarray) -> np.ndarray:
        """DES-like stamps (48×48, DES-like electrons) predicted from SDSS-like stamps (32×32 electrons)."""
        import torch

        images = np.asarray(sdss, dtype=np.float32)
        single = images.ndim == 2
        if single:
            images = images[None]
        check_stamps(images)
        resampled = to_des_grid(images)
        scale = np.array([sky_sigma(image) for image in resampled], dtype=np.float32)[:, None, None]
        with torch.no_grad():
            out = self.model(torch.from_numpy(resampled / scale)).numpy() * scale
        return out[0] if single else out


def check_stamps(images: np.ndarray) -> None:
    """Raise :class:`NotAnImage` unless ``images`` are finite 32×32 SDSS-like stamps."""
    if images.ndim != 3 or images.shape[1:] != (SDSS.stamp_pixels, SDSS.stamp_pixels):
        raise NotAnImage(
            f"expected a {SDSS.stamp_pixels}×{SDSS.stamp_pixels} SDSS-like stamp (0.396″ pixels), "
            f"got an array of shape {images.shape[1:] if images.ndim == 3 else images.shape}"
        )
    if not np.isfinite(images).all():
        raise NotAnImage("the stamp has NaN or infinite pixels")


@cache
def load_enhancer() -> Enhancer:
    """The shipped model, loaded once per process."""
    return Enhancer()


# ------------------------------------------------------------------------------------------------ quality


def aperture_flux(images: np.ndarray, radius_arcsec: float = APERTURE_RADIUS_ARCSEC) -> np.ndarray:
    """Flux in a circular aperture at the centre of each DES-grid stamp."""
    n = images.shape[-1]
    y, x = np.mgrid[:n, :n] - (n - 1) / 2
    inside = np.hypot(x, y) * DES.pixel_arcsec <= radius_arcsec
    return np.asarray(images[..., inside].sum(axis=-1))


def gaussian_baseline(sdss: np.ndarray, sigma_pixels: float = 1.0) -> np.ndarray:
    """Gaussian smoothing (σ in SDSS-like pixels), then the resampling onto the DES-like grid."""
    from scipy.ndimage import gaussian_filter

    return to_des_grid(np.stack([gaussian_filter(image, sigma_pixels) for image in sdss]))


def median_baseline(sdss: np.ndarray, size_pixels: int = 3) -> np.ndarray:
    """A median filter (size in SDSS-like pixels), then the resampling onto the DES-like grid."""
    from scipy.ndimage import median_filter

    return to_des_grid(np.stack([median_filter(image, size_pixels) for image in sdss]))


def linear_baseline(sdss: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """The learned linear (Wiener) filter: the resampled input correlated with a least-squares kernel."""
    from scipy.ndimage import correlate

    return np.stack([correlate(image, kernel, mode="constant") for image in to_des_grid(sdss).astype(np.float64)])


def fit_linear_filter(sdss: np.ndarray, clean_des: np.ndarray, size_pixels: int = LINEAR_FILTER_PIXELS) -> np.ndarray:
    """The k×k kernel that maps resampled SDSS-like stamps closest (least squares) to the noise-free DES-like ones.

    With the sky noise the same in every stamp, this is the Wiener filter for the pair of surveys: the best any
    linear, shift-invariant filter does (deconvolution and denoising at once).
    """
    from numpy.lib.stride_tricks import sliding_window_view

    pad = size_pixels // 2
    resampled = np.pad(to_des_grid(sdss).astype(np.float64), ((0, 0), (pad, pad), (pad, pad)))
    normal = np.zeros((size_pixels**2, size_pixels**2))
    projected = np.zeros(size_pixels**2)
    for start in range(0, len(resampled), 200):
        patches = sliding_window_view(resampled[start : start + 200], (size_pixels, size_pixels), axis=(1, 2))
        design = patches.reshape(-1, size_pixels**2)
        normal += design.T @ design
        projected += design.T @ clean_des[start : start + 200].astype(np.float64).ravel()
    return np.linalg.solve(normal, projected).reshape(size_pixels, size_pixels)


def noise_free_pairs(params: np.ndarray, angles: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(SDSS-like on the DES-like grid, DES-like) noise-free renders of the data set's galaxies: the truths."""
    from aeiou_agent.models.galaxies import GalaxyParams, render

    galaxies = [GalaxyParams(*map(float, (p[0], p[1], p[2], a, p[3]))) for p, a in zip(params, angles, strict=True)]
    clean_des = np.stack([render(g, DES, 0, noise=False) for g in galaxies])
    clean_sdss = to_des_grid(np.stack([render(g, SDSS, 0, noise=False) for g in galaxies]))
    return clean_sdss, clean_des


def truths_cache(data_path: Path) -> Path:
    """Where the noise-free truths of a generated data set are kept (beside it: rendering them is slow)."""
    return data_path.with_suffix(".noise_free.npz")


def load_pairs(data_path: Path, limit: int | None = None, cache: Path | None = None) -> dict[str, np.ndarray]:
    """The anomaly-free pairs of a data set with their noise-free truths, read from or written to ``cache`` if given."""
    with np.load(data_path) as data:
        keep = np.flatnonzero(data["anomaly"] == 0)
        pairs = {name: data[name][keep] for name in ("sdss", "des", "params", "position_angle_deg")}
    if cache is not None and cache.exists():
        with np.load(cache) as cached:
            truths = {name: cached[name] for name in ("clean_sdss", "clean_des")}
    else:
        clean_sdss, clean_des = noise_free_pairs(pairs["params"], pairs["position_angle_deg"])
        truths = {"clean_sdss": clean_sdss, "clean_des": clean_des}
        if cache is not None:
            save_npz_atomically(cache, truths)
    pairs.update(truths)
    return {name: values[:limit] for name, values in pairs.items()}


def flux_bins(params: np.ndarray) -> np.ndarray:
    """Index (0–3) of each galaxy's flux bin: four equal steps of log10 DES-like flux over the simulated range."""
    return np.clip(np.digitize(params[:, 3], FLUX_BIN_EDGES_LOG10[1:-1]), 0, FLUX_BINS - 1)


def _per_bin(
    statistic: Callable[[np.ndarray, np.ndarray], float], error: np.ndarray, true_flux: np.ndarray, bins: np.ndarray
) -> np.ndarray:
    """``statistic(error, true_flux)`` over the galaxies of each flux bin (NaN for a bin with no galaxy)."""
    return np.array(
        [statistic(error[bins == b], true_flux[bins == b]) if (bins == b).any() else np.nan for b in range(FLUX_BINS)]
    )


def _snr(error: np.ndarray, true_flux: np.ndarray) -> float:
    """Aperture S/N: mean true flux over the rms of the flux error."""
    return float(true_flux.mean() / np.sqrt(np.mean(error**2)))


def _bias(error: np.ndarray, true_flux: np.ndarray) -> float:
    """Relative aperture flux bias: mean error over mean true flux."""
    return float(error.mean() / true_flux.mean())


def evaluate(
    enhancer: Enhancer,
    data_path: Path,
    *,
    linear_kernel: np.ndarray | None = None,
    limit: int | None = None,
    bootstrap: int = 1000,
    seed: int = 0,
    cache: Path | None = None,
) -> dict[str, Any]:
    """Aperture S/N, flux bias, PSNR and SSIM of the enhancer and the baselines on held-out, anomaly-free pairs.

    S/N is measured against the truth, in four bins of flux: the error of the 2″-aperture flux is the measured flux
    minus the noise-free aperture flux of the same galaxy (GalSim) as that image's survey sees it, and S/N is the
    mean true flux over the rms error. A gain is the ratio to the input's S/N in the same bin, less one; the
    headline gain is the mean over the bins, with a 95% bootstrap interval (galaxies resampled, the same draws for
    every image, so the intervals of gains are paired).
    """
    from skimage.metrics import peak_signal_noise_ratio, structural_similarity

    pairs = load_pairs(data_path, limit, cache)
    sdss, des, clean_sdss, clean_des = pairs["sdss"], pairs["des"], pairs["clean_sdss"], pairs["clean_des"]
    candidates = {
        "sdss_input": (to_des_grid(sdss), clean_sdss),
        "gaussian_smoothing": (gaussian_baseline(sdss), clean_sdss),
        "median_filter": (median_baseline(sdss), clean_sdss),
        "enhancer": (enhancer.enhance(sdss), clean_des),
        "des_like_truth": (des, clean_des),
    }
    if linear_kernel is not None:
        candidates["linear_filter"] = (linear_baseline(sdss, linear_kernel), clean_des)
    bins = flux_bins(pairs["params"])
    draws = np.random.default_rng(seed).integers(0, len(bins), (bootstrap, len(bins)))
    results: dict[str, Any] = {
        "pairs": len(bins),
        "aperture_radius_arcsec": APERTURE_RADIUS_ARCSEC,
        "flux_bin_edges_log10": list(FLUX_BIN_EDGES_LOG10),
        "pairs_per_flux_bin": np.bincount(bins, minlength=FLUX_BINS).tolist(),
        "bootstrap_draws": bootstrap,
    }
    errors, truths = {}, {}
    for name, (images, reference) in candidates.items():
        truths[name] = aperture_flux(reference)
        errors[name] = aperture_flux(images) - truths[name]
        psnr_des, ssim_des, psnr_clean, ssim_clean = [], [], [], []
        for image, noisy_des, clean in zip(images, des, clean_des, strict=True):
            span = float(clean.max() - clean.min())
            if name == "des_like_truth":  # the DES-like stamp against itself
                psnr_des.append(float("inf"))
                ssim_des.append(1.0)
            else:
                psnr_des.append(peak_signal_noise_ratio(noisy_des, image, data_range=span))
                ssim_des.append(structural_similarity(noisy_des, image, data_range=span))
            psnr_clean.append(peak_signal_noise_ratio(clean, image, data_range=span))
            ssim_clean.append(structural_similarity(clean, image, data_range=span))
        snr = _per_bin(_snr, errors[name], truths[name], bins)
        bias = _per_bin(_bias, errors[name], truths[name], bins)
        psnr = np.array(psnr_clean)
        results[name] = {
            "aperture_snr_by_flux_bin": snr.tolist(),
            "aperture_flux_bias": _bias(errors[name], truths[name]),
            "aperture_flux_bias_by_flux_bin": bias.tolist(),
            "psnr_vs_des_db": float(np.mean(psnr_des)),
            "ssim_vs_des": float(np.mean(ssim_des)),
            "psnr_vs_noise_free_des_db": float(psnr.mean()),
            "psnr_vs_noise_free_des_db_interval": np.percentile(psnr[draws].mean(axis=1), [2.5, 97.5]).tolist(),
            "ssim_vs_noise_free_des": float(np.mean(ssim_clean)),
        }
    base = results["sdss_input"]["aperture_snr_by_flux_bin"]
    base_draws = np.array([_per_bin(_snr, errors["sdss_input"][d], truths["sdss_input"][d], bins[d]) for d in draws])
    for name in candidates:
        if name == "sdss_input":
            continue
        gains = np.array(results[name]["aperture_snr_by_flux_bin"]) / base - 1
        drawn = np.array([_per_bin(_snr, errors[name][d], truths[name][d], bins[d]) for d in draws]) / base_draws - 1
        results[name]["aperture_snr_gain_by_flux_bin"] = gains.tolist()
        results[name]["aperture_snr_gain"] = float(np.nanmean(gains))  # a small sample may leave a bin empty
        results[name]["aperture_snr_gain_interval"] = np.percentile(np.nanmean(drawn, axis=1), [2.5, 97.5]).tolist()
    return results


# ------------------------------------------------------------------------------------------------ training


def train(
    data_path: Path,
    test_path: Path,
    out: Path = WEIGHTS_PATH,
    *,
    epochs: int = 12,
    seed: int = 0,
    flux_weight: float = 1.0,
) -> dict[str, Any]:
    """Train on the anomaly-free pairs of a data set; save weights with their measured quality."""
    import torch
    from tqdm import tqdm

    torch.manual_seed(seed)
    torch.set_num_threads(1)
    with np.load(data_path) as data:
        keep = data["anomaly"] == 0
        sdss, des = data["sdss"][keep], data["des"][keep]
    resampled = to_des_grid(sdss)
    scale = np.array([sky_sigma(image) for image in resampled], dtype=np.float32)[:, None, None]
    x, y = torch.from_numpy(resampled / scale), torch.from_numpy((des / scale).astype(np.float32))
    n = DES.stamp_pixels
    yy, xx = np.mgrid[:n, :n] - (n - 1) / 2
    aperture = torch.from_numpy((np.hypot(xx, yy) * DES.pixel_arcsec <= APERTURE_RADIUS_ARCSEC).astype(np.float32))
    aperture_pixels = float(aperture.sum())
    model = _build()
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimiser, T_max=epochs)
    generator = torch.Generator().manual_seed(seed)
    started = time.perf_counter()
    progress = tqdm(range(epochs), desc="training S/N enhancer", unit="epoch")
    for _epoch in progress:
        order = torch.randperm(len(x), generator=generator)
        total = 0.0
        for start in range(0, len(x), 64):
            index = order[start : start + 64]
            error = model(x[index]) - y[index]
            # per-pixel error, plus the error of the aperture flux (both in units of the target's noise), so
            # that the photometry the S/N is measured from is kept, not only the look of the image
            flux_error = (error * aperture).sum(dim=(1, 2)) / aperture_pixels**0.5
            loss = (error**2).mean() + flux_weight * (flux_error**2).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += float(loss.detach()) * len(index)
        schedule.step()
        progress.set_postfix(mse=f"{total / len(x):.3f}")
    metrics: dict[str, Any] = {"train_pairs": len(x), "epochs": epochs}
    metrics["train_seconds"] = time.perf_counter() - started
    save_torch_checkpoint(out, model.state_dict(), metrics)
    return remeasure(out, data_path, test_path)


def remeasure(weights: Path, data_path: Path, test_path: Path) -> dict[str, Any]:
    """Measure the weights and the linear (Wiener) baseline on held-out pairs; store the figures in the checkpoint.

    The baseline's kernel is fitted on the training pairs and stored too; the weights are kept as they are.
    """
    import torch

    pairs = load_pairs(data_path, cache=truths_cache(data_path))
    kernel = fit_linear_filter(pairs["sdss"], pairs["clean_des"])
    enhancer = Enhancer(weights)
    metrics = {**enhancer.metrics, "linear_filter_kernel": kernel.tolist()}
    metrics["held_out"] = evaluate(enhancer, test_path, linear_kernel=kernel, cache=truths_cache(test_path))
    checkpoint = torch.load(weights, map_location="cpu", weights_only=True)
    save_torch_checkpoint(weights, checkpoint["state"], metrics)
    return metrics


def main() -> None:
    """Command line: train the shipped S/N enhancer and print its held-out quality (or re-measure the weights)."""
    parser = training_parser(__doc__, WEIGHTS_PATH, epochs=12)
    parser.add_argument("--flux-weight", type=float, default=1.0, help="weight of the aperture-flux loss term")
    parser.add_argument("--evaluate-only", action="store_true", help="re-measure the weights in --out; write nothing")
    parser.add_argument(
        "--remeasure", action="store_true", help="re-measure and store the figures in --out (the weights are kept)"
    )
    args = parser.parse_args()
    if args.evaluate_only:
        enhancer = Enhancer(args.out)
        kernel = np.array(enhancer.metrics["linear_filter_kernel"])
        print(json.dumps(evaluate(enhancer, args.test, linear_kernel=kernel, cache=truths_cache(args.test)), indent=2))
    elif args.remeasure:
        print(json.dumps(remeasure(args.out, args.train, args.test), indent=2))
    else:
        metrics = train(args.train, args.test, args.out, epochs=args.epochs, flux_weight=args.flux_weight)
        print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()

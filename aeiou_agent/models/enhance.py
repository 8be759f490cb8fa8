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
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from aeiou_agent.models import save_torch_checkpoint, training_parser
from aeiou_agent.models.galaxies import DES, SDSS

WEIGHTS_PATH = Path(__file__).parent / "weights" / "sn_enhancer.pt"
APERTURE_RADIUS_ARCSEC = 2.0
PIXEL_AREA_RATIO = (DES.pixel_arcsec / SDSS.pixel_arcsec) ** 2


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


def evaluate(enhancer: Enhancer, data_path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """S/N gain, PSNR and SSIM of the enhancer and the baselines on held-out, anomaly-free pairs."""
    from skimage.metrics import peak_signal_noise_ratio, structural_similarity

    from aeiou_agent.models.galaxies import GalaxyParams, render

    with np.load(data_path) as data:
        keep = np.flatnonzero(data["anomaly"] == 0)[:limit]
        sdss, des, params, angles = (
            data["sdss"][keep],
            data["des"][keep],
            data["params"][keep],
            data["position_angle_deg"][keep],
        )
    galaxies = [GalaxyParams(*map(float, (p[0], p[1], p[2], a, p[3]))) for p, a in zip(params, angles, strict=True)]
    clean_des = np.stack([render(g, DES, 0, noise=False) for g in galaxies])
    clean_sdss = to_des_grid(np.stack([render(g, SDSS, 0, noise=False) for g in galaxies]))
    candidates = {
        "sdss_input": (to_des_grid(sdss), clean_sdss),
        "gaussian_smoothing": (gaussian_baseline(sdss), clean_sdss),
        "median_filter": (median_baseline(sdss), clean_sdss),
        "enhancer": (enhancer.enhance(sdss), clean_des),
        "des_like_truth": (des, clean_des),
    }
    faint = params[:, 3] < np.median(params[:, 3])
    results: dict[str, Any] = {"pairs": len(keep), "aperture_radius_arcsec": APERTURE_RADIUS_ARCSEC}
    for name, (images, reference) in candidates.items():
        true_flux = aperture_flux(reference)
        relative = aperture_flux(images) / true_flux - 1
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
        results[name] = {
            "aperture_snr": float(1 / np.sqrt(np.mean(relative**2))),
            "aperture_snr_faint_half": float(1 / np.sqrt(np.mean(relative[faint] ** 2))),
            "aperture_flux_bias": float(np.median(relative)),
            "psnr_vs_des_db": float(np.mean(psnr_des)),
            "ssim_vs_des": float(np.mean(ssim_des)),
            "psnr_vs_noise_free_des_db": float(np.mean(psnr_clean)),
            "ssim_vs_noise_free_des": float(np.mean(ssim_clean)),
        }
    base = results["sdss_input"]
    for name in ("gaussian_smoothing", "median_filter", "enhancer", "des_like_truth"):
        results[name]["aperture_snr_gain"] = results[name]["aperture_snr"] / base["aperture_snr"] - 1
        results[name]["aperture_snr_gain_faint_half"] = (
            results[name]["aperture_snr_faint_half"] / base["aperture_snr_faint_half"] - 1
        )
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
    metrics["held_out"] = evaluate(Enhancer(out), test_path)
    save_torch_checkpoint(out, model.state_dict(), metrics)
    return metrics


def main() -> None:
    """Command line: train the shipped S/N enhancer and print its held-out quality."""
    parser = training_parser(__doc__, WEIGHTS_PATH, epochs=12)
    parser.add_argument("--flux-weight", type=float, default=1.0, help="weight of the aperture-flux loss term")
    args = parser.parse_args()
    metrics = train(args.train, args.test, args.out, epochs=args.epochs, flux_weight=args.flux_weight)
    print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()

"""A conditional GAN of cosmic-web slices, trained on the repo's 2LPT simulator (after arXiv:1908.05519).

Perraudin et al. 2019 (and Rodríguez et al. 2018 before them) trained GANs on N-body density slices and judged
them by the statistics cosmologists use. Here the slices are 64 × 64 maps (2 Mpc/h pixels, 128 Mpc/h across,
16 Mpc/h thick) of 2LPT boxes (aeiou_agent.models.cosmic_web), conditioned on σ8 and Ωm.

- Data: log10(1 + δ), standardised; random 64² crops of the periodic 128² slabs, flipped and turned.
- Generator: a spatial noise grid (8 × 8) upsampled three times by convolutions; σ8 and Ωm enter every block
  by feature-wise scale and shift (FiLM); fresh noise is added after each block for small-scale texture.
- Discriminator: strided convolutions with spectral normalisation; the conditions by projection (Miyato &
  Koyama 2018); hinge loss.
- The generator also pays for a mismatch of the two statistics it must get right by construction: the power
  spectrum of δ (log, in 12 bins, against the mean of the training boxes it is conditioned like) and the
  one-point distribution (sorted values against those of the real batch). Morphology — peaks, Minkowski
  functionals — is left to the adversarial loss, and judged on held-out boxes against the lognormal baseline.

Train (after making the slabs, see aeiou_agent.models.cosmic_web)::

    python -m aeiou_agent.models.cosmic_web_gan build/cosmic_web/train.npz build/cosmic_web/test.npz
"""

from __future__ import annotations

import itertools
import json
import time
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from aeiou_agent.models import load_torch_checkpoint, save_torch_checkpoint, training_parser
from aeiou_agent.models.cosmic_web import CONDITION_RANGES, CONDITIONS, MAP_PIXELS, log_density

WEIGHTS_PATH = Path(__file__).parent / "weights" / "cosmic_web_gan.pt"
LATENT_CHANNELS = 32
LATENT_STRIDE = 8  # noise grid cells per map side: MAP_PIXELS / LATENT_STRIDE
PIXEL_MPC_H = 2.0
POWER_BINS = 12
_LOW = np.array([CONDITION_RANGES[c][0] for c in CONDITIONS])
_HIGH = np.array([CONDITION_RANGES[c][1] for c in CONDITIONS])


class OutsideTrainingRange(ValueError):
    """σ8 or Ωm outside the box the generator was trained on."""


def unit_conditions(conditions: np.ndarray) -> np.ndarray:
    """(σ8, Ωm) rows mapped to [-1, 1] over the training box; raises OutsideTrainingRange outside it."""
    conditions = np.atleast_2d(np.asarray(conditions, dtype=np.float64))
    outside = (conditions < _LOW - 1e-9) | (conditions > _HIGH + 1e-9)
    if outside.any():
        bounds = ", ".join(f"{c} {lo:g}–{hi:g}" for c, lo, hi in zip(CONDITIONS, _LOW, _HIGH, strict=True))
        raise OutsideTrainingRange(f"the cosmic-web generator was trained on {bounds}")
    return (2 * (conditions - _LOW) / (_HIGH - _LOW) - 1).astype(np.float32)


def _build() -> tuple[Any, Any]:
    """(generator, discriminator) modules."""
    import torch
    from torch import nn
    from torch.nn.utils.parametrizations import spectral_norm

    n_cond = len(CONDITIONS)

    class Film(nn.Module):
        def __init__(self, channels: int) -> None:
            super().__init__()
            self.norm = nn.GroupNorm(8, channels, affine=False)  # per map: the same when training and drawing
            self.scale_shift = nn.Linear(n_cond, 2 * channels)
            nn.init.zeros_(self.scale_shift.weight)
            nn.init.zeros_(self.scale_shift.bias)

        def forward(self, x: torch.Tensor, c: torch.Tensor) -> torch.Tensor:
            scale, shift = self.scale_shift(c)[:, :, None, None].chunk(2, dim=1)
            return self.norm(x) * (1 + scale) + shift

    class Block(nn.Module):
        def __init__(self, channels_in: int, channels_out: int) -> None:
            super().__init__()
            self.conv1 = nn.Conv2d(channels_in, channels_out, 3, padding=1, padding_mode="reflect")
            self.conv2 = nn.Conv2d(channels_out, channels_out, 3, padding=1, padding_mode="reflect")
            self.film1, self.film2 = Film(channels_out), Film(channels_out)
            self.noise_scale = nn.Parameter(torch.full((1, channels_out, 1, 1), 0.1))
            self.act = nn.LeakyReLU(0.2)

        def forward(self, x: torch.Tensor, c: torch.Tensor) -> torch.Tensor:
            x = nn.functional.interpolate(x, scale_factor=2, mode="nearest")
            x = self.act(self.film1(self.conv1(x), c))
            x = self.conv2(x) + self.noise_scale * torch.randn_like(x[:, :1])
            return self.act(self.film2(x, c))

    class Generator(nn.Module):
        """(noise (B, LATENT_CHANNELS, h, w), conditions (B, 2)) → standardised log density (B, 1, 8h, 8w)."""

        def __init__(self) -> None:
            super().__init__()
            self.stem = nn.Conv2d(LATENT_CHANNELS + n_cond, 64, 3, padding=1, padding_mode="reflect")
            self.blocks = nn.ModuleList([Block(64, 64), Block(64, 32), Block(32, 16)])
            self.out = nn.Conv2d(16, 1, 3, padding=1, padding_mode="reflect")

        def forward(self, noise: torch.Tensor, c: torch.Tensor) -> torch.Tensor:
            planes = c[:, :, None, None].expand(-1, -1, noise.shape[2], noise.shape[3])
            x = nn.functional.leaky_relu(self.stem(torch.cat([noise, planes], dim=1)), 0.2)
            for block in self.blocks:
                x = block(x, c)
            return self.out(x)

    class Discriminator(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            widths = [1, 32, 64, 128, 128]
            layers: list[nn.Module] = []
            for a, b in itertools.pairwise(widths):
                layers += [spectral_norm(nn.Conv2d(a, b, 4, stride=2, padding=1)), nn.LeakyReLU(0.2)]
            self.features = nn.Sequential(*layers)
            self.linear = spectral_norm(nn.Linear(widths[-1], 1))
            self.embed = spectral_norm(nn.Linear(n_cond, widths[-1]))

        def forward(self, x: torch.Tensor, c: torch.Tensor) -> torch.Tensor:
            h = self.features(x).sum(dim=(2, 3))
            return self.linear(h)[:, 0] + (self.embed(c) * h).sum(dim=1)

    return Generator(), Discriminator()


class CosmicWebGenerator:
    """Draws maps of 1 + δ from the shipped weights."""

    def __init__(self, path: Path = WEIGHTS_PATH):
        self.path = path
        model, self.metrics, self.sha256 = load_torch_checkpoint(
            path, lambda: _build()[0], "aeiou_agent.models.cosmic_web_gan"
        )
        self.generator = model
        self.log_mean = float(self.metrics["log_mean"])
        self.log_std = float(self.metrics["log_std"])
        self.calibration: dict[str, Any] | None = self.metrics.get("spectral_calibration")

    def sample(self, sigma8: float, omega_m: float, count: int, seed: int, *, pixels: int = MAP_PIXELS) -> np.ndarray:
        """``count`` maps (count, pixels, pixels) of 1 + δ, each with mean 1; same seed, same maps."""
        import torch

        if pixels % LATENT_STRIDE:
            raise ValueError(f"map size must be a multiple of {LATENT_STRIDE} pixels")
        c = torch.from_numpy(np.repeat(unit_conditions(np.array([[sigma8, omega_m]])), count, axis=0))
        generator = torch.Generator().manual_seed(int(seed))
        side = pixels // LATENT_STRIDE
        out = []
        with torch.no_grad():
            fork = torch.random.fork_rng()
            with fork:
                torch.manual_seed(int(seed))
                for start in range(0, count, 64):
                    n = min(64, count - start)
                    noise = torch.randn(n, LATENT_CHANNELS, side, side, generator=generator)
                    out.append(self.generator(noise, c[start : start + n])[:, 0].numpy())
        standardised = np.concatenate(out)
        if self.calibration is not None:
            standardised = apply_spectral_gain(standardised, spectral_gain(self.calibration, sigma8, omega_m, pixels))
        density = 10.0 ** (standardised * self.log_std + self.log_mean)
        return density / density.mean(axis=(1, 2), keepdims=True)


@cache
def load_generator() -> CosmicWebGenerator:
    """The shipped generator, loaded once per process."""
    return CosmicWebGenerator()


# ------------------------------------------------------------------------------------ spectral calibration
#
# The adversarial and power losses leave the generator's P(k) off by up to ~14% in places (a bump at the noise
# grid's scale, a tilt at small scales), smoothly in k and in σ8 and Ωm. A fixed isotropic filter on the output
# log density corrects that: its log gain per k bin is linear in the (unit) conditions, fitted on training boxes
# by a few fixed-point steps (gain × √(P_sim / P_generated)). It changes amplitudes only, not phases: morphology
# is still the network's, and it is re-judged on the held-out boxes with everything else.

CALIBRATION_BINS = 16


def spectral_gain(calibration: dict[str, Any], sigma8: float, omega_m: float, pixels: int) -> np.ndarray:
    """(pixels, pixels) gain on the Fourier modes of the standardised log density for these conditions."""
    from aeiou_agent.models.cosmic_web import grid_k_2d

    coefficients = np.asarray(calibration["coefficients"])  # (1 + conditions, bins): log gain = [1, c] @ coefficients
    unit = unit_conditions(np.array([[sigma8, omega_m]]))[0]
    log_gain = np.concatenate([[1.0], unit]) @ coefficients
    log_k = np.log(np.asarray(calibration["k_h_mpc"]))
    k = grid_k_2d(pixels, pixels * PIXEL_MPC_H)
    gain = np.exp(np.interp(np.log(np.maximum(k, 1e-6)), log_k, log_gain))  # constant beyond the end bins
    gain[0, 0] = 1.0
    return gain


def apply_spectral_gain(fields: np.ndarray, gain: np.ndarray) -> np.ndarray:
    """Fields (m, n, n) with every Fourier mode scaled by ``gain`` (n, n): amplitudes change, phases do not."""
    n = fields.shape[-1]
    return np.fft.irfft2(np.fft.rfft2(fields) * gain[:, : n // 2 + 1], s=(n, n)).astype(fields.dtype)


def fit_spectral_calibration(
    model: CosmicWebGenerator, train_path: Path, *, boxes: int = 60, maps_per_box: int = 96, steps: int = 3
) -> dict[str, Any]:
    """The filter that brings the generator's P(k) to the simulator's on training boxes (see above)."""
    from tqdm import tqdm

    from aeiou_agent.models.cosmic_web import mean_power_2d, quadrants

    data = np.load(train_path)
    conditions = data["conditions"]
    box_ids = np.unique(conditions[:, 2], return_inverse=True)[1]
    rng = np.random.default_rng(3)
    chosen = rng.choice(int(box_ids.max()) + 1, min(boxes, int(box_ids.max()) + 1), replace=False)
    box_mpc_h = MAP_PIXELS * PIXEL_MPC_H
    points, truths = [], []
    for box in chosen:
        members = np.flatnonzero(box_ids == box)
        points.append(conditions[members[0], :2])
        truths.append(mean_power_2d(quadrants(data["maps"][members].astype(np.float64)), box_mpc_h, CALIBRATION_BINS))
    k = truths[0]["k"]
    design = np.column_stack([np.ones(len(points)), unit_conditions(np.array(points))])
    coefficients = np.zeros((design.shape[1], len(k)))
    model.calibration = None
    for step in tqdm(range(steps), desc="calibrating the power spectrum", unit="step"):
        model.calibration = {"k_h_mpc": k.tolist(), "coefficients": coefficients.tolist()} if step else None
        half_log_ratio = []
        for i, ((sigma8, omega_m), truth) in enumerate(zip(points, truths, strict=True)):
            drawn = model.sample(float(sigma8), float(omega_m), maps_per_box, seed=100 + i)
            half_log_ratio.append(0.5 * np.log(truth["p"] / mean_power_2d(drawn, box_mpc_h, CALIBRATION_BINS)["p"]))
        coefficients = coefficients + np.linalg.lstsq(design, half_log_ratio, rcond=None)[0]
    calibration = {"k_h_mpc": [round(float(v), 6) for v in k], "coefficients": coefficients.round(6).tolist()}
    calibration.update(boxes=len(chosen), maps_per_box=maps_per_box, steps=steps)
    model.calibration = calibration
    return calibration


# ------------------------------------------------------------------------------------------------ training


def _power_bin_matrix(pixels: int) -> np.ndarray:
    """(pixels², POWER_BINS) matrix averaging |FFT|² over the modes of each bin (measure_power_2d's bins)."""
    from aeiou_agent.models.cosmic_web import power_bin_index

    which = power_bin_index(pixels, pixels * PIXEL_MPC_H, POWER_BINS)
    inside = np.flatnonzero(which >= 0)
    modes = np.bincount(which[inside], minlength=POWER_BINS)
    matrix = np.zeros((pixels * pixels, POWER_BINS), dtype=np.float32)
    matrix[inside, which[inside]] = 1.0 / modes[which[inside]]
    return matrix


def _log_power(density: Any, bin_matrix: Any) -> Any:
    """Log of the batch-mean binned power of δ = density / mean − 1 (torch, differentiable)."""
    import torch

    delta = density / density.mean(dim=(1, 2), keepdim=True) - 1
    power = torch.fft.fft2(delta).abs().pow(2).flatten(1)
    return torch.log(power.mean(dim=0) @ bin_matrix + 1e-12)


def train(
    train_path: Path,
    test_path: Path,
    out: Path = WEIGHTS_PATH,
    *,
    epochs: int = 20,
    seed: int = 0,
    batch: int = 32,
    boxes_per_batch: int = 4,
    power_weight: float = 20.0,
    pdf_weight: float = 5.0,
    minutes: float | None = None,
) -> dict[str, Any]:
    """Train on the training slabs; judge on the held-out boxes (evaluate()); save weights and metrics."""
    import torch
    from tqdm import tqdm

    torch.manual_seed(seed)
    torch.set_num_threads(2)
    data = np.load(train_path)
    slabs = data["maps"].astype(np.float32)
    conditions = data["conditions"][:, :2]
    box_ids = np.unique(data["conditions"][:, 2], return_inverse=True)[1]
    logs = log_density(slabs)
    log_mean, log_std = float(logs.mean()), float(logs.std())
    standardised = torch.from_numpy(((logs - log_mean) / log_std).astype(np.float32))
    unit = torch.from_numpy(unit_conditions(conditions))
    bin_matrix_t = torch.from_numpy(_power_bin_matrix(MAP_PIXELS))
    # each box's mean log power over crops of its slabs: the target the generator's spectrum is held to
    rng = np.random.default_rng(seed)
    members_of_box = [np.flatnonzero(box_ids == box) for box in range(int(box_ids.max()) + 1)]
    box_log_power = torch.zeros(len(members_of_box), POWER_BINS)
    with torch.no_grad():
        for box, members in enumerate(members_of_box):
            crops = torch.from_numpy(_crops(slabs[members], rng, 4 * len(members)))
            box_log_power[box] = _log_power(crops, bin_matrix_t)

    generator, discriminator = _build()
    opt_g = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(0.0, 0.9))
    opt_d = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(0.0, 0.9))
    steps_per_epoch = len(slabs) // batch
    side = MAP_PIXELS // LATENT_STRIDE
    per_box = batch // boxes_per_batch
    started = time.perf_counter()
    progress = tqdm(range(epochs * steps_per_epoch), desc="training cosmic-web GAN", unit="step")
    for step in progress:
        # a few boxes per batch, several crops of each: the power and PDF losses compare like with like
        chosen = rng.choice(len(members_of_box), boxes_per_batch, replace=False)
        pick = np.concatenate([rng.choice(members_of_box[box], per_box) for box in chosen])
        real = torch.from_numpy(_crops(standardised.numpy()[pick], rng, batch))[:, None]
        c = unit[pick]
        noise = torch.randn(batch, LATENT_CHANNELS, side, side)
        fake = generator(noise, c)
        loss_d = torch.relu(1 - discriminator(real, c)).mean() + torch.relu(1 + discriminator(fake.detach(), c)).mean()
        opt_d.zero_grad()
        loss_d.backward()
        opt_d.step()
        density = 10.0 ** (fake[:, 0] * log_std + log_mean)
        loss_power = torch.zeros(())
        loss_pdf = torch.zeros(())
        for group, box in enumerate(chosen):  # each box's crops against the maps drawn for its σ8 and Ωm
            rows = slice(group * per_box, (group + 1) * per_box)
            loss_power = loss_power + (_log_power(density[rows], bin_matrix_t) - box_log_power[box]).pow(2).mean()
            drawn, seen = torch.sort(fake[rows].flatten())[0], torch.sort(real[rows].flatten())[0]
            loss_pdf = loss_pdf + (drawn - seen).abs().mean()
        loss_power, loss_pdf = loss_power / boxes_per_batch, loss_pdf / boxes_per_batch
        loss_g = -discriminator(fake, c).mean() + power_weight * loss_power + pdf_weight * loss_pdf
        opt_g.zero_grad()
        loss_g.backward()
        opt_g.step()
        if step % 50 == 0:
            progress.set_postfix(d=f"{loss_d.item():.2f}", pk=f"{loss_power.item():.4f}", pdf=f"{loss_pdf.item():.3f}")
        if minutes is not None and time.perf_counter() - started > 60 * minutes:
            break
    metrics: dict[str, Any] = {
        "log_mean": log_mean,
        "log_std": log_std,
        "train_slabs": len(slabs),
        "train_boxes": int(box_ids.max()) + 1,
        "steps": step + 1,
        "batch": batch,
        "train_seconds": time.perf_counter() - started,
        "simulator_seconds_per_box": float(data["simulator_seconds_per_box"]),
        "seed": seed,
    }
    generator.eval()
    save_torch_checkpoint(out, generator.state_dict(), metrics)
    return calibrate(out, train_path, test_path)


def calibrate(weights: Path, train_path: Path, test_path: Path) -> dict[str, Any]:
    """Fit the spectral calibration of trained weights, judge them on the held-out boxes, and store both."""
    import torch

    model = CosmicWebGenerator(weights)
    metrics = {key: value for key, value in model.metrics.items() if key not in {"held_out", "spectral_calibration"}}
    metrics["spectral_calibration"] = fit_spectral_calibration(model, train_path)
    metrics.update(evaluate(model, test_path))
    state = torch.load(weights, map_location="cpu", weights_only=True)["state"]
    save_torch_checkpoint(weights, state, metrics)
    return metrics


def _crops(maps: np.ndarray, rng: np.random.Generator, count: int) -> np.ndarray:
    """``count`` random MAP_PIXELS² crops of periodic maps (m, n, n) (rolled, flipped, turned)."""
    n = maps.shape[-1]
    out = np.empty((count, MAP_PIXELS, MAP_PIXELS), dtype=np.float32)
    for i in range(count):
        source = maps[i % len(maps)]
        dy, dx = rng.integers(0, n, 2)
        tile = np.roll(source, (-dy, -dx), axis=(0, 1))[:MAP_PIXELS, :MAP_PIXELS]
        if rng.random() < 0.5:
            tile = tile.T
        out[i] = np.flip(tile, axis=tuple(np.flatnonzero(rng.random(2) < 0.5))) if rng.random() < 0.75 else tile
    return out


def evaluate(model: CosmicWebGenerator, test_path: Path, seed: int = 7) -> dict[str, Any]:
    """Generator and lognormal baseline against held-out 2LPT boxes, point by point, and the speed-up."""
    from aeiou_agent.models.cosmic_web import Standardiser, compare, lognormal_like, quadrants, statistics

    data = np.load(test_path)
    maps = data["maps"].astype(np.float64)
    conditions = data["conditions"]
    box_mpc_h = MAP_PIXELS * PIXEL_MPC_H
    k_half_nyquist = np.pi / PIXEL_MPC_H / 2
    points = []
    for point in np.unique(conditions[:, :2], axis=0):
        members = np.all(conditions[:, :2] == point, axis=1)
        truth_maps = quadrants(maps[members])
        standardise = Standardiser(truth_maps)
        truth = statistics(truth_maps, standardise, box_mpc_h)
        started = time.perf_counter()
        generated = model.sample(float(point[0]), float(point[1]), len(truth_maps), seed)
        seconds_per_map = (time.perf_counter() - started) / len(truth_maps)
        lognormal = lognormal_like(truth_maps, box_mpc_h, len(truth_maps), seed)
        points.append(
            {
                "sigma8": float(point[0]),
                "omega_m": float(point[1]),
                "maps": len(truth_maps),
                "generator": compare(statistics(generated, standardise, box_mpc_h), truth, k_half_nyquist),
                "lognormal": compare(statistics(lognormal, standardise, box_mpc_h), truth, k_half_nyquist),
                "generator_seconds_per_map": seconds_per_map,
            }
        )
    simulator_per_map = float(data["simulator_seconds_per_box"]) / (len(maps) / len(np.unique(conditions[:, 2])) * 4)
    generator_per_map = float(np.mean([p["generator_seconds_per_map"] for p in points]))
    return {
        "held_out": points,
        "simulator_seconds_per_map": simulator_per_map,
        "generator_seconds_per_map": generator_per_map,
        "simulator_seconds_per_box": float(data["simulator_seconds_per_box"]),
    }


def main() -> None:
    """Command line: train (or with --evaluate-only re-measure) the generator."""
    parser = training_parser(__doc__, WEIGHTS_PATH, epochs=20)
    parser.add_argument("--minutes", type=float, default=30.0, help="stop training after this many minutes")
    parser.add_argument("--power-weight", type=float, default=20.0, help="weight of the power-spectrum loss")
    parser.add_argument("--evaluate-only", action="store_true", help="re-measure the weights file, do not train")
    parser.add_argument(
        "--calibrate-only", action="store_true", help="refit the spectral calibration of the weights, do not train"
    )
    args = parser.parse_args()
    if args.evaluate_only:
        print(json.dumps(evaluate(CosmicWebGenerator(args.out), args.test), indent=1))
        return
    if args.calibrate_only:
        print(json.dumps(calibrate(args.out, args.train, args.test), indent=1))
        return
    metrics = train(
        args.train, args.test, args.out, epochs=args.epochs, minutes=args.minutes, power_weight=args.power_weight
    )
    print(json.dumps(metrics, indent=1))


if __name__ == "__main__":
    main()

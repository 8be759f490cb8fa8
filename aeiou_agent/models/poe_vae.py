"""Multimodal VAE with a product-of-experts posterior (Wu & Goodman 2018, arXiv:1802.05335).

Three modalities of one galaxy share a 16-dimensional latent: the DES-like stamp (48×48), the SDSS-like
stamp (32×32) and the structural parameters (Sérsic n, log half-light radius, the ellipticity as the two
components e·cos 2θ and e·sin 2θ — an image shows the orientation, so these are what it can predict — and
log flux). Each
has an encoder giving a Gaussian "expert"; the posterior for any subset of modalities is the product of
their experts and the prior N(0, I). Training uses the sub-sampled ELBO: the joint term plus one term per
single modality, each reconstructing only the modalities it was given, so that any modality can be encoded
alone and any can be decoded from the latent.

Images are in units of their survey's sky noise; their likelihood is Gaussian with the CCD variance (sky +
read noise + the galaxy's Poisson noise), so the ELBO of a stamp is a calibrated anomaly score.

Train (after ``python -m aeiou_agent.models.galaxies``)::

    python -m aeiou_agent.models.poe_vae build/galaxies/train.npz build/galaxies/test.npz
"""

from __future__ import annotations

import dataclasses
import json
import time
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from aeiou_agent.models import save_npz_atomically, save_torch_checkpoint, training_parser
from aeiou_agent.models.galaxies import DES, SDSS, Survey

WEIGHTS_PATH = Path(__file__).parent / "weights" / "galaxy_poe_vae.pt"
LATENT = 16
MODALITIES = ("des", "sdss", "params")
# (n, ln r, e cos 2θ, e sin 2θ, log10 flux): centres and about one standard deviation of the training ranges
PARAM_MEAN = np.array([3.25, 0.0, 0.0, 0.0, 4.35], dtype=np.float32)
PARAM_SCALE = np.array([1.6, 0.67, 0.29, 0.29, 0.38], dtype=np.float32)
N_PARAMS = len(PARAM_MEAN)


def to_units(images: np.ndarray, survey: Survey) -> np.ndarray:
    """Stamps in units of the survey's sky noise."""
    return (np.asarray(images, dtype=np.float32) / survey.sky_sigma_electrons).astype(np.float32)


def params_vector(galaxies: np.ndarray) -> np.ndarray:
    """Rows in GalaxyParams order (n, r″, e, position angle °, log10 flux) → the standardised modality."""
    g = np.asarray(galaxies, dtype=np.float64)
    two_theta = np.radians(2 * g[:, 3])
    p = np.stack([g[:, 0], np.log(g[:, 1]), g[:, 2] * np.cos(two_theta), g[:, 2] * np.sin(two_theta), g[:, 4]], 1)
    return ((p - PARAM_MEAN) / PARAM_SCALE).astype(np.float32)


def params_from_vector(vector: np.ndarray) -> np.ndarray:
    """Inverse of :func:`params_vector`: rows (n, r″, e, position angle ° in [0, 180), log10 flux)."""
    p = np.asarray(vector, dtype=np.float64) * PARAM_SCALE + PARAM_MEAN
    e1, e2 = p[:, 2], p[:, 3]
    angle = np.degrees(np.arctan2(e2, e1) / 2) % 180
    return np.stack([p[:, 0], np.exp(p[:, 1]), np.hypot(e1, e2), angle, p[:, 4]], 1).astype(np.float32)


def galaxy_rows(data: Any) -> np.ndarray:
    """GalaxyParams-ordered rows of a data set written by ``galaxies.make_dataset``."""
    params = np.asarray(data["params"])
    return np.column_stack([params[:, :3], data["position_angle_deg"], params[:, 3]]).astype(np.float32)


def _build() -> Any:
    import torch
    from torch import nn

    def conv_encoder(size: int) -> nn.Module:
        final = size // 8
        return nn.Sequential(
            nn.Conv2d(1, 32, 4, 2, 1),
            nn.SiLU(),
            nn.Conv2d(32, 64, 4, 2, 1),
            nn.SiLU(),
            nn.Conv2d(64, 64, 4, 2, 1),
            nn.SiLU(),
            nn.Flatten(),
            nn.Linear(64 * final * final, 256),
            nn.SiLU(),
            nn.Linear(256, 2 * LATENT),
        )

    def mlp(n_in: int, n_out: int) -> nn.Module:
        return nn.Sequential(nn.Linear(n_in, 128), nn.SiLU(), nn.Linear(128, 128), nn.SiLU(), nn.Linear(128, n_out))

    class ConvDecoder(nn.Module):
        def __init__(self, size: int) -> None:
            super().__init__()
            self.final = size // 8
            self.dense = nn.Sequential(nn.Linear(LATENT, 256), nn.SiLU(), nn.Linear(256, 64 * self.final**2), nn.SiLU())
            self.deconv = nn.Sequential(
                nn.ConvTranspose2d(64, 64, 4, 2, 1),
                nn.SiLU(),
                nn.ConvTranspose2d(64, 32, 4, 2, 1),
                nn.SiLU(),
                nn.ConvTranspose2d(32, 16, 4, 2, 1),
                nn.SiLU(),
                nn.Conv2d(16, 1, 3, 1, 1),
            )

        def forward(self, z: torch.Tensor) -> torch.Tensor:
            return self.deconv(self.dense(z).view(-1, 64, self.final, self.final))[:, 0]

    class PoEVAE(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoders = nn.ModuleDict(
                {
                    "des": conv_encoder(DES.stamp_pixels),
                    "sdss": conv_encoder(SDSS.stamp_pixels),
                    "params": nn.Sequential(
                        nn.Linear(N_PARAMS, 128), nn.SiLU(), nn.Linear(128, 128), nn.SiLU(), nn.Linear(128, 2 * LATENT)
                    ),
                }
            )
            self.decoders = nn.ModuleDict(
                {
                    "des": ConvDecoder(DES.stamp_pixels),
                    "sdss": ConvDecoder(SDSS.stamp_pixels),
                    "params": nn.Sequential(
                        nn.Linear(LATENT, 128), nn.SiLU(), nn.Linear(128, 128), nn.SiLU(), nn.Linear(128, N_PARAMS)
                    ),
                }
            )

        def expert(self, name: str, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
            inputs = torch.asinh(x / 3)[:, None] if name != "params" else x  # asinh: faint and bright alike
            h = self.encoders[name](inputs)
            return h[:, :LATENT], h[:, LATENT:].clamp(-8, 8)

    return PoEVAE()


def product_of_experts(experts: list[tuple[Any, Any]]) -> tuple[Any, Any]:
    """Mean and log-variance of the product of the prior N(0, I) and the given Gaussian experts."""
    import torch

    precision = torch.ones_like(experts[0][0])  # the prior expert
    weighted = torch.zeros_like(experts[0][0])
    for mu, log_var in experts:
        p = torch.exp(-log_var)
        precision = precision + p
        weighted = weighted + mu * p
    return weighted / precision, -torch.log(precision)


def image_nll(prediction: Any, observed: Any, survey: Survey) -> Any:
    """Gaussian negative log-likelihood per stamp with the CCD variance (sky + read + galaxy Poisson noise)."""
    import torch

    variance = 1 + torch.clamp(observed, min=0) / survey.sky_sigma_electrons
    return (0.5 * ((prediction - observed) ** 2 / variance + torch.log(variance))).sum(dim=(1, 2))


PARAM_SIGMA = 0.05  # likelihood σ of the standardised parameters


def modality_nll(model: Any, name: str, z: Any, x: Any) -> Any:
    """Negative log-likelihood of one modality given latents ``z``."""
    prediction = model.decoders[name](z)
    if name == "params":
        return (0.5 * ((prediction - x) / PARAM_SIGMA) ** 2).sum(dim=1)
    return image_nll(prediction, x, DES if name == "des" else SDSS)


def elbo_terms(
    model: Any,
    batch: dict[str, Any],
    subset: tuple[str, ...],
    *,
    sample: bool = True,
    targets: tuple[str, ...] | None = None,
) -> tuple[Any, Any]:
    """Per galaxy: (NLL of ``targets``, by default the subset's own modalities; KL), posterior from ``subset``."""
    import torch

    mu, log_var = product_of_experts([model.expert(name, batch[name]) for name in subset])
    z = mu + torch.randn_like(mu) * torch.exp(0.5 * log_var) if sample else mu
    nll = sum(modality_nll(model, name, z, batch[name]) for name in (targets or subset))
    kl = -0.5 * (1 + log_var - mu**2 - log_var.exp()).sum(dim=1)
    return nll, kl


class GalaxyPoEVAE:
    """The shipped multimodal VAE, for inference on the CPU."""

    def __init__(self, path: Path = WEIGHTS_PATH):
        from aeiou_agent.models import load_torch_checkpoint

        self.model, self.metrics, self.sha256 = load_torch_checkpoint(path, _build, __name__)

    def _batch(self, des: np.ndarray | None, sdss: np.ndarray | None, params: np.ndarray | None) -> dict[str, Any]:
        import torch

        batch = {}
        if des is not None:
            batch["des"] = torch.from_numpy(to_units(des, DES))
        if sdss is not None:
            batch["sdss"] = torch.from_numpy(to_units(sdss, SDSS))
        if params is not None:
            batch["params"] = torch.from_numpy(params_vector(params))
        if not batch:
            raise ValueError("give at least one modality")
        return batch

    def encode(
        self, des: np.ndarray | None = None, sdss: np.ndarray | None = None, params: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Posterior mean and standard deviation of the latent from whichever modalities are given."""
        import torch

        batch = self._batch(des, sdss, params)
        with torch.no_grad():
            mu, log_var = product_of_experts([self.model.expert(name, x) for name, x in batch.items()])
        return mu.numpy(), np.exp(0.5 * log_var.numpy())

    def decode(self, latent: np.ndarray) -> dict[str, np.ndarray]:
        """Every modality from latents: DES-like and SDSS-like stamps (electrons) and parameters."""
        import torch

        z = torch.from_numpy(np.asarray(latent, dtype=np.float32))
        with torch.no_grad():
            des = self.model.decoders["des"](z).numpy() * DES.sky_sigma_electrons
            sdss = self.model.decoders["sdss"](z).numpy() * SDSS.sky_sigma_electrons
            params = params_from_vector(self.model.decoders["params"](z).numpy())
        return {"des": des, "sdss": sdss, "params": params}

    def predict_params(
        self, des: np.ndarray | None = None, sdss: np.ndarray | None = None, params: np.ndarray | None = None
    ) -> np.ndarray:
        """GalaxyParams-ordered rows (n, r″, e, angle °, log10 flux) decoded from the posterior mean."""
        mu, _sigma = self.encode(des, sdss, params)
        return self.decode(mu)["params"]

    def sample_latents(self, mu: np.ndarray, sigma: np.ndarray, draws: int, seed: int) -> np.ndarray:
        """``draws`` latents per row from the Gaussian posterior (mu, sigma): shape (rows, draws, LATENT)."""
        noise = np.random.default_rng(seed).standard_normal((len(mu), draws, LATENT)).astype(np.float32)
        return mu[:, None, :] + sigma[:, None, :] * noise

    def edit(self, latent: np.ndarray, changes: dict[int, float | np.ndarray]) -> np.ndarray:
        """Latents moved so that the decoded parameters take the ``changes`` (column → new value, or one per row).

        Attribute-vector arithmetic: z' = z + E(p') − E(p), where p are the parameters decoded from z, p' the
        same with the changes applied, and E the parameter expert's posterior mean. What the image put in the
        latent beyond the parameters (a companion, the noise realisation) stays.
        """
        before = self.decode(latent)["params"]
        after = before.copy()
        for column, value in changes.items():
            after[:, column] = value
        shift = self.encode(params=after)[0] - self.encode(params=before)[0]
        return (latent + shift).astype(np.float32)

    def anomaly_score(self, des: np.ndarray, sdss: np.ndarray) -> np.ndarray:
        """Negative ELBO of the two images (posterior from both, at its mean) per pixel: higher = stranger."""
        import torch

        batch = self._batch(des, sdss, None)
        with torch.no_grad():
            nll, kl = elbo_terms(self.model, batch, ("des", "sdss"), sample=False)
        pixels = DES.stamp_pixels**2 + SDSS.stamp_pixels**2
        return ((nll + kl) / pixels).numpy()


def image_modality(image: np.ndarray) -> str:
    """'des' or 'sdss' from a stamp's size (48 or 32 pixels square); ValueError otherwise."""
    by_size = {DES.stamp_pixels: "des", SDSS.stamp_pixels: "sdss"}
    shape = np.shape(image)[-2:]
    if len(shape) != 2 or shape[0] != shape[1] or shape[0] not in by_size:
        raise ValueError(
            f"a {'×'.join(map(str, shape))} image is neither a DES-like stamp (48×48, 0.263″ pixels) nor an "
            "SDSS-like one (32×32, 0.396″)"
        )
    return by_size[shape[0]]


REFERENCE_SEED = 2026
REFERENCE_GALAXIES = 1000


def reference_survey(folder: Path, model: GalaxyPoEVAE, *, progress: bool = True) -> dict[str, np.ndarray]:
    """AEIOU's simulated reference survey: paired stamps, truth, anomaly labels, latents and anomaly scores.

    Rendered once with GalSim (seed REFERENCE_SEED, ~3% injected anomalies) and cached in ``folder``; the latents
    and scores are cached per weights hash, so new weights re-encode without re-rendering.
    """
    from aeiou_agent.models.galaxies import make_dataset

    folder.mkdir(parents=True, exist_ok=True)
    images_file = folder / f"survey_seed{REFERENCE_SEED}_n{REFERENCE_GALAXIES}.npz"
    if not images_file.exists():
        save_npz_atomically(images_file, make_dataset(REFERENCE_GALAXIES, REFERENCE_SEED, progress=progress))
    with np.load(images_file) as data:
        survey = {"des": data["des"], "sdss": data["sdss"], "galaxies": galaxy_rows(data), "anomaly": data["anomaly"]}
    latents_file = images_file.with_name(f"{images_file.stem}.latents-{model.sha256[:12]}.npz")
    if not latents_file.exists():
        mu, sigma = model.encode(des=survey["des"], sdss=survey["sdss"])
        scores = model.anomaly_score(survey["des"], survey["sdss"])
        save_npz_atomically(latents_file, {"latent": mu, "latent_sigma": sigma, "anomaly_score": scores})
    with np.load(latents_file) as data:
        survey.update({name: data[name] for name in data.files})
    return survey


@cache
def load_poe_vae() -> GalaxyPoEVAE:
    """The shipped model, loaded once per process."""
    return GalaxyPoEVAE()


# ------------------------------------------------------------------------------------------------ quality


def roc_auc_score(positive: np.ndarray, score: np.ndarray) -> float:
    """Area under the ROC curve: the probability that a positive scores above a negative (ties count half)."""
    from scipy.stats import rankdata

    ranks = rankdata(score)
    n_pos = int(np.sum(positive))
    n_neg = len(score) - n_pos
    if not n_pos or not n_neg:
        raise ValueError("a ROC curve needs both positives and negatives")
    return float((ranks[np.asarray(positive, bool)].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def parameter_errors(predicted: np.ndarray, truth: np.ndarray) -> dict[str, float]:
    """Median errors of GalaxyParams-ordered rows: n and e absolute, radius and flux relative / in dex."""
    return {
        "sersic_n_median_abs_error": float(np.median(np.abs(predicted[:, 0] - truth[:, 0]))),
        "radius_median_relative_error": float(np.median(np.abs(predicted[:, 1] / truth[:, 1] - 1))),
        "ellipticity_median_abs_error": float(np.median(np.abs(predicted[:, 2] - truth[:, 2]))),
        "log10_flux_median_abs_error": float(np.median(np.abs(predicted[:, 4] - truth[:, 4]))),
    }


def evaluate(
    model: GalaxyPoEVAE, data_path: Path, *, limit: int | None = None, baseline_galaxies: int = 0
) -> dict[str, Any]:
    """Anomaly ROC AUC on the injected anomalies, and parameters predicted from each image alone.

    On the first ``baseline_galaxies`` normal galaxies the least-squares Sérsic fit of the same stamps is beside it.
    """
    from aeiou_agent.models.galaxies import GalaxyParams, fit_sersic

    with np.load(data_path) as data:
        rows = slice(0, limit)
        des, sdss, labels = data["des"][rows], data["sdss"][rows], data["anomaly"][rows]
        truth_all = galaxy_rows(data)[rows]
    scores = np.concatenate([model.anomaly_score(des[i : i + 256], sdss[i : i + 256]) for i in range(0, len(des), 256)])
    result: dict[str, Any] = {"galaxies": len(des), "anomalies": int((labels > 0).sum())}
    result["anomaly_roc_auc"] = roc_auc_score(labels > 0, scores) if 0 < (labels > 0).sum() < len(labels) else None
    for kind in (1, 2, 3):
        chosen = (labels == 0) | (labels == kind)
        if (labels == kind).any():
            result[f"anomaly_roc_auc_kind_{kind}"] = roc_auc_score(labels[chosen] > 0, scores[chosen])
    clean = labels == 0
    truth = truth_all[clean]
    for source, survey, images in (("des", DES, des[clean]), ("sdss", SDSS, sdss[clean])):
        predicted = model.predict_params(**{source: images})
        result[f"params_from_{source}"] = parameter_errors(predicted, truth)
        if baseline_galaxies:
            count = min(baseline_galaxies, len(images))
            chosen_rows = slice(0, count)
            started = time.perf_counter()
            fitted = np.array([dataclasses.astuple(fit_sersic(image, survey)) for image in images[chosen_rows]])
            fit_seconds = (time.perf_counter() - started) / count
            started = time.perf_counter()
            starts = model.predict_params(**{source: images[chosen_rows]})  # timed on its own: one batch
            vae_seconds = (time.perf_counter() - started) / count
            refined = np.array(
                [
                    dataclasses.astuple(fit_sersic(image, survey, start=GalaxyParams(*map(float, row))))
                    for image, row in zip(images[chosen_rows], starts, strict=True)
                ]
            )
            combined_seconds = (time.perf_counter() - started) / count
            result[f"subset_{count}_from_{source}"] = {
                "poe_vae": parameter_errors(predicted[chosen_rows], truth[chosen_rows]),
                "least_squares_fit": parameter_errors(fitted, truth[chosen_rows]),
                "vae_then_fit": parameter_errors(refined, truth[chosen_rows]),
                "seconds_per_galaxy": {
                    "poe_vae": vae_seconds,
                    "least_squares_fit": fit_seconds,
                    "vae_then_fit": combined_seconds,
                },
            }
    result["edit_sersic_n"] = edit_quality(model, des[clean][:200])
    return result


def edit_quality(model: GalaxyPoEVAE, des: np.ndarray, seed: int = 0) -> dict[str, float]:
    """How well :meth:`GalaxyPoEVAE.edit` sets the Sérsic index of real images to random targets in 1–5.

    'reached' reads n from the edited latent; 'reread' encodes the edited galaxy's decoded DES-like image
    again, so it checks the picture, not only the latent; 'unedited' is how far the targets were to begin with.
    """
    targets = np.random.default_rng(seed).uniform(1.0, 5.0, len(des)).astype(np.float32)
    mu, _sigma = model.encode(des=des)
    before = model.decode(mu)
    after = model.decode(model.edit(mu, {0: targets}))
    reread = model.predict_params(des=after["des"])
    return {
        "galaxies": len(des),
        "unedited_median_abs_difference": float(np.median(np.abs(before["params"][:, 0] - targets))),
        "reached_median_abs_error": float(np.median(np.abs(after["params"][:, 0] - targets))),
        "reread_median_abs_error": float(np.median(np.abs(reread[:, 0] - targets))),
        "radius_median_relative_change": float(np.median(np.abs(after["params"][:, 1] / before["params"][:, 1] - 1))),
    }


# ------------------------------------------------------------------------------------------------ training


def train(
    data_path: Path,
    test_path: Path,
    out: Path = WEIGHTS_PATH,
    *,
    epochs: int = 10,
    seed: int = 0,
    threads: int | None = None,
) -> dict[str, Any]:
    """Unsupervised: every training galaxy, anomalies included (as a real survey would be); sub-sampled ELBO."""
    import torch
    from tqdm import tqdm

    torch.manual_seed(seed)
    if threads:  # default: torch's own (every core); 1 leaves a core free for other work
        torch.set_num_threads(threads)
    with np.load(data_path) as data:
        tensors = {
            "des": torch.from_numpy(to_units(data["des"], DES)),
            "sdss": torch.from_numpy(to_units(data["sdss"], SDSS)),
            "params": torch.from_numpy(params_vector(galaxy_rows(data))),
        }
    n = len(tensors["des"])
    model = _build()
    optimiser = torch.optim.Adam(model.parameters(), lr=5e-4)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimiser, T_max=epochs)
    generator = torch.Generator().manual_seed(seed)
    subsets = [MODALITIES, *((m,) for m in MODALITIES)]
    started = time.perf_counter()
    progress = tqdm(range(epochs), desc="training PoE VAE", unit="epoch")
    for _epoch in progress:
        order = torch.randperm(n, generator=generator)
        total = 0.0
        for start in range(0, n, 128):
            index = order[start : start + 128]
            batch = {name: x[index] for name, x in tensors.items()}
            # every posterior, joint or from one modality, reconstructs every modality (cross-reconstruction):
            # with the plain sub-sampled ELBO an image's posterior never learnt to predict the parameters
            loss = sum((sum(elbo_terms(model, batch, subset, targets=MODALITIES))).mean() for subset in subsets)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 100.0)
            optimiser.step()
            total += float(loss.detach()) * len(index)
        schedule.step()
        progress.set_postfix(loss=f"{total / n:.0f}")
    metrics: dict[str, Any] = {
        "train_galaxies": n,
        "epochs": epochs,
        "train_seconds": time.perf_counter() - started,
        "threads": torch.get_num_threads(),
    }
    save_torch_checkpoint(out, model.state_dict(), metrics)
    metrics["held_out"] = evaluate(GalaxyPoEVAE(out), test_path, baseline_galaxies=100)
    save_torch_checkpoint(out, model.state_dict(), metrics)
    return metrics


def main() -> None:
    """Command line: train the shipped multimodal VAE and print its held-out quality (or re-measure weights)."""
    parser = training_parser(__doc__, WEIGHTS_PATH, epochs=10)
    parser.add_argument("--threads", type=int, default=None, help="CPU threads (default: all cores)")
    parser.add_argument("--evaluate-only", action="store_true", help="re-measure the weights in --out, keep them")
    args = parser.parse_args()
    if args.evaluate_only:
        print(json.dumps(remeasure(args.out, args.test), indent=2))
    else:
        metrics = train(args.train, args.test, args.out, epochs=args.epochs, threads=args.threads)
        print(json.dumps(metrics, indent=2))


def remeasure(weights: Path, test_path: Path) -> dict[str, Any]:
    """Evaluate existing weights again and store the new held-out figures in the checkpoint (the state is kept)."""
    import torch

    metrics = GalaxyPoEVAE(weights).metrics
    metrics["held_out"] = evaluate(GalaxyPoEVAE(weights), test_path, baseline_galaxies=100)
    checkpoint = torch.load(weights, map_location="cpu", weights_only=True)
    save_torch_checkpoint(weights, checkpoint["state"], metrics)
    return metrics


if __name__ == "__main__":
    main()

"""The knowledge store: seeding, ingestion of every format, hybrid retrieval, grounding and injection safety."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aeiou_agent import Observatory
from aeiou_agent.knowledge import ingest as ingest_module
from aeiou_agent.knowledge.ingest import chunk_text
from aeiou_agent.knowledge.store import soft_recall
from aeiou_agent.planning import ChatContext

DOCS = Path(__file__).parent / "data" / "docs"
INJECTION = Path(__file__).parent / "data" / "injection"


@pytest.fixture()
def fresh_obs(fresh_home):
    observatory = Observatory(fresh_home)
    observatory.build()
    return observatory


def test_seed_indexes_bibliography_cards_and_tool_docs(obs):
    knowledge = obs.knowledge
    obs.build()
    assert knowledge.count("papers") >= 17
    assert knowledge.count("dataset_cards") == 3
    assert knowledge.count("tool_docs") == len(obs.registry)
    before = knowledge.count()
    assert obs.build()["knowledge"]["chunks"] == before  # seeding again adds nothing


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_each_retrieval_mode_finds_the_cyclegan_paper(obs, mode):
    obs.build()
    passages = obs.knowledge.search("CycleGAN translating SDSS images to DES", k=3, mode=mode)
    assert passages[0].source_id == "arXiv:2011.07124"


def test_literature_answer_cites_and_quotes(obs):
    ans = obs.ask("Which paper used CycleGAN to increase the signal-to-noise of SDSS images?")
    assert [c.tool for c in ans.calls] == ["search_literature"]
    assert ans.citations[0].id == "arXiv:2011.07124"
    assert ans.citations[0].label().startswith("arXiv:2011.07124 — Survey2Survey")
    assert "[1]" in ans.text and "> Survey2Survey" in ans.text and ans.grounded


def test_unanswerable_question_says_nothing_found(obs):
    ans = obs.ask("papers about exoplanet atmospheres observed with JWST")
    assert "found nothing" in ans.text and not ans.citations


def test_a_paper_described_in_other_words_is_found(obs):
    """No title word in the question: the relevance model, not word overlap, has to recognise the paper."""
    ans = obs.ask("the generator design where a separate network turns the random code into styles for each layer")
    assert [c.tool for c in ans.calls] == ["search_literature"]
    assert [c.id for c in ans.citations] == ["arXiv:1812.04948"]


def test_the_paper_that_covers_every_idea_of_the_question_is_ranked_first(obs):
    """The fused ranking put the paper sharing the question's commonest words first; the re-ranking by soft recall
    puts the one covering 'two stages' and 're-reduced … against the 1997 version' first."""
    for question, expected in [
        ("which article grew synthetic galaxy images in two stages for data augmentation?", "arXiv:1811.03081"),
        (
            "the paper that checks the re-reduced astrometric satellite catalogue against the 1997 version",
            "arXiv:0708.1752",
        ),
    ]:
        answer = obs.ask(question)
        assert answer.calls[0].result["ranked_sources"][0] == expected and answer.citations[0].id == expected
        query = answer.calls[0].args["query"]  # the search as the tool ran it
        assert obs.knowledge.search(query, k=5)[0].soft_recall is not None
    dense = obs.knowledge.search("two stages of synthetic galaxy images", k=5, mode="dense")
    assert all(p.soft_recall is None for p in dense)  # 'dense' and 'bm25' stay single methods, for comparing them


def test_a_work_asked_for_by_what_it_did_is_searched_for(obs):
    for question in ["which work built the Millennium Simulation?", "who measured the Hubble constant with Cepheids?"]:
        answer = obs.ask(question)
        assert [c.tool for c in answer.calls] == ["search_literature"] and "found nothing" in answer.text


def test_a_nearby_topic_the_store_lacks_is_not_cited_but_the_closest_entry_is_named(obs):
    ans = obs.ask("which paper denoised radio interferometer images with a diffusion model?")
    assert [c.tool for c in ans.calls] == ["search_literature"]
    assert "found nothing" in ans.text and not ans.citations
    closest = ans.calls[0].result["closest"]
    assert closest is not None and f"The closest entry is {closest['title']}" in ans.text
    # the question's words are the search as typed: no constraint is left unused and no word was re-read
    assert "Note:" not in ans.text


def test_the_literature_search_gets_the_users_own_words(obs):
    """Keyword correction is for routing: 'injects' must reach the search as typed, not as 'objects'."""
    plan = obs.planner.plan("the architecture that injects the latent code at every resolution", ChatContext())
    assert plan.calls[0].tool == "search_literature"
    assert "injects" in plan.calls[0].args["query"]


def test_soft_recall_rewards_each_idea_of_the_question_having_a_counterpart(obs):
    obs.build()
    passage = obs.knowledge.search("StyleGAN", k=1)[0]
    assert passage.source_id == "arXiv:1812.04948"
    close = soft_recall("a mapping network feeding styles into the generator", passage)
    far = soft_recall("photometric redshifts from random forests", passage)
    assert 0.0 < far < close <= 1.0


def test_chunks_respect_paragraphs_and_overlap():
    text = "\n\n".join(f"Paragraph {i}. " + "word " * 60 for i in range(6))
    chunks = chunk_text(text, max_chars=700)
    assert len(chunks) > 1 and all(len(c) <= 700 for c in chunks)
    assert all(c.startswith("Paragraph") for c in chunks)
    assert chunks[1].startswith(chunks[0].split("Paragraph")[-1].join(["Paragraph", ""])[:12])  # one paragraph overlap
    long = "A sentence without end " * 100
    assert all(len(c) <= 700 for c in chunk_text(long, max_chars=700))


def test_ingest_every_format_reports_bad_files_and_is_incremental(fresh_obs):
    report = fresh_obs.ingest([DOCS])
    by_name = {Path(f.path).name: f for f in report.files}
    for name in ("photoz_notes.pdf", "refs.bib", "notes.md", "extra.jsonl"):
        assert by_name[name].status == "ingested" and by_name[name].added > 0, by_name[name]
    assert by_name["encrypted.pdf"].status == "skipped" and "encrypted" in by_name["encrypted.pdf"].message
    assert by_name["broken.pdf"].status == "skipped" and "not a readable PDF" in by_name["broken.pdf"].message
    again = fresh_obs.ingest([DOCS])
    assert again.added == 0 and {f.status for f in again.files} == {"unchanged", "skipped"}

    pdf_hits = fresh_obs.knowledge.search("Balmer break outliers", k=5)
    assert any(p.metadata.get("page") == 2 and p.metadata.get("kind") == "pdf" for p in pdf_hits)
    bib = fresh_obs.knowledge.search("dust extinction reddening maps", k=3, year_min=2023)
    assert bib[0].metadata["title"] == "Dust extinction maps for wide-field surveys"
    assert all(p.metadata.get("year", 0) >= 2023 for p in bib)


def test_one_bad_file_or_record_never_stops_a_batch(fresh_obs, tmp_path, monkeypatch):
    """Issue 18 C2: a PDF that makes pypdf raise anything, and JSONL fields of the wrong type."""
    import pypdf
    from pypdf.errors import LimitReachedError

    class HostilePdf:  # what a flate bomb or a mutated file makes pypdf raise, where the file is opened
        def __init__(self, path: str) -> None:
            raise (LimitReachedError if "bomb" in path else AssertionError)("Limit reached while decompressing.")

    monkeypatch.setattr(pypdf, "PdfReader", HostilePdf)
    for name in ("bomb.pdf", "mutated.pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.4\n")
    records = [
        {"title": "Quasar variability with damped random walks", "authors": 5, "year": "2016", "text": "DRW fits."},
        {"title": "Tidal streams of the Milky Way", "authors": {"name": "X"}, "text": "streams"},
        {"title": 1998, "authors": ["A. Author", 7], "year": 2001.0, "abstract": "A numbered title."},
        {"title": "Broken year", "year": [2020], "text": "never ingested"},
    ]
    (tmp_path / "records.jsonl").write_text("\n".join(map(json.dumps, records)) + "\n{not json\n")
    (tmp_path / "fine.md").write_text("# Fine\n\nA note about gravitational microlensing parallax.\n")
    report = fresh_obs.ingest([tmp_path])
    by_name = {Path(f.path).name: f for f in report.files}
    assert by_name["fine.md"].status == "ingested"
    for name, kind in (("bomb.pdf", "LimitReachedError"), ("mutated.pdf", "AssertionError")):
        assert by_name[name].status == "skipped" and f"not a readable PDF ({kind}" in by_name[name].message
    jsonl = by_name["records.jsonl"]
    assert jsonl.status == "ingested" and jsonl.added == 2, jsonl
    assert "line 2 skipped: 'authors' must be text, not an object" in jsonl.message
    assert "line 4 skipped: 'year' must be a whole number" in jsonl.message
    assert "line 5 skipped: not valid JSON" in jsonl.message
    found = fresh_obs.knowledge.search("damped random walk quasar variability", k=1, source_id=None)[0]
    assert found.metadata["authors"] == "5" and found.metadata["year"] == 2016


def test_a_long_running_process_sees_documents_another_process_ingested(fresh_obs, fresh_home, tmp_path):
    """Issue 18 L2: the UI or MCP server keeps indexes in memory; an ingest elsewhere must reach them."""
    import os
    import subprocess
    import sys

    question = "zebra-striped glitches of radio pulsars"
    before = fresh_obs.knowledge.search(question, k=1)
    note = tmp_path / "pulsars.md"
    note.write_text("# Pulsar notes\n\nZebra-striped glitches were seen in a new sample of radio pulsars.\n")
    script = Path(sys.executable).with_name("aeiou")
    env = {**os.environ, "AEIOU_HOME": str(fresh_home)}
    done = subprocess.run([str(script), "ingest", str(note)], capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    after = fresh_obs.knowledge.search(question, k=1)
    assert before[0].metadata.get("path") != str(note) and after[0].metadata.get("path") == str(note)
    answer = fresh_obs.ask("What do my notes say about zebra-striped pulsar glitches?")
    assert "Zebra-striped glitches" in answer.text


def test_questions_about_my_documents(fresh_obs):
    fresh_obs.ingest([DOCS])
    ans = fresh_obs.ask("What do my papers say about photometric redshift errors?")
    assert ans.calls[0].args["origin"] == "ingested"
    assert ans.status == "answered" and ans.citations and ans.citations[0].id.startswith("file:")
    assert "Balmer break" in ans.text or "u band" in ans.text
    nothing = fresh_obs.ask("what do my papers say about gamma-ray bursts?")
    assert "found nothing" in nothing.text


def test_bad_paths_and_limits(fresh_obs, tmp_path, monkeypatch):
    odd = tmp_path / "report.docx"
    odd.write_bytes(b"PK\x03\x04 not really")
    binary = tmp_path / "data.txt"
    binary.write_bytes(b"\x00\x01\x02 binary")
    big = tmp_path / "big.md"
    big.write_text("x" * 2000)
    monkeypatch.setattr(ingest_module, "MAX_FILE_BYTES", 1000)
    report = fresh_obs.ingest([odd, binary, big, tmp_path / "missing.pdf"])
    messages = {Path(f.path).name: f.message for f in report.files}
    assert all(f.status == "skipped" for f in report.files)
    assert "unsupported type" in messages["report.docx"] and "binary" in messages["data.txt"]
    assert "larger than" in messages["big.md"] and "does not exist" in messages["missing.pdf"]


def test_injected_instructions_in_documents_are_only_data(fresh_obs):
    store_file = fresh_obs.settings.store_path
    before = hashlib.sha256(store_file.read_bytes()).hexdigest()
    fresh_obs.ingest([INJECTION])
    ans = fresh_obs.ask("What do my papers say about photometric redshift errors?")
    assert [c.tool for c in ans.calls] == ["search_literature"]
    assert "DROP TABLE" in ans.text  # quoted as a passage, not acted on
    assert hashlib.sha256(store_file.read_bytes()).hexdigest() == before
    assert fresh_obs.store.cursor().execute("SELECT count(*) FROM hipparcos").fetchone() == (117_955,)
    follow_up = fresh_obs.ask("How far away is Vega?")  # the next plan is unchanged by what was read
    assert [c.tool for c in follow_up.calls] == ["resolve_object", "parallax_distance"]
    # Markdown and HTML in a document are quoted as text, never rendered: no image fetched, no link, no script
    from aeiou_agent.ui import chat_message, sources_markdown

    answer = fresh_obs.ask("What do my documents say about dust extinction maps?")
    assert [c.tool for c in answer.calls] == ["search_literature"] and "extinction" in answer.text
    for shown in (answer.text, chat_message(answer), sources_markdown(answer)):
        assert not re.search(r"(?<!\\)!\[|(?<!\\)\]\(|(?<!\\)<(img|script)", shown), shown  # none unescaped
    assert "\\!\\[pixel\\](http://127.0.0.1:9/exfil" in answer.text + chat_message(answer)


def test_cli_ingest(fresh_home, monkeypatch):
    from aeiou_agent import cli

    monkeypatch.setenv("AEIOU_HOME", str(fresh_home))
    monkeypatch.setattr(cli.console, "width", 200)
    result = CliRunner().invoke(cli.app, ["ingest", str(DOCS / "notes.md"), str(DOCS / "broken.pdf")])
    assert result.exit_code == 0, result.output
    assert "ingested" in result.output and "skipped" in result.output and "1 ingested" in result.output
    only_bad = CliRunner().invoke(cli.app, ["ingest", str(DOCS / "broken.pdf")])
    assert only_bad.exit_code == 1


def test_arxiv_metadata_is_offline_by_default_and_parsed_from_a_recorded_response(fresh_home):
    from aeiou_agent.exceptions import RemoteServiceError, UserError

    recorded = (Path(__file__).parent / "data" / "arxiv_2011.07124.xml").read_bytes()
    offline = Observatory(fresh_home)
    with pytest.raises(RemoteServiceError, match="AEIOU_ONLINE=1"):
        offline.fetch_arxiv(["2011.07124"], fetch=lambda url: recorded)
    online = Observatory(fresh_home, online=True)
    with pytest.raises(UserError, match="not arXiv identifiers"):
        online.fetch_arxiv(["not-an-id"], fetch=lambda url: recorded)
    urls: list[str] = []
    added = online.fetch_arxiv(["arXiv:2011.07124"], fetch=lambda url: urls.append(url) or recorded)
    assert added == 1 and urls == ["https://export.arxiv.org/api/query?id_list=2011.07124"]
    hit = online.knowledge.search("CycleGAN Stripe 82 overlap", k=3)
    assert any(p.metadata.get("kind") == "arxiv" and p.metadata.get("year") == 2020 for p in hit)

    def unreachable(url: str) -> bytes:
        raise RemoteServiceError("arXiv could not be reached (no network)")

    with pytest.raises(RemoteServiceError, match="could not be reached"):
        online.fetch_arxiv(["2011.07124"], fetch=unreachable)


def test_search_tool_filters_by_source_year_and_collection(obs):
    from aeiou_agent.registry import ToolContext

    ctx = ToolContext(obs.settings, _store=obs.store)
    only = obs.registry.run(
        "search_literature", {"query": "generative model images", "source": "arXiv:1812.04948"}, ctx
    )
    assert {p["source_id"] for p in only.data["passages"]} <= {"arXiv:1812.04948"}
    old = obs.registry.run("search_literature", {"query": "astrometry parallaxes", "year_max": 2010}, ctx)
    assert old.data["passages"] and all(p["year"] <= 2010 for p in old.data["passages"])
    cards = obs.registry.run(
        "search_literature", {"query": "license of the NGC table", "collection": "dataset_cards"}, ctx
    )
    assert cards.data["passages"][0]["source_id"] == "dataset:ngc"
    tools = obs.registry.run(
        "search_literature", {"query": "rise and set times of planets", "collection": "tool_docs"}, ctx
    )
    assert tools.data["passages"][0]["source_id"] == "tool:rise_set"


def test_reseeding_replaces_built_in_chunks_that_changed(fresh_obs):
    from aeiou_agent.knowledge.store import bibliography_chunks, card_chunks, tool_doc_chunks

    knowledge = fresh_obs.knowledge
    total = knowledge.count()
    fresh_obs.ingest([DOCS / "notes.md"])  # user documents are never touched by re-seeding
    with_notes = knowledge.count()
    current = [*bibliography_chunks()[1:], *card_chunks(fresh_obs.store), *tool_doc_chunks(fresh_obs.registry)]
    assert knowledge._remove_stale_seed(current) == 1  # as if the first bibliography entry had been removed
    assert knowledge.count() == with_notes - 1
    (knowledge.path / "seed.json").unlink()
    info = fresh_obs.build()["knowledge"]
    assert info["added"] == 1 and knowledge.count() == with_notes and with_notes > total


def test_large_collections_are_read_in_pages(obs, monkeypatch):
    """One Chroma read of 100,000 chunks failed ('too many SQL variables'); reads are paged now."""
    from aeiou_agent.knowledge import store as store_module

    obs.build()
    knowledge = store_module.KnowledgeStore(obs.settings)  # a fresh instance: no cached BM25 index
    monkeypatch.setattr(store_module, "PAGE", 4)
    assert len(knowledge._all("papers")["ids"]) == knowledge.count("papers") >= 17
    assert knowledge.count("papers", origin="bibliography") == 17
    hits = knowledge.search("CycleGAN SDSS DES", k=1, mode="bm25")
    assert hits[0].source_id == "arXiv:2011.07124"


def test_numpy_minilm_gives_sentence_transformers_vectors(tmp_path):
    import numpy as np
    from sentence_transformers import SentenceTransformer

    from aeiou_agent.knowledge import embedder

    texts = ["Where is M31?", "Which paper used CycleGAN to increase the signal-to-noise of SDSS images?", "x" * 2000]
    reference = SentenceTransformer(str(embedder.model_path()), device="cpu").encode(texts, normalize_embeddings=True)
    ours = embedder._model().encode(texts)  # the NumPy runner, whichever runner embed() picks in this process
    assert ours.shape == (3, 384) and np.abs(ours - reference).max() < 1e-5  # the 2000-character text is truncated
    assert np.abs(embedder.embed(texts) - ours).max() < 1e-5
    cached = embedder.embed_cached(texts, tmp_path)
    (stored,) = tmp_path.glob("embeddings-*.npy")
    assert np.abs(cached - ours).max() < 1e-5 and np.array_equal(embedder.embed_cached(texts, tmp_path), cached)
    stored.write_bytes(b"not an array")  # a damaged cache is recomputed, not trusted
    assert np.abs(embedder.embed_cached(texts, tmp_path) - ours).max() < 1e-5


def test_cached_vectors_of_texts_no_longer_used_are_removed(tmp_path):
    """Each new set of routing texts (an upgrade, a changed example) wrote another vectors file, and the old ones
    stayed in AEIOU_HOME/cache for ever: the KEPT_EMBEDDINGS used last are kept, the rest removed."""
    import os

    from aeiou_agent.knowledge import embedder

    sets = [[f"question number {i}"] for i in range(embedder.KEPT_EMBEDDINGS + 2)]
    for texts in sets:
        embedder.embed_cached(texts, tmp_path)
        for file in tmp_path.glob("embeddings-*.npy"):  # each older than the next, whatever the clock's resolution
            os.utime(file, (file.stat().st_mtime - 1, file.stat().st_mtime - 1))
    assert len(list(tmp_path.glob("embeddings-*.npy"))) == embedder.KEPT_EMBEDDINGS
    before = {f.name for f in tmp_path.glob("embeddings-*.npy")}
    embedder.embed_cached(sets[-1], tmp_path)  # a set still kept is read, not written again
    assert {f.name for f in tmp_path.glob("embeddings-*.npy")} == before

"""Tests of the pretraining recipe (``models/recipe/pretrain.py``): its raw text and config."""
from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

from spacy.util import load_config

RECIPE = Path(__file__).resolve().parents[1] / "models" / "recipe"


def _recipe():
    spec = importlib.util.spec_from_file_location("pretrain_recipe", RECIPE / "pretrain.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fake_corpus(root: Path, texts: list[str]) -> Path:
    raw = root / "raw" / "riksdagen-interpellations.jsonl.gz"
    raw.parent.mkdir(parents=True)
    with gzip.open(raw, "wt", encoding="utf-8") as handle:
        for text in texts:
            handle.write(json.dumps({"text": text}) + "\n")
    return root


def test_raw_text_is_one_paragraph_per_line_without_short_ones(tmp_path):
    long_a = "Kommunen har under året startat ett nytt projekt för unga vuxna."
    long_b = "Regeringen  bör enligt min mening se över  reglerna för bidraget."
    data = _fake_corpus(tmp_path, [f"Interpellation\n{long_a}\n\n{long_b}", "Kort rad."])
    out = tmp_path / "raw.jsonl"
    counts = _recipe().write_raw_text(data, out, max_words=0)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == [{"text": long_a}, {"text": " ".join(long_b.split())}]
    assert counts["paragraphs"] == 2 and counts["stride"] == 1


def test_word_budget_takes_paragraphs_at_a_stride(tmp_path):
    paras = [f"Stycke nummer {i} har tillräckligt många ord för att räknas med." for i in range(10)]
    data = _fake_corpus(tmp_path, ["\n".join(paras)])
    out = tmp_path / "raw.jsonl"
    words = len(paras[0].split())
    counts = _recipe().write_raw_text(data, out, max_words=5 * words)
    texts = [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert counts["stride"] == 2
    assert texts == paras[::2]


def test_config_pretrains_the_shared_tok2vec_with_the_characters_objective(tmp_path):
    out = _recipe().pretrain_config(RECIPE / "joint.cfg", tmp_path / "pt.cfg", 3, 50)
    config = load_config(out)
    block = config["pretraining"]
    assert (block["component"], block["layer"], block["max_epochs"]) == ("tok2vec", "", 3)
    assert block["objective"]["@architectures"] == "spacy.PretrainCharacters.v1"
    assert block["objective"]["n_characters"] == 4
    # the model trained afterwards is joint.cfg's, unchanged
    joint = load_config(RECIPE / "joint.cfg")
    assert config["components"]["tok2vec"] == joint["components"]["tok2vec"]
    assert config["nlp"]["pipeline"] == joint["nlp"]["pipeline"]

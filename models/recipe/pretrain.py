"""Pretrain v2's shared tok2vec on raw Riksdag text (``spacy pretrain``, issue 12).

    python models/recipe/pretrain.py --data DIR --work DIR --vectors DIR [--max-words N]

Writes ``WORK/pretrain/raw.jsonl`` (one ``{"text": paragraph}`` per Riksdag paragraph of at
least ``MIN_WORDS`` words: spaCy's raw-text format), ``WORK/pretrain.cfg`` (``joint.cfg``
filled with spaCy's ``[pretraining]`` defaults, so the tok2vec pretrained is exactly the one
trained: component ``tok2vec``, layer ``""``) and runs ``spacy pretrain`` into
``WORK/pretrain/``; the weights of the last epoch are what ``[initialize] init_tok2vec``
then loads. ``pretrain.cfg`` doubles as the training config: spaCy finds the component to
load the weights into in its ``[pretraining]`` block.

Objective: spaCy's characters objective (predict the first and last ``N_CHARACTERS``
characters of each word from its context). The vectors objective would ask the tok2vec to
reproduce the floret vectors it already reads as an input feature (``include_static_vectors``),
which teaches it little. ``--max-words`` keeps the run within the time budget on this
machine's shared cores: paragraphs are taken at an even stride over the whole corpus
(every year), not the first ones.
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from spacy.cli.init_config import fill_config
from spacy.util import load_config

RECIPE = Path(__file__).resolve().parent
RAW = Path("raw") / "riksdagen-interpellations.jsonl.gz"
MIN_WORDS = 8  # headings, signatures and dates teach the context model nothing
N_CHARACTERS = 4
SETTINGS = {"max_epochs": 1, "max_words": 0, "save_every": 200}


def paragraphs(data: Path) -> Iterator[str]:
    """The Riksdag paragraphs (newline-separated in each document's text) long enough to
    carry context."""
    with gzip.open(data / RAW, "rt", encoding="utf-8") as handle:
        for line in handle:
            for para in json.loads(line)["text"].split("\n"):
                para = " ".join(para.split())
                if len(para.split()) >= MIN_WORDS:
                    yield para


def write_raw_text(data: Path, out: Path, max_words: int) -> dict:
    """JSONL of ``{"text": paragraph}``; at most about ``max_words`` words, taken at an even
    stride so that the sample spans the corpus. Returns the counts written."""
    total = sum(len(p.split()) for p in paragraphs(data))
    stride = max(1, round(total / max_words)) if max_words else 1
    out.parent.mkdir(parents=True, exist_ok=True)
    kept = words = 0
    with out.open("w", encoding="utf-8") as handle:
        for i, para in enumerate(paragraphs(data)):
            if i % stride == 0:
                handle.write(json.dumps({"text": para}, ensure_ascii=False) + "\n")
                kept += 1
                words += len(para.split())
    return {"paragraphs": kept, "words": words, "corpus_words": total, "stride": stride}


def pretrain_config(base_cfg: Path, out: Path, max_epochs: int, save_every: int) -> Path:
    """``base_cfg`` with spaCy's default ``[pretraining]`` block (characters objective),
    the epoch limit and a checkpoint every ``save_every`` batches."""
    fill_config(out, base_cfg, pretraining=True, silent=True)
    config = load_config(out)
    pretraining = config["pretraining"]
    pretraining.update({"max_epochs": max_epochs, "n_save_every": save_every,
                        "component": "tok2vec", "layer": ""})
    pretraining["objective"] = {"@architectures": "spacy.PretrainCharacters.v1",
                                "maxout_pieces": 3, "hidden_size": 300,
                                "n_characters": N_CHARACTERS}
    config.to_disk(out)
    return out


def pretrain(data: Path, work: Path, vectors: Path, max_epochs: int = SETTINGS["max_epochs"],
             max_words: int = SETTINGS["max_words"],
             save_every: int = SETTINGS["save_every"]) -> tuple[Path, Path]:
    """Raw text, config and ``spacy pretrain``; returns (training config, weights)."""
    out = work / "pretrain"
    raw = out / "raw.jsonl"
    if not raw.exists():
        print("raw text:", write_raw_text(data, raw, max_words), flush=True)
    cfg = pretrain_config(RECIPE / "joint.cfg", work / "pretrain.cfg", max_epochs, save_every)
    weights = out / f"model{max_epochs - 1}.bin"
    if not weights.exists():
        cmd = [sys.executable, "-m", "spacy", "pretrain", str(cfg), str(out),
               "--paths.raw_text", str(raw), "--paths.vectors", str(vectors)]
        print("$", " ".join(cmd), flush=True)
        subprocess.run(cmd, check=True)
    return cfg, weights


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--vectors", type=Path, required=True)
    parser.add_argument("--max-epochs", type=int, default=SETTINGS["max_epochs"])
    parser.add_argument("--max-words", type=int, default=SETTINGS["max_words"],
                        help="raw-text budget in words (0: all)")
    parser.add_argument("--save-every", type=int, default=SETTINGS["save_every"],
                        help="checkpoint every N batches")
    args = parser.parse_args(argv)
    print(pretrain(args.data, args.work, args.vectors, args.max_epochs, args.max_words,
                   args.save_every))


if __name__ == "__main__":
    main()

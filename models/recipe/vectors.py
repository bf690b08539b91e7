"""Floret vectors for textmine's pipeline from raw Swedish text.

    python models/recipe/vectors.py --data DIR --out DIR [--dim 96 --bucket 40000]

Text: the Riksdag interpellations (``raw/riksdagen-interpellations.jsonl.gz``, 5.3M words)
plus the words of the training files (UD 2015 train, Talbanken dev, PUD, the NER corpus train
file, UNER-Talbanken train); never the test files. Tokenized by a simple regular expression
(runs of letters/digits, single other characters) and lower-cased: the vectors are looked up
by the token's LOWER attribute (``spacy init vectors --attr LOWER``). Floret keeps only
hashed subword rows (``--bucket`` rows of ``--dim`` floats), so the table stays small and
every word, seen or not, gets a vector.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import time
from pathlib import Path

TOKEN = re.compile(r"\w+|[^\w\s]")
TRAIN_FILES = [
    ("conllu", "ud/UD_Swedish-Talbanken/sv_talbanken-ud-train-2015-v1.conll"),
    ("conllu", "ud/UD_Swedish-Talbanken/sv_talbanken-ud-dev.conllu"),
    ("conllu", "ud/UD_Swedish-PUD/sv_pud-ud-test.conllu"),
    ("tsv", "ner/swedish-ner-corpus/train_corpus.txt"),
    ("iob2", "ner/uner-talbanken/sv_talbanken-ud-train.iob2"),
]


def raw_lines(data: Path):
    raw = data / "raw" / "riksdagen-interpellations.jsonl.gz"
    with gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            for para in json.loads(line)["text"].split("\n"):
                if para.strip():
                    yield " ".join(TOKEN.findall(para.lower()))


def training_lines(data: Path):
    for kind, rel in TRAIN_FILES:
        words: list[str] = []
        for line in (data / rel).open(encoding="utf-8"):
            if line.startswith("#") and kind != "tsv":
                continue
            cols = line.rstrip("\n").split("\t") if kind != "tsv" else line.split()
            if len(cols) < 2:
                if words:
                    yield " ".join(words).lower()
                words = []
                continue
            if kind == "conllu" and ("-" in cols[0] or "." in cols[0]):
                continue
            words.append(cols[0] if kind == "tsv" else cols[1])
        if words:
            yield " ".join(words).lower()


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--dim", type=int, default=96)
    ap.add_argument("--bucket", type=int, default=40000)
    ap.add_argument("--epoch", type=int, default=5)
    ap.add_argument("--minn", type=int, default=4)
    ap.add_argument("--maxn", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    import floret

    args.out.mkdir(parents=True, exist_ok=True)
    text = args.out / "text.txt"
    start = time.time()
    if not text.exists():
        with text.open("w", encoding="utf-8") as out:
            for line in raw_lines(args.data):
                out.write(line + "\n")
            for line in training_lines(args.data):
                out.write(line + "\n")
    print(f"text ready in {time.time() - start:.0f}s", flush=True)
    model = floret.train_unsupervised(
        str(text), model="cbow", mode="floret", hashCount=2, bucket=args.bucket,
        minn=args.minn, maxn=args.maxn, dim=args.dim, epoch=args.epoch,
        minCount=3, thread=args.threads)
    vec = args.out / "vectors.floret"
    model.save_floret_vectors(str(vec))
    print(f"floret trained in {time.time() - start:.0f}s", flush=True)
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "sv", str(vec),
                    str(args.out / "vectors"), "--mode", "floret", "--attr", "LOWER",
                    "--name", "sv_textmine.riksdag_floret"], check=True)


if __name__ == "__main__":
    main()

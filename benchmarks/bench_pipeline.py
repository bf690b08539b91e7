"""Speed and memory of textmine's Swedish pipeline (a benchmark, not a test).

    python benchmarks/bench_pipeline.py [--model NAME] [--min-words 100000] [--json]

Reports, in one run on one core: model load time, words per second of the base pipeline
and of the full pipeline (with textmine's extractors) over the bundled report repeated
to at least ``--min-words`` words, beside ``spacy.blank("sv")`` tokenization of the same
text, and the process's peak resident memory.

The reference (issue 12) is a pipeline with sv_core_news_sm's architecture: spaCy's
``init config --lang sv --pipeline tagger,morphologizer,parser,ner --optimize efficiency``,
initialised on a few made-up examples (an untrained network costs what a trained one costs).
It runs on the same text in the same process, alternating with textmine's full pipeline
(``--rounds`` times; the best round of each is kept), and the report gives textmine's full
pipeline as a ratio of its speed, which holds better than absolute figures on shared machines.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core, as the goal is stated

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
from dataclasses import asdict, dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

REPORT = Path(__file__).resolve().parents[1] / "corpus" / "reports" / "pa-gang-i-uppdraget.txt"


@dataclass
class Result:
    words: int
    paragraphs: int
    import_seconds: float
    load_seconds: float
    load_full_seconds: float
    blank_words_per_second: float
    base_words_per_second: float
    full_words_per_second: float | None
    reference_words_per_second: float | None
    full_to_reference: float | None
    peak_rss_mb: float
    machine: str


def paragraphs(min_words: int) -> list[str]:
    """The report's paragraphs, repeated until they hold at least ``min_words`` words."""
    paras = [p.strip() for p in REPORT.read_text(encoding="utf-8").split("\n") if p.strip()]
    words_once = sum(len(p.split()) for p in paras)
    return paras * (min_words // words_once + 1)


def words_per_second(nlp, texts: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    words = sum(sum(1 for t in doc if not t.is_space) for doc in nlp.pipe(texts, batch_size=64))
    return words / (time.perf_counter() - start), words


# made-up sentences: (word, SUC tag, UPOS, head offset, relation, entity)
_REFERENCE_EXAMPLES = [
    [("Kommunen", "NN", "NOUN", 1, "nsubj", "B-ORG"), ("anställde", "VB", "VERB", 0, "ROOT", "O"),
     ("tre", "RG", "NUM", 1, "nummod", "O"), ("coacher", "NN", "NOUN", -2, "obj", "O"),
     ("i", "PP", "ADP", 1, "case", "O"), ("Umeå", "PM", "PROPN", -3, "obl", "B-LOC"),
     (".", "MAD", "PUNCT", -5, "punct", "O")],
    [("Anna", "PM", "PROPN", 1, "nsubj", "B-PER"), ("leder", "VB", "VERB", 0, "ROOT", "O"),
     ("projektet", "NN", "NOUN", -1, "obj", "O"), ("sedan", "PP", "ADP", 1, "case", "O"),
     ("2020", "RG", "NUM", -3, "obl", "O"), (".", "MAD", "PUNCT", -4, "punct", "O")],
]


def reference_pipeline():
    """spaCy's efficiency config for Swedish (sv_core_news_sm's architecture), initialised
    on the made-up examples above; untrained, it costs what a trained one costs."""
    import spacy
    from spacy.cli.init_config import init_config
    from spacy.tokens import Doc
    from spacy.training import Example

    config = init_config(lang="sv", pipeline=["tagger", "morphologizer", "parser", "ner"],
                         optimize="efficiency")
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    examples = []
    for sent in _REFERENCE_EXAMPLES:
        words, tags, pos, heads, deps, ents = zip(*sent)
        ref = Doc(nlp.vocab, words=list(words), tags=list(tags), pos=list(pos),
                  morphs=["_"] * len(words), heads=[i + h for i, h in enumerate(heads)],
                  deps=list(deps), ents=list(ents))
        examples.append(Example(nlp.make_doc(" ".join(words)), ref))
    nlp.initialize(lambda: examples)
    return nlp


def machine() -> str:
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, " \
           f"Python {platform.python_version()}"


def run(model: str | None, min_words: int, rounds: int = 2) -> Result:
    start = time.perf_counter()
    import spacy

    from textmine.pipeline.load import load, load_base
    imported = time.perf_counter() - start

    start = time.perf_counter()
    base = load_base(model)
    load_seconds = time.perf_counter() - start
    texts = paragraphs(min_words)
    blank_wps, words = words_per_second(spacy.blank("sv"), texts)
    base_wps, _ = words_per_second(base, texts)
    start = time.perf_counter()
    try:
        full = load(model)
        full_seconds = time.perf_counter() - start
    except ImportError:  # extractors not installed yet
        full, full_seconds, full_wps = None, 0.0, None
    reference = reference_pipeline()
    ref_runs, full_runs = [], []
    for _ in range(rounds):  # alternate, so both see the same machine load
        ref_runs.append(words_per_second(reference, texts)[0])
        if full is not None:
            full_runs.append(words_per_second(full, texts)[0])
    ref_wps = max(ref_runs)
    full_wps = max(full_runs) if full_runs else None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Result(words=words, paragraphs=len(texts), import_seconds=round(imported, 2),
                  load_seconds=round(load_seconds, 2), load_full_seconds=round(full_seconds, 2),
                  blank_words_per_second=round(blank_wps),
                  base_words_per_second=round(base_wps),
                  full_words_per_second=round(full_wps) if full_wps else None,
                  reference_words_per_second=round(ref_wps),
                  full_to_reference=round(full_wps / ref_wps, 3) if full_wps else None,
                  peak_rss_mb=round(peak, 1), machine=machine())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="pipeline (default: bundled model)")
    parser.add_argument("--min-words", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=2,
                        help="alternating timings of the reference and the full pipeline")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.model, args.min_words, args.rounds)
    if args.json:
        print(json.dumps(asdict(result), indent=2))
        return
    for key, value in asdict(result).items():
        print(f"{key:<24} {value}")


if __name__ == "__main__":
    main()

"""Words per second of textmine's extractors beside the bare pipeline.

The bundled report's passages are repeated until the text holds at least ``--words``
words (100k by default). The base pipeline (tagging, lemmas, parse, names) runs once
over them with the extractors disabled; then each extractor runs alone over the
resulting Docs, so its own cost is measured without the base pipeline's. The goal
(issue 4): the extractors together cost less than the statistical pipeline itself.

    python benchmarks/bench_extractors.py                 # textmine.load()
    python benchmarks/bench_extractors.py --model blank   # spacy.blank("sv") as the base
    python benchmarks/bench_extractors.py --append benchmarks/RESULTS.md
"""
from __future__ import annotations

import argparse
import os
import platform
import time
from datetime import datetime, timezone
from pathlib import Path

import regex
import spacy

from textmine.pipeline.context import EXTRACTORS, add_extractors

REPORT = Path(__file__).resolve().parents[1] / "corpus" / "reports" / "pa-gang-i-uppdraget.txt"
_WORD = regex.compile(r"[\p{L}\p{N}]+")


def passages(text: str) -> list[str]:
    """Paragraphs of the report (blank-line separated), long enough to be prose."""
    return [p.strip() for p in regex.split(r"\n\s*\n", text) if len(p.split()) >= 5]


def corpus(min_words: int) -> tuple[list[str], int]:
    """The report's passages repeated to at least ``min_words`` words."""
    base = passages(REPORT.read_text(encoding="utf-8"))
    texts: list[str] = []
    words = 0
    while words < min_words:
        for text in base:
            texts.append(text)
            words += len(_WORD.findall(text))
    return texts, words


def load(model: str | None):
    if model == "blank":
        return add_extractors(spacy.blank("sv")), "spacy.blank('sv')"
    from textmine.pipeline.load import load as textmine_load

    nlp = textmine_load(model)
    return nlp, f"textmine.load({model!r})" if model else "textmine.load()"


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} cores (shared), {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, spaCy {spacy.__version__}")


def run(model: str | None, min_words: int) -> dict:
    nlp, label = load(model)
    texts, words = corpus(min_words)
    extractors = [name for name in nlp.pipe_names if name in EXTRACTORS]
    with nlp.select_pipes(disable=extractors):
        base_names = list(nlp.pipe_names)
        started = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=64))
        base_seconds = time.perf_counter() - started
    timings = {}
    for name in extractors:
        component = nlp.get_pipe(name)
        started = time.perf_counter()
        for doc in docs:
            component(doc)
        timings[name] = time.perf_counter() - started
    return {"label": label, "base": base_names, "words": words, "passages": len(texts),
            "base_seconds": base_seconds, "timings": timings}


def table(result: dict) -> str:
    words = result["words"]
    base = result["base_seconds"]
    extra = sum(result["timings"].values())
    rows = [
        f"Pipeline: {result['label']} — base components: {', '.join(result['base']) or '(tokenizer only)'}",
        f"Text: bundled report repeated, {result['passages']} passages, {words} words",
        "",
        "| stage | seconds | words/s | share of base |",
        "|---|---:|---:|---:|",
        f"| base pipeline (extractors off) | {base:.2f} | {words / base:,.0f} | 100% |",
    ]
    for name, seconds in result["timings"].items():
        rows.append(f"| {name} alone | {seconds:.2f} | {words / seconds:,.0f} | {100 * seconds / base:.0f}% |")
    rows.append(f"| all extractors | {extra:.2f} | {words / extra:,.0f} | {100 * extra / base:.0f}% |")
    rows.append(f"| base + all extractors | {base + extra:.2f} | {words / (base + extra):,.0f} | "
                f"{100 * (base + extra) / base:.0f}% |")
    verdict = "met" if extra < base else "NOT met"
    rows += ["", f"Goal (extractors together cost less than the base pipeline): {verdict} "
                 f"({extra:.2f} s vs {base:.2f} s)."]
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=None, help="None = textmine.load(); 'blank' = spacy.blank('sv')")
    parser.add_argument("--words", type=int, default=100_000, help="minimum number of words")
    parser.add_argument("--append", type=Path, default=None, help="append the figures to this Markdown file")
    args = parser.parse_args()
    result = run(args.model, args.words)
    text = table(result)
    print(text)
    if args.append:
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        section = (f"\n## Extractors: numbers, entities, activities ({stamp})\n\n"
                   f"Command: `python benchmarks/bench_extractors.py"
                   f"{' --model ' + args.model if args.model else ''}`  \n"
                   f"Machine: {machine()}\n\n{text}\n")
        with args.append.open("a", encoding="utf-8") as handle:
            handle.write(section)


if __name__ == "__main__":
    main()

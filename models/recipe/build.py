"""Rebuild textmine's Swedish pipeline ``models/sv_textmine`` from the public corpora.

    python models/recipe/build.py                        # v2, the shipped model; data from ../shared/data
    python models/recipe/build.py --data DIR --work DIR   # elsewhere
    python models/recipe/build.py --v1 --out DIR          # the first model (shipped until issue 12)
    python models/recipe/build.py --reassemble DIR        # v2's last steps on a trained v2 pipeline
    python models/recipe/build.py --pretrain              # v2 with a pretrained tok2vec (pretrain.py)
    python models/recipe/build.py --v1-relations --v1-phrases --out DIR --work DIR
                                  # v2.1, the model shipped before v2.3 (v1 split's relations
                                  # and multi-word groups left as v1 has them)
    python models/recipe/build.py --uner-missing --no-heldout --out DIR --work DIR
                                  # v2 with UNER's non-entities missing, held-out not scored

Steps (v2, issue 12): convert the corpora (``convert.py``: the treebanks, the NER corpus and
UNER merged onto the treebank sentences, one joint corpus), train floret vectors on the
Riksdag text plus the training text (``vectors.py``), train one pipeline (``joint.cfg``: one
width-96 tok2vec with the static vectors, shared by tagger, morphologizer, trainable
lemmatizer, parser and NER; the senter keeps its own tiny one), fine-tune it at a lower
learning rate with parameter averaging, prepare the lemma table from simplemma's Swedish
dictionary, assemble (orthographic sentence boundaries in place of the trained senter,
before the parser; the lemma back-off after the lemmatizer; textmine's tokenizer), score
on the held-out test files, and write the model with meta.json, the data licences and the
lemma table's own licence note (ODbL 1.0, ``LICENSE-lemma-table.txt``).

``--reassemble DIR`` takes a pipeline built by the steps above up to the assembly (e.g. a
``--out`` of an earlier run) and redoes only the assembly, scoring and writing: how the
shipped model was made from the candidate built in issue 12 without retraining.

``--pretrain`` first pretrains the shared tok2vec on the Riksdag text (``pretrain.py``:
``spacy pretrain``, characters objective, one epoch) and starts the main training from those
weights (``[initialize] init_tok2vec``); the rest is unchanged. Measured in models/README.md
("Pretraining").

``--v1`` rebuilds the first model (``ud.cfg`` + ``ner.cfg``, two tok2vecs, the trained
senter, spacy-lookups-data table), as before.

Time of the v2 build on this machine (2 shared vCPUs, load 3-5, one core per job): about 40
minutes (conversion 0.3 min, vectors 1 min on 2 threads, main training ~29 min, fine-tuning
~8 min, assembly and held-out scoring 0.5 min); see models/README.md.
"""
from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

RECIPE = Path(__file__).resolve().parent
ROOT = RECIPE.parents[1]
sys.path[:0] = [str(ROOT), str(RECIPE)]

import spacy  # noqa: E402

from convert import add_conversion_options, conversion_flags  # noqa: E402
from pretrain import pretrain  # noqa: E402
from textmine.pipeline.lemma_backoff import (VERB_FILE, VOWELS, LemmaTable,  # noqa: E402
                                             read_words, verb_stem, write_words)

DEFAULT_DATA = ROOT.parent / "shared" / "data"
MODEL_NAME = "sv_textmine"
LICENCES = {
    "LICENSE-UD_Swedish-Talbanken.txt": "ud/UD_Swedish-Talbanken/LICENSE.txt",
    "LICENSE-UD_Swedish-PUD.txt": "ud/UD_Swedish-PUD/LICENSE.txt",
    "LICENSE-swedish-ner-corpus.txt": "ner/swedish-ner-corpus/LICENSE",
}
SOURCES = [
    {"name": "UD Swedish-Talbanken (train 2015 v1 mapped to v2, dev)",
     "url": "https://github.com/UniversalDependencies/UD_Swedish-Talbanken",
     "license": "CC BY-SA 4.0"},
    {"name": "UD Swedish-PUD", "url": "https://github.com/UniversalDependencies/UD_Swedish-PUD",
     "license": "CC BY-SA 4.0"},
    {"name": "Swedish NER corpus (Webbnyheter 2012, Språkbanken)",
     "url": "https://github.com/klintan/swedish-ner-corpus", "license": "CC BY 4.0"},
    {"name": "spacy-lookups-data Swedish lemma table",
     "url": "https://github.com/explosion/spacy-lookups-data", "license": "MIT"},
]
SOURCES_V2 = SOURCES[:3] + [
    {"name": "Universal NER, UNER_Swedish-Talbanken (train and dev)",
     "url": "https://github.com/UniversalNER/UNER_Swedish-Talbanken", "license": "CC BY-SA 4.0"},
    {"name": "Riksdag interpellations 1994-2024 (raw text for the floret vectors only)",
     "url": "https://github.com/swerik-project/riksdagen-interpellations",
     "license": "none stated (public official documents); only vectors trained on it are "
                "shipped, no text"},
    {"name": "simplemma Swedish dictionary (lemma back-off table)",
     "url": "https://github.com/adbar/simplemma",
     "license": "MIT (package); its lists derive from Mechura's lemmatization-lists (ODbL), "
                "Wiktionary/Kaikki, FreeLing, spacy-lookups-data, UniMorph, Wikinflection "
                "(CC BY 4.0)"},
]
LEMMA_TABLE_LICENCE = """\
textmine_lemma_backoff/lemma_table.tsv.gz: licence of the lemma table
=====================================================================

The table (Swedish word form -> lemma, about 504,000 forms) is derived from the Swedish
dictionary of simplemma 2.0.0 (https://github.com/adbar/simplemma, Adrien Barbaresi; the
package is MIT-licensed, see LICENSE-simplemma.txt) by lower-casing the forms and folding
genitives (models/recipe/build.py, simplemma_table). simplemma's Swedish dictionary is in
turn built from these upstream word lists:

- Michal Boleslav Měchura, lemmatization-lists, Swedish list
  (https://github.com/michmech/lemmatization-lists): Open Database License (ODbL) 1.0;
- Wiktionary via Kaikki (https://kaikki.org), FreeLing, spacy-lookups-data
  (https://github.com/explosion/spacy-lookups-data), UniMorph (https://unimorph.github.io)
  and Wikinflection: CC BY 4.0, as simplemma's documentation lists them.

Because the table is a derivative database of an ODbL 1.0 database, THIS TABLE FILE is
distributed under the Open Database License 1.0
(https://opendatacommons.org/licenses/odbl/1-0/), with attribution to each source above
(the attribution the CC BY 4.0 sources ask for). A derivative of the table must be
offered under ODbL 1.0 too. textmine_lemma_backoff/verb_lemmas.txt.gz (about 7,000 lemmas
the same dictionary knows only as verbs; models/recipe/build.py, verb_only_lemmas) is
derived from the same dictionary and is distributed under the same terms (ODbL 1.0, the
same attribution). The licence covers these two files only: the rest of the model
folder keeps its own licence (CC BY-SA 4.0, see models/README.md "Data and licence" and
meta.json), and textmine's code keeps the project's licence.
"""
JOINT = "joint"
FINETUNE_STEPS = {"ud": 600, "ner": 800}  # v1
JOINT_FINETUNE_STEPS = 800
VECTORS = {"dim": 96, "bucket": 40000, "epoch": 5, "minn": 4, "maxn": 5}
FINETUNE_LEARN_RATE = 0.0003
# Lemma back-off settings kept on evidence (models/README.md, lemma_eval.py).
BACKOFF = {"lowercase": True, "table": True, "compounds": True, "validate": True,
           "verb_veto": True}


def run(cmd: list[str], log: Path) -> subprocess.Popen:
    print("$", " ".join(cmd), ">", log, flush=True)
    handle = log.open("w")
    return subprocess.Popen(cmd, stdout=handle, stderr=subprocess.STDOUT, cwd=ROOT)


def train(work: Path, corpus: Path, parallel: bool) -> None:
    """Train the UD and NER pipelines (side by side on two cores), then fine-tune each
    from its best checkpoint at a lower learning rate with parameter averaging."""
    from finetune import finetune_config

    stages = {"": lambda name: RECIPE / f"{name}.cfg"}
    for suffix, config_for in stages.items():
        _train_stage(work, corpus, parallel, suffix, config_for)
    for name, steps in FINETUNE_STEPS.items():
        finetune_config(RECIPE / f"{name}.cfg", work / name / "model-best",
                        work / f"{name}-ft.cfg", FINETUNE_LEARN_RATE, steps)
    _train_stage(work, corpus, parallel, "-ft", lambda name: work / f"{name}-ft.cfg")


def _train_stage(work: Path, corpus: Path, parallel: bool, suffix: str, config_for) -> None:
    jobs = []
    for name in ("ud", "ner"):
        cmd = [sys.executable, "-m", "spacy", "train", str(config_for(name)),
               "--paths.train", str(corpus / f"{name}-train.spacy"),
               "--paths.dev", str(corpus / f"{name}-dev.spacy"),
               "-o", str(work / f"{name}{suffix}"), "--code", str(RECIPE / "finetune.py")]
        job = run(cmd, work / f"{name}{suffix}.log")
        if not parallel:
            job.wait()
        jobs.append(job)
    for job in jobs:
        if job.wait() != 0:
            raise SystemExit(f"training failed, see {work}/*.log")


def train_vectors(work: Path, data: Path) -> Path:
    out = work / "vectors"
    if not (out / "vectors" / "config.cfg").exists():
        cmd = [sys.executable, str(RECIPE / "vectors.py"), "--data", str(data), "--out", str(out)]
        for key, value in VECTORS.items():
            cmd += [f"--{key}", str(value)]
        subprocess.run(cmd, check=True, cwd=ROOT)
    return out / "vectors"


def train_joint(work: Path, corpus: Path, vectors: Path,
                pretrained: tuple[Path, Path] | None = None, seed: int | None = None) -> None:
    """One pipeline on the joint corpus, then the fine-tuning stage from its best checkpoint.
    ``pretrained``: (config with a ``[pretraining]`` block, tok2vec weights) from
    ``pretrain.py``; the main run starts its shared tok2vec from those weights."""
    from finetune import finetune_config
    seeded = [] if seed is None else ["--system.seed", str(seed)]  # joint.cfg's is 0

    def stage(cfg: Path, suffix: str, extra: list[str]) -> None:
        cmd = [sys.executable, "-m", "spacy", "train", str(cfg),
               "--paths.train", str(corpus / "joint-train.spacy"),
               "--paths.dev", str(corpus / "joint-dev.spacy"),
               "--paths.vectors", str(vectors),
               "-o", str(work / f"{JOINT}{suffix}"), "--code", str(RECIPE / "finetune.py"),
               *extra, *seeded]
        if run(cmd, work / f"{JOINT}{suffix}.log").wait() != 0:
            raise SystemExit(f"training failed, see {work}/{JOINT}{suffix}.log")

    if pretrained is None:
        stage(RECIPE / "joint.cfg", "", [])
    else:
        cfg, weights = pretrained
        stage(cfg, "", ["--paths.init_tok2vec", str(weights)])
    finetune_config(RECIPE / "joint.cfg", work / JOINT / "model-best", work / f"{JOINT}-ft.cfg",
                    FINETUNE_LEARN_RATE, JOINT_FINETUNE_STEPS)
    stage(work / f"{JOINT}-ft.cfg", "-ft", [])


def best_checkpoint(work: Path, name: str) -> Path:
    """The fine-tuned model when it scores better on the dev carve-out, else the first."""
    def score(path: Path) -> float:
        """spaCy's weighted dev score (the one it picks model-best by)."""
        if not (path / "meta.json").exists():
            return -1.0
        perf = json.loads((path / "meta.json").read_text())["performance"]
        weights = spacy.util.load_config(path / "config.cfg")["training"]["score_weights"]
        return sum(w * (perf.get(k) or 0.0) for k, w in weights.items() if w)
    first, tuned = work / name / "model-best", work / f"{name}-ft" / "model-best"
    return tuned if score(tuned) > score(first) else first


def lemma_table(out: Path) -> Path:
    """spacy-lookups-data's Swedish form -> lemma table as textmine's compact TSV (v1)."""
    import spacy_lookups_data

    source = Path(spacy_lookups_data.__file__).parent / "data" / "sv_lemma_lookup.json.gz"
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        LemmaTable.from_pairs(json.load(handle).items()).to_file(out)
    return out


def simplemma_pairs():
    """simplemma's Swedish dictionary (964k forms), keyed by the lower-cased form; a
    capitalised lemma is kept only for a capitalised form (names)."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    pairs: dict[str, str] = {}
    for form, lemma in DefaultDictionaryFactory().get_dictionary("sv").items():
        low = form.lower()
        if low not in pairs or form == low:
            pairs[low] = lemma if not lemma[:1].isupper() or form[:1].isupper() else lemma.lower()
    return pairs


def simplemma_table(out: Path) -> Path:
    """The v2 back-off table: simplemma's Swedish dictionary alone (it contains nearly all
    of spacy-lookups-data's forms, agreeing on 99.7%); measured in models/README.md."""
    LemmaTable.from_pairs(simplemma_pairs().items()).to_file(out)
    return out


def verb_only_lemmas(pairs: dict[str, str]) -> set[str]:
    """Lemmas whose forms in a POS-blind form -> lemma table make a verb and no noun: the
    lemma ends in a vowel (an infinitive), a present tense (``-r``, or ``-er`` for ``-a``)
    and a supine (``-t``, ``-tt``, ``-it``) are among its forms, and no definite noun form
    (``-n``, ``-na``, ``-rna``: ``flickan``, ``arbetena``, ``korna``). The back-off vetoes
    such a lemma for a noun, adjective or adverb (``avlöna`` for ``avlönade``)."""
    forms: dict[str, set[str]] = {}
    for form, lemma in pairs.items():
        forms.setdefault(lemma, set()).add(form)
    return {lemma for lemma, known in forms.items() if looks_verb_only(lemma, known)}


def looks_verb_only(lemma: str, forms: set[str]) -> bool:
    """``verb_only_lemmas``'s test for one lemma and the forms the table gives it."""
    if lemma[-1:] not in VOWELS or lemma != lemma.lower():
        return False
    stem = verb_stem(lemma)
    present = {lemma + "r", stem + "er"}
    other = {lemma + "t", lemma + "tt", stem + "t", stem + "it",  # supine
             lemma + "de", stem + "de", stem + "te", lemma + "dde",  # past
             lemma + "nde", stem + "ande", stem + "ende"}  # present participle
    nominal = {lemma + "n", lemma + "na"}
    return bool(forms & present) and bool(forms & other) and not forms & nominal \
        and not any(form.endswith("rna") for form in forms)


def simplemma_verbs(out: Path) -> Path:
    """The verb-only lemmas of simplemma's Swedish dictionary (``verb_only_lemmas``), the
    word list beside the table that the back-off's verb veto reads."""
    write_words(verb_only_lemmas(simplemma_pairs()), out)
    return out


def simplemma_licence(built: Path | None = None) -> Path:
    """simplemma's licence file (the installed package's, or the copy in ``built``)."""
    if built is not None and (built / "LICENSE-simplemma.txt").exists():
        return built / "LICENSE-simplemma.txt"
    from importlib.metadata import distribution

    dist = distribution("simplemma")
    return next(Path(dist.locate_file(f)) for f in dist.files or []
                if f.name.upper().startswith("LICENSE"))


def load_trained(work: Path, name: str):
    """The better checkpoint of a training run (``best_checkpoint``), loaded for assembly:
    without the training-only callback a fine-tuned config names."""
    import textmine.pipeline.lemma_backoff  # noqa: F401  (the factory the pipeline names)

    import finetune  # noqa: F401  (registers the callback a fine-tuned config names)

    path = best_checkpoint(work, name)
    print("assembling", path, flush=True)
    nlp = spacy.load(path)
    nlp._config["nlp"]["after_pipeline_creation"] = None
    return nlp


def assemble_joint(work: Path, table: Path, verbs: Path | None = None):
    """The joint pipeline (one shared tok2vec), senter before the parser, lemma back-off."""
    nlp = load_trained(work, JOINT)
    orthographic_sentences(nlp)
    return finish(nlp, table, verbs)


def orthographic_sentences(nlp) -> None:
    """textmine's orthographic sentence boundaries in place of the trained senter, before
    the parser (which keeps them): the extractors read sentences split at . ! ? and line
    breaks, and the senter's cuts inside sentences misled the parse (models/README.md)."""
    import textmine.pipeline.sentences  # noqa: F401  (the factory the pipeline names)

    if "senter" in nlp.pipe_names:
        nlp.remove_pipe("senter")
    if "textmine_sentences" not in nlp.pipe_names:
        nlp.add_pipe("textmine_sentences", before="parser")


def reassemble(built: Path, work: Path):
    """The last steps of the v2 build on an already built v2 pipeline: its trained
    components as they are, orthographic sentences, its lemma table."""
    import textmine.pipeline.lemma_backoff  # noqa: F401
    import textmine.pipeline.sentences  # noqa: F401

    table = work / "lemma_table.tsv.gz"
    shutil.copy(built / "textmine_lemma_backoff" / "lemma_table.tsv.gz", table)
    nlp = spacy.load(built)
    orthographic_sentences(nlp)
    cached_vectors(nlp)
    if not (built / "textmine_lemma_backoff" / VERB_FILE).exists():
        backoff = nlp.get_pipe("textmine_lemma_backoff")
        backoff.verb_lemmas = read_words(simplemma_verbs(work / VERB_FILE))
        backoff.settings = dataclasses.replace(backoff.settings, verb_veto=True)
        nlp._config["components"]["textmine_lemma_backoff"]["verb_veto"] = True
    return nlp


def add_verb_lemmas(model: Path) -> Path:
    """Only the verb-veto step on a built v2 model folder: write the verb-only lemmas of
    simplemma beside its lemma table (and the licence note that covers both), and switch
    the veto on in its config."""
    simplemma_verbs(model / "textmine_lemma_backoff" / VERB_FILE)
    (model / "LICENSE-lemma-table.txt").write_text(LEMMA_TABLE_LICENCE, encoding="utf-8")
    config = model / "config.cfg"
    text = config.read_text(encoding="utf-8")
    section = '[components.textmine_lemma_backoff]\nfactory = "textmine_lemma_backoff"\n'
    if section in text and "verb_veto" not in text:
        head, _, tail = text.partition(section)
        block, sep, rest = tail.partition("\n\n")
        block += "\nverb_veto = true"
        config.write_text(head + section + block + sep + rest, encoding="utf-8")
    return model


def finish(nlp, table: Path, verbs: Path | None = None):
    """The lemma back-off after the trained lemmatizer (its table and, v2, its verb-only
    lemmas), textmine's tokenizer, the vectors table that remembers what it built."""
    from textmine.pipeline.tokenizer import TOKENIZER_NAME, customize

    backoff = nlp.add_pipe("textmine_lemma_backoff", after="trainable_lemmatizer",
                           config=BACKOFF if verbs else {**BACKOFF, "verb_veto": False})
    backoff.initialize(table_path=str(table), verbs_path=str(verbs) if verbs else None)
    nlp.tokenizer = customize(nlp.tokenizer)
    nlp._config["nlp"]["tokenizer"] = {"@tokenizers": TOKENIZER_NAME}
    cached_vectors(nlp)
    return nlp


def cached_vectors(nlp) -> None:
    """Floret vectors as textmine's table that remembers the vectors it has built (the same
    numbers, built once per word: ``textmine/pipeline/vectors.py``)."""
    from textmine.pipeline.vectors import VECTORS_NAME, cached

    if nlp.vocab.vectors.mode == "floret":
        nlp.vocab.vectors = cached(nlp.vocab.vectors)
        nlp._config["nlp"]["vectors"] = {"@vectors": VECTORS_NAME}


def assemble(work: Path, table: Path):
    """One pipeline: UD components, NER with its own tok2vec, lemma back-off, tokenizer."""
    nlp = load_trained(work, "ud")
    ner = spacy.load(best_checkpoint(work, "ner"))
    # senter before the parser (which keeps its boundaries): sentence F 0.912 vs 0.902
    # with the parser alone on the dev carve-out, LAS unchanged
    nlp.remove_pipe("senter")
    nlp.add_pipe("senter", source=spacy.load(best_checkpoint(work, "ud")), before="parser")
    ner.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.add_pipe("ner", source=ner, name="ner")
    return finish(nlp, table)


def evaluate(model_dir: Path, data: Path) -> dict:
    """Scores on the held-out test files (never used for training or tuning)."""
    from textmine.evaluation import ner as ner_eval
    from textmine.evaluation import ud as ud_eval
    import textmine.pipeline.lemma_backoff  # noqa: F401
    import textmine.pipeline.sentences  # noqa: F401

    from lemma_eval import read_gold, report_docs

    nlp = spacy.load(model_dir)
    gold = read_gold(ROOT / "corpus" / "gold" / "lemmas.tsv")
    found = report_docs(nlp, ROOT / "corpus" / "reports" / "pa-gang-i-uppdraget.txt")
    lemma_gold = sum(off in found and found[off].lemma_ == lemma for _, off, lemma, _ in gold)
    ud = ud_eval.evaluate(nlp, data / "ud/UD_Swedish-Talbanken/sv_talbanken-ud-test.conllu")
    ner = ner_eval.evaluate(nlp, data / "ner/swedish-ner-corpus/test_corpus.txt")
    uner = ner_eval.evaluate(nlp, data / "ner/uner-talbanken/sv_talbanken-ud-test.iob2")

    def ner_scores(result):
        return {"p": result.overall.p, "r": result.overall.r, "f": result.overall.f,
                "per_label": {k: vars(v) for k, v in result.per_label.items()}}
    return {"ud_talbanken_test": ud.scores,
            "lemma_report_gold": {"tokens": len(gold), "accuracy": lemma_gold / len(gold)},
            "ner_test": ner_scores(ner), "uner_talbanken_test": ner_scores(uner)}


def write_meta(nlp, out: Path, scores: dict, data: Path, v2: bool = False,
               built: Path | None = None) -> None:
    meta = nlp.meta
    dev = meta.pop("performance", {})
    if dev:  # a reassembled pipeline keeps the dev scores it was written with
        meta["dev_carveout_scores"] = {k: v for k, v in dev.items()
                                       if isinstance(v, float) and not k.endswith("_loss")}
    meta.update({
        "name": "textmine", "lang": "sv", "version": "0.2.3" if v2 else "0.1.0",
        "description": "Swedish pipeline for public-sector reports: tokenizer, SUC tagger, "
                       "morphologizer, lemmatizer (trained + lookup back-off), parser, NER"
                       + (" on one width-96 tok2vec with floret vectors." if v2 else "."),
        "license": "CC BY-SA 4.0",
        "sources": SOURCES_V2 if v2 else SOURCES,
        "author": "textmine", "url": "",
        "accuracy_heldout": scores,
        "accuracy_note": "ud_talbanken_test, ner_test and uner_talbanken_test are the "
                         "held-out test files, never used for training or tuning (UNER: "
                         "predicted MISC left out, UNER has no MISC); lemma_report_gold is "
                         "corpus/gold/lemmas.tsv (words of the bundled report, read by hand)",
    })
    nlp.meta = meta
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    for target, source in LICENCES.items():
        shutil.copy(data / source, out / target)
    if v2:
        shutil.copy(data / "ner/uner-talbanken/LICENSE.txt",
                    out / "LICENSE-UNER_Swedish-Talbanken.txt")
        shutil.copy(simplemma_licence(built), out / "LICENSE-simplemma.txt")
        (out / "LICENSE-lemma-table.txt").write_text(LEMMA_TABLE_LICENCE, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--work", type=Path, default=ROOT / "training" / "build")
    parser.add_argument("--out", type=Path, default=ROOT / "models" / MODEL_NAME)
    parser.add_argument("--sequential", action="store_true", help="train one at a time")
    parser.add_argument("--skip-train", action="store_true",
                        help="reuse the trained pipelines in --work")
    parser.add_argument("--v1", action="store_true",
                        help="the first model's recipe (two tok2vecs, no vectors, trained senter, "
                             "spacy-lookups-data table), shipped until issue 12")
    parser.add_argument("--reassemble", type=Path, metavar="DIR",
                        help="redo only v2's assembly, scoring and writing on the trained v2 "
                             "pipeline in DIR (no conversion, no training)")
    parser.add_argument("--pretrain", action="store_true",
                        help="v2 with its shared tok2vec pretrained on the Riksdag text "
                             "(pretrain.py, spacy pretrain) before training")
    add_conversion_options(parser)  # --uner-missing, --v1-relations, --v1-phrases: to convert.py
    parser.add_argument("--seed", type=int, help="spaCy's training seed (default: joint.cfg's, 0): "
                        "for measuring run-to-run variation")
    parser.add_argument("--no-heldout", action="store_true",
                        help="do not score the held-out test files (meta.json gets none): "
                             "for an experiment judged on the dev carve-out first")
    parser.add_argument("--verb-lemmas", action="store_true",
                        help="only write the verb-only lemma list (verb veto) into --out, a "
                             "built v2 model, and switch the veto on in its config")
    args = parser.parse_args(argv)
    if args.verb_lemmas:
        print("wrote", add_verb_lemmas(args.out) / "textmine_lemma_backoff" / VERB_FILE)
        return
    args.v2 = not args.v1
    if args.v1:  # the first model was built from the mapping of its time
        args.v1_relations = args.v1_phrases = True
    args.work.mkdir(parents=True, exist_ok=True)
    start = time.time()
    corpus = args.work / "corpus"
    if args.reassemble is None:
        subprocess.run([sys.executable, str(RECIPE / "convert.py"), "--data", str(args.data),
                        "--out", str(corpus), *conversion_flags(args)],
                       check=True, cwd=ROOT)
    if args.reassemble is not None:
        nlp = reassemble(args.reassemble, args.work)
    elif args.v1:
        if not args.skip_train:
            train(args.work, corpus, parallel=not args.sequential)
        nlp = assemble(args.work, lemma_table(args.work / "lemma_table.tsv.gz"))
    else:
        vectors = train_vectors(args.work, args.data)
        if not args.skip_train:
            train_joint(args.work, corpus, vectors,
                        pretrain(args.data, args.work, vectors) if args.pretrain else None, args.seed)
        nlp = assemble_joint(args.work, simplemma_table(args.work / "lemma_table.tsv.gz"),
                             simplemma_verbs(args.work / VERB_FILE))
    staging = args.work / MODEL_NAME
    if staging.exists():
        shutil.rmtree(staging)
    nlp.to_disk(staging)
    scores = {} if args.no_heldout else evaluate(staging, args.data)
    if args.out.exists():
        shutil.rmtree(args.out)
    write_meta(nlp, args.out, scores, args.data, v2=args.v2, built=args.reassemble)
    print(json.dumps(scores, indent=2))
    print(f"built {args.out} in {(time.time() - start) / 60:.1f} min")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONPATH", str(ROOT))
    main()

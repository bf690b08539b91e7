"""textmine used as a library, the way users call it: many reports in one process,
components added by name to their own pipelines in a process that never imported
textmine, pipelines saved and reloaded, and ``n_process=2``."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy

import textmine
from textmine.corpus import load_report
from textmine.pipeline.context import make_doc

from conftest import EXTRACTORS, run_python

REPORTS = Path(__file__).resolve().parents[1] / "corpus" / "reports"
SAMPLE = ("Under 2018 deltog 65 personer i projektet och 24 av dem har gått vidare till jobb. "
          "Eda kommun har anställt en samordnare i samverkan med Arbetsförmedlingen. "
          "Antalet hemmasittare har minskat från 143 till 92.")


def records(report) -> list[dict]:
    return [p.to_dict() for p in report.passages]


def doc_results(doc) -> str:
    """Everything the components put on a Doc, as comparable JSON."""
    return json.dumps({
        "numbers": [n.to_dict() for n in doc._.numbers],
        "entities": [e.to_dict() for e in doc._.entities],
        "activities": [a.to_dict() for a in doc._.activities],
        "outcomes": doc._.outcomes, "target_groups": doc._.target_groups,
        "spans": [(s.start_char, s.end_char, s.label_, s.kb_id_)
                  for s in doc.spans["textmine"]]}, ensure_ascii=False, sort_keys=True)


def short_report(source: Path, target: Path, paragraphs: int = 12) -> Path:
    """The first paragraphs of a bundled report (headings included), to keep tests quick."""
    text = source.read_text(encoding="utf-8")
    target.write_text("\n\n".join(text.split("\n\n")[:paragraphs]) + "\n", encoding="utf-8")
    return target


def test_extract_runs_on_report_after_report_like_separate_processes(tmp_path):
    paths = [short_report(REPORTS / name, tmp_path / name)
             for name in ("dev2-region-uppfoljning.txt", "dev2-utvardering-intervjuer.txt")]
    in_process = [records(textmine.extract(textmine.read_report(p))) for p in paths * 2]
    assert in_process[0] == in_process[2] and in_process[1] == in_process[3]
    code = ("import json, sys, textmine\n"
            "r = textmine.extract(textmine.read_report(sys.argv[1]))\n"
            "print(json.dumps([p.to_dict() for p in r.passages]))")
    # the report that ran second in this process, alone in a fresh one
    assert json.loads(run_python(code, str(paths[1]))) == in_process[1]
    assert all(p["numbers"] or p["activities"] for r in in_process for p in r)


def test_the_library_and_the_batches_share_one_loaded_pipeline(tmp_path):
    from textmine.batch import Settings, Worker, worker_for

    report = short_report(REPORTS / "dev2-region-uppfoljning.txt", tmp_path / "r.txt", 4)
    textmine.extract(textmine.read_report(report))
    assert worker_for(Settings()).nlp is textmine._bundled().nlp  # loaded once per process
    fresh = Worker(Settings())
    assert fresh.segmenter.segment("Eda\n\nText.", "r").passages
    assert "nlp" not in vars(fresh) and "themes" not in vars(fresh)  # reading loads no model


def test_components_by_name_in_a_process_that_never_imported_textmine(tmp_path):
    """Entry points find the factories; a saved pipeline reloads with spacy.load, also in
    a fresh process, and gives the same results."""
    code = f"""
import json, sys, spacy
assert not any(m.startswith("textmine") for m in sys.modules), "textmine imported early"
nlp = spacy.blank("sv")
nlp.add_pipe("sentencizer")
for name in {EXTRACTORS!r}:
    nlp.add_pipe(name)
doc = nlp({SAMPLE!r})
nlp.to_disk(sys.argv[1])
print(json.dumps([len(doc._.numbers), len(doc._.entities), len(doc._.activities),
                  len(doc.spans["textmine"])]))
"""
    counts = json.loads(run_python(code, str(tmp_path / "pipe")))
    assert all(counts), counts
    reload = ("import sys, spacy\n"
              "from test_library_use import doc_results\n"
              "nlp = spacy.load(sys.argv[1])\n"
              "print(doc_results(nlp(sys.argv[2])))")
    fresh = run_python(f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
                       + reload, str(tmp_path / "pipe"), SAMPLE)
    here = doc_results(spacy.load(tmp_path / "pipe")(SAMPLE))
    assert fresh.strip() == here
    assert set(spacy.load(tmp_path / "pipe").pipe_names) >= set(EXTRACTORS)


def test_saved_pipeline_carries_the_components_data(tmp_path, rules_nlp):
    """Data is read from the saved pipeline, not from textmine's package: a role added to
    the saved roles.txt is found after spacy.load."""
    text = "Kommunen har anställt en bananplockare."
    assert all(e.text != "bananplockare" for e in rules_nlp(text)._.entities)
    rules_nlp.to_disk(tmp_path / "pipe")
    roles = tmp_path / "pipe" / "textmine_entities" / "roles.txt"
    roles.write_text(roles.read_text(encoding="utf-8") + "\nbananplockare\n", encoding="utf-8")
    found = spacy.load(tmp_path / "pipe")(text)._.entities
    assert ("bananplockare", "ROLE") in [(e.text, e.label) for e in found]


def test_data_dir_in_the_config_replaces_the_bundled_data(tmp_path, rules_nlp):
    source = tmp_path / "saved"
    rules_nlp.get_pipe("textmine_entities").to_disk(source)
    (source / "roles.txt").write_text("bananplockare\n", encoding="utf-8")
    nlp = spacy.blank("sv")
    nlp.add_pipe("textmine_entities", config={"data_dir": str(source)})
    nlp.initialize()
    labels = {(e.text, e.label) for e in nlp("En bananplockare och en samordnare.")._.entities}
    assert ("bananplockare", "ROLE") in labels and ("samordnare", "ROLE") not in labels


def test_n_process_2_gives_the_same_output(bundled_nlp):
    report = load_report()
    passages = report.passages[:24]
    texts = [p.text for p in passages]
    one = [doc_results(d) for d in bundled_nlp.pipe(texts, n_process=1)]
    two = [doc_results(d) for d in bundled_nlp.pipe(texts, n_process=2, batch_size=4)]
    assert one == two
    # with the section's municipality as context ("kommunen" links to it)
    docs = [make_doc(bundled_nlp, p.text, p.municipality) for p in passages]
    one = [doc_results(d) for d in bundled_nlp.pipe(docs, n_process=1)]
    docs = [make_doc(bundled_nlp, p.text, p.municipality) for p in passages]
    two = [doc_results(d) for d in bundled_nlp.pipe(docs, n_process=2, batch_size=4)]
    assert one == two
    assert any('"kommunen"' in r.lower() for r in one)


def test_records_survive_doc_to_bytes(rules_nlp):
    doc = rules_nlp(SAMPLE)
    again = spacy.tokens.Doc(rules_nlp.vocab).from_bytes(doc.to_bytes())
    assert doc_results(again) == doc_results(doc)
    assert again._.numbers[2].value == {"from": 143, "to": 92} or any(
        n.value == {"from": 143, "to": 92} for n in again._.numbers)


def test_components_declare_what_they_assign_and_require():
    from spacy.language import Language

    meta = {name: Language.get_factory_meta(name) for name in EXTRACTORS}
    assert "doc._.numbers" in meta["textmine_numbers"].assigns
    assert "doc._.entities" in meta["textmine_entities"].assigns
    assert "doc._.numbers" in meta["textmine_activities"].requires
    assert all("data_dir" in m.default_config for m in meta.values())
    assert sys.modules.get("textmine.components.numbers.component") is not None


def test_a_source_tree_on_sys_path_finds_its_own_bundled_models():
    """A clone's ``textmine/`` imported from a path (a recipe script, or a Dask worker
    spawned from a process that put the clone on ``sys.path``) has no ``textmine.models``
    package beside it; it must use the clone's ``models/`` rather than fail to import."""
    root = Path(__file__).resolve().parents[1]
    code = (f"import sys; sys.path.insert(0, {str(root)!r})\n"
            "import textmine\n"
            "from textmine.themes import load_model\n"
            "from textmine.components.activities.hit_filter import model_file\n"
            "from textmine.pipeline import bundled_model_path\n"
            "load_model()\n"
            "print(textmine.__file__, model_file(), bundled_model_path(), sep='\\n')")
    package, hit_filter, pipeline = run_python(code).split()
    assert Path(package).parent == root / "textmine"
    assert Path(hit_filter).is_file() and Path(hit_filter).is_relative_to(root / "models")
    assert (Path(pipeline) / "config.cfg").is_file()
    assert Path(pipeline).is_relative_to(root / "models")

"""CoNLL-U of the linguistic layer: well-formed, true to the parse, readable back."""
import re
from pathlib import Path

import pytest

import textmine
from textmine.cli import main
from textmine.conllu import doc_to_conllu, to_conllu
from textmine.evaluation.ud import read_conllu

REPORT = Path(__file__).parents[1] / "corpus" / "reports" / "pa-gang-i-uppdraget.txt"
LAYOUTS = Path(__file__).parent / "data" / "layouts"


@pytest.fixture(scope="module")
def passages():
    return textmine.read_report(REPORT).passages[:4]


def test_conllu_is_well_formed_and_matches_the_parse(passages, tmp_path):
    text = to_conllu(passages)
    assert text.count("# newdoc id = pa-gang-i-uppdraget/") == 4
    blocks = [b for b in text.strip("\n").split("\n\n")]
    for block in blocks:
        comments = [line for line in block.splitlines() if line.startswith("#")]
        rows = [line.split("\t") for line in block.splitlines() if not line.startswith("#")]
        assert any(c.startswith("# sent_id = ") for c in comments)
        assert any(c.startswith("# text = ") for c in comments)
        assert all(len(row) == 10 for row in rows)
        assert [int(row[0]) for row in rows] == list(range(1, len(rows) + 1))
        assert all(0 <= int(row[6]) <= len(rows) for row in rows)
        assert sum(row[6] == "0" for row in rows) >= 1
        assert all(row[7] == "root" for row in rows if row[6] == "0")
        assert all(re.fullmatch(r"[A-Z]+|_", row[3]) for row in rows)
        sentence = next(c for c in comments if c.startswith("# text = "))[len("# text = "):]
        rebuilt = "".join(row[1] + ("" if "SpaceAfter=No" in row[9] else " ") for row in rows)
        assert rebuilt.strip() == sentence
    path = tmp_path / "p.conllu"
    path.write_text(text, encoding="utf-8")
    sentences = list(read_conllu(path))
    nlp = textmine.load()
    expected = sum(len(list(nlp(p.text).sents)) for p in passages)
    assert len(sentences) == len(blocks) == expected
    assert sentences[0].tokens[0].form == "Eda"


def test_entities_are_marked_in_misc(passages):
    text = to_conllu(passages[:1])
    assert "Eda\tEda" in text
    assert "Entity=B-MUNICIPALITY" in text and "Entity=I-MUNICIPALITY" in text
    assert "Entity=B-ROLE" in text


def test_doc_without_sentences_is_one_sentence():
    nlp = textmine.load()
    doc = nlp.make_doc("Två ord")
    lines = doc_to_conllu(doc).strip().splitlines()
    assert lines[0] == "# sent_id = s-s1" and len([l for l in lines if l[0].isdigit()]) == 2


def test_conllu_command(tmp_path, capsys):
    out = tmp_path / "c.conllu"
    assert main(["conllu", str(LAYOUTS / "combined.txt"), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# newdoc id = combined/p0001\n")
    assert main(["conllu", str(LAYOUTS / "combined.txt"), "-o", str(tmp_path / "no" / "c")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_conllu_refuses_to_write_over_its_input(tmp_path, capsys):
    source = tmp_path / "report.txt"
    source.write_bytes((LAYOUTS / "combined.txt").read_bytes())
    assert main(["conllu", str(source), "-o", str(source)]) == 2
    assert "is also an input file" in capsys.readouterr().err
    assert source.read_bytes() == (LAYOUTS / "combined.txt").read_bytes()

"""Classify the activity-type errors of the rules on real-dev (issue 11, step 1).

    python models/recipe/activity_errors.py [--show CLASS]

A false positive (a type the rules give that the gold lacks) is put in the first class its
evidence sentence fits: plan (ska, kommer att, planerar, målet ...), conditional or
generic (kan, kunna, bör, om ..., brukar), negation, quote (a quoted speaker, 'säger'),
headline or question (no full stop, '?'), another body's action (an organisation is the
subject), a one-word mention (evidence is a single noun), else 'other'. A false negative
is 'blocked' when the type comes back once scope (plans, negation) and the goal/effect
cuts are ignored, 'other hit' when a hit of the type was found but not first, and
'no pattern' otherwise. The classes are cues, not a reading: ``--show`` prints the cases of
a class so that they can be read.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from activity_hits import load_passages, rules_pipeline  # noqa: E402

CLASSES = [
    ("plan", re.compile(r"\b(ska|skall|kommer att|planera\w*|planeras|målet|syftet|tanken|"
                        r"vill|avser|framöver|nästa steg|på sikt|skulle)\b")),
    ("negation", re.compile(r"\b(inte|ej|ingen|inget|inga|aldrig|saknar|saknas)\b")),
    ("conditional/generic", re.compile(r"\b(kan|kunna|kunde|bör|om|brukar|måste|behöver|"
                                       r"ofta|alla|varje)\b")),
    ("quote", re.compile(r"(^\s*[–-]|\bsäger\b|\bberättar\b|”|\")")),
]


def classify_fp(sentence: str, evidence: str, has_org_subject: bool) -> str:
    low = sentence.lower()
    for name, cue in CLASSES:
        if cue.search(low):
            return name
    if "?" in sentence or not sentence.rstrip().endswith((".", "!")):
        return "headline/question"
    if has_org_subject:
        return "other body"
    if len(evidence.split()) == 1:
        return "one-word mention"
    return "other"


def org_subject(span) -> bool:
    """An organisation (ORG entity) is the subject of a verb in the sentence."""
    return any(t.dep_.startswith("nsubj") and t.ent_type_ == "ORG" for t in span)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", help="print the cases of this class")
    args = parser.parse_args()
    nlp = rules_pipeline()
    recognizer = nlp.get_pipe("textmine_activities").rules
    fp, fn = Counter(), Counter()
    fp_type = Counter()
    for p in load_passages(nlp, reports=False):
        first = {a.type: a for a in p.doc._.activities}
        for type_, activity in first.items():
            if type_ in p.gold:
                continue
            sentence = next(c.sentence for c in recognizer.candidates(p.doc)[0]
                            if c.hit.type == type_)
            name = classify_fp(activity.sentence, activity.evidence, org_subject(sentence))
            fp[name] += 1
            fp_type[type_, name] += 1
            if args.show == name:
                print(f"FP {p.line['id']} {type_} [{activity.evidence}] {activity.sentence}")
        missed = p.gold - set(first)
        if not missed:
            continue
        loose = set(_unscoped_types(recognizer, p.doc))
        for type_ in missed:
            name = "blocked by scope/cuts" if type_ in loose else "no pattern"
            fn[name] += 1
            if args.show == name:
                evidence = [a["evidence"] for a in p.line["activities"] if a["type"] == type_]
                print(f"FN {p.line['id']} {type_} {evidence}")
    print("false positives:", sum(fp.values()))
    for name, n in fp.most_common():
        print(f"  {name:22} {n}")
    print("false negatives:", sum(fn.values()))
    for name, n in fn.most_common():
        print(f"  {name:22} {n}")
    return 0


def _unscoped_types(recognizer, doc):
    from textmine.components.activities.recognizer import match_sentence, sentences

    for sentence in sentences(doc):
        for hit in match_sentence(sentence, recognizer.patterns, recognizer.window,
                                  openers=recognizer.scope.clause_opener, index=recognizer.index):
            yield hit.type


if __name__ == "__main__":
    sys.exit(main())

"""Usage: python models/recipe/ruler_eval.py MODEL CORPUS_DIR.
Gazetteer entity ruler beside the v2 NER, scored on the dev carve-outs only (news ner-dev,
UNER-annotated docs of ud-dev). Modes: none; ruler after NER (fills gaps only); ruler before
NER (gazetteer wins)."""
import csv, sys
import spacy
from spacy.tokens import DocBin, Doc
from spacy.training import Example
from spacy.scorer import Scorer
sys.path.insert(0, str(__import__('pathlib').Path(__file__).resolve().parents[2]))
import textmine.pipeline.tokenizer  # noqa  (the tokenizer the models name)
D = sys.path[0] + '/textmine/data/'
pats = []
for r in csv.DictReader(open(D + 'myndigheter.csv', encoding='utf-8')):
    for n in (r['name'], r['abbreviation']):
        if n and len(n) > 2: pats.append({'label': 'ORG', 'pattern': n})
for r in csv.DictReader(open(D + 'regioner.csv', encoding='utf-8')):
    pats += [{'label': 'ORG', 'pattern': r['region_name']}, {'label': 'ORG', 'pattern': r['lansstyrelse_name']},
             {'label': 'LOC', 'pattern': r['county_name']}]
for r in csv.DictReader(open(D + 'kommuner.csv', encoding='utf-8')):
    pats += [{'label': 'LOC', 'pattern': r['name']}, {'label': 'ORG', 'pattern': r['long_name']}]
print(len(pats), 'patterns')
M = sys.argv[1] if len(sys.argv) > 1 else 'training/sv_textmine_v2'
C = (sys.argv[2] if len(sys.argv) > 2 else 'training/build-v2/corpus') + '/'
for mode in ('none', 'after', 'before'):
    nlp = spacy.load(M, exclude=['textmine_lemma_backoff'])
    if mode != 'none':
        ruler = nlp.add_pipe('entity_ruler', **({'after': 'ner'} if mode == 'after' else {'before': 'ner'}),
                             config={'phrase_matcher_attr': 'ORTH', 'overwrite_ents': False})
        ruler.add_patterns(pats)
    for name, path in (('news-dev', C + 'ner-dev.spacy'), ('uner-dev', C + 'ud-dev.spacy')):
        refs = [d for d in DocBin().from_disk(path).get_docs(nlp.vocab) if d.has_annotation('ENT_IOB')]
        preds = nlp.pipe(Doc(nlp.vocab, words=[t.text for t in r], spaces=[bool(t.whitespace_) for t in r]) for r in refs)
        egs = []
        for r, p in zip(refs, preds):
            if name == 'uner-dev':
                p.ents = [e for e in p.ents if e.label_ != 'MISC']
            egs.append(Example(p, r))
        s = Scorer.score_spans(egs, 'ents', has_annotation=lambda d: d.has_annotation('ENT_IOB'))
        print(mode, name, round(s['ents_f'], 4), {k: round(v['f'], 3) for k, v in s['ents_per_type'].items()})

"""Write a fine-tuning config: every component sourced from a trained pipeline, lower
learning rate with parameter averaging. A second, short stage after the main training run
(measured on the dev carve-out: the main run plateaus at a constant learning rate)."""
from __future__ import annotations

import argparse
from pathlib import Path

import spacy
from spacy.util import load_config

CALLBACK = "textmine.restore_tree_labels.v1"


@spacy.registry.callbacks(CALLBACK)
def restore_tree_labels():
    """spaCy 3.8's edit-tree lemmatizer does not rebuild ``tree2label`` when loaded from
    disk, so a sourced lemmatizer would train against label 0 for every token (its dev
    lemma accuracy falls to the identity baseline). Rebuild it after sourcing."""
    def callback(nlp):
        for _name, proc in nlp.pipeline:
            if hasattr(proc, "tree2label") and not proc.tree2label:
                proc.tree2label.update({tree: i for i, tree in enumerate(proc.cfg["labels"])})
        return nlp
    return callback


def finetune_config(base_cfg: Path, trained: Path, out: Path, learn_rate: float,
                    max_steps: int) -> None:
    config = load_config(base_cfg)
    for name in config["nlp"]["pipeline"]:
        config["components"][name] = {"source": str(trained)}
    config["training"]["optimizer"]["learn_rate"] = learn_rate
    config["training"]["optimizer"]["use_averages"] = True
    config["training"]["max_steps"] = max_steps
    config["training"]["eval_frequency"] = 100
    config["training"]["patience"] = max_steps
    config["training"]["batcher"]["size"] = 1000
    config["nlp"]["after_pipeline_creation"] = {"@callbacks": CALLBACK}
    config.to_disk(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_cfg", type=Path)
    parser.add_argument("trained", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--learn-rate", type=float, default=0.0003)
    parser.add_argument("--max-steps", type=int, default=600)
    args = parser.parse_args(argv)
    finetune_config(args.base_cfg, args.trained, args.out, args.learn_rate, args.max_steps)


if __name__ == "__main__":
    main()

"""The Swedish spaCy pipeline: loading a backend, textmine's tokenizer and lemma back-off,
and the extraction components on top."""
from textmine.pipeline.context import add_extractors, make_doc
from textmine.pipeline.load import PipelineNotAvailable, bundled_model_path, load, load_base

__all__ = ["PipelineNotAvailable", "add_extractors", "bundled_model_path", "load",
           "load_base", "make_doc"]

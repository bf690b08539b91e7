"""What textmine's three rule components share: data carried in the pipeline.

Like spaCy's ``SpanRuler`` and ``AttributeRuler``, a component reads its data in
``initialize()`` (from ``data_dir`` in the config, else textmine's bundled files), writes it
with ``to_disk``/``to_bytes`` and reads it back with ``from_disk``/``from_bytes``. A
pipeline saved with the components therefore loads with ``spacy.load`` on a machine
whose textmine has other data files. A component used without ``initialize()``
(``nlp.add_pipe(...)`` then ``nlp(text)``) takes the bundled data on first use.

Subclasses name their files (``DATA_FILES``) and build their rule tables from a
``Resources`` in ``build(resources)``; the tables live on the component.
"""

from pathlib import Path
from typing import Any, Callable, ClassVar, Iterable

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import SimpleFrozenList

from textmine.resources import Resources, bundled


def results(doc: Doc, name: str, run: Callable[[Doc], Doc]) -> list:
    """``doc._.<name>``, running ``run`` on the Doc first when no pipeline component did
    (the plain ``extract_*`` functions work on any Doc)."""
    found = doc._.get(name)
    if found is None:
        run(doc)
        found = doc._.get(name)
    return found


class DataComponent:
    """Base of the components whose rules are built from data files."""

    DATA_FILES: ClassVar[tuple[str, ...]] = ()

    def __init__(self, nlp: Language, name: str, data_dir: str | None = None) -> None:
        self.nlp = nlp
        self.name = name
        self.data_dir = data_dir
        self.resources: Resources | None = None
        self._rules: Any = None

    # -- rules --------------------------------------------------------------------
    @property
    def rules(self) -> Any:
        """The rule tables, built once from the component's data."""
        if self._rules is None:
            self._rules = self.build(self._data())
        return self._rules

    def build(self, resources: Resources) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- spaCy's life cycle ----------------------------------------------------------
    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None, data_dir: str | Path | None = None) -> None:
        """Read the data files: ``data_dir`` (argument, else config), else the bundled ones."""
        folder = data_dir or self.data_dir
        # the bundled files are read and parsed once per process, whatever uses them
        self._set(Resources.from_dir(folder, self.DATA_FILES) if folder
                  else bundled(*self.DATA_FILES))

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        self._data().to_dir(path)

    def from_disk(self, path: str | Path, *,
                  exclude: Iterable[str] = SimpleFrozenList()) -> "DataComponent":
        self._set(Resources.from_dir(path, self.DATA_FILES))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        return srsly.msgpack_dumps(self._data().files)

    def from_bytes(self, data: bytes, *,
                   exclude: Iterable[str] = SimpleFrozenList()) -> "DataComponent":
        self._set(Resources(srsly.msgpack_loads(data)))
        return self

    def _data(self) -> Resources:
        """The component's data files (read now if ``initialize`` was not called)."""
        if self.resources is None:
            self.initialize()
        return self.resources

    def _set(self, resources: Resources) -> None:
        self.resources = resources
        self._rules = None

    def __call__(self, doc: Doc) -> Doc:  # pragma: no cover - abstract
        raise NotImplementedError

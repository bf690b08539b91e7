"""textmine's spaCy components, one package per concern.

Each registers one factory (``textmine_numbers``, ``textmine_entities``,
``textmine_activities``) through the ``spacy_factories`` entry point, so
``nlp.add_pipe(name)`` works in a process that never imported textmine.
"""

"""Activity types and outcome sentences (factory ``textmine_activities``).

``recognizer`` (patterns, clause scope, outcome cues and the matcher),
``component`` (the spaCy component and the plain functions).
"""
from textmine.components.activities.component import (ActivitiesComponent,
                                                       extract_activities, extract_outcomes)

__all__ = ["ActivitiesComponent", "extract_activities", "extract_outcomes"]

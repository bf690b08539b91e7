"""Activity types and outcome sentences (factory ``textmine_activities``).

``patterns`` (what shows each type, and an index from words to patterns), ``scope`` (plans,
negations, needs), ``outcomes`` (outcome sentences), ``recognizer`` (matching the patterns
in a Doc's sentences), ``hit_filter`` (an optional learned filter over the rules' hits,
trained on real text), ``component`` (the spaCy component and the plain functions).
"""
from textmine.components.activities.component import (ActivitiesComponent,
                                                       extract_activities, extract_outcomes)

__all__ = ["ActivitiesComponent", "extract_activities", "extract_outcomes"]

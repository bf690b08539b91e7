"""Numbers with their meaning (factory ``textmine_numbers``).

``words`` (number words and ``parse_number``), ``scan`` (one document's tokens and
numerals), ``rules`` (what each numeral means), ``component`` (the spaCy component).
"""
from textmine.components.numbers.component import NumbersComponent, extract_numbers
from textmine.components.numbers.words import NumberWords, parse_number

__all__ = ["NumberWords", "NumbersComponent", "extract_numbers", "parse_number"]

"""A page's address, split once and read for its municipality (textmine.page_source)."""
import pytest

from textmine.municipalities import default_gazetteer
from textmine.page_source import fold, parse_address


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


def test_an_address_is_split_into_domain_path_and_headline():
    address = parse_address("https://www.sla.se/karlsborg/nu-oppnar-fritidsgarden-i-kramfors")
    assert address.domain == "sla"
    assert address.path == ["karlsborg", "nu-oppnar-fritidsgarden-i-kramfors"]
    assert address.headline == 1
    assert address.words == ["nu", "oppnar", "fritidsgarden", "i", "kramfors"]


def test_a_query_value_is_a_path_part_and_a_short_path_has_no_headline():
    address = parse_address("<http://tidning.se/nyheter/x/?omrade=hela-stockholm&sida=2>")
    assert address.path == ["nyheter", "x", "hela-stockholm"]
    assert address.headline is None and address.words == []


def test_a_headline_is_unquoted_and_folded():
    address = parse_address("http://tidning.se/2019/-Skurup-utreder-inf%C3%B6rande-av-robot.html")
    assert address.words[:3] == ["skurup", "utreder", "inforande"]


@pytest.mark.parametrize("word", ["Kommunen", "Vara", "2019-01-12", ""])
def test_a_word_that_is_no_address_gives_none(word):
    assert parse_address(word) is None


def test_names_fold_as_addresses_write_them():
    assert fold("Upplands Väsby") == "upplands-vasby"
    assert fold("Örebro") == "orebro"


@pytest.mark.parametrize("read, word, expected", [
    ("edition", "https://sla.se/karlsborg/x", "1446"),
    ("headline", "https://svt.se/lokalt/succe-for-chatt-i-kalmar-kommun", "0880"),
    ("locality", "https://www.helahalsingland.se/artikel/bergsjo/unga-vill", "2132"),
    ("domain", "www.lulea.se", "2580"),
    ("compound", "https://harnosandshus.se/om-oss", "2280"),
    ("edition", "https://sla.se/nyheter/x", None),  # no part of the path is a name
    ("locality", "https://www.regionostergotland.se/ro/nyheter/x", None),  # a code, not Rö
    ("locality", "https://tidning.se/artikel/bua/x", "1383"),  # a town of three letters
])
def test_each_reader_of_the_gazetteer_reads_one_way(gazetteer, read, word, expected):
    assert getattr(gazetteer.address_reader, read)(parse_address(word)) == expected

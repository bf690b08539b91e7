"""The HTML report: contents, escaping, no network, and a real browser rendering it."""
import copy
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import textmine
from textmine.cli import main
from textmine.html_report import render_html

ROOT = Path(__file__).parents[1]
REPORT = ROOT / "corpus" / "reports" / "pa-gang-i-uppdraget.txt"
LAYOUTS = Path(__file__).parent / "data" / "layouts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


@pytest.fixture(scope="module")
def records():
    report = textmine.extract(textmine.read_report(REPORT))
    return [p.to_dict() for p in report.passages]


@pytest.fixture(scope="module")
def jsonl(records, tmp_path_factory):
    path = tmp_path_factory.mktemp("records") / "pa-gang.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def page(jsonl, tmp_path_factory):
    path = tmp_path_factory.mktemp("page") / "report.html"
    assert main(["report", str(jsonl), "-o", str(path)]) == 0
    return path


def municipalities(records) -> set[str]:
    return {r["municipality"]["name"] for r in records}


def test_page_holds_matrix_charts_numbers_and_every_passage(page, records):
    html = page.read_text(encoding="utf-8")
    assert len(municipalities(records)) == 30
    cells = set(re.findall(r'<td class="muni">([^<]+)</td>', html))
    assert cells == municipalities(records)
    for r in records:
        m = r["municipality"]
        assert f"<td>{m['code']}</td><td>{m['county']}</td>" in html
    assert html.count('<article class="passage') == 138
    assert html.count("<svg") == 2 and "Aktivitetstyper per tema" in html
    numbers = re.search(r'<table class="sortable" id="taltabell">.*?</table>', html, re.S)[0]
    assert numbers.count("<tr>") - 1 == sum(len(r["numbers"]) for r in records)
    assert '<mark class="entity"' in html and "MUNICIPALITY" in html
    assert "Utbildning och arbetsmarknad" in html and 'lang="sv"' in html
    assert '<tfoot><tr><td>Summa</td>' in html and f"<b>{len(records)}</b></td></tr></tfoot>" in html


def test_page_needs_no_network(page):
    html = page.read_text(encoding="utf-8")
    assert not re.search(r'\b(?:src|href)\s*=\s*["\']?\s*(?:https?:)?//', html, re.I)
    assert "http" not in html
    assert "<link" not in html and not re.search(r"<script[^>]*\bsrc", html)


def test_mismatch_between_prediction_and_heading_is_marked(records):
    changed = copy.deepcopy(records[:3])
    for record in changed:  # the model's predictions aside: only the one changed differs
        record["theme"]["predicted"] = record["theme"]["gold"]
    changed[1]["theme"]["predicted"] = next(
        t for t in ("folkhalsa", "barn_unga") if t != changed[1]["theme"]["gold"])
    html = render_html(changed)
    assert html.count("≠ rubriken") == 1
    assert html.count('data-mismatch="1"') == 1 and html.count('data-mismatch="0"') == 2


def test_all_text_is_escaped(records):
    record = copy.deepcopy(records[0])
    record["text"] = '<script>alert("x")</script> & ' + record["text"]
    record["entities"] = [{"text": "<script>", "label": "ORG", "start": 0, "end": 8}]
    record["municipality"]["name"] = "<b>Eda</b>"
    record["numbers"] = [{"text": "<i>5</i>", "kind": "count", "value": 5, "unit": "<u>",
                          "approx": False, "start": 0, "end": 1}]
    record["activities"] = [{"type": "<x>", "sentence": "s", "evidence": '"><img>'}]
    html = render_html([record], title="<T>")
    for raw in ('<script>alert', "<b>Eda</b>", "<i>5</i>", "<u>", "<x>", '"><img>', "<T>"):
        assert raw not in html
    assert "&lt;script&gt;" in html and "alert(&quot;x&quot;)&lt;/script&gt; &amp;" in html


def test_report_command_runs_the_pipeline_on_report_files(tmp_path, capsys):
    out = tmp_path / "r.html"
    assert main(["report", str(LAYOUTS / "combined.txt"), "-o", str(out)]) == 0
    assert "Vimmerby" in out.read_text(encoding="utf-8")
    assert main(["report", str(tmp_path / "nope.txt"), str(LAYOUTS / "combined.txt"),
                 "-o", str(out)]) == 1
    assert "nope.txt: no such file" in capsys.readouterr().err
    assert main(["report", str(LAYOUTS / "combined.txt"), "-o", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_report_refuses_to_write_over_its_input(tmp_path, capsys):
    records = tmp_path / "records.jsonl"
    records.write_text("{}\n", encoding="utf-8")
    assert main(["report", str(records), "-o", str(records)]) == 2
    assert "is also an input file" in capsys.readouterr().err
    assert records.read_text(encoding="utf-8") == "{}\n"


@pytest.mark.skipif(not CHROMIUM.exists(),
                    reason="/usr/bin/chromium is absent (apt-get install chromium)")
def test_page_renders_in_headless_chromium(page, records, tmp_path):
    """All 30 municipalities in the rendered DOM, the script ran to its end (``data-ok``)
    and logged no error; a screenshot is kept (copied to $TEXTMINE_ARTEFACTS if set)."""
    def chromium(profile: str, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / profile}", *args,
             page.as_uri()], capture_output=True, text=True, timeout=60)

    run = chromium("dom", "--enable-logging=stderr", "--v=0", "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Uncaught" not in run.stderr, run.stderr[-2000:]
    assert re.search(r'<body[^>]*\bdata-ok="1"', run.stdout), "the page's script did not finish"
    shown = set(re.findall(r'<td class="muni">([^<]+)</td>', run.stdout))
    assert shown == municipalities(records)
    assert "visar 71 av 71" in run.stdout  # the numbers filter ran
    screenshot = tmp_path / "report.png"
    run = chromium("shot", f"--screenshot={screenshot}", "--window-size=1280,4000")
    assert screenshot.exists() and screenshot.stat().st_size > 10_000, run.stderr[-2000:]
    if os.environ.get("TEXTMINE_ARTEFACTS"):  # keep the screenshot to look at
        shutil.copy(screenshot, Path(os.environ["TEXTMINE_ARTEFACTS"]) / "report.png")


@pytest.mark.skipif(not CHROMIUM.exists(),
                    reason="/usr/bin/chromium is absent (apt-get install chromium)")
def test_numbers_table_sorts_and_filters_in_chromium(page, tmp_path):
    """Clicks a header twice (descending by value) and filters by kind and text."""
    driver = """<script>
      var th = document.querySelectorAll('#taltabell th')[4]; th.click(); th.click();
      var kind = document.querySelector('.f-col[data-col="3"]');
      kind.value = 'year'; kind.dispatchEvent(new Event('change'));
      var text = document.querySelector('.f-text');
      text.value = 'haparanda'; text.dispatchEvent(new Event('input'));
      document.getElementById('f-mismatch').click();
      document.body.setAttribute('data-driven', '1');
    </script></body>"""
    driven = tmp_path / "driven.html"
    driven.write_text(page.read_text(encoding="utf-8").replace("</body>", driver),
                      encoding="utf-8")
    run = subprocess.run(
        [str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
         "--enable-logging=stderr", "--v=0", "--dump-dom", driven.as_uri()],
        capture_output=True, text=True, timeout=60)
    assert "Uncaught" not in run.stderr and 'data-driven="1"' in run.stdout
    table = re.search(r'id="taltabell".*?</tbody>', run.stdout, re.S)[0]
    rows = re.findall(r"<tr( hidden=\"\")?>(.*?)</tr>", table, re.S)[1:]
    shown = [cells for hidden, cells in rows if not hidden]
    values = [int(re.search(r'data-v="(\d+)"', cells)[1]) for cells in shown]
    assert shown and all("Haparanda" in cells and ">year<" in cells for cells in shown)
    assert values == sorted(values, reverse=True)
    assert f"visar {len(shown)} av {len(rows)}" in run.stdout
    differ = page.read_text(encoding="utf-8").count('data-mismatch="1"')
    assert f"visar {differ} av 138" in run.stdout  # the passages predicted against their heading

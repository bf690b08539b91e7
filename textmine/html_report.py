"""One self-contained HTML page (Swedish) from passage records, for people who read pages.

The page needs no network: its CSS, its small script and its charts (inline SVG drawn
here) are all in the file. It holds a municipality × theme table with SCB codes and
counties, two charts (passages per theme, activity types per theme), the numbers table
(sortable, filterable) and every passage with its entities highlighted by displaCy, its
activity types, its predicted theme with score and a mark where the prediction differs
from the heading's theme. All text from the records is HTML-escaped.

    html = textmine.html_report.render_html(records)     # Passage objects or their dicts
    textmine.html_report.write_html(records, "report.html")
"""
from __future__ import annotations

import json
import re
import warnings
from collections import Counter, defaultdict
from html import escape
from pathlib import Path
from string import Template
from typing import Any, Iterable, Mapping

from textmine.io import atomic_write
from textmine.tables import Record, as_dict

ACTIVITY_TYPES = ["rekrytering", "utbildning", "motesplats", "samverkan", "digital_tjanst",
                  "fysisk_miljo", "evenemang", "praktik_arbete", "stod_radgivning",
                  "strategi_organisation", "delaktighet_dialog"]
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#bab0ac", "#2f4b7c", "#a05195", "#003f5c"]
ENTITY_COLORS = {"MUNICIPALITY": "#aa9cfc", "ORG": "#7aecec", "LOC": "#ff9561",
                 "PROJECT": "#bfe1d9", "EVENT": "#ffeb80", "PERSON": "#c887fb",
                 "ROLE": "#feca74", "TARGET_GROUP": "#e4e7d2"}
NO_THEME, NO_MUNICIPALITY = "(okänt tema)", "(okänd kommun)"


def write_html(records: Iterable[Record], path: str | Path, title: str | None = None) -> Path:
    """Write the page for ``records`` to ``path``; the path."""
    path = Path(path)
    with atomic_write(path) as handle:  # a page appears whole, or the old one stays
        handle.write(render_html(records, title))
    return path


def render_html(records: Iterable[Record], title: str | None = None) -> str:
    """The whole page as one string."""
    records = [as_dict(r) for r in records]
    themes = _theme_order(records)
    reports = list(dict.fromkeys(r["report"] for r in records))
    title = title or "textmine – " + ", ".join(reports or ["inga avsnitt"])
    body = "\n".join([
        f"<h1>{_e(title)}</h1>",
        _summary(records),
        '<nav><a href="#kommuner">Kommuner och teman</a> · <a href="#diagram">Diagram</a> · '
        '<a href="#tal">Tal</a> · <a href="#avsnitt">Avsnitt</a></nav>',
        _section("kommuner", "Kommuner och teman", _matrix(records, themes)),
        _section("diagram", "Diagram", _charts(records, themes)),
        _section("tal", "Tal", _numbers_table(records, themes)),
        _section("avsnitt", "Avsnitt", _passages(records, themes)),
    ])
    return PAGE.substitute(title=_e(title), css=CSS, body=body, js=JS)


# -- pieces of the page ------------------------------------------------------------
def _summary(records: list[Mapping[str, Any]]) -> str:
    municipalities = {(r.get("municipality") or {}).get("code") for r in records} - {None}
    counts = [
        (len({r["report"] for r in records}), "rapporter"), (len(records), "avsnitt"),
        (len(municipalities), "kommuner"),
        (sum(len(r.get("entities", [])) for r in records), "entiteter"),
        (sum(len(r.get("numbers", [])) for r in records), "tal"),
        (sum(len(r.get("activities", [])) for r in records), "aktiviteter"),
        (sum(_mismatch(r) for r in records), "avvikande temaförutsägelser"),
    ]
    items = "".join(f"<li><b>{n}</b> {label}</li>" for n, label in counts)
    return f'<ul class="summary">{items}</ul>'


def _matrix(records: list[Mapping[str, Any]], themes: dict[str, str]) -> str:
    """Municipality × theme counts of passages, with SCB code and county."""
    rows: dict[tuple, Counter] = defaultdict(Counter)
    first: dict[tuple, str] = {}
    for r in records:
        m = r.get("municipality") or {}
        key = (m.get("name") or NO_MUNICIPALITY, m.get("code") or "", m.get("county") or "")
        theme = _theme(r)
        rows[key][theme] += 1
        first.setdefault((key, theme), _anchor(r))
    head = "".join(f'<th class="num">{_e(label)}</th>' for label in themes.values())
    lines = []
    for key in sorted(rows, key=lambda k: (k[0] == NO_MUNICIPALITY, k[0])):
        name, code, county = key
        cells = "".join(
            f'<td class="num"><a href="#{first[key, t]}">{rows[key][t]}</a></td>'
            if rows[key][t] else '<td class="num zero">0</td>' for t in themes)
        lines.append(f'<tr><td class="muni">{_e(name)}</td><td>{_e(code)}</td>'
                     f'<td>{_e(county)}</td>{cells}'
                     f'<td class="num"><b>{sum(rows[key].values())}</b></td></tr>')
    totals = "".join(f'<td class="num">{sum(c[t] for c in rows.values())}</td>' for t in themes)
    return (f'<p class="note">Antal avsnitt per kommun och tema (temat enligt rubriken, det '
            f'förutsagda där rubrik saknas). Klicka på ett antal för att gå till avsnitten.</p>'
            f'<table class="sortable" id="matris"><thead><tr><th>Kommun</th><th>Kod</th>'
            f'<th>Län</th>{head}<th class="num">Totalt</th></tr></thead>'
            f'<tbody>{"".join(lines)}</tbody><tfoot><tr><td>Summa</td><td></td><td></td>'
            f'{totals}<td class="num"><b>{len(records)}</b></td></tr></tfoot></table>')


def _charts(records: list[Mapping[str, Any]], themes: dict[str, str]) -> str:
    by_theme: Counter = Counter()
    for r in records:
        theme = r.get("theme") or {}
        by_theme[theme.get("gold") or NO_THEME, "gold"] += 1
        if theme.get("predicted"):
            by_theme[theme["predicted"], "predicted"] += 1
    series = [("gold", "enligt rubrik", "#2f4b7c"), ("predicted", "förutsagt", "#9bb7d4")]
    seen = Counter(a["type"] for r in records for a in r.get("activities", []))
    types = [t for t in ACTIVITY_TYPES if t in seen] + sorted(set(seen) - set(ACTIVITY_TYPES))
    by_type: Counter = Counter()
    for r in records:  # passages with the type, not sentences
        for kind in {a["type"] for a in r.get("activities", [])}:
            by_type[_theme(r), kind] += 1
    colors = [(t, t, PALETTE[i % len(PALETTE)]) for i, t in enumerate(types)]
    headings = {**themes, **({NO_THEME: NO_THEME} if by_theme[NO_THEME, "gold"] else {})}
    return (
        '<div class="charts"><figure><figcaption>Avsnitt per tema</figcaption>'
        + bar_chart(list(headings.items()), series, by_theme, stacked=False)
        + '</figure><figure><figcaption>Aktivitetstyper per tema (antal avsnitt med typen)'
        '</figcaption>' + bar_chart(list(themes.items()), colors, by_type, stacked=True)
        + "</figure></div>")


def bar_chart(categories: list[tuple[str, str]], series: list[tuple[str, str, str]],
              counts: Mapping[tuple[str, str], int], stacked: bool) -> str:
    """A horizontal bar chart as inline SVG with an HTML legend.

    ``categories`` and ``series`` are (key, label[, colour]); ``counts[category, series]``.
    Series are stacked in one bar per category, or drawn as grouped bars.
    """
    label_w, bar_w, gap = 190, 280, 10
    bar_h = 18 if stacked else 11
    row_h = bar_h + gap if stacked else bar_h * len(series) + gap
    totals = [sum(counts.get((c, s), 0) for s, _, _ in series) if stacked
              else max([counts.get((c, s), 0) for s, _, _ in series] or [0])
              for c, _ in categories]
    scale = bar_w / max(totals + [1])
    parts = []
    for i, ((cat, label), total) in enumerate(zip(categories, totals)):
        y = i * row_h + gap / 2
        parts.append(f'<text x="{label_w - 8}" y="{y + (row_h - gap) / 2 + 4:.1f}" '
                     f'text-anchor="end">{_e(label)}</text>')
        x = float(label_w)
        for j, (key, name, color) in enumerate(series):
            n = counts.get((cat, key), 0)
            w, by = n * scale, y if stacked else y + j * bar_h
            if n:
                parts.append(f'<rect x="{x:.1f}" y="{by:.1f}" width="{w:.1f}" '
                             f'height="{bar_h - 1}" fill="{color}"><title>{_e(label)}: '
                             f'{_e(name)} {n}</title></rect>')
            if not stacked:
                parts.append(f'<text x="{x + w + 4:.1f}" y="{by + bar_h - 2:.1f}" '
                             f'class="val">{n}</text>')
            if stacked:
                x += w
        if stacked:
            parts.append(f'<text x="{x + 4:.1f}" y="{y + bar_h - 4:.1f}" class="val">'
                         f'{total}</text>')
    height = len(categories) * row_h + gap
    legend = "".join(f'<li><i style="background:{color}"></i>{_e(name)}</li>'
                     for _, name, color in series)
    return (f'<svg role="img" width="{label_w + bar_w + 50}" '
            f'height="{height}" viewBox="0 0 {label_w + bar_w + 50} {height}">'
            f'{"".join(parts)}</svg><ul class="legend">{legend}</ul>')


def _numbers_table(records: list[Mapping[str, Any]], themes: dict[str, str]) -> str:
    rows, kinds, units = [], Counter(), Counter()
    several = len({r["report"] for r in records}) > 1  # then name the report with the passage
    for r in records:
        m = (r.get("municipality") or {}).get("name") or NO_MUNICIPALITY
        for num in r.get("numbers", []):
            kinds[num["kind"]] += 1
            units[num.get("unit") or ""] += 1
            value = num.get("value")
            sort_key = _sort_value(value)
            rows.append(
                f'<tr><td>{_e(m)}</td><td>{_e(themes.get(_theme(r), _theme(r)))}</td>'
                f'<td>{_e(num["text"])}</td><td>{_e(num["kind"])}</td>'
                f'<td class="num"{sort_key}>{_e(_show_value(value))}</td>'
                f'<td>{_e(num.get("unit") or "")}</td><td>{"ja" if num.get("approx") else ""}'
                f'</td><td><a href="#{_anchor(r)}">{_e(_passage_name(r, several))}</a></td></tr>')
    kind_options = "".join(f'<option value="{_e(k)}">{_e(k)} ({n})</option>'
                           for k, n in sorted(kinds.items()))
    unit_options = "".join(f'<option value="{_e(u)}">{_e(u or "(ingen)")} ({n})</option>'
                           for u, n in sorted(units.items()))
    return (
        '<div class="filters" data-table="taltabell">'
        '<label>Sök <input type="search" class="f-text" placeholder="kommun, tal, enhet…">'
        '</label> <label>Typ <select class="f-col" data-col="3"><option value="*">alla</option>'
        f'{kind_options}</select></label> <label>Enhet <select class="f-col" data-col="5">'
        f'<option value="*">alla</option>{unit_options}</select></label> '
        '<span class="count"></span></div>'
        '<div class="scroll"><table class="sortable" id="taltabell"><thead><tr><th>Kommun</th><th>Tema</th>'
        '<th>Tal</th><th>Typ</th><th class="num">Värde</th><th>Enhet</th><th>Ungefär</th>'
        f'<th>Avsnitt</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
        '<p class="note">Klicka på en kolumnrubrik för att sortera. Värde: ett tal, ett '
        'intervall (16–29), en andel (24 av 65) eller en förändring (143 → 92, +7).</p>')


def _passages(records: list[Mapping[str, Any]], themes: dict[str, str]) -> str:
    names = sorted({(r.get("municipality") or {}).get("name") or NO_MUNICIPALITY
                    for r in records})
    options = "".join(f'<option value="{_e(n)}">{_e(n)}</option>' for n in names)
    legend = "".join(f'<li><i style="background:{c}"></i>{label}</li>'
                     for label, c in ENTITY_COLORS.items())
    out = ['<div class="filters" id="avsnittsfilter"><label>Kommun <select id="f-muni">'
           f'<option value="">alla</option>{options}</select></label> '
           '<label><input type="checkbox" id="f-mismatch"> bara avsnitt där förutsagt tema '
           'avviker från rubriken</label> <span class="count"></span></div>'
           f'<ul class="legend">{legend}</ul>']
    report = theme = None
    for r in records:
        if r["report"] != report:
            report, theme = r["report"], None
            out.append(f'<h3 class="report">Rapport: {_e(report)}</h3>')
        if _theme(r) != theme:
            theme = _theme(r)
            out.append(f'<h4 class="theme">{_e(themes.get(theme, theme))}</h4>')
        out.append(_passage(r, themes))
    return "\n".join(out)


def _passage(r: Mapping[str, Any], themes: dict[str, str]) -> str:
    m = r.get("municipality") or {}
    name = m.get("name") or NO_MUNICIPALITY
    theme = r.get("theme") or {}
    gold, predicted = theme.get("gold"), theme.get("predicted")
    score = (theme.get("scores") or {}).get(predicted)
    mismatch = _mismatch(r)
    where = f" ({_e(m['code'])}, {_e(m.get('county') or '')})" if m.get("code") else ""
    predicted_html = (f'förutsagt: <b>{_e(themes.get(predicted, predicted))}</b>'
                      + (f" ({score:.2f})" if isinstance(score, (int, float)) else "")
                      if predicted else "förutsagt: –")
    flag = ('<span class="mismatch" title="Förutsagt tema avviker från rubrikens">'
            '≠ rubriken</span>' if mismatch else "")
    activities = "".join(
        f'<li title="{_e(a.get("evidence") or "")}">{_e(a["type"])}</li>'
        for a in _unique_types(r.get("activities", [])))
    outcomes = "".join(f"<li>{_e(s)}</li>" for s in r.get("outcomes", []))
    return (
        f'<article class="passage{" is-mismatch" if mismatch else ""}" id="{_anchor(r)}" '
        f'data-muni="{_e(name)}" data-mismatch="{int(mismatch)}">'
        f'<header><b class="muni">{_e(name)}</b>{where} · <code>{_e(r["passage_id"])}</code>'
        f' · rubrik: <b>{_e(themes.get(gold, gold) if gold else "–")}</b> · {predicted_html} '
        f'{flag}</header>{_highlight(r)}'
        + (f'<div class="acts">Aktivitetstyper: <ul class="tags">{activities}</ul></div>'
           if activities else "")
        + (f'<div class="outcomes">Resultat:<ul>{outcomes}</ul></div>' if outcomes else "")
        + "</article>")


def _highlight(r: Mapping[str, Any]) -> str:
    """The passage text with its entities marked by displaCy (which escapes the text)."""
    from spacy import displacy

    ents, end = [], 0
    for e in sorted(r.get("entities", []), key=lambda e: (e["start"], -e["end"])):
        if e["start"] >= end:  # displaCy cannot draw overlapping spans
            ents.append({"start": e["start"], "end": e["end"], "label": e["label"]})
            end = e["end"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return displacy.render({"text": r["text"], "ents": ents, "title": None}, style="ent",
                               manual=True, jupyter=False, page=False,
                               options={"colors": ENTITY_COLORS})


# -- helpers -------------------------------------------------------------------------
def _theme_order(records: list[Mapping[str, Any]]) -> dict[str, str]:
    """Theme ids -> labels: the configured themes first, then others seen, then unknown."""
    from textmine.segment import load_themes

    labels = {theme_id: label for label, theme_id in load_themes().items()}
    predicted = {(r.get("theme") or {}).get("predicted") for r in records}
    seen = {_theme(r) for r in records} | (predicted - {None})
    order = [t for t in labels if t in seen] + sorted(seen - set(labels) - {NO_THEME})
    if NO_THEME in seen:
        order.append(NO_THEME)
    return {t: labels.get(t, t) for t in order}


def _theme(r: Mapping[str, Any]) -> str:
    theme = r.get("theme") or {}
    return theme.get("gold") or theme.get("predicted") or NO_THEME


def _mismatch(r: Mapping[str, Any]) -> bool:
    theme = r.get("theme") or {}
    return bool(theme.get("gold") and theme.get("predicted")
                and theme["gold"] != theme["predicted"])


def _unique_types(activities: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return list({a["type"]: a for a in reversed(activities)}.values())[::-1]


def _anchor(r: Mapping[str, Any]) -> str:
    return "p-" + re.sub(r"[^A-Za-z0-9_-]+", "_", f"{r['report']}-{r['passage_id']}")


def _show_value(value: Any) -> str:
    """A number record's value in words: 16–29, 24 av 65, 143 → 92, +7."""
    def show(v: Any) -> str:  # Swedish style: 2,5 and 75\u00a0000\u00a0000 (years stay 2019)
        if isinstance(v, float):
            v = int(v) if v.is_integer() else v
        if isinstance(v, float):
            return f"{v:g}".replace(".", ",")
        if isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 10000:
            return f"{v:,}".replace(",", "\u00a0")
        return "" if v is None else str(v)

    if isinstance(value, list) and len(value) == 2:
        return f"{show(value[0])}–{show(value[1])}"
    if isinstance(value, dict):
        if "part" in value:
            return f"{show(value['part'])} av {show(value.get('whole')) or '?'}"
        if "delta" in value:
            delta = value["delta"]
            return f"{'+' if isinstance(delta, (int, float)) and delta > 0 else ''}{show(delta)}"
        if "from" in value or "to" in value:
            return f"{show(value.get('from'))} → {show(value.get('to'))}"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return show(value)


def _sort_value(value: Any) -> str:
    """A ``data-v`` attribute so that numeric values sort as numbers."""
    if isinstance(value, list) and value:
        value = next((v for v in value if isinstance(v, (int, float))), None)
    elif isinstance(value, dict):
        value = next((v for v in value.values() if isinstance(v, (int, float))), None)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return ""
    return f' data-v="{value}"'


def _passage_name(r: Mapping[str, Any], with_report: bool) -> str:
    return f"{r['report']}/{r['passage_id']}" if with_report else r["passage_id"]


def _section(anchor: str, title: str, content: str) -> str:
    return f'<section id="{anchor}"><h2>{_e(title)}</h2>{content}</section>'


def _e(text: Any) -> str:
    return escape(str(text), quote=True)


PAGE = Template("""<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="textmine">
<title>$title</title>
<style>$css</style>
</head>
<body>
$body
<script>$js</script>
</body>
</html>
""")

CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222;
       max-width: 1200px; margin: 0 auto; padding: 1rem 1.5rem 4rem; background: #fafafa; }
h1 { font-size: 1.6rem; margin: .5rem 0; }
h2 { border-bottom: 2px solid #2f4b7c; padding-bottom: .2rem; margin-top: 2.5rem; }
h3.report { margin-top: 1.5rem; }
nav { margin: .5rem 0 1rem; }
a { color: #1f4e9c; }
.summary { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; list-style: none; padding: 0; }
.summary b { font-size: 1.2rem; }
.note { color: #555; font-size: .9rem; }
table { border-collapse: collapse; background: #fff; font-size: .9rem; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #eef2f7; position: sticky; top: 0; }
table.sortable th { cursor: pointer; user-select: none; }
th.asc::after { content: " ▲"; } th.desc::after { content: " ▼"; }
td.num, th.num { text-align: right; }
td.zero { color: #bbb; }
tfoot td { font-weight: bold; background: #f3f3f3; }
.charts { display: flex; flex-wrap: wrap; gap: 1.2rem; }
.scroll { max-height: 36rem; overflow: auto; border: 1px solid #ddd; display: inline-block;
          max-width: 100%; }
h4.theme { margin: 1.2rem 0 .3rem; color: #2f4b7c; }
figure { margin: 0; background: #fff; border: 1px solid #ddd; padding: .75rem; }
figcaption { font-weight: bold; margin-bottom: .5rem; }
svg text { font-size: 12px; fill: #222; } svg text.val { fill: #555; font-size: 11px; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem;
          font-size: .85rem; max-width: 600px; }
.legend i { display: inline-block; width: .9em; height: .9em; margin-right: .3em;
            vertical-align: -0.1em; border-radius: 2px; }
.filters { margin: .5rem 0; display: flex; flex-wrap: wrap; gap: .5rem 1rem;
           align-items: center; }
.filters .count { color: #555; font-size: .9rem; }
.passage { background: #fff; border: 1px solid #ddd; border-left: 4px solid #9bb7d4;
           margin: .75rem 0; padding: .5rem .9rem; }
.passage.is-mismatch { border-left-color: #e15759; }
.passage header { font-size: .9rem; color: #333; }
.mismatch { background: #e15759; color: #fff; border-radius: 3px; padding: 0 .4em;
            font-weight: bold; }
.passage .entities { margin: .4rem 0; }
.tags { display: inline; list-style: none; padding: 0; }
.tags li { display: inline-block; background: #eef2f7; border: 1px solid #c9d6e8;
           border-radius: 3px; padding: 0 .4em; margin: 0 .2em .2em 0; font-size: .85rem; }
.acts, .outcomes { font-size: .9rem; }
.outcomes ul { margin: .2rem 0; }
[hidden] { display: none !important; }
"""

JS = """
(function () {
  "use strict";
  function cellValue(row, i) {
    var cell = row.cells[i];
    if (!cell) return "";
    return cell.hasAttribute("data-v") ? cell.getAttribute("data-v") : cell.textContent.trim();
  }
  function sortBy(table, i, th) {
    var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
    var asc = !th.classList.contains("asc");
    Array.prototype.forEach.call(th.parentNode.cells, function (c) {
      c.classList.remove("asc", "desc");
    });
    th.classList.add(asc ? "asc" : "desc");
    rows.sort(function (a, b) {
      var x = cellValue(a, i), y = cellValue(b, i);
      var nx = parseFloat(x), ny = parseFloat(y), d;
      if (x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny) && isFinite(x) && isFinite(y)) {
        d = nx - ny;
      } else {
        d = x.localeCompare(y, "sv");
      }
      return asc ? d : -d;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      th.addEventListener("click", function () { sortBy(table, i, th); });
    });
  });
  document.querySelectorAll(".filters[data-table]").forEach(function (box) {
    var table = document.getElementById(box.getAttribute("data-table"));
    var text = box.querySelector(".f-text"), selects = box.querySelectorAll(".f-col");
    var count = box.querySelector(".count");
    function apply() {
      var q = text.value.trim().toLowerCase(), shown = 0, rows = table.tBodies[0].rows;
      Array.prototype.forEach.call(rows, function (row) {
        var ok = !q || row.textContent.toLowerCase().indexOf(q) >= 0;
        selects.forEach(function (s) {
          var want = s.value, col = +s.getAttribute("data-col");
          if (want !== "*" && row.cells[col].textContent !== want) ok = false;
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = "visar " + shown + " av " + rows.length;
    }
    text.addEventListener("input", apply);
    selects.forEach(function (s) { s.addEventListener("change", apply); });
    apply();
  });
  var muni = document.getElementById("f-muni"), mis = document.getElementById("f-mismatch");
  if (muni && mis) {
    var passages = document.querySelectorAll("article.passage");
    var pcount = document.querySelector("#avsnittsfilter .count");
    var applyPassages = function () {
      var shown = 0;
      passages.forEach(function (p) {
        var ok = (!muni.value || p.getAttribute("data-muni") === muni.value) &&
                 (!mis.checked || p.getAttribute("data-mismatch") === "1");
        p.hidden = !ok;
        if (ok) shown += 1;
      });
      pcount.textContent = "visar " + shown + " av " + passages.length;
    };
    muni.addEventListener("change", applyPassages);
    mis.addEventListener("change", applyPassages);
    applyPassages();
  }
  document.body.setAttribute("data-ok", "1");
})();
"""

"""Readers for every format: the same passages from text, a saved web page, DOCX and PDF;
UTF-16, decomposed Unicode, HTML without </head>, broken and scanned files."""
import io
import unicodedata
import zipfile
from pathlib import Path

import pytest

from textmine.io import InputError, iter_input_files, read_document, read_text, sniff
from textmine.io.pdf import clean_pages
from textmine.segment import Line, Segmenter, segment

ROOT = Path(__file__).parents[1]
REPORT = ROOT / "corpus" / "reports" / "pa-gang-i-uppdraget.txt"
SAMPLE = "Folkhälsa\n\nKiruna kommun\n\nKiruna har byggt ett nytt spår för 2 000 kronor.\n"


def _signature(report):
    return [(p.theme.gold, p.municipality.code if p.municipality else None, p.text)
            for p in report.passages]


@pytest.fixture(scope="module")
def bundled():
    """The bundled report's blocks as (kind, text): kind is h1/h2/h3 for headings, p else."""
    segmenter = Segmenter()
    text = REPORT.read_text(encoding="utf-8")
    blocks = []
    for k, block in enumerate(b.strip() for b in text.split("\n\n") if b.strip()):
        heading = segmenter.classify(Line(block, 0, len(block)))
        if heading is None:
            blocks.append(("p", block))
        elif heading.theme:
            blocks.append(("h2", block))
        elif heading.municipality:
            blocks.append(("h3", block))
        else:
            blocks.append(("h1" if k < 2 else "h2", block))
    expected = segment(text, "pa-gang-i-uppdraget")
    assert len(expected.passages) == 138
    return blocks, _signature(expected)


# -- encodings and normalisation ---------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_read(tmp_path, encoding):
    path = tmp_path / "windows.txt"
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path.write_bytes(bom + SAMPLE.replace("\n", "\r\n").encode(encoding))
    assert read_text(path) == SAMPLE
    assert [p.municipality.name for p in segment(read_text(path)).passages] == ["Kiruna"]


def test_decomposed_unicode_is_normalised_to_nfc_and_offsets_hold(tmp_path):
    text = ("Utbildning och arbetsmarknad\n\nÅmål kommun\n\nÅmål har öppnat ett lärcentrum.\n\n"
            "Övertorneå kommun\n\nI Övertorneå får nyanlända stöd på väg till arbete.\n")
    path = tmp_path / "mac.txt"
    path.write_bytes(unicodedata.normalize("NFD", text).encode("utf-8"))
    assert unicodedata.normalize("NFD", text) != text  # the file really is decomposed
    read = read_text(path)
    assert read == text
    report = segment(read)
    assert [(p.theme.gold, p.municipality.name) for p in report.passages] == [
        ("utbildning_arbetsmarknad", "Åmål"), ("utbildning_arbetsmarknad", "Övertorneå")]
    for passage in report.passages:
        assert read[passage.start:passage.end] == passage.text


def test_sniffing_goes_by_content_before_extension():
    assert sniff(b"%PDF-1.4 ...", ".txt") == "pdf"
    assert sniff(b"<html>", ".html") == "html"
    assert sniff(b"plain", ".md") == "text"
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    assert sniff(archive.getvalue(), ".bin") == "docx"
    assert sniff(b"not a zip", ".docx") == "docx"  # the DOCX reader says what is wrong


# -- HTML ----------------------------------------------------------------------------

def _article(blocks):
    return "\n".join(f"<{kind}>{text}</{kind}>" for kind, text in blocks)


def _semantic_page(blocks):
    return f"""<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>På gång i uppdraget | Tillväxtverket</title>
<script>window.dataLayer = [];</script><style>body {{ font: 14px sans-serif }}</style></head>
<body>
<div id="cookie-banner" class="cookie-consent" role="dialog">
  <p>Vi använder kakor (cookies) för att webbplatsen ska fungera bra för dig.</p>
  <button>Godkänn alla kakor</button> <a href="/kakor">Inställningar för kakor</a></div>
<a class="skip-link" href="#content">Till innehållet</a>
<header class="site-header"><a href="/">Tillväxtverket</a>
  <nav class="main-menu" aria-label="Huvudmeny"><ul><li><a href="/a">Start</a></li>
  <li><a href="/b">Barn och unga</a></li><li><a href="/f">Folkhälsa</a></li>
  <li><a href="/e">Eda kommun</a></li><li><a href="/k">Kontakt</a></li></ul></nav></header>
<nav class="breadcrumbs" aria-label="Brödsmulor"><ol><li><a href="/">Start</a></li>
  <li><a href="/r">Regional utveckling</a></li><li>På gång i uppdraget</li></ol></nav>
<main id="content"><article>
{_article(blocks)}
</article>
<aside class="related"><h2>Relaterade sidor</h2><ul><li><a href="/x">Folkhälsa i kommunerna</a></li>
  <li><a href="/y">Kommuner med särskilt stöd</a></li></ul></aside>
<div class="share"><p>Dela sidan på Facebook eller LinkedIn.</p></div>
</main>
<footer class="site-footer"><h2>Kontakt</h2><p>Tillväxtverket, 117 86 Stockholm. Telefon 08-681 91 00.</p>
<p>Om webbplatsen · Tillgänglighet · Personuppgifter</p></footer>
</body></html>
"""


def _div_soup_page(blocks):
    # no </head>, no <main>, chrome known only by class and id, paragraphs left open
    body = "\n".join(f"<{kind}>{text}</{kind}>" if kind != "p" else f"<p>{text}"
                     for kind, text in blocks)
    return f"""<html><head><meta charset="utf-8"><title>På gång i uppdraget</title>
<div class="cookie-notice"><p>Den här webbplatsen använder kakor. <a>Jag förstår</a></div>
<div id="menu"><ul><li>Start<li>Folkhälsa<li>Barn och unga<li>Eda kommun</ul></div>
<div class="breadcrumb">Start &rsaquo; Regional utveckling &rsaquo; På gång i uppdraget</div>
<div class="content-wrapper no-sidebar"><div class="text">
{body}
</div></div>
<div class="sidebar"><h3>Läs också</h3><p>Kommuner med särskilt stöd.</div>
<div id="footer"><p>Tillväxtverket, 117 86 Stockholm. Telefon 08-681 91 00.</div>
"""


@pytest.mark.parametrize("page", [_semantic_page, _div_soup_page])
def test_saved_web_page_gives_the_same_138_passages(tmp_path, bundled, page):
    blocks, expected = bundled
    path = tmp_path / "pa-gang-i-uppdraget.html"
    path.write_text(page(blocks), encoding="utf-8")
    text = read_text(path)
    for chrome in ("kakor", "Huvudmeny", "Brödsmulor", "117 86 Stockholm", "Relaterade",
                   "Dela sidan", "Läs också", "Regional utveckling"):
        assert chrome not in text
    report = segment(text, "pa-gang-i-uppdraget")
    assert len(report.passages) == 138
    assert _signature(report) == expected
    for passage in report.passages:
        assert text[passage.start:passage.end] == passage.text


def test_html_without_head_end_keeps_its_body(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Rapport</title>"
                    "<h2>Folkhälsa</h2><h3>Kiruna kommun</h3><p>Kiruna har byggt ett spår.",
                    encoding="utf-8")
    report = segment(read_text(path))
    assert [(p.theme.gold, p.municipality.name, p.text) for p in report.passages] == [
        ("folkhalsa", "Kiruna", "Kiruna har byggt ett spår.")]


def test_html_page_that_is_only_a_menu_is_refused(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav><ul><li><a>Start</a><li><a>Folkhälsa</a></ul></nav>"
                    "<footer>Tillväxtverket</footer></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="menu.html: no main text in this web page"):
        read_text(path)


def test_deeply_nested_tag_soup_does_not_overflow(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 5000 + "<p>Kiruna har byggt ett spår.",
                    encoding="utf-8")
    assert read_text(path) == "Kiruna har byggt ett spår.\n"


# -- DOCX ----------------------------------------------------------------------------

def test_docx_of_the_bundled_report_gives_the_same_138_passages(tmp_path, bundled):
    docx = pytest.importorskip("docx")
    blocks, expected = bundled
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Tillväxtverket – På gång i uppdraget"
    document.sections[0].footer.paragraphs[0].text = "Sida 1"
    for kind, text in blocks:
        if kind == "p":
            document.add_paragraph(text)
        else:
            document.add_heading(text, level=int(kind[1]))
    path = tmp_path / "pa-gang-i-uppdraget.docx"
    document.save(path)
    text = read_text(path)
    assert "Sida 1" not in text  # page header and footer are not body text
    report = segment(text, "pa-gang-i-uppdraget")
    assert len(report.passages) == 138
    assert _signature(report) == expected


def test_docx_by_content_whatever_the_extension_and_broken_docx(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Folkhälsa", level=1)
    document.add_heading("Kiruna kommun", level=2)
    document.add_paragraph("Kiruna har byggt ett spår.")
    document.add_paragraph("Simskola för barn", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Deltagare", "65"
    path = tmp_path / "saved-as.bin"
    document.save(path)
    assert read_text(path) == ("# Folkhälsa\n\n## Kiruna kommun\n\nKiruna har byggt ett spår."
                               "\n\n- Simskola för barn\n\nDeltagare | 65\n")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(path.read_bytes()[:300])
    with pytest.raises(InputError, match="broken.docx: malformed DOCX"):
        read_text(broken)


def test_missing_docx_extra_says_how_to_install(tmp_path, monkeypatch):
    import builtins

    document = tmp_path / "r.docx"
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    document.write_bytes(archive.getvalue())
    real_import = builtins.__import__

    def no_docx(name, *args, **kwargs):
        if name == "docx" or name.startswith("docx."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_docx)
    with pytest.raises(InputError, match=r"pip install 'textmine\[docx\]'"):
        read_text(document)


# -- PDF -----------------------------------------------------------------------------

def minimal_pdf(pages: list[list[tuple[float, float, bool, str]]],
                image_only: bool = False) -> bytes:
    """A PDF written by hand: pages of lines (y from the bottom, size, bold, text), in
    Helvetica (bold: Helvetica-Bold) with the cp1252 encoding."""
    objects: list[bytes] = [b"", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                            b"/Encoding /WinAnsiEncoding >>",
                            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
                            b"/Encoding /WinAnsiEncoding >>"]
    page_ids = []
    for lines in pages:
        if image_only:
            stream = b"q 100 0 0 100 72 600 cm 0.5 g 0 0 1 1 re f Q"
        else:
            ops = []
            for y, size, bold, text in lines:
                escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(b"BT /F%d %.1f Tf 1 0 0 1 60 %.1f Tm (%s) Tj ET"
                           % (2 if bold else 1, size, y, escaped.encode("cp1252")))
            stream = b"\n".join(ops)
        page_ids.append(len(objects) + 1)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
                       b"<< /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>"
                       % (len(objects) + 2))
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % i for i in page_ids), len(page_ids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


HEADING_SIZES = {"h1": 18.0, "h2": 15.0, "h3": 12.0}


def _wrap(text: str, width: int = 95) -> list[str]:
    """Lines of at most ``width`` characters; a long word that does not fit is hyphenated."""
    lines, line = [], ""
    for word in text.split(" "):
        if len(line) + 1 + len(word) <= width or not line:
            line = f"{line} {word}" if line else word
            continue
        if len(word) >= 12 and word.isalpha():
            cut = 6 if word[6:].split()[0] not in ("och", "som", "till") else 7
            if len(line) + 1 + cut + 1 <= width:
                lines.append(f"{line} {word[:cut]}-")
                line = word[cut:]
                continue
        lines.append(line)
        line = word
    lines.append(line)
    return lines


def layout_pdf(blocks, header="Tillväxtverket · På gång i uppdraget") -> bytes:
    """The blocks laid out on A4 pages: headings large and bold, body 10.5 pt, a gap after
    each paragraph, a running header and a page number on every page."""
    pages, lines, y = [], [], 790.0

    def new_page():
        nonlocal lines, y
        if lines:
            lines += [(815.0, 8.0, False, header), (30.0, 8.0, False, str(len(pages) + 1))]
            pages.append(lines)
        lines, y = [], 790.0

    for kind, text in blocks:
        size = HEADING_SIZES.get(kind, 10.5)
        wrapped = [text] if kind != "p" else _wrap(text)
        if kind != "p":
            y -= 10
            if y - 3 * size * 1.3 < 60:  # keep a heading with what follows
                new_page()
        for line in wrapped:
            if y < 60:
                new_page()
            lines.append((y, size, kind != "p", line))
            y -= size * 1.3
        y -= 8
    new_page()
    return minimal_pdf(pages)


def test_pdf_of_the_bundled_report_gives_the_same_138_passages(tmp_path, bundled):
    pytest.importorskip("pdfplumber")
    blocks, expected = bundled
    path = tmp_path / "pa-gang-i-uppdraget.pdf"
    pdf = layout_pdf(blocks)
    assert b"-) Tj" in pdf and pdf.count(b"/Type /Page ") > 10  # hyphens, many pages
    path.write_bytes(pdf)
    text = read_text(path)
    assert "Tillväxtverket · På gång" not in text  # running header on every page
    assert not any(line.strip().isdigit() for line in text.splitlines())  # page numbers
    report = segment(text, "pa-gang-i-uppdraget")
    assert len(report.passages) == 138
    assert _signature(report) == expected


def test_pdf_cleaning_keeps_body_lines_that_look_like_numbers():
    pages = ["Rubrik\nDet var 2019.\n12", "Text\n4", "Mer text\nSida 5 av 9"]
    assert clean_pages(pages) == "Rubrik Det var 2019.\n\nText\n\nMer text\n"
    # a paragraph over a page break stays whole; a hyphenated word is joined, not "arbets- och"
    pages = ["Kommunen har anställt en arbets-\nmarknadssamordnare för", "unga och arbets-\n"
             "och studiemotiverade.\n3"]
    assert clean_pages(pages) == ("Kommunen har anställt en arbetsmarknadssamordnare för unga "
                                  "och arbets- och studiemotiverade.\n")


def test_scanned_truncated_and_fake_pdfs_get_clear_errors(tmp_path):
    pytest.importorskip("pdfplumber")
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(minimal_pdf([[], []], image_only=True))
    with pytest.raises(InputError, match=r"scan.pdf: no text layer \(scanned\?\)"):
        read_text(scanned)
    whole = minimal_pdf([[(700.0, 11.0, False, "Kiruna har byggt ett spår.")]] * 3)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(InputError, match="cut.pdf: malformed PDF .truncated"):
        read_text(cut)
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"just text called .pdf")
    with pytest.raises(InputError, match="fake.pdf: not a PDF file"):
        read_text(fake)


def test_missing_pdf_extra_says_how_to_install(tmp_path, monkeypatch):
    import builtins

    path = tmp_path / "r.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
    real_import = builtins.__import__

    def no_pdfplumber(name, *args, **kwargs):
        if name == "pdfplumber":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pdfplumber)
    with pytest.raises(InputError, match=r"r.pdf: PDF input needs the pdf extra: "
                                         r"pip install 'textmine\[pdf\]'"):
        read_text(path)


# -- folders ---------------------------------------------------------------------------

def test_unreadable_folder_symlink_loop_and_broken_link_are_named(tmp_path, monkeypatch):
    import os

    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.docx").write_text("x", encoding="utf-8")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "c.txt").write_text("x", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    real_scandir = os.scandir

    def scandir(path):  # the tests run as root, who can read a chmod 000 folder
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    problems = []
    files = list(iter_input_files([tmp_path], on_error=problems.append))
    assert [p.name for p in files] == ["a.txt", "b.docx"]
    messages = sorted(str(p) for p in problems)
    assert any("gone.txt: broken symbolic link" in m for m in messages)
    assert any("locked: folder cannot be read (Permission denied)" in m for m in messages)
    assert any("loop: symbolic link loop" in m for m in messages)
    with pytest.warns(UserWarning) as warned:  # without on_error: warnings, never silence
        list(iter_input_files([tmp_path]))
    assert sorted(str(w.message) for w in warned) == messages


def test_a_web_page_title_names_the_municipality_its_text_calls_kommunen(tmp_path):
    """The main text says only "Kommunen"; the page's title and site name say which one."""
    import textmine

    page = tmp_path / "nyhet.html"
    page.write_text(
        '<!DOCTYPE html><html><head><title>Nu öppnar fritidsgården - Vara kommun</title>'
        '<meta property="og:site_name" content="Vara kommun"></head><body><nav>Start</nav>'
        "<main><h1>Nu öppnar fritidsgården</h1><p>Kommunen öppnar en ny fritidsgård i höst."
        "</p><p>Den har öppet klockan 15-21.</p></main><footer>Vara kommun</footer></body>"
        "</html>", encoding="utf-8")
    document = read_document(page)
    assert "Vara" not in document.text and "Vara kommun" in document.title
    report = textmine.read_report(page)
    assert [p.municipality.code for p in report.passages] == ["1470", "1470"]


def test_a_web_page_address_names_the_edition_its_text_calls_kommunen(tmp_path):
    """A local paper's page: the site name names no municipality, the address's edition does."""
    import textmine

    page = tmp_path / "artikel.html"
    page.write_text(
        '<html><head><title>Ny fritidsgård öppnar | Lokaltidningen</title>'
        '<link rel="canonical" href="https://lokaltidningen.example.se/nyheter/linkoping/'
        'artikel/ny-fritidsgard-oppnar"></head><body><article><p>Kommunen öppnar en ny '
        "fritidsgård i höst.</p></article></body></html>", encoding="utf-8")
    report = textmine.read_report(page)
    assert [p.municipality.code for p in report.passages] == ["0580"]

"""End to end in headless Chromium: the demo page attributes the first seed article as
it opens, shows its quotations, speakers and a quote list (role, kind and confidence
inline; Copy as CSV, Download JSON), takes HTML, keeps submitted markup as text, keeps
its tooltip on the page and nothing stale under a message, and /docs renders with
nothing fetched from another origin.  A screenshot per state goes to tests/artifacts/.

Uses Debian's Chromium (`apt-get install chromium`; .ci/run installs it) driven by
Playwright; set CHROMIUM to use another binary.  Skipped, saying why, where there is
none.  Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import math
import os
import shutil
import threading
from pathlib import Path

import pytest

from service.app import create_app
from service.config import Config

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(
        f"no Chromium at {CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (requirements-dev.txt)")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_ee22bb034a8b2be9.txt"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
XSS = '<img src=x onerror="window.pwned=1">'


class LiveConfig(Config):
    TESTING = True


@pytest.fixture(scope="module")
def base_url(nlp):
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, create_app(LiveConfig, nlp=nlp), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


@pytest.fixture(scope="module")
def browser():
    # Playwright gives every launch a fresh, empty profile (--user-data-dir) of its own.
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class Watched:
    """A page with a record of its console errors, CSP violations and requests."""

    def __init__(self, browser, base_url: str, **context_options):
        self.context = browser.new_context(**context_options)
        self.page = self.context.new_page()
        self.page.set_default_timeout(20_000)
        self.base_url = base_url
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.base_url + "/")]

    def attribute(self, text: str | None = None, html: bool = False) -> dict:
        """Optionally replace the article, click the button, return the API's answer."""
        page = self.page
        if text is not None:
            page.locator("#article").fill(text)
        page.locator(f"input[name=format][value={'html' if html else 'text'}]").check()
        with page.expect_response(lambda r: r.url.endswith("/v1/quotes") and r.request.method == "POST") as answer:
            page.get_by_role("button", name="Attribute quotes").click()
        body = answer.value.json()
        sent = answer.value.request.post_data_json
        assert sent["format"] == ("html" if html else "text")
        sync_api.expect(page.locator("#status")).to_contain_text("quotation")
        return body


@pytest.fixture
def watched(browser, base_url):
    ARTIFACTS.mkdir(exist_ok=True)
    made = []

    def open_page(path: str = "/", **context_options) -> Watched:
        watched = Watched(browser, base_url, **context_options)
        watched.page.goto(base_url + path)
        if path == "/":  # the page attributes its preloaded article as it opens
            sync_api.expect(watched.page.locator("#status")).to_contain_text("quotation")
        made.append(watched)
        return watched

    yield open_page
    for watched in made:
        watched.context.close()


def marks_text(page, quote_id: str) -> str:
    return "".join(page.locator(f'#highlighted mark[data-quote="{quote_id}"]').all_text_contents())


def test_the_demo_attributes_the_seed_article(watched):
    demo = watched(viewport={"width": 1280, "height": 900})
    page = demo.page
    assert page.locator("#article").input_value() == SEED.read_text(encoding="utf-8")
    body = demo.attribute()
    expect = sync_api.expect

    # Every quotation is highlighted, once focusable, with exactly its words.
    quotes = body["quotes"]
    assert quotes, "the seed article gave no quotations"
    expect(page.locator("#highlighted mark.quote[tabindex='0']")).to_have_count(len(quotes))
    for quote in quotes:
        assert marks_text(page, quote["id"]) == quote["text"], quote["id"]
    assert page.locator("#highlighted").text_content() == body_text(page)

    # Mark Esper's quotation shows who said it, on focus and on hover.
    esper = [q for q in quotes if q["speaker"] and q["speaker"]["name"] == "Mark Esper"]
    assert esper, "no quotation attributed to Mark Esper"
    tip = page.locator("#quote-tip")
    page.locator(f'#highlighted mark[data-quote="{esper[0]["id"]}"][tabindex="0"]').focus()
    expect(tip).to_be_visible()
    percent = f"{math.floor(esper[0]['confidence'] * 100 + 0.5)}%"  # as the page rounds it
    for words in ("Mark Esper", "Defense Secretary", esper[0]["kind"], "Confidence", percent):
        expect(tip).to_contain_text(words)
    if esper[0]["cue"]:
        expect(tip).to_contain_text(esper[0]["cue"]["text"])
    other = next(q for q in quotes if q["speaker"] and q["speaker"]["name"] != "Mark Esper")
    page.locator(f'#highlighted mark[data-quote="{other["id"]}"][tabindex="0"]').hover()
    expect(tip).to_contain_text(other["speaker"]["name"])
    page.screenshot(path=str(ARTIFACTS / "demo-tooltip.png"))

    # The speaker list: name, role, kind, number of quotes, anonymous sources flagged.
    items = page.locator("#speakers li.speaker[data-speaker]")
    expect(items).to_have_count(len(body["speakers"]))
    for speaker in body["speakers"]:
        item = page.locator(f'#speakers li[data-speaker="{speaker["id"]}"]')
        expect(item).to_contain_text(speaker["name"])
        expect(item).to_contain_text(speaker["kind"])
        count = len(speaker["quotes"])
        expect(item).to_contain_text(f"{count} quote{'' if count == 1 else 's'}")
        expect(item.locator(".badge.anonymous")).to_have_count(1 if speaker["kind"] == "anonymous" else 0)
    esper_item = page.locator("#speakers li.speaker", has_text="Mark Esper")
    expect(esper_item).to_contain_text("Defense Secretary")

    # Choosing a speaker leaves only their quotations highlighted.
    esper_item.get_by_role("button").click()
    expect(esper_item.get_by_role("button")).to_have_attribute("aria-pressed", "true")
    chosen = page.locator("#highlighted mark.chosen[tabindex='0']")
    expect(chosen).to_have_count(len(esper))
    esper_item.get_by_role("button").click()
    expect(page.locator("#highlighted mark.chosen")).to_have_count(0)

    # The screenshot for the README: Mark Esper's quotation focused, its details shown.
    page.locator(f'#highlighted mark[data-quote="{esper[0]["id"]}"][tabindex="0"]').evaluate(
        "m => { m.scrollIntoView({block: 'center'}); m.focus({preventScroll: true}); }"
    )
    page.locator(".speakers-panel").evaluate("panel => { panel.scrollTop = 0; }")
    expect(tip).to_contain_text("Mark Esper")
    page.screenshot(path=str(ARTIFACTS / "demo.png"))
    assert demo.errors == []
    assert demo.foreign_requests() == []


def body_text(page) -> str:
    """The text the page submitted, as the article view must show it."""
    return page.locator("#article").input_value()


def test_the_keyboard_reaches_the_quotations(watched):
    demo = watched(viewport={"width": 1000, "height": 800})
    page = demo.page
    page.locator("#article").focus()
    page.keyboard.press("Control+Enter")  # submits from the textarea
    sync_api.expect(page.locator("#status")).to_contain_text("quotation")
    page.get_by_role("button", name="Attribute quotes").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "document.activeElement.matches('#highlighted mark.quote') && document.activeElement.dataset.quote"
    )
    assert focused, "Tab after the button does not reach the first quotation"
    sync_api.expect(page.locator("#quote-tip")).to_be_visible()
    page.keyboard.press("Escape")
    sync_api.expect(page.locator("#quote-tip")).to_be_hidden()
    assert demo.errors == []


def test_the_page_is_readable_on_a_phone(watched):
    demo = watched(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, device_scale_factor=2)
    page = demo.page
    demo.attribute()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px on a phone"
    article = page.locator(".article-panel").bounding_box()
    speakers = page.locator(".speakers-panel").bounding_box()
    listed = page.locator(".quotes-panel").bounding_box()
    # Who is quoted comes first on a phone, then the quote list, then the long article.
    assert speakers["y"] + speakers["height"] <= listed["y"] + 1, "the speakers do not come first on a phone"
    assert listed["y"] + listed["height"] <= article["y"] + 1, "the quote list does not come before the article"
    assert article["width"] >= 340
    page.locator(".speakers-panel").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "demo-phone-speakers.png"))
    font_size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('#highlighted')).fontSize)")
    assert font_size >= 16
    page.locator("#highlighted mark.quote[tabindex='0']").first.tap()
    sync_api.expect(page.locator("#quote-tip")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "demo-phone.png"))
    assert demo.errors == []


@pytest.mark.parametrize(
    "text",
    [
        XSS,
        f"“{XSS} is not a picture,” said <b>Mark Esper</b>. <script>window.pwned=2</script>",
    ],
)
def test_markup_in_the_article_is_shown_as_text_and_never_runs(watched, text):
    demo = watched()
    page = demo.page
    body = demo.attribute(text)
    page.wait_for_timeout(300)  # time for an injected image to fail and its handler to run
    highlighted = page.locator("#highlighted")
    assert highlighted.text_content() == text
    assert page.locator("#results img, #results script, #results b").count() == 0
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert not any(url.rstrip("/").endswith("/x") for url in demo.requests), "the <img> was created"
    for quote in body["quotes"]:
        assert marks_text(page, quote["id"]) == quote["text"]
    assert demo.errors == []


def test_the_policy_stops_inline_script(watched):
    """What a slip into innerHTML would meet: the Content-Security-Policy."""
    page = watched().page
    page.evaluate(
        """() => {
            window.violations = [];
            document.addEventListener("securitypolicyviolation", (e) => window.violations.push(e.violatedDirective));
            const script = document.createElement("script");
            script.textContent = "window.inlineRan = true";
            document.body.append(script);
        }"""
    )
    page.wait_for_function("window.violations.length > 0")
    assert page.evaluate("window.inlineRan") is None
    assert page.evaluate("window.violations")[0].startswith("script-src")


def test_the_api_reference_renders_with_nothing_from_elsewhere(watched):
    docs = watched("/docs", viewport={"width": 1280, "height": 900})
    page = docs.page
    operation = page.locator(".opblock", has_text="/v1/quotes").first
    sync_api.expect(operation).to_be_visible()
    sync_api.expect(page.locator(".swagger-ui .info .title")).to_contain_text("Quote attribution service")
    # Try the example request from the reference itself.
    operation.locator(".opblock-summary").first.click()
    with page.expect_response(lambda r: r.url.endswith("/v1/quotes")) as answer:
        operation.get_by_role("button", name="Execute").click()
    assert answer.value.status == 200
    assert answer.value.json()["quotes"][0]["speaker"]["name"] == "Mark Esper"
    page.screenshot(path=str(ARTIFACTS / "docs.png"))
    assert docs.errors == []
    assert docs.foreign_requests() == []


def test_the_preloaded_article_is_highlighted_without_a_click(watched):
    demo = watched(viewport={"width": 1280, "height": 900})
    page = demo.page
    marks = page.locator("#highlighted mark.quote[tabindex='0']")
    assert marks.count() > 5
    sync_api.expect(page.locator("#quote-list li.quote-item")).to_have_count(marks.count())
    page.screenshot(path=str(ARTIFACTS / "demo-on-open.png"))
    assert demo.errors == []


def test_the_tooltip_of_the_last_quotation_stays_on_the_page(watched):
    demo = watched(viewport={"width": 1280, "height": 700})
    page = demo.page
    last = page.locator("#highlighted mark.quote[tabindex='0']").last
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    last.evaluate("m => { m.scrollIntoView({block: 'end'}); m.focus({preventScroll: true}); }")
    tip = page.locator("#quote-tip")
    sync_api.expect(tip).to_be_visible()
    box = tip.bounding_box()  # relative to the viewport
    assert box["y"] >= 0 and box["y"] + box["height"] <= 700, box
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1280, box
    page.screenshot(path=str(ARTIFACTS / "demo-last-tooltip.png"))
    assert demo.errors == []


def test_a_blank_submit_leaves_no_stale_results(watched):
    demo = watched(viewport={"width": 1280, "height": 900})
    page = demo.page
    sync_api.expect(page.locator("#results")).to_be_visible()
    page.locator("#article").fill("   \n ")
    page.get_by_role("button", name="Attribute quotes").click()
    sync_api.expect(page.locator("#status")).to_have_text("Paste an article first.")
    sync_api.expect(page.locator("#results")).to_be_hidden()
    assert page.locator("#highlighted mark, #quote-list li, #speakers li").count() == 0
    page.screenshot(path=str(ARTIFACTS / "demo-blank.png"))
    assert demo.errors == []


SPEAKERS_TEN = (
    " ".join(
        f"“Point number {n} stands,” said {name}."
        for n, name in enumerate(
            ["Ann Lee", "Bob Cole", "Cara Diaz", "Dan Eto", "Eve Fox", "Finn Gray", "Gail Hu", "Hal Ito", "Ida Jones"],
            start=1,
        )
    )
    + " “The tenth,” said Jack King."
)


def test_every_speaker_is_on_the_page_with_no_inner_scroll(watched):
    demo = watched(viewport={"width": 1280, "height": 700})
    page = demo.page
    body = demo.attribute(SPEAKERS_TEN)
    assert len(body["speakers"]) >= 9, [s["name"] for s in body["speakers"]]
    panel = page.locator(".speakers-panel")
    assert panel.evaluate("p => p.scrollHeight <= p.clientHeight + 1"), "the speaker panel scrolls inside itself"
    sync_api.expect(page.locator("#speaker-count")).to_have_text(f"({len(body['speakers'])})")
    for speaker in body["speakers"]:
        item = page.locator(f'#speakers li[data-speaker="{speaker["id"]}"]')
        item.scroll_into_view_if_needed()
        sync_api.expect(item).to_be_in_viewport()
    page.locator("#speakers li.speaker[data-speaker]").last.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "demo-ten-speakers.png"))
    assert demo.errors == []


def test_the_quote_list_shows_speaker_role_kind_and_confidence(watched):
    demo = watched(viewport={"width": 1280, "height": 900})
    page = demo.page
    body = demo.attribute()
    items = page.locator("#quote-list li.quote-item")
    sync_api.expect(items).to_have_count(len(body["quotes"]))
    for quote, item in zip(body["quotes"], items.all()):
        sync_api.expect(item.locator(".quote-words")).to_have_text(quote["text"])
        sync_api.expect(item.locator(".quote-kind")).to_have_text(quote["kind"])
        sync_api.expect(item.locator(".quote-confidence")).to_have_text(
            f"confidence {math.floor(quote['confidence'] * 100 + 0.5)}%"
        )
        speaker = quote["speaker"]
        who = "No speaker found" if speaker is None else speaker["name"]
        if speaker and speaker["role"]:
            who += f" ({speaker['role']})"
        sync_api.expect(item.locator(".quote-speaker")).to_have_text(who)
    page.locator(".quotes-panel").screenshot(path=str(ARTIFACTS / "demo-quote-list.png"))
    assert demo.errors == []


def test_copy_as_csv_and_download_json_take_the_quotes_away(watched, tmp_path):
    import csv
    import io
    import json

    demo = watched(viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"])
    page = demo.page
    body = demo.attribute("“We will appeal, “as we said”, at once,” Mayor Ann Lee said.\n\nOfficials said it was over.")
    page.get_by_role("button", name="Copy as CSV").click()
    sync_api.expect(page.locator("#status")).to_contain_text("as CSV")
    copied = page.evaluate("navigator.clipboard.readText()")
    rows = list(csv.DictReader(io.StringIO(copied, newline="")))
    assert [row["text"] for row in rows] == [q["text"] for q in body["quotes"]]
    for row, quote in zip(rows, body["quotes"]):
        assert row["speaker"] == (quote["speaker"]["name"] if quote["speaker"] else "")
        assert (row["kind"], float(row["confidence"])) == (quote["kind"], quote["confidence"])
        assert (int(row["start"]), int(row["end"])) == (quote["start"], quote["end"])
    with page.expect_download() as download:
        page.get_by_role("button", name="Download JSON").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "quotes.json"
    assert json.loads(saved.read_text(encoding="utf-8")) == body
    assert demo.errors == []


def test_pasted_html_is_attributed_as_html(watched):
    demo = watched(viewport={"width": 1280, "height": 900})
    page = demo.page
    source = "<p>&ldquo;The budget is <b>final</b>,&rdquo; said <b>Principal Laura King</b>.</p>"
    body = demo.attribute(source, html=True)
    quote = body["quotes"][0]
    assert quote["speaker"]["name"] == "Laura King"
    # The highlight shows the HTML as sent, so the quotation's mark holds its markup, as text.
    assert marks_text(page, quote["id"]) == source[quote["start"] : quote["end"]] == "The budget is <b>final</b>,"
    assert page.locator("#highlighted b").count() == 0
    sync_api.expect(page.locator("#quote-list .quote-words").first).to_have_text("The budget is final,")
    page.screenshot(path=str(ARTIFACTS / "demo-html.png"))
    assert demo.errors == []

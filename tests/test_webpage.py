"""Saved web pages: HTML detection and article extraction (trafilatura)."""
from __future__ import annotations

import pytest

from analysis.article import extracted_text, load_article
from analysis.textio import InputError
from analysis.webpage import extract, is_web_page, looks_like_html

BODY = (
    "<p>The council of Port Elling voted on Tuesday to rebuild the wooden pier that storms destroyed "
    "last winter, ending a debate that had divided the town for months.</p>"
    "<p>&quot;We owe it to the fishermen,&quot; said Mayor Ilse Brandt after the vote.</p>"
)


@pytest.mark.parametrize("text", [
    "<!DOCTYPE html><html><body><p>x</p></body></html>",
    "<!doctype HTML>\n<p>x</p>",
    "  <html lang='en'>\n<p>x</p>",
    "<body class=\"story\"><p>Plain</p>",
    "\ufeff<!-- saved from url=(0031)http://example.org/pier -->\n<html><p>x</p></html>",
    "<div><p>One</p><p>Two</p><p>Three</p><p>Four</p><p>Five</p></div>",  # a fragment, all markup
])
def test_html_is_recognised_by_content(text):
    assert looks_like_html(text)


@pytest.mark.parametrize("text", [
    "Markets Rally\n\nStocks rose, traders said.\n",
    "Browsers render the <b> element in bold, the developer said, and <i> in italics.\n",
    "Profits rose 5% <i.e. more than expected> in the quarter, analysts said.\n",
    "Headline\n\nWeb designers put the <body> tag after <head>, she said.\n",
])
def test_prose_is_not_html(text):
    assert not looks_like_html(text)


def test_suffix_makes_a_web_page():
    assert is_web_page("a/story.HTML", "plain words") and is_web_page("story.htm", "x")
    assert not is_web_page("story.txt", "plain words")


def test_extract_title_author_date_and_paragraphs():
    html = (
        "<html><head><title>Harbour town votes to rebuild its old pier</title>"
        "<meta name='author' content='Mara Kell'>"
        "<meta property='article:published_time' content='2025-05-14'></head>"
        f"<body><nav><a href='/'>Home</a></nav><article>{BODY}</article></body></html>"
    )
    page = extract(html)
    assert page.title == "Harbour town votes to rebuild its old pier"
    assert page.author == "Mara Kell" and page.date == "2025-05-14"
    assert page.text.startswith("Harbour town votes to rebuild its old pier\n\nThe council of Port Elling")
    assert '\n\n"We owe it to the fishermen," said Mayor Ilse Brandt' in page.text
    assert "Home" not in page.text and "<" not in page.text and "&quot;" not in page.text


@pytest.mark.parametrize("html", [
    "<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
    "<html><body></body></html>",
    "<html><body><script>var a = 1;</script></body></html>",
])
def test_page_without_article_text_is_an_input_error(html, capfd):
    with pytest.raises(InputError, match=r"^p\.html: no article text found in HTML$"):
        extract(html, "p.html")
    assert capfd.readouterr() == ("", "")  # the extractor's own log lines stay off stderr


def test_load_article_of_a_page_saved_as_txt(tmp_path):
    p = tmp_path / "pier.txt"
    p.write_text(f"<!DOCTYPE html><html><head><title>Pier vote</title></head><body>{BODY}</body></html>", encoding="utf-8")
    a = load_article(p)
    assert a.article_id == "pier" and a.headline == "Pier vote" and a.meta["format"] == "html"
    assert a.paragraphs[0].zone == "headline" and a.text[a.paragraphs[0].start : a.paragraphs[0].end] == "Pier vote"
    assert extracted_text(a) == a.text


def test_load_article_of_plain_text_has_no_extracted_text(tmp_path):
    p = tmp_path / "note.txt"
    p.write_text("Markets Rally\n\nStocks rose, traders said.\n", encoding="utf-8")
    assert extracted_text(load_article(p)) is None

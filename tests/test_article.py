"""Loading and zoning articles."""
from __future__ import annotations

from analysis.article import article_from_text, article_id_from_path, credit_split, split_paragraphs


def zones_of(text: str) -> list[tuple[str, str]]:
    a = article_from_text(text, "t")
    return [(p.zone, a.text[p.start : p.end]) for p in a.paragraphs]


def test_seed_zones(seed_article):
    a = seed_article
    z = [(p.zone, a.text[p.start : p.end]) for p in a.paragraphs]
    assert z[0] == ("headline", "NATO Tries to Fill Holes in Military as Ukraine War Threatens Stockpiles")
    assert z[1][0] == "notice" and "AI-generated" in z[1][1]
    captions = [t for zone, t in z if zone == "caption"]
    assert captions[0] == "NATO Tries to Fill Stockpiles Ukraine"  # the image title line
    assert captions[1].startswith("NATO Secretary-General Jens Stoltenberg shakes hands")
    assert captions[1].endswith("secure deals...")  # the credit is split off
    assert [t for zone, t in z if zone == "credit"] == ["Dimitar Dilkoff/AFP/Getty"]
    bio = [t for zone, t in z if zone == "bio"]
    assert bio[0] == "About the writer" and len(bio) == 3 and bio[-1].endswith("Read more")
    body = [t for zone, t in z if zone == "body"]
    assert len(body) == 12
    assert body[0].startswith("NATO Secretary-General") and body[-1].startswith("Newsweek reached out")
    assert a.headline == z[0][1]
    assert a.author == "Jon Jackson"
    assert a.article_id == "newsweek-nato-fills-holes-stockpiles"


def test_plain_article_is_headline_plus_body():
    z = zones_of("City Council Approves Budget\n\nThe council voted 7-2 on Monday.\n\nThe mayor said she was pleased.\n")
    assert [zone for zone, _ in z] == ["headline", "body", "body"]


def test_photo_block_with_other_names_and_agency():
    text = (
        "Floods Hit Northern Towns\n\n"
        "Rivers burst their banks overnight, officials said.\n\n"
        "Flooded Streets In Leeds\n"
        "Residents wade through water in Leeds on Friday. Thousands were evacuated. Maria Gonzalez/Reuters\n\n"
        "Rain is expected to continue until Sunday.\n"
    )
    z = zones_of(text)
    assert [zone for zone, _ in z] == ["headline", "body", "caption", "caption", "credit", "body"]
    assert z[4][1] == "Maria Gonzalez/Reuters"


def test_standalone_credit_line():
    z = zones_of("Title Here\n\nA body sentence that is long enough to count.\n\nA caption about the scene here.\n\nJohn Smith/AP/Shutterstock\n\nMore body text follows here.")
    assert [zone for zone, _ in z] == ["headline", "body", "caption", "credit", "body"]


def test_bio_without_header_and_truncated_repeat():
    text = (
        "Storm Nears Coast\n\nThe storm is expected to make landfall on Tuesday.\n\n"
        "Residents were told to leave.\n\n"
        "Ana Lima is a staff writer at the Coastal Post covering weather.\n\n"
        "Ana Lima is a staff writer at the Coastal Post ... Read more"
    )
    assert [zone for zone, _ in zones_of(text)] == ["headline", "body", "body", "bio", "bio"]
    assert article_from_text(text, "t").author == "Ana Lima"


def test_byline_author():
    assert article_from_text("Headline\n\nBy Kim Lee\n\nBody text.", "t").author == "Kim Lee"


def test_notice_cue_is_case_insensitive_and_short_only():
    z = zones_of("Headline Words\n\nListen to this article\n\nBody text that mentions how to listen to this article in passing and goes on for a while with many more words than any notice would ever have in it at all.")
    assert [zone for zone, _ in z] == ["headline", "notice", "body"]


def test_long_first_paragraph_is_body():
    assert [zone for zone, _ in zones_of("word " * 100)] == ["body"]


def test_credit_split_shapes():
    assert credit_split("Dimitar Dilkoff/AFP/Getty") == 0
    s = "A man walks by. Jane Roe/Bloomberg"
    assert s[credit_split(s):] == "Jane Roe/Bloomberg"
    assert credit_split("The ratio was 3/4 of the vote.") is None
    assert credit_split("He said it was and/or maybe not.") is None


def test_split_paragraphs_spans_are_stripped():
    text = "  A  \n\n\n B\nC \n \n"
    spans = split_paragraphs(text)
    assert [text[s:e] for s, e in spans] == ["A", "B", "C"]


def test_article_id_is_stable_slug():
    assert article_id_from_path("/x/My Article (2).TXT") == "my-article-2"
    assert article_id_from_path("a/b/seed.txt") == article_id_from_path("c/seed.txt")


def test_notice_cue_inside_a_long_body_paragraph_is_not_a_notice():
    z = zones_of("City Sues Campaign\n\nThe city is demanding that the campaign stop using the image in an advertisement, "
                 "the city attorney said in a letter on Friday.")
    assert [zone for zone, _ in z] == ["headline", "body"]


def test_notice_after_leading_emoji():
    z = zones_of("Headline Words\n\n\U0001F50A Listen to this article, read by an automated voice and more words here\n\nBody.")
    assert z[1][0] == "notice"


def test_social_media_plug_is_a_notice():
    """"Follow <name> on Twitter @handle" signs a piece (maybe inside the quotation marks of a
    transcript): a notice, not body text — so not a floating quotation."""
    for plug in ('"Follow Ida Varga on Twitter @idavarga."', "Follow Ida Varga on Instagram.",
                 "Follow @idavarga for updates"):
        z = zones_of(f"Headline Words\n\nThe council met on Monday.\n\n{plug}")
        assert [zone for zone, _ in z] == ["headline", "body", "notice"], plug
    z = zones_of("Headline Words\n\nFollow the money, the auditor said on Monday.")
    assert [zone for zone, _ in z] == ["headline", "body"]


def test_hard_wrapped_paragraphs_are_joined():
    para1 = ("The committee met on Tuesday to discuss the new budget, which\n"
             "includes cuts to several programs that residents have relied on\n"
             "for years.")
    para2 = ("Officials said the plan would be published next week and that\n"
             "public hearings would follow.")
    text = "Budget Talks Begin\n\n" + para1 + "\n\n" + para2 + "\n"
    a = article_from_text(text, "t")
    assert [a.text[p.start:p.end] for p in a.paragraphs] == ["Budget Talks Begin", para1, para2]


def test_hard_wrapped_block_without_blank_lines_breaks_after_short_lines():
    text = ("Headline Here\n\n"
            "First paragraph runs over two lines because the file was\n"
            "wrapped at sixty characters wide.\n"
            "Second paragraph also wraps across two lines in this file\n"
            "too.\n")
    a = article_from_text(text, "t")
    assert len(a.paragraphs) == 3
    assert a.text[a.paragraphs[2].start:a.paragraphs[2].end].startswith("Second paragraph")


def test_one_paragraph_per_line_is_kept():
    lines = [f"Paragraph {i} is a full paragraph written on one long line without any wrapping at all, as scraped pages often are." for i in range(3)]
    a = article_from_text("Headline\n" + "\n".join(lines), "t")
    assert len(a.paragraphs) == 4


def test_article_ids_of_non_latin_names_are_transliterated_and_distinct():
    ids = [article_id_from_path(n) for n in ("北约.txt", "копия.txt", "Ñoño café d’article.txt", "서울.txt")]
    assert ids == ["bei-yue", "kopiya", "nono-cafe-d-article", "seo-ul"]


def test_ascii_article_ids_are_unchanged():
    assert article_id_from_path("newsweek-nato-fills-holes-stockpiles.txt") == "newsweek-nato-fills-holes-stockpiles"
    assert article_id_from_path("___.txt") == "article"


def test_untransliterable_names_keep_distinct_ids():
    a, b = article_id_from_path("—.txt"), article_id_from_path("–.txt")
    assert a.startswith("article-") and b.startswith("article-") and a != b

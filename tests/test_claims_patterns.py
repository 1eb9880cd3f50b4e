"""One test per attribution pattern of the registry and per cue check, with made-up
sentences; the ``pattern`` column names the registry entry that made each row."""
from __future__ import annotations

import re

import pytest

from analysis import claims, mentions
from analysis.article import article_from_text
from analysis.claims import checks, frames, registry, units
from analysis.tokenise import tokenise

HEAD = "Officials Trade Words Over Budget Plan\n\n"


def read(body: str, with_mentions: bool = False):
    doc = tokenise(article_from_text(HEAD + body, "t"))
    ms = mentions.find_mentions(doc) if with_mentions else []
    return [(c.pattern, c.attribution, c.speaker, c.cue, c.content)
            for c in claims.find_claims(doc, ms) if c.zone != "headline"]


# --- the registry ----------------------------------------------------------------------------


def test_registry_order_and_names():
    assert claims.PATTERN_NAMES == (
        "transcript_turn", "block_after_intro", "according_to", "passive_agent", "possessive_noun", "split_quotation", "quote_then_cue", "fronted_participle", "participle_clause", "inverted_cue", "colon_intro",
        "comment_clause", "fronted_comment_clause", "content_then_cue", "quote_after_cue_clause", "speaker_participle", "parenthetical",
        "content_then_cue_phrase", "cue_then_content", "dash_attribution", "quote_then_unlisted_verb",
        "quote_after_colon", "floating_quote", "headline_colon", "narrator")
    assert [p.stage for p in registry.REGISTRY][:3] == ["turn", "turn", "cue"]
    assert {p.stage for p in registry.REGISTRY[-3:]} == {"fallback"}


@pytest.mark.parametrize("p", registry.REGISTRY, ids=lambda p: p.name)
def test_every_pattern_documents_an_example(p):
    assert p.read.__name__ == p.name
    assert re.search(r'"[A-Z\u201c"].+"', p.read.__doc__ or "", re.DOTALL), "docstring needs an example sentence"


def test_pattern_column_in_table():
    doc = tokenise(article_from_text(HEAD + "Jane Doe said the plan was dead.", "t"))
    t = claims.claims_table(doc, claims.find_claims(doc, []))
    assert list(t.columns)[-1] == "pattern" and str(t["pattern"].dtype) == "string"
    assert set(t["pattern"]) <= set(claims.PATTERN_NAMES)
    assert list(t["pattern"]) == ["narrator", "cue_then_content"]


# --- one test per pattern ----------------------------------------------------------------------


def test_transcript_turn():
    body = "Mara Voss spoke to the council on Monday.\n\nMARA VOSS: We will not accept this plan. Not now."
    got = read(body, with_mentions=True)
    assert got[1:] == [("transcript_turn", "direct", "Mara Voss", ":", "We will not accept this plan."),
                       ("transcript_turn", "direct", "Mara Voss", "", "Not now.")]
    # a label naming nobody the article mentions is no turn ("UPDATE: …")
    assert {p for p, *_ in read("UPDATE: The vote was moved to Friday.", with_mentions=True)} == {"narrator"}


def test_block_after_intro():
    body = ("The mayor spoke on Monday.\n\nMara Voss added:\n\nIt is typical of them. They said the plan was dead."
            "\n\nThe vote followed.")
    assert read(body, with_mentions=True)[1:] == [
        ("block_after_intro", "indirect", "Mara Voss", "", "It is typical of them"),
        ("block_after_intro", "indirect", "Mara Voss", "", "They said the plan was dead"),  # nested cue not read
        ("narrator", "narrator", "", "", "The vote followed")]
    # a quotation after the introduction stays a floating quote of the announced speaker
    assert read('Mara Voss said:\n\n"The plan is dead."')[0][0] == "floating_quote"


@pytest.mark.parametrize("body, content", [
    ("According to Mara Voss, the budget will be cut.", "the budget will be cut"),
    ("The budget will be cut, according to Mara Voss.", "The budget will be cut"),
    ("The budget, according to Mara Voss, will be cut by half next year.",
     "The budget, according to Mara Voss, will be cut by half next year"),
])
def test_according_to(body, content):
    assert read(body) == [("according_to", "indirect", "Mara Voss", body[body.lower().index("according"):][:12], content)]


def test_quote_then_cue():
    assert read('"We will not accept this," Mara Voss said.') == [
        ("quote_then_cue", "direct", "Mara Voss", "said", "We will not accept this")]
    assert read('"We will not accept this," said Mara Voss, the finance minister.') == [
        ("quote_then_cue", "direct", "Mara Voss", "said", "We will not accept this")]


def test_participle_clause():
    assert read("Mara Voss left the room early, adding that the plan was dead.", with_mentions=True)[-1] == (
        "participle_clause", "indirect", "Mara Voss", "adding", "the plan was dead")


def test_inverted_cue():
    assert read("The plan is dead, said Mara Voss.") == [("inverted_cue", "indirect", "Mara Voss", "said", "The plan is dead")]


def test_colon_intro_hands_speaker_to_next_quote():
    # the introduction makes no row: the quotation after it is a floating quote of its speaker
    assert read('Mara Voss said:\n\n"The plan is dead. We start again."') == [
        ("floating_quote", "direct", "Mara Voss", "", "The plan is dead. We start again.")]


def test_fronted_participle():
    """A participle clause opening the sentence shares the main clause's subject: its object
    is what that subject said, the closing mark after a comma inside the quotation kept."""
    body = ("Mayor Tilda Marsh spoke in Corvale on Monday.\n\n"
            "Bemoaning the \u201crigged system,\u201d Marsh accused the council of waste.\n\n"
            "Claiming the levy is designed to punish farmers, Marsh told reporters that she would veto it.")
    got = read(body, with_mentions=True)
    fronted = [(a, c, x) for p, a, _, c, x in got if p == "fronted_participle"]
    assert fronted == [("mixed", "Bemoaning", "the \u201crigged system,\u201d"),
                       ("indirect", "Claiming", "the levy is designed to punish farmers")]
    assert all(s.endswith("Marsh") for p, _, s, _, _ in got if p == "fronted_participle")
    # the main clause keeps its own claim
    assert ("cue_then_content", "indirect", "accused", "the council of waste") in [(p, a, c, x) for p, a, _, c, x in got]
    # no object (a preposition after the cue), or no person or organisation opening the main clause: no claim
    for body in ("Speaking at a rally in Dunmore, Tilda Marsh said the vote was near.",
                 "Decrying the levy, the farms closed early."):
        assert all(p != "fronted_participle" for p, *_ in read(body, with_mentions=True))


def test_comment_clause():
    assert read("The plan will fail, as officials have said.") == [
        ("comment_clause", "indirect", "officials", "said", "The plan will fail")]
    assert read("The bay, as one adviser pointed out, rarely floods twice.") == [
        ("comment_clause", "indirect", "one adviser", "pointed out",
         "The bay, as one adviser pointed out, rarely floods twice")]


def test_parenthetical_keeps_its_sentence_over_a_later_comment_clause():
    """A cue clause between commas ("A, Mara Voss said, B") attributes the whole sentence to
    its speaker; a later comment clause inside it ("…, as Tobin Reyes said before he left")
    does not take the sentence from her."""
    body = ("Strikes, Mara Voss said, are acts of courage, whether it was marching in Dunmore or "
            "carrying a sign with the words \"we are still here,\" as Tobin Reyes said before he left.")
    got = read(body)
    assert [(p, s, c) for p, _, s, c, _ in got] == [("parenthetical", "Mara Voss", "said")]
    assert got[0][4].startswith("Strikes, Mara Voss said, are acts") and got[0][4].endswith("before he left")


def test_comment_clause_after_quoted_comma():
    """The comma before "as" stands inside the closing quotation mark (American style): the
    quotation, its mark kept, is the content."""
    for q1, q2 in (('"', '"'), ("\u201c", "\u201d"), ("''", "''")):
        body = f"The rule is {q1}a heavy burden for small farms,{q2} as one memo put it."
        assert read(body) == [("comment_clause", "mixed", "one memo", "put it",
                               f"The rule is {q1}a heavy burden for small farms,{q2}")]


def test_fronted_comment_clause():
    assert read('As the mayor put it in a letter last week, the bridge is "simply too old to save."') == [
        ("fronted_comment_clause", "mixed", "the mayor", "put it", 'the bridge is "simply too old to save."')]
    assert read("As Mara Voss noted on Monday, the bridge is old.") == [
        ("fronted_comment_clause", "indirect", "Mara Voss", "noted", "the bridge is old")]
    assert read('As Mara Voss said, "The bridge is old."') == [
        ("fronted_comment_clause", "direct", "Mara Voss", "said", "The bridge is old.")]
    # an addressee or venue after the verb: a clause of time, no claim
    assert all(p == "narrator" for p, *_ in read("As the senator spoke to reporters, protesters gathered outside."))
    # an object after the cue: not a comment clause
    assert all(p != "fronted_comment_clause" for p, *_ in read("As Mara Voss announced her run, crowds gathered."))


def test_content_then_cue():
    assert read("The plan is dead for now, Mara Voss said.") == [
        ("content_then_cue", "indirect", "Mara Voss", "said", "The plan is dead for now")]


def test_quote_after_cue_clause():
    assert read('As the phone rang, Mara Voss said, "We will not accept this."') == [
        ("quote_after_cue_clause", "direct", "Mara Voss", "said", "We will not accept this.")]


def test_speaker_participle():
    assert read("The plan is dead, the officials said, speaking on condition of anonymity.") == [
        ("speaker_participle", "indirect", "the officials", "said", "The plan is dead")]


def test_split_quotation():
    """The second half of a split quotation belongs to the same direct claim; the cue clause
    is a gap, the quote column joins the two pieces."""
    body = '"We will win," Mara Voss said, "because we are ready."'
    assert read(body) == [("split_quotation", "direct", "Mara Voss", "said",
                           'We will win," Mara Voss said, "because we are ready.')]
    doc = tokenise(article_from_text(HEAD + body, "t"))
    c = [c for c in claims.find_claims(doc, []) if c.zone == "body"][0]
    assert doc.text[c.gap_start:c.gap_end] == '" Mara Voss said, "'
    assert c.quote == claims.QUOTE_SEP.join(["We will win", "because we are ready."])
    # an appositive after the speaker is part of the cue clause
    assert [r[0] for r in read('"We will win," said Mara Voss, the mayor, "because we are ready."')] == [
        "split_quotation"]
    # a second cue before the quotation takes it: no split
    assert [r[0] for r in read('"We will win," Mara Voss said, adding later, "It is over."')][0] == "quote_then_cue"
    # a new sentence after the cue: the next quotation floats (its own claim)
    assert [r[0] for r in read('"We will win," she said. "We are ready."')] == ["quote_then_cue", "floating_quote"]


def test_split_quotation_after_time_phrase():
    """A time or place phrase may end the cue clause before the second half ("…," she said on
    Monday, "…"); the "in" of such a phrase is no cue, a later cue word still is."""
    got = read('"We will win," Mara Voss said on Monday in Boston, "because we are ready."')
    assert got == [("split_quotation", "direct", "Mara Voss", "said",
                    'We will win," Mara Voss said on Monday in Boston, "because we are ready.')]
    assert [r[0] for r in read('"We will win," Mara Voss said in a statement, adding, "It is over."')] == [
        "quote_then_cue", "participle_clause"]


def test_quote_then_unlisted_verb():
    """A verb the lexicon does not list after a quotation and its subject: the subject is
    the speaker, not the previous claim's speaker."""
    body = '"We will win," Tom Reyes said. "We are ready," Mara Voss texted her sister.'
    assert read(body, with_mentions=True) == [
        ("quote_then_cue", "direct", "Tom Reyes", "said", "We will win"),
        ("quote_then_unlisted_verb", "direct", "Mara Voss", "texted", "We are ready")]
    # no subject and verb after the quotation: a floating quotation of the previous speaker
    assert read('"We will win," Tom Reyes said. "We are ready." The vote was held.', with_mentions=True)[1][:3] == (
        "floating_quote", "direct", "Tom Reyes")


@pytest.mark.parametrize("body", [
    'Tom Reyes posted tweet tweet-id="12345" about the vote.',
    'The mayor wrote <tweet pic="x.jpg"> on Monday.',
])
def test_attribute_markup_is_no_quotation(body):
    """A straight quotation mark right after "=" is embed markup, not a floating quotation."""
    assert all(p == "narrator" for p, *_ in read(body))


def test_participle_after_message_noun():
    """"released a statement saying …": the sender (the clause's subject) is the speaker."""
    assert read("Acme released a statement saying the plant would close.", with_mentions=True) == [
        ("participle_clause", "indirect", "Acme", "saying", "the plant would close")]
    # a naming verb after a message noun still needs its quoted complement
    assert all(p == "narrator" for p, *_ in read("The governor issued a statement calling the vote off."))
    # a statement phrase before the speaker is not the speaker
    assert read("In a statement, the mayor said the plant would close.") == [
        ("cue_then_content", "indirect", "the mayor", "said", "the plant would close")]


def test_idiom_goes_without_saying_is_no_cue():
    assert all(p == "narrator" for p, *_ in read("It goes without saying that the budget will be tight."))
    assert read("Mara Voss was fined for saying the plan was dead.")[0][:4] == (
        "participle_clause", "indirect", "Mara Voss", "saying")


def test_contracted_is_before_progressive_cue():
    """"'s" after a subject pronoun is a contracted "is": the -ing cue is a verb; after a
    name it is a possessive and the cue word a noun."""
    assert read('She\u2019s claiming that the count was "rigged" by rivals.') == [
        ("cue_then_content", "mixed", "She", "claiming", 'the count was "rigged" by rivals')]
    assert all(p == "narrator" for p, *_ in read("The mayor's claims about the plan were false."))
    # the clitics of "are" and "have" are auxiliaries: "they're saying", "we've said"
    assert read('They\u2019re saying that the plan is "dead."') == [
        ("cue_then_content", "mixed", "They", "saying", 'the plan is "dead."')]
    assert read("We've said that the plan is dead.") == [
        ("cue_then_content", "indirect", "We", "said", "the plan is dead")]


def test_go_on_to_say_chain():
    """"…, going on to say that …": the chain is one cue sharing the clause's subject."""
    got = read('The mayor said the bridge was old, going on to say that it "must be replaced soon."')
    assert got[1] == ("participle_clause", "mixed", "The mayor", "going on to say", 'it "must be replaced soon."')
    assert read("Mara Voss went on to say that the plan was dead.") == [
        ("cue_then_content", "indirect", "Mara Voss", "went on to say", "the plan was dead")]


def test_non_restrictive_relative_speaker():
    """"…, Tom Reyes, who said …": the name before the comma is the speaker of the relative
    clause (not a word before an earlier comma)."""
    assert read('The guests included Tom Reyes, who said the event was "a triumph."', with_mentions=True) == [
        ("cue_then_content", "mixed", "Tom Reyes", "said", 'the event was "a triumph."')]
    got = read('In May, Tom Reyes, who joked of the event, "I have not seen it yet," left early.', with_mentions=True)
    assert (got[0][0], got[0][2]) == ("cue_then_content", "Tom Reyes")


def test_coordinated_cue_shares_subordinate_clause():
    """"Though she called X "…" and called for Y, the senator …": the coordinated cue is in the
    subordinate clause too, so the first cue's claim is kept."""
    got = read('Though she called the firm\u2019s conduct "shameful" and called for refunds, the senator voted yes.')
    assert got[0] == ("cue_then_content", "mixed", "she", "called", 'the firm\u2019s conduct "shameful"')
    # a main-clause cue still wins over the subordinate ones
    got = read('When the mayor said the plan was "dead" and added that it was late, Mara Voss said, "We disagree."')
    assert [r[2] for r in got] == ["Mara Voss"]


def test_fronted_concessive_clause_keeps_its_attribution():
    """"While she acknowledged A, Mara Voss noted B": a concessive clause opening the sentence
    is an attribution of its own, not a subordinate cue that yields to the main one."""
    got = read('While she acknowledged that costs rose, Mara Voss also noted that the plan was "popular."')
    assert [(r[2], r[3], r[4]) for r in got] == [("she", "acknowledged", "costs rose"),
                                                 ("Mara Voss", "noted", 'the plan was "popular."')]


def test_relative_object_of_naming_verb():
    """"which X called "…"": the relative pronoun is the object, the quotation the complement."""
    assert read('The plan, which he has called "a disaster," failed.') == [
        ("cue_then_content", "direct", "he", "called", "a disaster")]
    assert read('She opposed what critics called "a giveaway to the rich."') == [
        ("cue_then_content", "direct", "critics", "called", "a giveaway to the rich.")]
    # no subject between: a passive naming, a name
    assert all(p == "narrator" for p, *_ in read('The firm, which is called "Acme," grew.'))


def test_appraisal_verb_with_quoted_reason():
    """"lauded X for "…"": a verb of praise or blame, its object and a reason with "for" that
    quotes words; a naming verb with another sense ("called the police for help") is not read so."""
    assert read('The governor lauded Mara Voss in a speech for her "steady hand" in the crisis.') == [
        ("cue_then_content", "mixed", "The governor", "lauded",
         'Mara Voss in a speech for her "steady hand" in the crisis')]
    # praise, laud, condemn, denounce are speech acts in any frame: no quotation needed
    assert read('The governor lauded Mara Voss for her steady hand in the crisis.') == [
        ("cue_then_content", "indirect", "The governor", "lauded", "Mara Voss for her steady hand in the crisis")]
    # a verb of blame with a physical sense still needs quoted words ("blasted the rock for …")
    assert all(p == "narrator" for p, *_ in read('The crew blasted the rock for the new road.'))
    assert verdicts('The senators blasted the panel for failing to make clear on Friday that the deal was "partial."')["blasted"] == (
        True, "object_for_quoted_reason")
    assert verdicts('He called the police for help after a "loud bang."')["called"][1] != "object_for_quoted_reason"


def test_cite_tout_echo_are_cues():
    """Verbs that report what someone put forward: "cited", "touted" (any frame), "echoed"
    (a speech frame: not "the hall echoed with …")."""
    assert read('Mara Voss cited the mayor\u2019s remarks about "lazy workers" as proof.') == [
        ("cue_then_content", "mixed", "Mara Voss", "cited", 'the mayor\u2019s remarks about "lazy workers" as proof')]
    assert read("The firm left the city, citing high taxes.")[0][:4] == (
        "participle_clause", "indirect", "The firm", "citing")
    assert read('Mara Voss echoed the warning that the bridge was "unsafe."')[0][3] == "echoed"
    assert all(p == "narrator" for p, *_ in read('The hall echoed with "loud cheers."'))
    assert all(p == "narrator" for p, *_ in read("He was cited for speeding."))


def test_infinitive_of_purpose_after_a_medium():
    """"took to Twitter to accuse …", "gave a speech to call for …": the infinitive cue shares
    the clause's subject; other infinitives stay no cue."""
    assert read('Mara Voss took to Twitter overnight to accuse the mayor of being "duped" by a con.') == [
        ("participle_clause", "mixed", "Mara Voss", "accuse", 'the mayor of being "duped" by a con')]
    assert read('Mara Voss gave a speech to call for "calm heads."')[0][:4] == (
        "participle_clause", "direct", "Mara Voss", "call for")
    for body in ("Mara Voss met union leaders to discuss the plan.", 'Mara Voss wants to say that the plan is "dead."',
                 'The right to say "no" matters.'):
        assert all(p == "narrator" for p, *_ in read(body)), body


def test_relative_clause_of_a_message():
    """"the report, which says …", "a report that says …": the relative clause's verb is a cue
    (after a noun of a message "that" is no determiner); "said that claims …" keeps its noun."""
    assert read('The report, which says the plan is "dead," was released Monday.')[0][:4] == (
        "cue_then_content", "mixed", "The report", "says")
    assert read('The group released a report that says the plan is "dead."')[0][3:] == (
        "says", 'the plan is "dead."')
    assert [r[3] for r in read('The mayor said that claims of fraud were "baseless."')] == ["said"]


def test_quoted_as_saying():
    assert read('Mara Voss was quoted as saying the plan was "dead."') == [
        ("participle_clause", "mixed", "Mara Voss", "saying", 'the plan was "dead."')]
    assert all(p == "narrator" for p, *_ in read('Mara Voss was known as saying little.'))


def test_possessive_noun():
    """A cue noun after a possessive, with its that-clause: the possessor is the speaker; the
    content ends at the clause boundary (a comma inside the closing mark included)."""
    got = read('Mara Voss spoke. Contrary to her claim that the plan would "save money," costs rose.', with_mentions=True)
    assert got[-1] == ("possessive_noun", "mixed", "Mara Voss", "claim", 'the plan would "save money,"')
    got = read("Mara Voss spoke. Contrary to her claim that the plan would ''save money,'' costs rose.")
    assert got[-1][4] == "the plan would ''save money,''"
    assert read('Tom Reyes\u2019s warning that the bridge was "unsafe" went unheeded.', with_mentions=True)[0][:4] == (
        "possessive_noun", "mixed", "Tom Reyes", "warning")
    # one adjective between the possessive and the noun
    got = read('Mara Voss spoke. Contrary to her repeated claim that the plan would "save money," costs rose.')
    assert got[-1][0] == "possessive_noun" and got[-1][4] == 'the plan would "save money,"'
    # a possessive noun phrase as the subject of a verb cue is no possessor of the cue
    assert read('His plan says that the count was "rigged."')[0][0] == "cue_then_content"
    # no possessive: an unattributed claim
    assert all(p == "narrator" for p, *_ in read('The claim that the count was "rigged" was false.'))


def headline_rows(headline: str):
    doc = tokenise(article_from_text(headline + "\n\nThe vote was held on Monday in the city.", "t"))
    return [(c.pattern, c.speaker, c.cue, c.content) for c in claims.find_claims(doc, mentions.find_mentions(doc))
            if c.zone == "headline"]


def test_title_case_headline_verb():
    """In a title-case headline the capital of "Says" is no name: the headline attributes."""
    assert headline_rows("Budget Plan Will Fail This Year, Mara Voss Says") == [
        ("content_then_cue", "Mara Voss", "Says", "Budget Plan Will Fail This Year")]
    assert headline_rows("Mara Voss Says Budget Plan Will Fail")[0][:3] == ("cue_then_content", "Mara Voss", "Says")
    # a capitalised cue word inside a body sentence is still part of a name
    assert verdicts("The United States will send more aid.")["states"] == (False, "capitalised_name")


def test_used_the_phrase_before_a_quotation():
    """"used the phrase "…"": the quotation is what the user said; without one no cue."""
    assert read('Mara Voss has used the phrase "rigged system" often in her campaign.') == [
        ("cue_then_content", "direct", "Mara Voss", "used the phrase", "rigged system")]
    assert read('He used the words, "We will win."')[0][3:] == ("used the words", "We will win.")
    assert all(p == "narrator" for p, *_ in read("Mara Voss used the word sparingly."))


def test_stray_straight_mark_among_curly_marks_is_no_quotation():
    """An unclosed straight mark opening a paragraph between curly quotations is a stray mark:
    no floating quotation; in straight-quoted text the same paragraph still opens a quotation."""
    got = read('\u201cHere he comes,\u201d Mara Voss said.\n\n"Tom was asleep.\n\n\u201cHere he is,\u201d she said.')
    assert [r[0] for r in got] == ["quote_then_cue", "narrator", "quote_then_cue"]
    got = read('Mara Voss spoke on Monday.\n\n"We will win. We are ready.\n\n"And we have the votes," she said.')
    assert got[1][:2] == ("floating_quote", "direct")


def test_passive_agent():
    """A passive cue with its agent: the agent is the speaker."""
    assert read("This was stated by Mara Voss in May.") == [
        ("passive_agent", "indirect", "Mara Voss", "stated by", "This")]
    assert read("It was announced by the mayor that the plant would close.") == [
        ("passive_agent", "indirect", "the mayor", "announced by", "the plant would close")]
    # a verb with another sense and a complement after the agent: no claim
    assert all(p == "narrator" for p, *_ in read("The man was charged by police with theft."))
    # no agent: a passive is no cue
    assert all(p == "narrator" for p, *_ in read("The man was told to leave."))


def test_parenthetical():
    assert read("The plan, Mara Voss said, is dead.") == [
        ("parenthetical", "indirect", "Mara Voss", "said", "The plan, Mara Voss said, is dead")]


def test_parenthetical_with_a_phrase_after_the_cue():
    """A time, place or medium phrase may end the cue clause between commas: the whole
    sentence is still the content, the cue clause and its phrase the gap."""
    for phrase in ("Monday", "on Monday", "in a letter to the Dunmore council"):
        body = f'The bridge over the Karvo, Mara Voss wrote {phrase}, is "too old to save."'
        doc = tokenise(article_from_text(HEAD + body, "t"))
        got = [c for c in claims.find_claims(doc, []) if c.zone != "headline"]
        assert [(c.pattern, c.speaker, c.cue) for c in got] == [("parenthetical", "Mara Voss", "wrote")]
        c = got[0]
        assert c.content == body and c.content[c.gap_start - c.start : c.gap_end - c.start] == f"Mara Voss wrote {phrase}"
    # the sentence does not go on after the comma: a participle, a coordinator or a relative clause
    for tail in ("adding that he would appeal", "but Tobin Reyes disagreed", "which surprised nobody"):
        assert all(p != "parenthetical" for p, *_ in read(f"The plan is dead, Mara Voss said on Monday, {tail}."))


def test_content_then_cue_phrase():
    assert read("The plan is dead for now, Mara Voss said in a statement.") == [
        ("content_then_cue_phrase", "indirect", "Mara Voss", "said", "The plan is dead for now")]


def test_cue_then_content():
    assert read("Mara Voss said the plan was dead.") == [
        ("cue_then_content", "indirect", "Mara Voss", "said", "the plan was dead")]
    assert read('Mara Voss said: "The plan is dead."') == [
        ("cue_then_content", "direct", "Mara Voss", "said", "The plan is dead.")]


def test_dash_attribution():
    assert read('"The plan is dead." \u2014 Mara Voss') == [
        ("dash_attribution", "direct", "Mara Voss", "\u2014", "The plan is dead.")]


def test_floating_quote():
    got = read('Mara Voss spoke on Monday. "The plan is dead," Voss said. "We start again tomorrow."',
               with_mentions=True)
    assert got[-1] == ("floating_quote", "direct", "Mara Voss", "", "We start again tomorrow.")


def test_narrator():
    assert read("The agency cut its forecast for next year.") == [
        ("narrator", "narrator", "", "", "The agency cut its forecast for next year")]


# --- cue checks ---------------------------------------------------------------------------------


def verdicts(body: str):
    doc = tokenise(article_from_text(HEAD + body, "t"))
    return {" ".join(u.low[c.i:c.j]): checks.cue_verdict(doc, u, c)
            for u in units.build_units(doc) if u.zone == "body" for c in units.find_cues(u)}


@pytest.mark.parametrize("body, cue, verdict", [
    ("The United States will send more aid.", "states", (False, "capitalised_name")),
    ("According to Mara Voss, the plan is dead.", "according to", (True, "source_phrase")),
    ("Mara Voss was fined for saying the plan was dead.", "saying", (True, "gerund_after_preposition")),
    ("Mara Voss met union leaders to discuss the plan.", "discuss", (False, "infinitive_or_noun")),
    ("The figure came in below Wall Street estimates this year.", "estimates", (False, "noun_of_prepositional_phrase")),
    ("Mara Voss expects demand to grow next year.", "demand", (False, "object_of_cue_verb")),
    ("When asked about the plan, Mara Voss left.", "asked", (False, "subordinate_without_subject")),
    ("Mara Voss was told that the plan was dead.", "told", (False, "participle_or_passive")),
    ("Tobin Reyes said the mayor had lied, a charge she denied.", "denied", (False, "appositive_relative")),
    ("The results were encouraging for the council.", "encouraging", (False, "predicative_adjective")),
    ("A man described as a local farmer spoke.", "described", (False, "reduced_passive_as")),
    ("The deal was what Tobin Reyes described as a giveaway.", "described", (True, "")),
    ("Tobin Reyes described crass behaviour by the mayor.", "described", (True, "")),
    ("The talks are promising but slow.", "promising", (False, "predicative_adjective")),
    ("Mara Voss is promising to cut taxes.", "promising", (True, "")),
    ('Tobin Reyes said the mayor was "lying," a claim her office disputes.', "disputes", (False, "appositive_relative")),
    ('Mara Voss called the proposal "a historic step" on Monday.', "called", (True, "quoted_complement")),
    ('The group called "Friends of the Park" met again.', "called", (False, "complement_without_quote")),
    ("Mara Voss added a new room to the house.", "added", (False, "strict_frame")),
    ("Mara Voss said the plan was dead.", "said", (True, "")),
])
def test_cue_checks(body, cue, verdict):
    assert verdicts(body)[cue] == verdict


def test_encourage_is_a_speech_cue():
    """"encouraging her supporters to …" reports what she urged (like *urge*); the adjective
    after "be" ("the results were encouraging for …") is none."""
    got = read('Mara Voss questioned the count, encouraging her supporters to make sure all is "on the level."')
    assert got == [("participle_clause", "mixed", "Mara Voss", "encouraging",
                    'her supporters to make sure all is "on the level."')]
    assert claims.cue_lexicon()[("encouraged",)].lemma == "encourage"


def test_reference_is_a_speech_cue():
    """"…, she said, referencing the bank's drive to "cross-sell"": what she referred to is
    attributed to her, like *cite*; the noun ("a reference to …") is none."""
    got = read('The plan will fail, Mara Voss said, referencing the bank\'s drive to "cross-sell" loans.')
    assert ("participle_clause", "mixed", "Mara Voss", "referencing",
            'the bank\'s drive to "cross-sell" loans') in got
    assert all(c != "reference" for _, _, _, c, _ in read("The speech made a brief reference to the mill."))


def test_appositive_relative_keeps_the_sentence_cue():
    """"…, a charge she denied" / "— something an aide also told reporters": the later cue is the
    verb of a relative clause on the appositive noun; the sentence keeps its own cue and speaker.
    A subject noun phrase after the comma keeps its cue ("…, a statement from the office said")."""
    for tail in (", a charge she denied.", " \u2014 something a council aide also told reporters on Monday."):
        got = read("Tobin Reyes later said the mayor was lying about the budget" + tail)
        assert [(p, s, c) for p, _, s, c, _ in got] == [("cue_then_content", "Tobin Reyes", "said")]
    assert read("The plan is dead, a statement from the office said.") == [
        ("content_then_cue", "indirect", "a statement from the office", "said", "The plan is dead")]
    assert read("The plan is dead, one aide said.")[0][2:4] == ("one aide", "said")


def tagged_noun(body: str, cue: str):
    """The verdict of the tagged_noun check alone (whatever the checks before it say)."""
    doc = tokenise(article_from_text(HEAD + body, "t"))
    return {" ".join(u.low[c.i:c.j]): checks.tagged_noun(checks.CueCheck(doc, u, c))
            for u in units.build_units(doc) if u.zone == "body" for c in units.find_cues(u)}[cue]


# A cue word the tagger reads as a noun is rejected unless verb evidence overrides the tag.
@pytest.mark.parametrize("body, cue", [
    ("The swing states Ohio and Iowa could decide the race.", "states"),
    ("Demand for coal fell sharply last year.", "demand"),
    ("Questions about the budget remain open for now.", "questions"),
    ("Several battleground states could still go either way.", "states"),
    ("For voters these are important questions.", "questions"),  # adjective, then end
])
def test_tagged_noun(body, cue):
    assert tagged_noun(body, cue) is False


def test_tagged_noun_is_the_last_check():
    """Tagging is the cost: only a cue every cheaper check let through is tagged."""
    assert checks.CUE_CHECKS[-1] is checks.tagged_noun
    assert verdicts("Demand for coal fell sharply last year.")["demand"] == (False, "tagged_noun")
    assert verdicts("Questions about the budget remain open.")["questions"] == (False, "strict_frame")


@pytest.mark.parametrize("body, cue", [
    ("Mara Voss argues that the plan is dead.", "argues"),  # a name before it
    ("The firm expects demand to grow next year.", "expects"),  # singular noun, no verb after
    ("Those who question the plan are welcome.", "question"),  # a relative pronoun before it
    ("The mayor questions the fairness of the audit.", "questions"),  # an object after it
])
def test_tagged_noun_yields_to_verb_evidence(body, cue):
    assert tagged_noun(body, cue) is None


def test_tagged_noun_tags_lazily():
    """A unit without an ambiguous cue form is never tagged (the tagger is the cost)."""
    doc = tokenise(article_from_text(HEAD + "Mara Voss said the plan was dead. It rained all day.", "t"))
    us = units.build_units(doc)
    for u in us:
        for c in units.find_cues(u):
            checks.cue_verdict(doc, u, c)
    assert us[0].tags.tagged_sentences == 0


@pytest.mark.parametrize("body, cue, frame", [
    ('"The plan is dead," added Mara Voss.', "added", "after_quotation"),
    ("The plan is dead, the official noted in an email.", "noted", "short_slot_after_clause"),
    ("The plan is dead and Mara Voss added", "added", "nothing_after"),
    ("Mara Voss added that the plan was dead.", "added", "speech_opener_next"),
    ('Mara Voss scolded him: "Stop it."', "scolded", "colon_after_short_object"),
    ("The plan was modest, noted Mara Voss.", "noted", "speaker_ends_sentence"),
    ("Mara Voss tweeted in the early hours that the plan was dead.", "tweeted", "that_a_few_words_on"),
    ("Mara Voss estimates the measure would save millions.", "estimates", "clause_without_that"),
])
def test_strict_frames(body, cue, frame):
    doc = tokenise(article_from_text(HEAD + body, "t"))
    [(u, c)] = [(u, c) for u in units.build_units(doc) if u.zone == "body" for c in units.find_cues(u)
                if " ".join(u.low[c.i:c.j]) == cue]
    ctx = checks.CueCheck(doc, u, c)
    first = next(f.__name__ for f in frames.STRICT_FRAME_CHECKS if f(ctx))
    assert first == frame


def test_coordinated_attributions_split():
    # ", but she said …" opens its own attributed clause: two claims, not one
    assert read("Mara Voss said the rules should change, but she said the debate should wait.") == [
        ("cue_then_content", "indirect", "Mara Voss", "said", "the rules should change"),
        ("cue_then_content", "indirect", "Mara Voss", "said", "the debate should wait")]
    assert read("Mara Voss said the rules should change, and John Roe said the debate should wait.") == [
        ("cue_then_content", "indirect", "Mara Voss", "said", "the rules should change"),
        ("cue_then_content", "indirect", "John Roe", "said", "the debate should wait")]


# --- pronoun agreement ------------------------------------------------------------------------


@pytest.mark.parametrize("first, pronoun, inherits", [
    ("Mara Voss", "she", True),     # a female given name: "she" may stand for her
    ("Tom Reyes", "she", False),    # a male given name: "she" is someone else
    ("Tom Reyes", "he", True),
    ("Acme Corp.", "he", False),    # "he" needs a person
])
def test_pronoun_speaker_agrees_with_previous(first, pronoun, inherits):
    body = f'"We will win," {first} said.\n\n"We are ready," {pronoun} said.'
    got = read(body, with_mentions=True)
    assert got[1][2] == (first if inherits else pronoun)


def test_agrees_unit():
    from analysis.claims.records import Who
    from analysis.claims.speakers import agrees
    assert agrees("she", Who("Mara Voss", entity_type="PERSON"))
    assert not agrees("she", Who("Tom Reyes", entity_type="PERSON"))
    assert not agrees("he", Who("the Plaza Hotel", entity_type="ORG"))
    assert agrees("they", Who("Acme Corp.", entity_type="ORG"))  # not checked
    assert agrees("he", Who("Kim Park"))  # no implied gender, no type: may stand for it


# --- a naming verb with an unquoted predicative complement ("called it a hoax") -----------------------


@pytest.mark.parametrize("body, speaker, content", [
    ("Tom Reyes has called climate change a hoax invented to hurt farmers.", "Tom Reyes",
     "climate change a hoax invented to hurt farmers"),
    ("The campaign described the report as a smear.", "The campaign", "the report as a smear"),
])
def test_unquoted_complement_of_a_naming_verb_is_a_claim(body, speaker, content):
    got = read(body, with_mentions=True)
    assert [(r[0], r[2], r[4]) for r in got] == [("cue_then_content", speaker, content)]


@pytest.mark.parametrize("body", [
    "Tom Reyes called the police a week later.",   # a time phrase, not a complement
    "Tom Reyes was called a hero by the mayor.",   # a passive
    "Tom Reyes called a meeting for Monday.",      # no object before the noun phrase
    "Tom Reyes called his mother a few times.",
])
def test_naming_verb_without_complement_is_no_cue(body):
    assert [r[1] for r in read(body, with_mentions=True)] == ["narrator"]


# --- headline_colon: "Name: what they said" ------------------------------------------------------------


def _headline_rows(headline: str):
    doc = tokenise(article_from_text(headline + "\n\nMara Voss spoke on Monday. Tom Reyes left.", "t"))
    return [(c.pattern, c.speaker, c.cue, c.content)
            for c in claims.find_claims(doc, mentions.find_mentions(doc)) if c.zone == "headline"]


@pytest.mark.parametrize("headline, speaker, content", [
    ("Voss: Plan Will Not Pass the Senate", "Mara Voss", "Plan Will Not Pass the Senate"),
    ("A Lesson From Mara Voss: \u2018Be Heard\u2019", "Mara Voss", "\u2018Be Heard\u2019"),
    ("Poll: Voters Abandon Party", "Poll", "Voters Abandon Party"),   # a source noun
])
def test_headline_label_before_a_colon_is_the_speaker(headline, speaker, content):
    assert _headline_rows(headline) == [("headline_colon", speaker, ":", content)]


@pytest.mark.parametrize("headline", [
    "The Latest: Acme Shares Fall",
    "A Curious Plan to Fight Floods: Buy Land, Sell Water",
])
def test_headline_label_naming_no_one_is_no_claim(headline):
    assert [r[0] for r in _headline_rows(headline)] == ["narrator"]


def test_cue_word_after_a_capitalised_preposition_in_a_title_case_headline_is_a_noun():
    # "Over Police Shooting [Comments]": the title-case preposition ends the capitalised run,
    # so the cue word is the noun of a prepositional phrase (not the headline's verb)
    assert _headline_rows("Chris Christie Calls Hillary Clinton \u2018A Disgrace\u2019 Over Police Shooting Comments") == [
        ("cue_then_content", "Chris Christie", "Calls", "Hillary Clinton \u2018A Disgrace\u2019 Over Police Shooting Comments")]


def test_infinitive_after_the_cue_is_its_complement_not_a_trailing_phrase():
    got = read("Regulators worried that if the state held up the deal, Acme could threaten to liquidate its "
               "properties.", with_mentions=True)
    assert ("cue_then_content", "indirect", "Acme", "threaten", "to liquidate its properties") in got
    assert read("The plan is dead, Tom Reyes said to reporters on Monday.")[0][0] == "content_then_cue_phrase"

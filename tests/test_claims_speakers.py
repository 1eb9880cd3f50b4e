"""Speaker choice of the claims stage, one test per rule, with made-up sentences only."""
from __future__ import annotations

import pytest

from analysis import claims, mentions
from analysis.article import article_from_text
from analysis.claims import clause_subjects, slots, units
from analysis.tokenise import tokenise

HEAD = "Officials Trade Words Over Budget Plan\n\n"


def read(body: str, with_mentions: bool = True):
    doc = tokenise(article_from_text(HEAD + body, "t"))
    ms = mentions.find_mentions(doc) if with_mentions else []
    return [(c.pattern, c.attribution, c.speaker, c.cue, c.content)
            for c in claims.find_claims(doc, ms) if c.zone != "headline"]


# --- a speaker line after a question or exclamation inside a quotation ---------------------------


@pytest.mark.parametrize("body, speaker, cue", [
    ('The vote came late. "Will you pledge to stop this?" she asks.', "she", "asks"),
    ('"Why is this not proof of failure?" Tom Reyes demanded.', "Tom Reyes", "demanded"),
    ('The spot ran on Monday. "Why did nobody pay?" a narrator in the advertisement asks.',
     "a narrator in the advertisement", "asks"),
    ('"Who would have believed it?" Tom Reyes said, looking out at the crowd.', "Tom Reyes", "said"),
    ('"Stop this now!" shouted Tom Reyes.', "Tom Reyes", "shouted"),
])
def test_speaker_line_after_question_joins_the_quotation(body, speaker, cue):
    got = [r for r in read(body) if r[1] == "direct"]
    assert len(got) == 1
    assert got[0][0] == "quote_then_cue" and got[0][3] == cue
    assert got[0][2] == speaker
    assert not any(r[4].endswith((" asks", " demanded")) for r in read(body))  # no narrator row of the cue line


def test_speaker_line_needs_a_bare_cue_clause():
    # a cue with its own content after a question is a new sentence, not the quotation's cue
    body = '"Is it over?" Officials said the vote would be held on Monday.'
    got = read(body)
    assert got[0][0] == "floating_quote"
    assert ("cue_then_content", "indirect", "Officials", "said", "the vote would be held on Monday") in got
    doc = tokenise(article_from_text(HEAD + body, "t"))
    s = [x for x in doc.sentences if x.zone == "body"]
    assert not units.speaker_line_after_question(doc, s[0], s[1])


# --- the noun phrase after the cue: an abbreviated title, premodifiers ---------------------------


@pytest.mark.parametrize("body, with_mentions, speaker", [
    ('"The plan is dead," said Mr. Reyes.', False, "Mr. Reyes"),  # the title's period ends no slot
    ('"The plan is dead," said Mr. Reyes.', True, "Reyes"),
    ('"The plan is dead," said Sen. Mara Voss, the chair.', True, "Mara Voss"),
    ("The plan is dead, said Dr. Reyes on Tuesday.", False, "Dr. Reyes"),
])
def test_title_after_cue(body, with_mentions, speaker):
    assert read(body, with_mentions)[0][2] == speaker


@pytest.mark.parametrize("body, speaker", [
    ('"The plan is dead," said 9/11 widow Mara Voss.', "Mara Voss"),   # a number glued to a designator
    ('"The plan is dead," said retired teacher Tom Reyes.', "Tom Reyes"),
])
def test_premodifier_before_name_after_cue(body, speaker):
    assert read(body)[0][:3] == ("quote_then_cue", "direct", speaker)


def test_time_word_after_cue_is_no_speaker():
    assert read('"The plan is dead," said Tuesday.')[0][0] == "floating_quote"


# --- a later attributed clause after a comma, dash or closing quotation ----------------------------


@pytest.mark.parametrize("body, second", [
    # a concessive after a comma opens a clause with its own attribution (not a subordinate to drop)
    ("Mara Voss said the program works well, though she acknowledged it was unlikely to grow.",
     ("acknowledged", "it was unlikely to grow")),
    ("The union urged the council to act, although members say they back some changes.",
     ("say", "they back some changes")),
    # a dash before the coordinator
    ("Tom Reyes said the switch would be hard \u2014 and he noted that any change would come later.",
     ("noted", "any change would come later")),
    # the comma inside a closing quotation mark
    ('The chief said the footage was "unclear," but he said that the evidence was strong.',
     ("said", "the evidence was strong")),
])
def test_own_clause_after_boundary(body, second):
    got = read(body)
    assert len(got) == 2
    assert (got[1][3], got[1][4]) == second
    assert second[1] not in got[0][4]  # the first content ends before the second clause


def test_subordinate_clause_before_the_main_cue_still_yields():
    # a subordinate clause before the main clause (no comma before its subordinator) still yields
    got = read("So when Tom Reyes signaled that the plan was dead, Mara Voss said, the council left.")
    assert [r[2] for r in got] == ["Mara Voss"]


# --- the subject of a participle clause ("…, adding that") -----------------------------------------


@pytest.mark.parametrize("body, speaker", [
    # a fronted phrase is no subject: neither its mention nor its preposition
    ("In Ohio, the farmers left the talks, adding that the plan was dead.", "the farmers"),
    ('In August, several groups granted the firm an extension, saying its "capital was short."',
     "several groups"),
    ("On Monday, Mara Voss left the room, adding that the plan was dead.", "Mara Voss"),
    # a programme's title in quotation marks inside the fronted phrase, its comma inside the mark
    ('On "Morning Report," Mara Voss faulted the plan, saying it "will fail."', "Mara Voss"),
    ("On ''Morning Report,'' Mara Voss faulted the plan, saying it ''will fail.''", "Mara Voss"),
])
def test_fronted_phrase_is_no_participle_subject(body, speaker):
    got = [r for r in read(body) if r[0] == "participle_clause"]
    assert got and got[0][2] == speaker


@pytest.mark.parametrize("body", [
    # the person who opens the sentence after a fronted phrase speaks the floating quotation next
    'Mara Voss spoke first. On "Morning Report," Sen. Tom Reyes (Ore.), who lost to Voss, named'
    ' fatigue as one reason. "The young want something new."',
    "Mara Voss spoke first. At a diner in Salem on Sunday, Tom Reyes named fatigue as one"
    ' reason. "The young want something new."',
])
def test_floating_quote_after_fronted_phrase_takes_the_opening_person(body):
    got = [r for r in read(body) if r[0] == "floating_quote"]
    assert got and got[0][2] == "Tom Reyes"


def test_quotation_opened_before_the_phrase_is_no_fronted_title():
    # "In …" inside a quotation that opened before it is the quotation's words, not a fronted phrase
    doc = tokenise(article_from_text(HEAD + '"We wait. In a year, we win," Tom Reyes said.', "t"))
    unit = [u for u in units.build_units(doc) if u.zone == "body"][0]
    first = unit.low.index("in")
    assert clause_subjects.fronted_phrase_end(unit, first, len(unit.tokens) - 1) is None
    opening = [u for u in units.build_units(tokenise(article_from_text(
        HEAD + 'On "Morning Report," Tom Reyes spoke.', "t"))) if u.zone == "body"][0]
    assert opening.low[clause_subjects.fronted_phrase_end(opening, 0, len(opening.tokens) - 1)] == "tom"


def test_tagged_verb_ends_the_opening_noun_phrase():
    # "ran" is a past tense the -ed test misses; the tagger reads it as a verb
    got = read("The farmers ran the meeting, adding that the plan was dead.", with_mentions=False)
    assert got[0][:3] == ("participle_clause", "indirect", "The farmers")


# --- a coordinated verb phrase: the cue shares the clause's subject ----------------------------


@pytest.mark.parametrize("body, expected", [
    ("Mara Voss has attacked the loopholes, and has called for ending the tax break.",
     [("participle_clause", "indirect", "Mara Voss", "called for", "ending the tax break")]),
    ("The mayor, like the governor, has urged the council to act but has said she will hold firm on taxes.",
     [("cue_then_content", "indirect", "The mayor", "urged", "the council to act"),
      ("participle_clause", "indirect", "The mayor", "said", "she will hold firm on taxes")]),
    ("Mara Voss left the room and said the plan was dead.",
     [("participle_clause", "indirect", "Mara Voss", "said", "the plan was dead")]),
])
def test_coordinated_verb_shares_the_subject(body, expected):
    assert read(body) == expected


# --- an inverted cue whose speaker has a relative clause or appositive -----------------------------


@pytest.mark.parametrize("body, expected", [
    ("The plan is dead, said Tom Reyes, who was the mayor.",
     [("inverted_cue", "indirect", "Tom Reyes", "said", "The plan is dead")]),
    ("The plan is dead and buried, said Tom Reyes, a former mayor of the town.",
     [("inverted_cue", "indirect", "Tom Reyes", "said", "The plan is dead and buried")]),
])
def test_inverted_cue_speaker_with_relative_clause(body, expected):
    assert read(body) == expected


def test_inverted_cue_before_a_clause_is_no_speaker():
    # an auxiliary after the comma: the "speaker" is the subject of the sentence's main clause
    assert {r[0] for r in read("The new budget plan, said Tom Reyes, will be dead by June.")} == {"narrator"}
    assert {r[0] for r in read('The vote was close, said it was "a mess."', with_mentions=False)} == {"narrator"}


# --- an -ing cue framing a quotation ------------------------------------------------------------------


@pytest.mark.parametrize("body, expected", [
    # a reduced relative clause after a name: the name is the speaker, even after "of"
    ('The ad uses footage of Mara Voss asking, "Why are we not ahead?" The ad ran twice.',
     ("cue_then_content", "direct", "Mara Voss", "asking", "Why are we not ahead?")),
    # after a subordinator: the clause's subject; a sentence-initial capital is no name
    ('Small groups of protesters marched downtown while chanting, "We want answers."',
     ("participle_clause", "direct", "Small groups", "chanting", "We want answers.")),
    # a comma and a subordinate clause after the quotation are the narrator's
    ('The spot ends with footage of Tom Reyes saying during the debate, "That makes me smart," when he was asked.',
     ("cue_then_content", "direct", "Tom Reyes", "saying", "That makes me smart")),
])
def test_participle_with_quotation(body, expected):
    assert read(body)[0] == expected


def test_participle_without_quotation_stays_no_cue():
    assert {r[0] for r in read("Protesters marched downtown while chanting about the plan.")} == {"narrator"}


@pytest.mark.parametrize("body, content, attribution", [
    ('Mara Voss said, "We will win," when the vote was called.', "We will win", "direct"),
    ('Mara Voss said "we will win" when the time comes.', '"we will win" when the time comes', "mixed"),
])
def test_quote_then_subordinate_clause(body, content, attribution):
    got = read(body)[0]
    assert (got[1], got[4]) == (attribution, content)


# --- transcripts: every speaker label opens a turn ----------------------------------------------


TRANSCRIPT = ("Mara Voss spoke to the host on Sunday.\n\nHOST: Will you attend the debate?\n\n"
              "MARA VOSS: We will not attend. Not now.\n\nUPDATE: The debate was moved.\n\nHOST: Why not?")


def test_transcript_label_naming_nobody_is_a_speaker():
    got = read(TRANSCRIPT)
    assert [(r[0], r[2], r[4]) for r in got[1:]] == [
        ("transcript_turn", "HOST", "Will you attend the debate?"),
        ("transcript_turn", "Mara Voss", "We will not attend."),
        ("transcript_turn", "Mara Voss", "Not now."),
        ("narrator", "", "UPDATE: The debate was moved"),  # a newsroom label is no speaker
        ("transcript_turn", "HOST", "Why not?")]


def test_label_outside_a_transcript_is_no_turn():
    # one label naming nobody the article mentions: no transcript, no turn
    got = read("Mara Voss spoke on Sunday.\n\nHOST: Will you attend the debate?")
    assert {r[0] for r in got} == {"narrator"}


def test_continued_quotation_keeps_its_speaker_before_a_new_turn():
    body = ('Mara Voss spoke on Sunday.\n\nHOST: Will you attend?\n\nMARA VOSS: We will not.\n\n'
            '"We start again tomorrow.\n\n"HOST: Why?')
    got = read(body)
    assert ("floating_quote", "direct", "Mara Voss", "", "We start again tomorrow.") in got


# --- noun readings of cue words (part-of-speech evidence) -----------------------------------------


@pytest.mark.parametrize("body", [
    "Her actions send a strong signal that racism will not be tolerated.",   # adjective + noun + that
    "Tom Reyes faces criminal charges that he denies.",
])
def test_cue_word_read_as_noun(body):
    assert {r[0] for r in read(body)} == {"narrator"}


def test_compound_noun_before_comma_is_no_cue():
    # "projects" is a noun before a comma; "found" after "the report" is the cue
    got = read("Investors put money into economic development projects, the report found.")
    assert [(r[0], r[2], r[3]) for r in got] == [("content_then_cue", "the report", "found")]


@pytest.mark.parametrize("body, cue", [
    ("Officials warn that the plan is dead.", "warn"),     # a plural noun before: a verb
    ('The mayor says, "We are ready."', "says"),
])
def test_cue_word_still_a_verb(body, cue):
    assert read(body)[0][3] == cue


# --- a coordinated verb inside a subordinate clause ---------------------------------------------


@pytest.mark.parametrize("body, speaker", [
    ("Tom Reyes left early because the mayor attacked the police and said the plan was dead.", "the mayor"),
    ('Tom Reyes called Mara Voss a "disgrace" after she attacked the police and said the shootings were '
     "their fault.", "Mara Voss"),
    ("Mara Voss left the room and said the plan was dead.", "Mara Voss"),  # no subordinate clause
])
def test_coordinated_verb_in_subordinate_clause(body, speaker):
    got = [r for r in read(body) if r[3] == "said"]
    assert got and got[0][2] == speaker


# --- a comment clause ("…, as X said") -------------------------------------------------------------


def test_comment_clause_is_an_attribution_not_a_dropped_subordinate():
    # another cue in the sentence does not make the "as" clause a subordinate to drop
    got = read("The report does not answer whether the plan works, as police have said.")
    assert got == [("comment_clause", "indirect", "police", "said",
                    "The report does not answer whether the plan works")]
    # "as" opening the sentence is a subordinate clause, not a comment clause
    assert read("As officials said on Monday, the plan will fail.")[0][0] != "comment_clause"


def test_stage_direction_is_no_claim():
    got = read('"We will win," Mara Voss said.\n\n"(CROSSTALK.)"\n\n"We are ready."')
    assert [r[4] for r in got] == ["We will win", "We are ready."]


# --- an -ing cue after a noun of a message with time words between ----------------------------


@pytest.mark.parametrize("body", [
    'Tom Reyes fired off two tweets early Monday saying that his rival Mara Voss had shown "poor sense."',
    'Tom Reyes issued a statement late on Friday saying that Mara Voss "misled the voters."',
    "Tom Reyes issued a statement on Friday saying that Mara Voss misled the voters.",
])
def test_message_noun_with_time_words_before_participle(body):
    got = [r for r in read(body) if r[3] != "said"]
    assert got and got[0][:4] == ("participle_clause", got[0][1], "Tom Reyes", "saying")
    assert got[0][4].startswith("his rival Mara Voss" if "tweets" in body else "Mara Voss")


def test_time_words_after_another_noun_make_no_message():
    from analysis.claims.checks import after_message_noun
    assert after_message_noun(["a", "statement", "on", "friday", "saying"], 4)
    assert after_message_noun(["two", "tweets", "early", "monday", "saying"], 4)
    assert not after_message_noun(["the", "farm", "on", "friday", "saying"], 4)
    assert not after_message_noun(["a", "statement", "to", "the", "board", "saying"], 5)  # no time words


# --- a quotation, then a subject and an unlisted verb in -ed the tagger reads as a noun ------------


@pytest.mark.parametrize("body, speaker, verb", [
    ('Mara Voss spoke first. "It is over," Tom Reyes sniffed.', "Tom Reyes", "sniffed"),
    ('Mara Voss spoke first. "It is over," Tom Reyes scoffed, waving a hand.', "Tom Reyes", "scoffed"),
])
def test_quote_then_unlisted_past_verb_after_a_name(body, speaker, verb):
    got = [r for r in read(body) if r[1] == "direct"]
    assert got == [("quote_then_unlisted_verb", "direct", speaker, verb, "It is over")]



# --- a clause with an actor subject, a colon, then a quotation (no listed cue) ----------------------


@pytest.mark.parametrize("body, speaker, cue", [
    ('Mara Voss spoke first. Tom Reyes was blunt: "It is over."', "Tom Reyes", "was blunt"),
    ('Mara Voss spoke first. With his aides worried about the polls, Tom Reyes is trying a new line: "It is over."',
     "Tom Reyes", "is trying a new line"),
    ('Mara Voss spoke first. On Sunday, Acme Corp. had one answer: "No."', "Acme Corp.", "had one answer"),
])
def test_quote_after_colon_takes_the_clause_subject(body, speaker, cue):
    got = [r for r in read(body) if r[1] == "direct"]
    assert len(got) == 1 and got[0][:4] == ("quote_after_colon", "direct", speaker, cue)


@pytest.mark.parametrize("body", [
    'Mara Voss spoke first. Tom Reyes\'s memoir opens with a line: "It is over."',  # a possessor
    'Mara Voss spoke first. Reporters asked Tom Reyes one question: "Why?"',  # an object
    'Mara Voss spoke first. The sign on the wall: "Closed until noon" and "No dogs."',  # no actor
])
def test_quote_after_colon_needs_an_actor_subject(body):
    assert not [r for r in read(body) if r[0] == "quote_after_colon"]


# --- the edges of a speaker slot without a mention ----------------------------------------------


@pytest.mark.parametrize("body, speaker", [
    # "been" is an auxiliary read over; the coordinator before the second conjunct opens no phrase
    ('Farmers and local officials have been demanding that the county "fix the roads."',
     "Farmers and local officials"),
    # a relative "that" after the noun: a preposition before the noun ends the phrase
    ("The total leaves out the millions flowing into races from groups that don't disclose their donors.",
     "groups"),
    # "together" is an adverb between a relative pronoun and its verb
    ("The plan was backed by Acme Corp. and Zeta Inc., which together vowed to cut waste.", "Zeta Inc."),
])
def test_speaker_slot_edges(body, speaker):
    got = [r for r in read(body) if r[0] == "cue_then_content"]
    assert got and got[0][2] == speaker


def test_participle_phrase_is_no_speaker():
    # "being placed on young voters" is a post-modifier of "the attention", not a noun phrase
    body = "Some believe the attention being placed on young voters shows the campaign is worried."
    assert not [r for r in read(body) if r[2].startswith("being")]
    doc = tokenise(article_from_text(HEAD + body, "t"))
    unit = [u for u in units.build_units(doc) if u.zone == "body"][0]
    k = unit.low.index("being")
    assert not slots._reads_as_noun_phrase(doc, unit, k, k + 4)
    assert slots._reads_as_noun_phrase(doc, unit, unit.low.index("young"), k + 4)
    assert not slots._reads_as_noun_phrase(doc, unit, 2, 2)  # "the" alone


# --- a cue word after a determiner is a noun: the subject of the cue after it ---------------------


@pytest.mark.parametrize("body, speaker, cue", [
    ('The report says the firm "has 90 offices abroad."', "The report", "says"),
    ('Tom Reyes spoke first, and the study says the firm "has 90 offices abroad."', "the study", "says"),
    ('Her statement noted that the firm "has 90 offices abroad."', "Her statement", "noted"),
    ("The agency's report found that the firm \"has 90 offices abroad.\"", "The agency's report", "found"),
])
def test_message_noun_subject_before_cue(body, speaker, cue):
    got = [r for r in read(body) if r[3] == cue]
    assert got and got[0][2] == speaker


def test_cue_word_after_a_cue_verb_is_still_its_object():
    assert [r[3] for r in read("Tom Reyes denied claims that the firm had offices abroad.")] == ["denied"]


# --- adverbs between a subject and its verb; a semicolon opens a clause with its own subject --------


@pytest.mark.parametrize("body, speaker, cue", [
    ('Tom Reyes has always said the plan "will fail."', "Tom Reyes", "said"),
    ('The mayor met the unions, and soon announced that the strike "is over."', "The mayor", "announced"),
])
def test_adverb_between_subject_and_cue(body, speaker, cue):
    got = [r for r in read(body) if r[3] == cue]
    assert got and got[0][2] == speaker


def test_semicolon_opens_a_clause_with_its_own_subject():
    body = "Tom Reyes said the plan was dead; Mara Voss left the room, adding that it \"will fail.\""
    got = read(body)
    assert [(r[2], r[3]) for r in got] == [("Tom Reyes", "said"), ("Mara Voss", "adding")]
    assert got[0][4] == "the plan was dead"


# --- a coordinated verb inside a relative clause takes the relative pronoun's noun --------------


@pytest.mark.parametrize("body, speaker", [
    ("The vote angered local farmers, who blocked roads and called for the mayor to resign.", "local farmers"),
    # the relative clause closed at the comma: the coordinated verb belongs to the main clause
    ('Tom Reyes met the mayor, who arrived late, and said the plan "was dead."', "Tom Reyes"),
])
def test_coordinated_verb_in_relative_clause(body, speaker):
    got = [r for r in read(body) if r[0] == "participle_clause"]
    assert got and got[0][2] == speaker


# --- a bracketed relative clause after the subject --------------------------------------------------


@pytest.mark.parametrize("body, speaker, content", [
    ("Tom Reyes (who said the plan failed) left on Monday.", "Tom Reyes", "the plan failed"),
    ("Critics (who say the budget is too small) left the room.", "Critics", "the budget is too small"),
    ("The vote was delayed by Mara Voss (who argued that the plan failed).", "Mara Voss", "the plan failed"),
])
def test_bracketed_relative_clause_speaker_is_the_noun_before_the_bracket(body, speaker, content):
    got = [r for r in read(body) if r[1] != "narrator"]
    assert got and got[0][2] == speaker and got[0][4] == content
    assert not any("(" in r[2] or ")" in r[2] for r in read(body, False))


# --- a determiner and an adjective: no noun head, no speaker ------------------------------------


@pytest.mark.parametrize("body, noun", [
    ("The new claim that the budget is too small drew anger.", "claim"),
    ("The latest report that the bridge will close surprised nobody.", "report"),
])
def test_determiner_and_adjective_is_no_speaker(body, noun):
    doc = tokenise(article_from_text(HEAD + body, "t"))
    unit = [u for u in units.build_units(doc) if u.zone == "body"][0]
    k = unit.low.index(noun)
    assert not slots._reads_as_noun_phrase(doc, unit, 0, k - 1)  # "The new", "The latest"
    assert not any(r[2].lower() in ("the new", "the latest") for r in read(body))


@pytest.mark.parametrize("body, speaker", [
    ("The official said the budget is too small.", "The official"),  # a person noun the tagger calls JJ
    ("The local officials said the budget is too small.", "The local officials"),
])
def test_determiner_and_noun_head_stays_speaker(body, speaker):
    assert read(body)[0][2] == speaker


# --- a participle modifying the subject is no cue; the finite speech verb after it is -------------


@pytest.mark.parametrize("body, speaker, cue, content", [
    ("A person briefed on the talks said the deal was close.",
     "A person briefed on the talks", "said", "the deal was close"),
    ("An official informed about the plan told the panel that it would fail.",
     "An official informed about the plan", "told the panel", "it would fail"),
])
def test_participle_modifier_of_subject_is_no_cue(body, speaker, cue, content):
    assert read(body) == [("cue_then_content", "indirect", speaker, cue, content)]


def test_participle_with_object_stays_a_cue():
    # "briefed reporters": an object follows, the participle reading does not apply
    got = read("Officials briefed reporters on the plan and said it would pass.")
    assert got[0][2:4] == ("Officials", "briefed reporters")


def test_participle_modifier_needs_a_later_speech_verb():
    doc = tokenise(article_from_text(HEAD + "A person briefed on the talks left early.", "t"))
    u = [x for x in units.build_units(doc) if x.zone == "body"][0]
    assert not units.participle_modifier(doc, u, u.low.index("briefed"))
    doc = tokenise(article_from_text(HEAD + "A person briefed on the talks said it.", "t"))
    u = [x for x in units.build_units(doc) if x.zone == "body"][0]
    assert units.participle_modifier(doc, u, u.low.index("briefed"))


# --- the addressee of a tell-verb is one noun phrase ------------------------------------------------


@pytest.mark.parametrize("body, cue, content", [
    ('Tom Reyes told reporters the plan "would never pass the Senate."', "told reporters",
     'the plan "would never pass the Senate."'),
    ("Tom Reyes told the crowd it was over.", "told the crowd", "it was over"),
    ("Tom Reyes told her the plan was dead.", "told her", "the plan was dead"),
    ("Tom Reyes told her staff the plan was dead.", "told her staff", "the plan was dead"),
    ('Tom Reyes told members of his party the vote "was rigged."', "told members of his party",
     'the vote "was rigged."'),
])
def test_addressee_ends_before_the_reported_subject(body, cue, content):
    got = read(body)[0]
    assert got[2:] == ("Tom Reyes", cue, content)


# --- a participle shares the subject of the clause right before its comma --------------------------


@pytest.mark.parametrize("body, speaker", [
    ('Tom Reyes backed the plan, but Mara Voss opposed it, calling it "a farce."', "Mara Voss"),
    ('When the vote was finally called late on Monday night in the chamber, Mara Voss walked out, '
     'saying "this is a farce."', "Mara Voss"),
    ('Tom Reyes, the mayor, left early, saying "we are done."', "Tom Reyes"),  # an appositive: no clause
    ('Tom Reyes said that if the town loses, the plan fails, adding that "we fixed it."', "Tom Reyes"),
])
def test_participle_subject_of_the_nearest_clause(body, speaker):
    got = [r for r in read(body) if r[0] == "participle_clause"]
    assert len(got) == 1 and got[0][2] == speaker


def test_named_appositive_after_a_capitalised_role():
    # "His partner at Acme, Tom Reyes, called …": the person's name between commas is the speaker
    got = read("His former partner at Acme, Tom Reyes, called him a master of deals.")
    assert got == [("cue_then_content", "indirect", "Tom Reyes", "called", "him a master of deals")]


def test_object_pronoun_after_the_cue_is_no_speaker():
    doc = tokenise(article_from_text(HEAD + "The plan is dead, called him a master.", "t"))
    u = [x for x in units.build_units(doc) if x.zone == "body"][0]
    assert slots.slot_right(doc, u, u.low.index("him"), claims.speakers.Mentions([], doc)) is None


# --- middle initials, dashes and hyphens around the speaker -----------------------------------------


@pytest.mark.parametrize("body, speaker", [
    ('"We will win," said John D. Reyes, a chief of staff.', "John D. Reyes"),   # a middle initial
    ("The plan is dead, said Mara T. Voss.", "Mara T. Voss"),
])
def test_middle_initial_does_not_end_the_name(body, speaker):
    assert read(body)[0][2] == speaker


@pytest.mark.parametrize("body, speaker", [
    ("Tom Reyes — the mayor since 2010 — said the plan was dead.", "Tom Reyes"),
    ("Tom Reyes -- who is also the mayor -- told me the plan was dead.", "Tom Reyes"),
    ('Tom Reyes, the head of Acme Media -- the firm that owns the paper, which is also sold online -- '
     'told me, "We are fine."', "Tom Reyes"),
    ("The state has an aggressive - some say unrealistic - pledge to cut taxes.", "some"),
])
def test_parenthetical_between_dashes_before_the_cue(body, speaker):
    assert read(body)[0][2] == speaker


def test_slot_never_ends_in_a_dash():
    assert read("The plan is dead — said Tom Reyes.")[0][:4] == ("inverted_cue", "indirect", "Tom Reyes", "said")


def test_cue_inside_dashes_has_the_noun_before_the_dash_and_content_up_to_the_closing_dash():
    got = read('Instead, the study -- which notes that the cost "would be huge" -- should be a warning.')
    assert got[0][2:] == ("the study", "notes", 'the cost "would be huge"')


# --- the subject of a participle after a fronted phrase or a time phrase -----------------------------


@pytest.mark.parametrize("body, speaker", [
    # a fronted phrase of more than six words without a finite verb, then a comma
    ('In a statement released late Monday by the campaign, the group rejected the plan, calling it "a farce."',
     "the group"),
    # a time phrase without a comma opens the unit
    ('Last week the campaign released an ad, saying "the plan is dead."', "the campaign"),
    ('In August the groups agreed to a new deal on the rules of trade, saying "it is fair."', "the groups"),
])
def test_participle_subject_after_a_fronted_or_time_phrase(body, speaker):
    got = [r for r in read(body) if r[0] == "participle_clause"]
    assert len(got) == 1 and got[0][2] == speaker


def test_long_fronted_phrase_with_a_finite_verb_is_a_clause():
    doc = tokenise(article_from_text(HEAD + "In August the groups agreed to a new deal on the rules of trade, "
                                     "saying it is fair.", "t"))
    u = [x for x in units.build_units(doc) if x.zone == "body"][0]
    assert clause_subjects.fronted_phrase_end(u, 0, len(u.low) - 1) is None


def test_it_never_resolves_to_the_previous_person_speaker():
    got = read('"We are disappointed," Tom Reyes said. It said the plan would fail.')
    assert got[1][2] == "It"
    from analysis.claims.records import Who
    from analysis.claims.speakers import agrees
    assert not agrees("it", Who("Tom Reyes", "E1", "", 0, 9, "PERSON"))
    assert agrees("it", Who("Acme Corp.", "E2", "", 0, 10, "ORG"))


def test_role_appositive_after_a_name_is_not_a_named_appositive():
    # "Mara Voss, the governor, said": the role between commas is an appositive of the name before
    got = read('Tom Reyes, the mayor, and Mara Voss, the governor, said in a joint statement that "the plan is dead."')
    assert got[0][2] == "Mara Voss"


# --- a long subject with a relative clause ----------------------------------------------------------


@pytest.mark.parametrize("body, speaker, cue, content", [
    ("The lawyer who represented Acme Corp. in the case said the ruling was wrong.",
     "The lawyer", "said", "the ruling was wrong"),
    ("The report that Acme released on Monday says the plan failed.", "The report", "says", "the plan failed"),
    ("People who know Tom Reyes say he is honest.", "People", "say", "he is honest"),   # "know": in the subject
    ("Voters who backed Tom Reyes in 2016 say they regret it.", "Voters", "say", "they regret it"),  # a year
])
def test_relative_clause_inside_the_subject(body, speaker, cue, content):
    assert read(body) == [("cue_then_content", "indirect", speaker, cue, content)]


def test_complementiser_that_is_no_relative_clause():
    assert read("Tom Reyes said that Mara Voss agreed.")[0][2:] == ("Tom Reyes", "said", "Mara Voss agreed")


@pytest.mark.parametrize("body, speaker", [
    # a surface speaker keeps its whole noun phrase from its determiner or capitalised first word
    ("The two most senior career officials said the plan failed.", "The two most senior career officials"),
    ("Many longtime rural party activists and donors said the plan failed.",
     "Many longtime rural party activists and donors"),
])
def test_surface_speaker_keeps_the_whole_noun_phrase(body, speaker):
    assert read(body, with_mentions=False)[0][2] == speaker

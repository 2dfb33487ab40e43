"""Credit lines in the shapes and places outlets set them (issue 12); invented texts only."""

from __future__ import annotations

import pytest

from newsgraph.stories.credits import agency_name, find_credit
from newsgraph.stories.field_credits import byline_credit
from newsgraph.stories.syndication import resolve

_BODY = ("A cargo train left the rails near the river crossing on Sunday, the rail operator said.\n\n"
         "Crews lifted two wagons off the line and the track reopened by evening, a spokeswoman said.\n\n"
         "The operator said it would inspect the bridge approach before freight resumed at full speed.")


def _agency(text: str) -> str | None:
    credit = find_credit(text)
    return credit.agency if credit else None


@pytest.mark.parametrize("text,expected", [
    # Reuters' staff trailer without its brackets, on its own line or closing the last paragraph
    (_BODY + "\n\nReporting by Ana Lind in Korvale; Editing by Tom Hale", "Reuters"),
    (_BODY + " Reporting by Ana Lind; Writing by Joe Park; Editing by Tom Hale.", "Reuters"),
    # an outlet's own credit for its reporters names no editor: no wire
    (_BODY + "\n\nReporting by Ana Lind in Korvale", None),
    (_BODY + "\n\nAdditional reporting by Ana Lind.", None),
])
def test_credits_staff_trailer_without_brackets(text, expected):
    assert _agency(text) == expected


@pytest.mark.parametrize("text,expected", [
    (_BODY + " With inputs from PTI", "PTI"),
    (_BODY + " With inputs from agencies", None),
    (_BODY + " Officials met with PTI staff.", None),
])
def test_credits_with_inputs_closing_the_last_paragraph(text, expected):
    assert _agency(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the wire's credit, then the outlet's own lines or page furniture
    (_BODY + " — Reuters\n\nAlso read: Floods close the northern highway\n\nFollow us for more", "Reuters"),
    (_BODY + "\n\n— AFP\n\nShare this story\n\nRelated articles\n\nComments", "AFP"),
    # a dash and an agency inside a sentence cites it
    (_BODY + "\n\nThe crossing - Reuters reported - had been closed twice this year.\n\nMore on this soon.", None),
    (_BODY + "\n\nThe figure was later revised - Reuters said.\n\nMore on this soon.", None),
])
def test_credits_dash_credit_closing_a_paragraph_anywhere(text, expected):
    assert _agency(text) == expected


_FEED = "This story has been published from a wire agency feed without modifications to the text."


@pytest.mark.parametrize("text,expected", [
    # an unedited wire story naming its own agency as the one told
    (_BODY + " A driver told The Associated Press he heard a bang.\n\n" + _FEED, "AP"),
    (_BODY + " A driver told AFP he heard a bang.\n\n(This story has not been edited by our staff and is "
     "auto-generated from a syndicated feed.)", "AFP"),
    # two agencies named: no telling which wire it is
    (_BODY + " A driver told Reuters he heard a bang, AFP said.\n\n" + _FEED, None),
    # without the note, telling an agency is only citing it
    (_BODY + " A driver told The Associated Press he heard a bang.", None),
])
def test_credits_wire_feed_note_takes_the_agency_the_text_names(text, expected):
    assert _agency(text) == expected


@pytest.mark.parametrize("text,expected", [
    (_BODY + "\n\nEditor: Mei Tan | Source: Xinhua", "Xinhua"),
    (_BODY + "\n\nHome | World | Reuters", None),
    # the agency alone among a page's labelled fields and date stamps
    ("Xinhua | 2017-03-10 09:12:45 | Editor: Mei Tan\n\n" + _BODY, "Xinhua"),
    (_BODY + "\n\nAFP | Editor: Mei Tan", "AFP"),
    (_BODY + "\n\nNews | Reuters | Editor: Mei Tan", None),
    (_BODY + "\n\nReport: AFP", "AFP"),
    ("c.2017 New York Times News Service\n\n" + _BODY, "New York Times"),
])
def test_credits_field_lines(text, expected):
    assert _agency(text) == expected


@pytest.mark.parametrize("source,expected", [
    ("VOA News", "VOA"), ("Reuters UK", "Reuters"), ("https://www.reuters.com/world/x", "Reuters"),
    ("UPI.com", "UPI"), ("Bloomberg.com", "Bloomberg"), ("AFP News", "AFP"),
    ("Lima Daily News", None), ("Daily News", None), ("The Korvale Times", None),
])
def test_credits_agency_name_of_an_agency_site(source, expected):
    assert agency_name(source) == expected


_OWN = ("Our county's freight depot sits two miles from the crossing, and the council said it would ask the "
        "operator for a report.")


@pytest.mark.parametrize("text,expected", [
    # a credit line below paragraphs of the outlet's own, or above its own closing lines
    (f"{_OWN}\n\n{_OWN}\n\nBy Jane Roe, Associated Press\n\n{_BODY}\n\n{_OWN}\n\n{_OWN}\n\n{_OWN}", "AP"),
    (f"{_OWN}\n\n{_OWN}\n\n{_OWN}\n\nThe Associated Press\n\n{_BODY}\n\n{_OWN}\n\n{_OWN}\n\n{_OWN}", None),
    (f"{_BODY}\n\nSource: AFP\n\n{_OWN}\n\n{_OWN}\n\n{_OWN}\n\n{_OWN}", "AFP"),
    # a bare name there is a photo's credit left in the text; a cue that opens running text is no credit
    (f"{_BODY}\n\nAFP\n\n{_OWN}\n\n{_OWN}\n\n{_OWN}\n\n{_OWN}", None),
    (f"{_BODY}\n\nFrom Reuters reports we know more.\n\n{_OWN}\n\n{_OWN}\n\n{_OWN}\n\n{_OWN}", None),
])
def test_credits_credit_line_between_paragraphs(text, expected):
    assert _agency(text) == expected


@pytest.mark.parametrize("text,original", [
    ("OSAKA (AFP-Jiji) — " + _BODY, "AFP"),  # a Japanese paper's credit: AFP's text, relayed by Jiji Press
    ("KARACHI, (APP/AFP) – " + _BODY, "AFP"),
])
def test_credits_relayed_wire_text_is_a_copy_of_the_wire(text, original):
    credit = find_credit(text)
    out = resolve([], key={"a": ("2020-01-01",)}, credits={"a": credit}, sources={})
    assert [(s.copy, s.original) for s in out] == [("a", original)]


@pytest.mark.parametrize("text,expected", [
    # the wire's desk line under a writer's name, a byline naming the wire alone
    ("By Ana Lind\nAP Business Writer\n\n" + _BODY, "AP"),
    ("Ana Lind\n\nReuters Correspondent\n\n" + _BODY, "Reuters"),
    ("By ANA LIND\nAssociated Press Writer\n\n" + _BODY, "AP"),
    # a line of running text about a wire's reporter credits no one
    (_BODY + "\n\nA Reuters reporter at the crossing saw the wagons lifted.", None),
    (_BODY + "\n\nAna Lind is an AP Business Writer", None),
])
def test_credits_wire_desk_line_of_a_byline(text, expected):
    assert _agency(text) == expected


_FURNITURE = "\n\nVisit the newspaper online at our site\n\nShare this story"


@pytest.mark.parametrize("text,expected", [
    # a bracketed credit closing the narration, then page furniture
    (_BODY + " (TNS)" + _FURNITURE, "TNS"),
    (_BODY + " (AFP)\n\nRead more:\n\nComments", "AFP"),
    # a caption's credit above paragraphs of narration, or a name explained in brackets, is no credit
    (_BODY.replace("\n\n", "\n\nCrews lifted two wagons at the river crossing near the depot on Sunday. (Reuters)\n\n", 1)
     + _FURNITURE, None),
    (_BODY + " The operator spoke to the news agency (AFP)." + _FURNITURE, None),
])
def test_credits_bracketed_credit_closing_the_narration_before_furniture(text, expected):
    assert _agency(text) == expected


@pytest.mark.parametrize("text,expected", [
    (_BODY + "\n\nSource: Xinhuanet", "Xinhua"),
    (_BODY + "\n\nAFP Relaxnews", "AFP"),
    (_BODY + "\n\nAFP-Relaxnews", "AFP"),
])
def test_credits_agency_service_names(text, expected):
    assert _agency(text) == expected


_OPEN_END = _BODY.rstrip(".")


@pytest.mark.parametrize("text,expected", [
    # a wire's name closing the text before or after its last full stop
    (_OPEN_END + " (ANSA).", "ANSA"),
    (_BODY + " (AFP).", "AFP"),
    (_BODY + " AFP.", "AFP"),
    # a name explained in brackets at the end of a sentence is no credit
    (_OPEN_END + ", a spokeswoman told Agence France-Presse (AFP).", None),
    (_OPEN_END + ", a spokeswoman told the French news agency (AFP).", None),
])
def test_credits_wire_name_closing_the_text_with_a_full_stop(text, expected):
    assert _agency(text) == expected


_TALKS = "The two governments failed to agree after long talks. "


@pytest.mark.parametrize("text,expected", [
    # a bracket closing the text after words that attribute to a source abbreviates that source, with or
    # without a full stop after it
    (_TALKS + "the minister told state media (KUNA).", None),
    (_TALKS + "the minister told the broadcaster (BBC).", None),
    (_TALKS + "The statement was carried by the official outlet (SANA).", None),
    (_TALKS + "the minister told state media (KUNA)", None),
    (_TALKS + "The minister later spoke on the radio (KUNA)", None),
    (_TALKS + "A new round was set for the spring (ANSA).", "ANSA"),
    (_TALKS + "The next round is set for spring, officials said. (ANSA)", "ANSA"),
    (_TALKS + "A new round was set for the spring (ANSA)", "ANSA"),
])
def test_credits_bracket_after_an_attribution_closing_the_text_is_no_credit(text, expected):
    assert _agency(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a photographer's name and the agency joined by a bare slash credit a picture, not the text
    ("Ana Lind/Reuters\n\n" + _BODY, None),
    (_BODY + "\n\nAna Lind/AFP/Getty Images", None),
    ("Ana Lind/AP\n\n" + _BODY, None),
    # a spaced slash joins a writer and the agency in a byline; TASS's slashes open its dateline
    ("Ana Lind / Reuters\n\n" + _BODY, "Reuters"),
    ("KORVALE, June 1. /TASS/. " + _BODY, "TASS"),
])
def test_credits_photo_credit_with_a_slash_is_no_credit(text, expected):
    assert _agency(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a caption's bracketed credit closing a sentence above the text credits the photo
    ("Crews lift a wagon off the line. (AFP)\n\n" + _BODY, None),
    ("Representational image. (Reuters)\n\n" + _BODY, None),
    # a dateline's bracket after a place or a date opens the wire's text
    ("KORVALE (AFP) — " + _BODY, "AFP"),
    ("KORVALE, June 1 (Reuters)\n\n" + _BODY, "Reuters"),
])
def test_credits_caption_bracket_above_the_text_is_no_credit(text, expected):
    assert _agency(text) == expected


@pytest.mark.parametrize("text,expected", [
    (_BODY + "\n\nPublished via PTI", "PTI"),
    (_BODY + "\n\nDistributed via Reuters", "Reuters"),
    # the agency and its dateline's place in a page's byline line
    ("IANS | Korvale\n\n" + _BODY, "IANS"),
    ("Press Trust of India | Port Vale\n\n" + _BODY, "PTI"),
    ("IANS | Korvale | Updated: 2019-05-03 10:12\n\n" + _BODY, "IANS"),
    # a menu of sections is no byline
    ("Home | World | Reuters\n\n" + _BODY, None),
    # a picture's credit line is no place stamp
    (_BODY + "\n\nReuters | Photo", None),
])
def test_credits_cue_via_and_agency_beside_its_place(text, expected):
    assert _agency(text) == expected


@pytest.mark.parametrize("byline,expected", [
    ("By The Canadian Press", "CP"),
    ("Asian News International", "ANI"),
    ("Reuters Editorial", "Reuters"),
    ("dpa international", "dpa"),
    ("IANS | Korvale", "IANS"),
    ("Staff and agencies", None),
])
def test_credits_agency_bylines(byline, expected):
    credit = byline_credit(byline)
    assert (credit.agency if credit else None) == expected


def test_credits_thomson_reuters_foundation_dateline():
    assert _agency("KORVALE (Thomson Reuters Foundation) - " + _BODY) == "Thomson Reuters Foundation"


@pytest.mark.parametrize("text", [
    # citing a wire, or an outlet's own story using wire material, is no copy of it
    _BODY + " A driver told Reuters he heard a bang.",
    _BODY + " The toll rose to four, according to AFP.",
    _BODY + " Reuters reported the toll earlier.",
    _BODY + "\n\nAgence France-Presse contributed to this report.",
    _BODY + "\n\nInformation from Reuters was used in this report.",
    _BODY + "\n\n(AP Photo/Ana Lind)",
    _BODY + "\n\nPhotograph: Ana Lind/AP",
])
def test_credits_citations_and_photo_credits_are_no_credit(text):
    assert find_credit(text) is None


@pytest.mark.parametrize("text,expected", [
    # Bloomberg's assistance line, with its dash, and Xinhua's end mark close the wire's own copy
    (_BODY + "\n\n--With assistance from Ana Lind and Joe Park.", "Bloomberg"),
    (_BODY + "\n\n—With assistance from Ana Lind.", "Bloomberg"),
    (_BODY + " Enditem", "Xinhua"),
    (_BODY + "\n\nEnditem", "Xinhua"),
    # without the dash, or in running text, they credit no one
    (_BODY + "\n\nWith assistance from the county council, the line reopened.", None),
    (_BODY + " The Enditem brand was launched in May.", None),
])
def test_credits_wire_house_footers_naming_no_agency(text, expected):
    assert _agency(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the agency after the dateline's comma, without brackets (issue 12)
    ("KORVALE, May 3, IRNA -- " + _BODY, "IRNA"),
    ("Korvale, May 03, 2019, SPA -- " + _BODY, "SPA"),
    ("KORVALE, AAP - " + _BODY, "AAP"),
    # a place and a comma before a word that is no agency
    ("KORVALE, Monday - " + _BODY, None),
])
def test_credits_agency_after_the_datelines_comma(text, expected):
    assert _agency(text) == expected


@pytest.mark.parametrize("text,expected", [
    # two agencies on one line list the text's sources, not a writer and the wire (issue 12)
    (_BODY + "\n\nAFP, REUTERS", None),
    (_BODY + "\n\nKyodo, AFP-JIJI", None),
    # two joined by a hyphen: the second relays the first's text
    (_BODY + "\n\nAFP-JIJI", "Jiji/AFP"),
    # a writer and the wire still credit the wire
    (_BODY + "\n\nANA LIND, REUTERS", "Reuters"),
    (_BODY + "\n\nBY MENA LIND, REUTERS", "Reuters"),
])
def test_credits_agencies_listed_on_a_byline_line(text, expected):
    assert _agency(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the wire's footer naming a writer who contributed from a place (issue 12)
    (_BODY + "\n\nAssociated Press writer Joe Park contributed from Korvale.", "AP"),
    (_BODY + "\n\nAssociated Press writer Joe Park contributed reporting from Korvale, Ostmark.", "AP"),
    # an outlet's own story using wire material
    (_BODY + "\n\nWith files from The Canadian Press", None),
    (_BODY + "\n\nContributing: Ana Lind; The Associated Press", None),
])
def test_credits_wire_writer_contributing_from_a_place(text, expected):
    assert _agency(text) == expected


@pytest.mark.parametrize("text,expected", [
    # provenance notes: where the text first ran, a reprint licensed whole, an agency-feed disclaimer
    (_BODY + "\n\nOriginally published on bbc.co.uk", "BBC News"),
    (_BODY + "\n\nPublished by Northgate Digital Services with permission from Asian News International.", "ANI"),
    (_BODY + "\n\nDisclaimer: This story has not been edited by our staff and is auto-generated from news "
     "agency feeds. Source: PTI", "PTI"),
    # a photo's permission is the picture's credit
    (_BODY + "\n\nPhoto reprinted with permission from AFP.", None),
])
def test_credits_provenance_notes(text, expected):
    assert _agency(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("KORVALE (ČTK) - " + _BODY, "CTK"),
    ("KORVALE (Keystone-SDA) - " + _BODY, "Keystone-SDA"),
    ("KORVALE, Ostmark (PANA) - " + _BODY, "PANA"),
    (_BODY + "\n\n- Sapa", "SAPA"),
])
def test_credits_more_wire_services(text, expected):
    assert _agency(text) == expected


@pytest.mark.parametrize("text,expected", [
    # Reuters' trailer with commas for its semicolons, in its brackets closing the text
    (_BODY + "\n\n(Reporting by Ana Lind, Editing by Tom Hale)", "Reuters"),
    (_BODY + " (Reporting by Ana Lind, Writing by Joe Park, Editing by Tom Hale)", "Reuters"),
    # without the brackets, or without an editor, it is the outlet's own line
    (_BODY + "\n\nReporting by Ana Lind, Korvale", None),
    (_BODY + "\n\n(Reporting by Ana Lind, Korvale)", None),
])
def test_credits_staff_trailer_with_commas_in_brackets(text, expected):
    assert _agency(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the disclaimer names its source: that agency, whichever others the text cites
    (_BODY + " A driver told Reuters he heard a bang.\n\nDisclaimer: This story has not been edited by our staff "
     "and is auto-generated from news agency feeds. Source: IANS", "IANS"),
    # a source that is no agency credits no one
    (_BODY + " A driver told Reuters he heard a bang.\n\nDisclaimer: This story is auto-generated from news agency "
     "feeds. Source: Agencies", None),
])
def test_credits_agency_feed_disclaimer_naming_its_source(text, expected):
    assert _agency(text) == expected


def test_permission_in_running_text_credits_no_agency():
    # a reprint licence opens its own line; footage aired "with permission from" an agency is only cited
    text = ("Floods hit the valley on Sunday.\n\nThe footage, which a local crew produced on Sunday, was aired "
            "with permission from Reuters, the channel said.\n\nMore rain is due.")
    assert find_credit(text) is None

"""read(): areas, strengths, constraints and the question for vague feedback, per locale."""

from __future__ import annotations

import datetime as dt

import babel
import pytest

from followkit.errors import InvalidInputError, UnsupportedLocaleError
from followkit.feedback import Feedback, read
from followkit.messages import Question


def gaps(text: str, locale: str = "en") -> list[str]:
    return [mention.area for mention in read(text, locale=locale).areas]


def praised(text: str, locale: str = "en") -> list[str]:
    return [mention.area for mention in read(text, locale=locale).strengths]


# (locale, text, areas to improve, strengths)
CASES = [
    ("en", "Your SQL was strong, but system design lacked depth.", ["system-design"], ["sql-data"]),
    ("en", "There were no concerns about your SQL.", [], ["sql-data"]),
    ("en", "You have no hands-on experience with Kubernetes.", ["technology"], []),
    ("en", "Your presentation wasn't as strong as we hoped.", ["presenting"], []),
    ("en", "We were impressed by your stakeholder management.", [], ["stakeholder-management"]),
    ("en", "Your answers tended to ramble.", ["concise-answers"], []),
    ("en", "The panel felt your answers were too generic.", ["structured-answers"], []),
    (
        "en",
        "Your system design answer was solid but could have gone deeper.",
        ["system-design"],
        ["system-design"],
    ),
    ("en", "We need someone with fluent German.", ["language-proficiency"], []),
    ("en", "Your salary expectations were above our range.", ["salary-expectations"], []),
    ("en", "You did not ask any questions at the end.", ["questions-for-interviewer"], []),
    (
        "de",
        "Ihre SQL-Kenntnisse waren sehr gut, aber beim Systemdesign fehlte uns die Tiefe.",
        ["system-design"],
        ["sql-data"],
    ),
    ("de", "Es gab keine Bedenken bezüglich Ihrer Präsentation.", [], ["presenting"]),
    ("de", "Uns fehlte Erfahrung mit Terraform.", ["technology"], []),
    ("de", "Ihre Antworten waren zu allgemein.", ["structured-answers"], []),
    (
        "fr",
        "Votre maîtrise de SQL est solide, mais l'architecture manquait de profondeur.",
        ["system-design"],
        ["sql-data"],
    ),
    ("fr", "Aucune inquiétude sur votre présentation.", [], ["presenting"]),
    ("fr", "Vos reponses etaient trop generales.", ["structured-answers"], []),
    ("fr", "Vous n'avez pas d'expérience avec Kafka.", ["technology"], []),
    (
        "es",
        (
            "Tus conocimientos de SQL son sólidos, pero el diseño de sistemas necesita más "
            "profundidad."
        ),
        ["system-design"],
        ["sql-data"],
    ),
    ("es", "No hubo dudas sobre tu presentación.", [], ["presenting"]),
    ("es", "Tus respuestas fueron demasiado generales.", ["structured-answers"], []),
    ("es", "Nos falta ver más experiencia con Salesforce.", ["technology"], []),
]


@pytest.mark.parametrize(("locale", "text", "expected_gaps", "expected_strengths"), CASES)
def test_polarity(
    locale: str, text: str, expected_gaps: list[str], expected_strengths: list[str]
) -> None:
    feedback = read(text, locale=locale)
    assert [m.area for m in feedback.areas] == expected_gaps
    assert [m.area for m in feedback.strengths] == expected_strengths


MECHANISMS = [
    # a gap cue governs the adjective after it
    (
        "en",
        "The answer lacked a clear structure and concrete examples.",
        ["structured-answers"],
        [],
    ),
    ("de", "Zudem fehlte eine klare Priorisierung.", ["product-sense"], []),
    # a weak topic needs a cue close by, and gives way to a named topic next to it
    ("en", "We reviewed the assignment last week.", [], []),
    ("en", "We need more hands-on experience with Terraform.", ["technology"], []),
    # "experience" + what was done gives way to the topic that names what was done
    ("en", "You had limited experience managing a team of analysts.", ["leadership"], []),
    ("en", "We needed more years of industry experience.", ["industry-experience"], []),
    # "knowledge of ..." is the domain unless another topic stands next to it
    ("en", "Your knowledge of the tendering rules was limited.", ["domain-knowledge"], []),
    ("en", "Your knowledge of SQL was limited.", ["sql-data"], []),
    ("de", "Ihre Kenntnis der Vergaberegeln war noch lückenhaft.", ["domain-knowledge"], []),
    ("fr", "Votre connaissance des marchés publics reste limitée.", ["domain-knowledge"], []),
    (
        "es",
        "Su conocimiento de las normas de licitación fue insuficiente.",
        ["domain-knowledge"],
        [],
    ),
    # a requirement of the role is a gap: German separable verbs, French "le poste suppose"
    ("de", "Die Stelle setzt Führungserfahrung mit größeren Teams voraus.", ["leadership"], []),
    ("fr", "Le poste suppose de savoir manager une équipe de techniciens.", ["leadership"], []),
    # German: the work handed in beforehand; a view of the role that differs from it
    (
        "de",
        "Ihre eingereichte Ausarbeitung zum Fall blieb hinter unseren Erwartungen.",
        ["take-home"],
        [],
    ),
    (
        "de",
        "Ihr Verständnis der Rolle unterscheidet sich von dem, was wir suchen.",
        ["role-understanding"],
        [],
    ),
    # French: a sector named without an article
    ("fr", "Il vous manque une expérience en milieu hospitalier.", ["industry-experience"], []),
    # a restriction names what is missing
    (
        "en",
        "Your experience so far has mostly been with small retail clients.",
        ["industry-experience"],
        [],
    ),
    ("en", "Your people management was mostly informal.", ["leadership"], []),
    ("de", "Ihre Führungserfahrung war bisher überwiegend informell.", ["leadership"], []),
    # a negated concern is praise of its topic
    (
        "en",
        "Nobody had any doubts about your Excel modelling.",
        [],
        ["quantitative-analysis"],
    ),
    ("en", "We did not have any reservations about your presentation.", [], ["presenting"]),
    (
        "en",
        "Zero concerns about your SQL, but system design lacked depth.",
        ["system-design"],
        ["sql-data"],
    ),
    ("de", "Wir hatten keinerlei Zweifel an Ihren SQL-Kenntnissen.", [], ["sql-data"]),
    ("fr", "Le jury n'a aucune réserve sur votre maîtrise de SQL.", [], ["sql-data"]),
    ("es", "No tenemos ninguna duda sobre tu manejo de SQL.", [], ["sql-data"]),
    # French "réservé" (shy) is said of a person; unaccented it reads as "réserve" (a doubt)
    ("fr", "Vous nous avez semblé un peu réservé face au jury.", ["confidence"], []),
    # ... but "sin duda" (undoubtedly) stays neutral
    ("es", "Sin duda revisaremos tu SQL otra vez.", [], []),
    # superlatives and plain qualities of work are praise
    ("en", "Your SQL exercise was one of the best we saw this year.", [], ["sql-data"]),
    ("en", "Their verdict: the strongest system design answer of the week.", [], ["system-design"]),
    ("en", "The code quality was clean throughout.", [], ["code-quality"]),
    ("en", "Your written exercise was easy to follow.", [], ["written-communication"]),
    # a neutral phrase hides the topics inside it
    ("en", "This is not a reflection of your qualifications.", [], []),
    # French "ne" does not cancel the gap that "pas encore" states
    ("fr", "Votre niveau d'anglais n'était pas encore suffisant.", ["language-proficiency"], []),
    # two topics side by side share one cue: the generic one next to it is a modifier
    (
        "en",
        "Her stories about pushing back on senior leadership were limited.",
        ["stakeholder-management"],
        [],
    ),
    ("en", "Leadership was weak.", ["leadership"], []),
    (
        "en",
        "The quantitative reasoning test came out below the bar.",
        ["quantitative-analysis"],
        [],
    ),
    # a constraint phrase hides the topics inside it: the candidate cannot work on it
    ("en", "The post is now graded below candidates at your level of seniority.", [], []),
    # words of one area that mean something else in context
    ("en", "We decided late in the process to promote from within the team.", [], []),
    ("en", "You joined the video call fifteen minutes late.", ["interview-setup"], []),
    ("en", "The job needs in-person presence at the depot, which you ruled out.", ["location"], []),
    ("en", "You lacked presence when the director challenged you.", ["confidence"], []),
    ("en", "Our priorities shift every quarter, so we did not mind that at all.", [], []),
    ("en", "We were unsure you could cover night shifts.", ["availability"], []),
    # ... but topics joined into a list keep the cue each
    ("en", "Kafka and system design were weak spots.", ["technology", "system-design"], []),
]


@pytest.mark.parametrize(("locale", "text", "expected_gaps", "expected_strengths"), MECHANISMS)
def test_mechanisms(
    locale: str, text: str, expected_gaps: list[str], expected_strengths: list[str]
) -> None:
    feedback = read(text, locale=locale)
    assert [m.area for m in feedback.areas] == expected_gaps
    assert [m.area for m in feedback.strengths] == expected_strengths


@pytest.mark.parametrize(
    ("locale", "text", "tool"),
    [
        ("en", "We needed hands-on experience with Medidata Rave from day one.", "Medidata Rave"),
        ("de", "Uns fehlte Erfahrung mit SAP S4 im Controlling.", "SAP"),
        ("de", "Uns fehlte Erfahrung mit Kunden aus der Industrie.", None),
        ("fr", "Il faudrait être plus à l'aise sur Webflow.", "Webflow"),
        ("es", "El área buscaba experiencia práctica en Ansible Tower.", "Ansible"),
    ],
)
def test_unlisted_tools(locale: str, text: str, tool: str | None) -> None:
    tools = [m.tool for m in read(text, locale=locale).areas if m.area == "technology"]
    assert tools == ([tool] if tool else [])


def test_spans_quote_the_text() -> None:
    text = "Thanks for your time. Your SQL was strong, but system design lacked depth."
    feedback = read(text)
    for mention in (*feedback.areas, *feedback.strengths):
        assert text[slice(*mention.span)] == mention.text
    (design,) = feedback.areas
    assert "system design" in design.text
    assert design.kind == "technical"


def test_named_tool() -> None:
    feedback = read("We needed deeper experience with Kubernetes and Terraform.")
    assert [(m.area, m.tool) for m in feedback.areas] == [
        ("technology", "Kubernetes"),
        ("technology", "Terraform"),
    ]


def test_one_mention_per_area() -> None:
    text = "System design lacked depth. We also felt the system design round ran short."
    assert gaps(text) == ["system-design"]


def test_heading_gives_the_list_its_polarity() -> None:
    text = (
        "Areas to develop:\n- SQL\n- stakeholder management\n\nStrengths:\n- presentation skills\n"
    )
    feedback = read(text)
    assert [m.area for m in feedback.areas] == ["sql-data", "stakeholder-management"]
    assert [m.area for m in feedback.strengths] == ["presenting"]


def test_blank_line_ends_a_heading() -> None:
    text = "Things to work on:\n- SQL\n\nWe discussed Python at length."
    assert [(m.area, m.tool) for m in read(text).areas] == [("sql-data", None)]


def test_constraints_are_not_areas() -> None:
    feedback = read("The role went to an internal candidate, and the budget was cut.")
    assert [c.constraint for c in feedback.constraints] == ["internal-candidate", "budget"]
    assert feedback.areas == ()
    assert feedback.outside_control
    assert not feedback.vague
    assert feedback.question is None


@pytest.mark.parametrize(
    ("locale", "text", "constraint"),
    [
        ("en", "Unfortunately the position has been put on hold.", "role-closed"),
        ("en", "The role was re-levelled to a more junior position.", "seniority-mismatch"),
        ("de", "Die Stelle wurde intern besetzt.", "internal-candidate"),
        (
            "de",
            "Aufgrund eines Einstellungsstopps können wir die Stelle nicht besetzen.",
            "role-closed",
        ),
        ("fr", "Le poste a été gelé suite à une réorganisation.", "role-closed"),
        ("fr", "Nous avons privilégié une mobilité interne.", "internal-candidate"),
        ("es", "El proceso ha sido cancelado por motivos de presupuesto.", "role-closed"),
        ("es", "Hemos optado por una promoción interna.", "internal-candidate"),
    ],
)
def test_constraint_per_locale(locale: str, text: str, constraint: str) -> None:
    assert constraint in [c.constraint for c in read(text, locale=locale).constraints]


@pytest.mark.parametrize(
    ("locale", "text", "question"),
    [
        (
            "en",
            "We decided to move forward with a stronger candidate.",
            Question.SKILLS_OR_EXPERIENCE,
        ),
        (
            "en",
            "Thank you for your time; we will not be moving forward.",
            Question.AREAS_TO_IMPROVE,
        ),
        ("en", "It was a gut feeling from the panel.", Question.IMPRESSION),
        (
            "de",
            "Wir haben uns für einen Bewerber entschieden, der besser gepasst hat.",
            Question.SKILLS_OR_EXPERIENCE,
        ),
        ("fr", "Nous avons retenu un profil plus expérimenté.", Question.SKILLS_OR_EXPERIENCE),
        ("es", "Elegimos un perfil más experimentado.", Question.SKILLS_OR_EXPERIENCE),
    ],
)
def test_vague_feedback_gets_a_question(locale: str, text: str, question: Question) -> None:
    feedback = read(text, locale=locale)
    assert feedback.vague
    assert feedback.question is question


def test_strengths_alone_are_still_vague() -> None:
    feedback = read("We really enjoyed your presentation, but went with another candidate.")
    assert feedback.strengths
    assert feedback.vague


def test_regional_locale_and_babel_locale() -> None:
    assert read("Ihr Systemdesign war zu oberflächlich.", locale="de_AT").locale == "de"
    assert read("Your SQL was weak.", locale=babel.Locale("en", "GB")).locale == "en"


@pytest.mark.parametrize("locale", ["it", "xx_invalid", "", 5])
def test_unsupported_locale(locale: object) -> None:
    with pytest.raises(UnsupportedLocaleError) as info:
        read("text", locale=locale)  # type: ignore[arg-type]
    assert info.value.field == "locale"


def test_bad_text() -> None:
    with pytest.raises(InvalidInputError, match="text: must be a string"):
        read(b"bytes")  # type: ignore[arg-type]


def test_date_is_kept_and_checked() -> None:
    when = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
    assert read("Your SQL was weak.", date=when).date == dt.date(2026, 3, 2)
    with pytest.raises(InvalidInputError, match="date: must be a datetime.date"):
        read("Your SQL was weak.", date="2026-03-02")  # type: ignore[arg-type]


def test_as_dict_is_json_ready() -> None:
    import json

    data = read("Strong on SQL, but the role was put on hold.", date=dt.date(2026, 1, 2)).as_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["date"] == "2026-01-02"
    assert data["strengths"][0]["area"] == "sql-data"
    assert data["constraints"][0]["constraint"] == "role-closed"
    assert data["outside_control"] is True
    assert data["question"] is None


def test_empty_text() -> None:
    feedback = read("")
    assert feedback == Feedback(locale="en", question=Question.AREAS_TO_IMPROVE)
    assert feedback.area_ids == ()

"""The short phrases of the agenda and the checklists of private tasks, per language.

Dates, times, lists and durations are formatted by babel; only these phrases are ours.
Placeholders are ``{name}`` (the contact), ``{company}``, ``{position}``, ``{duration}``,
``{task}``, ``{items}`` and ``{time}`` (the candidate's own time beside a send time);
user values are substituted once, so braces inside a company name stay literal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from followkit import _validate as v
from followkit.errors import UnsupportedLocaleError
from followkit.timeline._policy import Action, Status

if TYPE_CHECKING:
    import babel

    from followkit.model import Application

__all__ = ["PHRASES", "SUPPORTED", "checklist", "checklist_in", "language", "phrase"]

PHRASES: Final[dict[str, dict[str, str]]] = {
    "en": {
        Action.THANK_YOU_AND_FEEDBACK: "thank {name} and ask for feedback",
        Action.NUDGE: "gently follow up with {name} if there is no reply",
        Action.CONNECTION_NOTE: "invite {name} to connect on LinkedIn",
        Action.REFERRAL_REQUEST: "check in with {name} and ask about referrals",
        Action.CHECK_IN: "check in with {name}",
        Action.FEEDBACK_ACKNOWLEDGEMENT: "thank {name} for the feedback",
        Action.REFLECTION: "reflect on the interview",
        Action.TRAINING: "choose training for the areas to improve",
        Action.ENGAGE: "engage with {company}'s content",
        Status.DONE: "done",
        Status.CANCELLED: "cancelled",
        Status.SKIPPED: "skipped",
        "within": "within {duration}",
        "title": "Follow-up plan: {position} at {company}",
        "checklist": "{task}: {items}",
        "your_time": "{time} your time",
        "zone_unknown": "All times are in the recipient's time zone; yours is not known.",
        "checklist.reflection": (
            "note what went well|note the questions that were hard to answer|"
            "list the areas to improve|decide one thing to do differently next time"
        ),
        "checklist.training": (
            "re-read the feedback|list the areas it names|"
            "pick one course, book or project per area|block time for it in your calendar"
        ),
        "checklist.training.areas": (
            "re-read the feedback|{areas}|block time for it in your calendar"
        ),
        "checklist.training.vague": "re-read the feedback|ask {name} back: {question}",
        "checklist.reflection.feedback": (
            "note what went well|note the questions that were hard to answer|"
            "recall where the feedback's points showed in the interview: {areas}|"
            "decide one thing to do differently next time"
        ),
        "training.step": "{area}: {step}",
        "reflection.constraints": "let go of what was outside your control: {constraints}",
        "checklist.engage": (
            "read {company}'s latest posts and news|"
            "like or comment thoughtfully on one of them|"
            "note anything worth mentioning in the next check-in"
        ),
    },
    "de": {
        Action.THANK_YOU_AND_FEEDBACK: "{name} danken und um Feedback bitten",
        Action.NUDGE: "bei {name} freundlich nachfassen, falls keine Antwort kam",
        Action.CONNECTION_NOTE: "{name} auf LinkedIn eine Kontaktanfrage senden",
        Action.REFERRAL_REQUEST: "sich bei {name} melden und nach Empfehlungen fragen",
        Action.CHECK_IN: "sich bei {name} melden",
        Action.FEEDBACK_ACKNOWLEDGEMENT: "{name} für das Feedback danken",
        Action.REFLECTION: "über das Gespräch nachdenken",
        Action.TRAINING: "Weiterbildung für die Verbesserungsbereiche auswählen",
        Action.ENGAGE: "mit den Inhalten von {company} interagieren",
        Status.DONE: "erledigt",
        Status.CANCELLED: "abgesagt",
        Status.SKIPPED: "übersprungen",
        "within": "Frist: {duration}",
        "title": "Nachfassplan: {position} bei {company}",
        "checklist": "{task}: {items}",
        "your_time": "bei Ihnen {time}",
        "zone_unknown": "Alle Zeiten in der Zeitzone der Kontaktperson; Ihre ist nicht bekannt.",
        "checklist.reflection": (
            "notieren, was gut lief|notieren, welche Fragen schwerfielen|"
            "Verbesserungsbereiche auflisten|"
            "eine Sache festlegen, die Sie beim nächsten Mal anders machen"
        ),
        "checklist.training": (
            "das Feedback noch einmal lesen|die genannten Bereiche auflisten|"
            "je Bereich einen Kurs, ein Buch oder ein Projekt wählen|"
            "Zeit dafür im Kalender blocken"
        ),
        "checklist.training.areas": (
            "das Feedback noch einmal lesen|{areas}|Zeit dafür im Kalender blocken"
        ),
        "checklist.training.vague": (
            "das Feedback noch einmal lesen|{name} zurückfragen: {question}"
        ),
        "checklist.reflection.feedback": (
            "notieren, was gut lief|notieren, welche Fragen schwerfielen|"
            "sich erinnern, wo sich die Punkte des Feedbacks im Gespräch zeigten: {areas}|"
            "eine Sache festlegen, die Sie beim nächsten Mal anders machen"
        ),
        "training.step": "{area}: {step}",
        "reflection.constraints": "abhaken, was außerhalb Ihres Einflusses lag: {constraints}",
        "checklist.engage": (
            "die neuesten Beiträge und Nachrichten von {company} lesen|"
            "einen davon liken oder durchdacht kommentieren|"
            "notieren, was beim nächsten Kontakt erwähnenswert ist"
        ),
    },
    "fr": {
        Action.THANK_YOU_AND_FEEDBACK: "remercier {name} et demander un retour",
        Action.NUDGE: "relancer {name} avec tact en l'absence de réponse",
        Action.CONNECTION_NOTE: "inviter {name} à se connecter sur LinkedIn",
        Action.REFERRAL_REQUEST: "reprendre contact avec {name} et demander des recommandations",
        Action.CHECK_IN: "reprendre contact avec {name}",
        Action.FEEDBACK_ACKNOWLEDGEMENT: "remercier {name} pour son retour",
        Action.REFLECTION: "faire le bilan de l'entretien",
        Action.TRAINING: "choisir une formation pour les points à améliorer",
        Action.ENGAGE: "interagir avec les contenus de {company}",
        Status.DONE: "fait",
        Status.CANCELLED: "annulé",
        Status.SKIPPED: "ignoré",
        "within": "délai : {duration}",
        "title": "Plan de suivi : {position} chez {company}",
        "checklist": "{task} : {items}",
        "your_time": "chez vous : {time}",
        "zone_unknown": (
            "Toutes les heures sont dans le fuseau horaire du destinataire ; "
            "le vôtre n'est pas connu."
        ),
        "checklist.reflection": (
            "noter ce qui s'est bien passé|noter les questions difficiles|"
            "lister les points à améliorer|"
            "choisir une chose à faire autrement la prochaine fois"
        ),
        "checklist.training": (
            "relire le retour|lister les points qu'il mentionne|"
            "choisir un cours, un livre ou un projet par point|"
            "réserver du temps dans votre agenda"
        ),
        "checklist.training.areas": (
            "relire le retour|{areas}|réserver du temps dans votre agenda"
        ),
        "checklist.training.vague": "relire le retour|poser cette question à {name} : {question}",
        "checklist.reflection.feedback": (
            "noter ce qui s'est bien passé|noter les questions difficiles|"
            "retrouver où les points du retour sont apparus pendant l'entretien : {areas}|"
            "choisir une chose à faire autrement la prochaine fois"
        ),
        "training.step": "{area} : {step}",
        "reflection.constraints": "accepter ce qui ne dépendait pas de vous : {constraints}",
        "checklist.engage": (
            "lire les dernières publications et actualités de {company}|"
            "aimer ou commenter avec soin l'une d'elles|"
            "noter ce qui mérite d'être mentionné lors du prochain contact"
        ),
    },
    "es": {
        Action.THANK_YOU_AND_FEEDBACK: "agradecer a {name} y pedir comentarios",
        Action.NUDGE: "recordar amablemente a {name} si no hay respuesta",
        Action.CONNECTION_NOTE: "invitar a {name} a conectar en LinkedIn",
        Action.REFERRAL_REQUEST: "retomar el contacto con {name} y pedir recomendaciones",
        Action.CHECK_IN: "retomar el contacto con {name}",
        Action.FEEDBACK_ACKNOWLEDGEMENT: "agradecer a {name} sus comentarios",
        Action.REFLECTION: "reflexionar sobre la entrevista",
        Action.TRAINING: "elegir formación para las áreas de mejora",
        Action.ENGAGE: "interactuar con el contenido de {company}",
        Status.DONE: "hecho",
        Status.CANCELLED: "cancelado",
        Status.SKIPPED: "omitido",
        "within": "plazo: {duration}",
        "title": "Plan de seguimiento: {position} en {company}",
        "checklist": "{task}: {items}",
        "your_time": "su hora: {time}",
        "zone_unknown": (
            "Todas las horas están en la zona horaria del destinatario; la suya no se conoce."
        ),
        "checklist.reflection": (
            "anotar lo que salió bien|anotar las preguntas difíciles|"
            "enumerar las áreas de mejora|"
            "decidir una cosa que hará de otra manera la próxima vez"
        ),
        "checklist.training": (
            "releer los comentarios|enumerar las áreas que mencionan|"
            "elegir un curso, un libro o un proyecto por área|"
            "reservar tiempo para ello en su calendario"
        ),
        "checklist.training.areas": (
            "releer los comentarios|{areas}|reservar tiempo para ello en su calendario"
        ),
        "checklist.training.vague": "releer los comentarios|preguntar a {name}: {question}",
        "checklist.reflection.feedback": (
            "anotar lo que salió bien|anotar las preguntas difíciles|"
            "recordar dónde se notaron en la entrevista los puntos de los comentarios: {areas}|"
            "decidir una cosa que hará de otra manera la próxima vez"
        ),
        "training.step": "{area}: {step}",
        "reflection.constraints": "aceptar lo que no dependía de usted: {constraints}",
        "checklist.engage": (
            "leer las últimas publicaciones y noticias de {company}|"
            "dar me gusta o comentar con criterio una de ellas|"
            "anotar lo que merezca mencionarse en el próximo contacto"
        ),
    },
}

SUPPORTED: Final = tuple(PHRASES)


def language(value: str | babel.Locale, field: str = "locale") -> tuple[str, babel.Locale]:
    """Return the table language for a locale (``de_AT`` -> ``de``) and the babel locale.

    Raises:
        UnsupportedLocaleError: If babel does not know the locale or no table exists.
    """
    loc = v.locale(value, field)
    if loc.language not in PHRASES:
        raise UnsupportedLocaleError(
            f"{loc!s} is not supported by the timeline (supported: {', '.join(SUPPORTED)})",
            field=field,
            locale=str(loc),
            supported=SUPPORTED,
        )
    return loc.language, loc


def phrase(lang: str, key: str, **values: str) -> str:
    """Return the phrase *key* in *lang* with *values* substituted once."""
    return PHRASES[lang][key].format_map(values)


def checklist_in(lang: str, action: Action, company: str) -> tuple[str, ...]:
    """Return the checklist of a private task in *lang*."""
    template = PHRASES[lang][f"checklist.{action.value}"]
    return tuple(item.format_map({"company": company}) for item in template.split("|"))


def checklist(app: Application, action: Action) -> tuple[str, ...]:
    """Return the checklist of a private task in the application's language."""
    lang, _ = language(app.locale)
    return checklist_in(lang, action, app.company)

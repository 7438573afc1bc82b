"""The English texts of every part: gettext message ids, two phrasings per register.

This module is data: ``pybabel extract`` collects every ``N_(...)`` string into
``followkit.pot``, and the catalogs under ``followkit/locale/`` translate them. Placeholders
are named (``%(company)s``) and filled once, after translation, so translators may reorder
them and user-supplied values are never re-interpreted.

When a user value is inserted into a sentence, the frame must work with the value as
written: ``highlight`` follows "I especially enjoyed ..." (in German it is the accusative
object of "Besonders geschätzt habe ich ...", in French the object of "J'ai
particulièrement apprécié ...", in Spanish of "Valoré especialmente ..."); the update,
feedback summary and next step follow a colon, so any full sentence fits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from followkit.messages._i18n import N_

if TYPE_CHECKING:
    from collections.abc import Mapping

Table = dict[str, tuple[str, ...]]

# Subjects per kind, longest first: the first that fits in 70 characters is used.
SUBJECTS: Final[Mapping[str, tuple[str, ...]]] = {
    "thank_you": (
        N_("Thank you – %(position)s at %(company)s"),
        N_("Thank you – %(position)s"),
    ),
    "feedback_request": (
        N_("Request for feedback – %(position)s at %(company)s"),
        N_("Request for feedback – %(position)s"),
    ),
    "thank_you_and_feedback": (
        N_("Thank you and a request for feedback – %(position)s at %(company)s"),
        N_("Thank you – %(position)s"),
    ),
    "referral_request": (
        N_("A question about other roles – %(company)s"),
        N_("A question about other roles"),
    ),
    "stay_connected": (
        N_("Staying in touch – %(candidate)s"),
        N_("Staying in touch"),
    ),
    "feedback_acknowledgement": (
        N_("Thank you for your feedback – %(position)s"),
        N_("Thank you for your feedback"),
    ),
    "nudge": (
        N_("Following up – %(position)s at %(company)s"),
        N_("Following up – %(position)s"),
    ),
}
OTHER_SUBJECTS: Final = (N_("%(position)s at %(company)s"), N_("%(position)s"))

GREETING: Final[Mapping[str, str]] = {
    # TRANSLATORS: Formal greeting; name is the contact's full name.
    "formal": N_("Dear %(name)s,"),
    # TRANSLATORS: Warm greeting; in English name is the given name, elsewhere the full name.
    "warm": N_("Hi %(name)s,"),
}

SIGN_OFF: Final[Mapping[str, str]] = {
    "formal": N_("Kind regards,"),
    "warm": N_("Best regards,"),
}

GRATITUDE: Final[Table] = {
    "formal": (
        N_(
            "Thank you for letting me know about your decision, and for the time and "
            "consideration you gave my application for the %(position)s position."
        ),
        N_(
            "Thank you for your time and consideration throughout the selection process for "
            "the %(position)s role at %(company)s."
        ),
        N_(
            "I appreciate you letting me know about your decision, and I am grateful for the "
            "time you and your colleagues at %(company)s spent on my application."
        ),
    ),
    "warm": (
        N_(
            "Thank you for letting me know, and for all the time you and the team put into "
            "my application for the %(position)s role."
        ),
        N_(
            "Thanks so much for getting back to me, and for your time and consideration "
            "throughout the %(position)s process."
        ),
    ),
}

CONVERSATION_DATE_HIGHLIGHT: Final = (
    N_("Our conversation on %(date)s was a pleasure, and I especially enjoyed %(highlight)s."),
    N_("I enjoyed our conversation on %(date)s, in particular %(highlight)s."),
)
CONVERSATION_HIGHLIGHT: Final = (
    N_("I especially enjoyed %(highlight)s."),
    N_("I particularly enjoyed %(highlight)s."),
)
CONVERSATION_DATE: Final = (
    N_("I enjoyed our conversation on %(date)s and learning more about %(company)s."),
    N_("Our conversation on %(date)s was a pleasure, and I learned a lot about %(company)s."),
)

TEAM_THANKS: Final[Table] = {
    "formal": (
        N_("I would be grateful if you could also pass on my thanks to %(names)s."),
        N_("My thanks also go to %(names)s for their time."),
    ),
    "warm": (
        N_("Thanks also to %(names)s for their time."),
        N_("I'd be glad if you could pass my thanks on to %(names)s as well."),
    ),
}

CONTINUED_INTEREST: Final[Table] = {
    "formal": (
        N_(
            "I remain very interested in %(company)s and would welcome the chance to be "
            "considered for future opportunities."
        ),
        N_(
            "I continue to be very interested in working with %(company)s and hope to be "
            "considered for suitable roles in the future."
        ),
    ),
    "warm": (
        N_(
            "I'm still very keen on %(company)s, and I'd love to be considered for future openings."
        ),
        N_("I'd be really glad to hear about future opportunities at %(company)s."),
    ),
}

CLOSING: Final[Table] = {
    "formal": (
        N_("Thank you again, and I wish you and the team every success."),
        N_("Thank you once more for your time; I wish you all the best."),
    ),
    "warm": (
        N_("Thanks again, and all the best to you and the team."),
        N_("Thanks again for everything, and all the best."),
    ),
}

FEEDBACK_LEAD: Final[Table] = {
    "formal": (
        N_(
            "If you have a moment, I would be grateful for your feedback, as it would help me "
            "grow. In particular:"
        ),
        N_(
            "I would very much value your feedback on my application and interviews, if you "
            "are able to share it. In particular:"
        ),
    ),
    "warm": (
        N_(
            "If you have a moment, I'd really appreciate any feedback that could help me "
            "improve. In particular:"
        ),
        N_("If you can spare a moment, I'd be grateful for any feedback. In particular:"),
    ),
}

FEEDBACK_EASY_OUT: Final[Table] = {
    "formal": (
        N_(
            "I understand if this is not possible, and I appreciate any thoughts you are able "
            "to share."
        ),
        N_("I know your time is limited, so even a few brief thoughts would be very helpful."),
    ),
    "warm": (
        N_("No worries at all if you don't have the time; any thoughts would be very welcome."),
        N_("Even a couple of quick thoughts would be very helpful, but no worries if not."),
    ),
}

REFERRAL_ASK: Final[Table] = {
    "formal": (
        N_(
            "If you are aware of other roles, teams or companies where my background might be "
            "a better fit, I would be grateful for any suggestions. Of course, I understand "
            "if nothing comes to mind."
        ),
        N_(
            "Should you come across another role, team or company where my experience might "
            "be a good match, I would appreciate hearing about it, though only if something "
            "comes to mind."
        ),
    ),
    "warm": (
        N_(
            "If you know of other roles, teams or companies where I might be a better fit, "
            "I'd be glad to hear about them. No worries at all if nothing comes to mind."
        ),
        N_(
            "If another role, team or company comes to mind where my background could fit, "
            "I'd love to hear about it, but no worries if not."
        ),
    ),
}

CHECK_IN: Final[Table] = {
    "formal": (
        N_(
            "I hope all is well with you and the team at %(company)s since we spoke about "
            "the %(position)s role."
        ),
        N_(
            "I have been following the news from %(company)s with interest and hope all is "
            "going well for you and the team."
        ),
    ),
    "warm": (
        N_(
            "I hope you and everyone at %(company)s are doing well. I wanted to drop you a "
            "quick note to stay in touch."
        ),
        N_(
            "I've been following the news from %(company)s with interest, and I hope things "
            "are going well for you and the team."
        ),
    ),
}

UPDATE: Final[Table] = {
    "formal": (
        N_("A brief update from my side: %(update)s"),
        N_("Since we last spoke, there is some news from my side: %(update)s"),
    ),
    "warm": (
        N_("A quick update from me: %(update)s"),
        N_("Some news from my side: %(update)s"),
    ),
}

ACKNOWLEDGEMENT: Final[Table] = {
    "formal": (
        N_(
            "Thank you very much for taking the time to share your feedback. I appreciate "
            "it, and I will take it on board as I continue to develop."
        ),
        N_(
            "Thank you for your thoughtful feedback. It is genuinely helpful, and I am "
            "grateful that you took the time to share it."
        ),
    ),
    "warm": (
        N_(
            "Thanks so much for taking the time to share your feedback; it's really helpful, "
            "and I'll put it to good use."
        ),
        N_(
            "Thank you for the thoughtful feedback. I really appreciate you taking the time, "
            "and it gives me a lot to work with."
        ),
    ),
}

FEEDBACK_SUMMARY: Final[Table] = {
    "formal": (
        N_("I found this point particularly helpful: %(summary)s"),
        N_("What I will take away in particular: %(summary)s"),
    ),
    "warm": (
        N_("This point was especially helpful: %(summary)s"),
        N_("What I'll take away in particular: %(summary)s"),
    ),
}

NEXT_STEP: Final[Table] = {
    "formal": (
        N_("I have already started working on it: %(action)s"),
        N_("To put it into practice, this is my next step: %(action)s"),
    ),
    "warm": (
        N_("I've already started acting on it: %(action)s"),
        N_("My next step: %(action)s"),
    ),
}

# The point the feedback made, named by the taxonomy's area names (or the tool), each
# quoted: a name is a label ("System design"), quoted so that no article or case has to
# agree with it. No "but": the candidate takes the point, never argues with it.
FEEDBACK_POINT: Final[Table] = {
    "formal": (
        # TRANSLATORS: areas is one or two quoted area names, such as “System design”.
        N_("Thank you in particular for the pointer on %(areas)s; I am working on it."),
        # TRANSLATORS: areas is one or two quoted area names, such as “System design”.
        N_("Your pointer on %(areas)s is especially valuable to me, and I am working on it."),
    ),
    "warm": (
        # TRANSLATORS: areas is one or two quoted area names, such as “System design”.
        N_("Thanks especially for the pointer on %(areas)s; I'm already working on it."),
        # TRANSLATORS: areas is one or two quoted area names, such as “System design”.
        N_("The pointer on %(areas)s is especially useful, and I'm working on it."),
    ),
}
#: How one area name is quoted inside FEEDBACK_POINT.
# TRANSLATORS: The quotation marks around one area name, such as “System design”.
AREA_QUOTE: Final = N_("“%(name)s”")

# Vague feedback: the one specific question worth asking back.
FEEDBACK_FOLLOW_UP: Final[Table] = {
    "formal": (
        # TRANSLATORS: question is a question from the feedback request, ending in "?".
        N_("If you have a moment, may I ask one more question: %(question)s"),
        # TRANSLATORS: question is a question from the feedback request, ending in "?".
        N_("May I add one question that would help me a great deal: %(question)s"),
    ),
    "warm": (
        # TRANSLATORS: question is a question from the feedback request, ending in "?".
        N_("If you have a minute, could I ask one more thing: %(question)s"),
        # TRANSLATORS: question is a question from the feedback request, ending in "?".
        N_("One more question, if you don't mind: %(question)s"),
    ),
}

# Nudges: one table per combination of what is known about the earlier message.
REFERENCE_DATE_SUBJECT: Final[Table] = {
    "formal": (
        N_("I am writing to follow up on my message of %(date)s, “%(subject)s”."),
        N_("I would like to briefly come back to my message of %(date)s, “%(subject)s”."),
    ),
    "warm": (
        N_("I just wanted to follow up on my message from %(date)s, “%(subject)s”."),
        N_("I'm just coming back to my message from %(date)s, “%(subject)s”."),
    ),
}
REFERENCE_SUBJECT: Final[Table] = {
    "formal": (
        N_("I am writing to follow up on my earlier message, “%(subject)s”."),
        N_("I would like to briefly come back to my earlier message, “%(subject)s”."),
    ),
    "warm": (
        N_("I just wanted to follow up on my earlier message, “%(subject)s”."),
        N_("I'm just coming back to my earlier message, “%(subject)s”."),
    ),
}
REFERENCE_DATE: Final[Table] = {
    "formal": (
        N_("I am writing to follow up on my message of %(date)s."),
        N_("I would like to briefly come back to my message of %(date)s."),
    ),
    "warm": (
        N_("I just wanted to follow up on my message from %(date)s."),
        N_("I'm just coming back to my message from %(date)s."),
    ),
}
REFERENCE: Final[Table] = {
    "formal": (
        N_("I am writing to follow up on my earlier message."),
        N_("I would like to briefly come back to my earlier message."),
    ),
    "warm": (
        N_("I just wanted to follow up on my earlier message."),
        N_("I'm just coming back to my earlier message."),
    ),
}

REMINDER_EASY_OUT: Final[Table] = {
    "formal": (
        N_(
            "I understand how busy things can be, so there is no rush; I would simply be glad "
            "to hear your thoughts whenever it suits you."
        ),
        N_(
            "I know your schedule is full, and I would appreciate a reply whenever it is "
            "convenient for you."
        ),
    ),
    "warm": (
        N_("I know things get busy, so no worries if you haven't had a chance yet."),
        N_("No rush at all; whenever you have a moment is perfectly fine."),
    ),
}

CONNECTION: Final[Table] = {
    "formal": (
        N_(
            "Thank you again for your time during the %(position)s process at %(company)s. "
            "I would be glad to stay connected."
        ),
        N_(
            "It was a pleasure to speak with you about the %(position)s role. I would "
            "welcome the chance to stay in touch."
        ),
    ),
    "warm": (
        N_(
            "Thanks again for your time during the %(position)s process. I'd love to stay "
            "connected."
        ),
        N_(
            "It was great speaking with you about the %(position)s role, and I'd be glad to "
            "keep in touch."
        ),
    ),
}

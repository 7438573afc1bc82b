"""The catalog of specific feedback questions a feedback request may ask."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Final

from followkit.errors import InvalidInputError
from followkit.messages._i18n import N_

__all__ = ["DEFAULT_QUESTIONS", "MAX_QUESTIONS", "Question", "check_questions"]


class Question(enum.Enum):
    """A specific feedback question; :attr:`text` is its English wording (a gettext msgid).

    Vague requests ("any feedback?") rarely get useful answers; specific ones do, and
    asking at most three keeps the request easy to answer.

    .. versionadded:: 0.1.0
    """

    #: Which areas the candidate should work on first.
    AREAS_TO_IMPROVE = N_("Which areas would you suggest I focus on improving?")
    #: Any concern raised about the application, so that it can be addressed next time.
    CONCERNS_RAISED = N_(
        "Were there any concerns about my application that I could address in the future?"
    )
    #: The skills or experience that would have made a stronger candidate.
    SKILLS_OR_EXPERIENCE = N_("What skills or experience would have made me a stronger candidate?")
    #: How the candidate came across in the interviews.
    IMPRESSION = N_("How did I come across in the interviews?")
    #: Resources (courses, books, practice) that would help to prepare.
    RESOURCES = N_("Are there any resources you would recommend to help me prepare?")
    #: Other roles that would fit the candidate's profile better.
    BETTER_FIT = N_("Are there other roles that might suit my profile better?")

    @property
    def text(self) -> str:
        """Return the English wording, which is also the catalog's message id."""
        return str(self.value)


#: What :func:`~followkit.messages.feedback_request` asks when no questions are given.
DEFAULT_QUESTIONS: Final = (Question.AREAS_TO_IMPROVE, Question.SKILLS_OR_EXPERIENCE)
#: Most questions one message asks: asking more is itself discourteous.
MAX_QUESTIONS: Final = 3


def check_questions(value: object) -> tuple[Question, ...]:
    """Return *value* as 1-3 distinct questions, accepting members or their names.

    Raises:
        InvalidInputError: If there are none, more than three, duplicates or unknown ones.
    """
    if isinstance(value, Question | str) or not isinstance(value, Iterable):
        raise InvalidInputError(
            "must be a sequence of Question members, such as [Question.AREAS_TO_IMPROVE]",
            field="questions",
        )
    questions: list[Question] = []
    for index, item in enumerate(value):
        if index == MAX_QUESTIONS:  # stop early: the iterable may be endless
            raise InvalidInputError(
                f"asks more than {MAX_QUESTIONS} questions; at most {MAX_QUESTIONS} keep a "
                "request courteous and easy to answer",
                field="questions",
            )
        if isinstance(item, str) and item.upper() in Question.__members__:
            item = Question[item.upper()]  # noqa: PLW2901  (normalise names to members)
        if not isinstance(item, Question):
            raise InvalidInputError(
                f"{item!r} is not a Question (one of {', '.join(Question.__members__)})",
                field=f"questions[{index}]",
            )
        if item in questions:
            raise InvalidInputError(f"{item.name} is asked twice", field=f"questions[{index}]")
        questions.append(item)
    if not questions:
        raise InvalidInputError("ask at least one question", field="questions")
    return tuple(questions)

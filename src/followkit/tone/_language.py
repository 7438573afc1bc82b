"""Which of the tone checker's languages a text is written in.

The guess counts function words (articles, pronouns, prepositions, auxiliaries and the
courtesy words every follow-up holds) from hand-written lists, one per language, and a few
spelling cues: letters one language uses and the others do not (``ß``, ``ñ``, ``ç``), French
elisions (``l'``, ``qu'``) and English contractions (``n't``, ``'ll``). The lists were written
from knowledge of the languages, not learned from followkit's corpus, which only measures
them (``benchmarks/bench_language.py``).

A word that several languages share (``de``, ``la``, ``in``) counts for each of them in part,
so it never decides alone. The guess reads at most :data:`MAX_WORDS` words, in one pass of a
pattern without backtracking, so a huge or hostile text costs no more than a long message.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

import attrs

__all__ = ["LANGUAGES", "MAX_CHARS", "MIN_MARGIN", "MIN_RATIO", "LanguageGuess", "guess_language"]

#: The languages the guess chooses among: those with tone rules.
LANGUAGES: Final = ("en", "de", "fr", "es")

#: Characters read from the start of a text (some 1,500 words); more adds nothing to a
#: guess but time.
MAX_CHARS: Final = 10_000

#: How much more evidence (function words and cues) than any other language the winner
#: needs for a confident guess: three words that only it uses, say. Shared words count for
#: every language using them, so only the words that tell the languages apart make a margin.
MIN_MARGIN: Final = 3.0

#: How many times the runner-up's evidence the winner needs, too: in a long text that mixes
#: two languages, a margin alone would be easy to reach.
MIN_RATIO: Final = 1.5

#: Language names for people (in English, like the rest of the command's messages).
NAMES: Final = {"en": "English", "de": "German", "fr": "French", "es": "Spanish"}

_FUNCTION_WORDS: Final = {
    "en": """
        a about after all also am an and any are as at be because been before being best but
        by can could dear did do does for from get had has have he hello her hi him his hope
        how i if in into is it its just know let look may me might more much my no not of on
        or our out please regards should so some than thank thanks that the their them then
        there these they this those to up us very was we were what when which while who will
        with would you your yours
    """,
    "de": """
        aber als also am an auch auf aus bei beim bin bis bitte da dank danke dann das dass
        daß dem den der des dich die diese diesem diesen dieser dieses dir doch du durch ein
        eine einem einen einer es euch eure euer für gern gerne geehrte geehrter grüße grüßen
        gruß habe haben hallo hat hatte hätte ich ihnen ihr ihre ihrem ihren im in ins ist
        jetzt kann kein keine können könnte liebe lieber man mein meine meinem meinen meiner
        mich mir mit möchte nach nicht nichts noch nur ob oder schon sehr sich sie sind so
        über um und uns unser unsere vielen vom von war was weil wenn werde werden wie wir
        wird will würde zu zum zur zwischen
    """,
    "fr": """
        a ai au aussi aux avec avez avoir avons bien bonjour ce ceci cela ces cette chez
        comme cordialement dans de depuis des donc dont du elle en encore entre est et été
        êtes être eux fait il ils je la le les leur leurs lors lui ma madame mais me merci mes
        moi mon monsieur même nos notre nous on ou où par parce pas peut plus pour pourriez
        pourrais que qui sa salutations sans se ses si son sont suis sur toujours tous tout
        toute très tu ton ta te un une vos votre vous y ça quand pourquoi
    """,
    "es": """
        a al atentamente bien como cómo con cuando de del desde donde e el ella ellos en entre
        es esa ese eso esta está estaba estamos están este esto estos estoy estimada estimado
        fue gracias gustaría ha han hasta hay he hemos hola la las le les lo los me mi mis
        mucho muchas muchos muy más nos nosotros nuestra nuestro o para pero poco podría
        podrían por porque puedo que qué quisiera saludos se ser si sin sobre son su sus sí
        también te tengo tiene tienen todo todos tu tus u un una unas uno unos usted ustedes
        vez y ya yo os nada hoy tampoco algo ni cuándo
    """,
}

# Letters that one of the languages uses and the other three do not (é is French and
# Spanish, ü is German and occasionally Spanish: neither is a cue).
_LETTERS: Final = {
    "de": "ßäö",
    "fr": "çœàâèêëîïôûùÿ",
    "es": "ñáíóú¿¡",
}

# French elides these before a vowel (l'entreprise, qu'il, j'ai); English contracts with
# these endings (don't, I'm, it's, we'll, they've, I'd).
_ELISIONS: Final = frozenset(
    ["c", "d", "j", "l", "m", "n", "qu", "s", "t", "jusqu", "lorsqu", "puisqu"]
)
_CONTRACTIONS: Final = frozenset(["t", "s", "m", "re", "ll", "ve", "d"])

# A word, with the pieces an apostrophe joins to it ("l'offre", "don't", "O'Brien"). Digits
# and underscores are word characters here too: no list holds them, and the simpler class
# reads twice as fast. Letters and apostrophes never overlap, so a match never backtracks.
_WORD = re.compile(r"\w+(?:'\w+)*")
_CUE = re.compile("[" + "".join(_LETTERS.values()) + "]")


# Evidence is counted in twelfths, in whole numbers: a word shared by two, three or four
# languages gives each a whole share, and the sum does not depend on the order it is made
# in (floating-point sums would, and a guess right at a threshold could then flip).
_UNIT: Final = 12


def _weights() -> dict[str, dict[str, int]]:
    """Each word's evidence per language: one unit, split among the languages using it."""
    lists = {language: set(words.split()) for language, words in _FUNCTION_WORDS.items()}
    weights: dict[str, dict[str, int]] = {}
    for language, words in lists.items():
        for word in words:
            users = [other for other in LANGUAGES if word in lists[other]]
            weights.setdefault(word, {})[language] = _UNIT // len(users)
    return weights


_WEIGHTS: Final = _weights()
_LETTER_LANGUAGE: Final = {
    letter: language for language, letters in _LETTERS.items() for letter in letters
}


@attrs.frozen(kw_only=True)
class LanguageGuess:
    """Which language a text reads as, and how sure the guess is.

    Attributes:
        language: The language with the most evidence (``"en"``, ``"de"``, ``"fr"`` or
            ``"es"``), or ``None`` when the text holds none at all.
        confident: Whether the evidence is enough to rely on: the winner's is at least 3
            more than the runner-up's and 1.5 times as much.
        words: How many words were read (those in the first 10,000 characters).
        evidence: The evidence for each language.

    .. versionadded:: 0.2.0
    """

    language: str | None
    confident: bool
    words: int
    evidence: dict[str, float]

    @property
    def name(self) -> str | None:
        """The language's English name (``"German"``), or ``None``."""
        return None if self.language is None else NAMES[self.language]


def guess_language(text: str) -> LanguageGuess:
    """Guess which of the tone checker's languages *text* is written in.

    Args:
        text: Any text; only its first 10,000 characters are read.

    Returns:
        The guess. Short texts (a greeting, a line) rarely hold enough evidence for a
        confident one.

    .. versionadded:: 0.2.0
    """
    sample = text[:MAX_CHARS].lower().replace("’", "'")
    # Counted in C: each distinct word is then looked at once, and only the function words
    # and the words with an apostrophe (a few in a message) in Python.
    counts = Counter(_WORD.findall(sample))
    evidence = dict.fromkeys(LANGUAGES, 0)
    for word in counts.keys() & _WEIGHTS.keys():
        for language, weight in _WEIGHTS[word].items():
            evidence[language] += weight * counts[word]
    for token in [word for word in counts if "'" in word]:
        number = counts[token]
        head, _, tail = token.partition("'")
        if head in _ELISIONS:
            evidence["fr"] += _UNIT * number
            word = tail.rpartition("'")[2]
        elif tail in _CONTRACTIONS:
            evidence["en"] += _UNIT * number
            word = head
        else:
            continue  # a name such as O'Brien
        for language, weight in _WEIGHTS.get(word, {}).items():
            evidence[language] += weight * number
    for letter, number in Counter(_CUE.findall(sample)).items():
        evidence[_LETTER_LANGUAGE[letter]] += _UNIT * number
    ranked = sorted(LANGUAGES, key=evidence.__getitem__, reverse=True)
    best, second = evidence[ranked[0]], evidence[ranked[1]]
    return LanguageGuess(
        language=ranked[0] if best > 0 else None,
        confident=best - second >= MIN_MARGIN * _UNIT and best >= MIN_RATIO * second,
        words=counts.total(),
        evidence={language: round(value / _UNIT, 2) for language, value in evidence.items()},
    )

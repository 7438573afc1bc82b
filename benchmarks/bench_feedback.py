"""Speed of the feedback reader: a 200-word feedback, and a megabyte of hostile text.

Figures measured in one run, per locale where it matters:

* milliseconds to read a realistic 200-word feedback, warm (the phrases compiled, the text
  read before), in each locale;
* seconds for 1 MB of hostile input (one word without spaces, only sentence breaks, one
  endless sentence full of topics and cues, headings without end, control characters) and
  the same at 4 MB: the ratio must stay near 4, which shows the work is linear.

Targets: <= 5 ms per 200-word feedback; <= 5 s per hostile megabyte; 4 MB / 1 MB <= 6.
"""

from __future__ import annotations

import time

from followkit.feedback import read

FEEDBACK = {
    "en": (
        "Hi Sam, thank you again for the time you spent with the team last week. Everyone "
        "enjoyed the conversation and your SQL exercise was one of the strongest we saw. The "
        "panel was impressed by how you explained the trade-offs of your dashboard design. "
        "That said, the system design round lacked depth: the discussion of caching and "
        "failure handling stayed at a high level, and we would have liked more questions "
        "before you started. We also need someone with hands-on Kubernetes experience from "
        "day one, which the other finalist had. Your answers to the behavioural questions "
        "tended to run long; shorter answers with one concrete example would have helped. "
        "Areas to develop:\n- stakeholder management with senior leaders\n- presenting to "
        "executives\n\nOn logistics, your notice period of three months was not a concern. "
        "We went with a candidate whose background matched the role more closely, but we "
        "would be glad to stay in touch about future openings on the platform team. Thanks "
        "again, and best of luck with your search. Your written exercise was clear and well "
        "structured, and the hiring manager appreciated how quickly you picked up our data "
        "model during the pairing session. Kind regards, Priya"
    ),
    "de": (
        "Sehr geehrter Herr Wolf, vielen Dank für Ihre Zeit und das offene Gespräch. Ihre "
        "SQL-Kenntnisse haben uns überzeugt, aber beim Systemdesign fehlte uns die Tiefe, "
        "und wir hätten uns mehr Erfahrung mit Kubernetes gewünscht. Ihre Antworten waren "
        "teilweise zu allgemein. Mit freundlichen Grüßen"
    )
    * 3,
    "fr": (
        "Bonjour, merci pour votre temps. Votre maîtrise de SQL est solide, mais "
        "l'architecture proposée manquait de profondeur et vos réponses étaient trop "
        "générales. Nous recherchons une expérience confirmée sur Kubernetes. Cordialement"
    )
    * 3,
    "es": (
        "Hola, gracias por tu tiempo. Tus conocimientos de SQL son sólidos, pero el diseño "
        "de sistemas necesita más profundidad y nos faltó ver experiencia con Kubernetes. "
        "Tus respuestas fueron demasiado generales. Un saludo"
    )
    * 3,
}

HOSTILE = {
    "no spaces": "a",
    "breaks": ".",
    "one sentence": "system design lacked depth but SQL was strong ",
    "cues only": "not strong ",
    "headings": "areas to improve:\n",
    "control": "\x00\u202e\r",
}


def per_feedback(locale: str, text: str, runs: int = 200) -> float:
    read(text, locale=locale)
    started = time.perf_counter()
    for _ in range(runs):
        read(text, locale=locale)
    return (time.perf_counter() - started) / runs * 1000


def hostile(unit: str, size: int) -> float:
    text = unit * (size // len(unit))
    started = time.perf_counter()
    read(text)
    return time.perf_counter() - started


def main() -> int:
    failed = False
    for locale, text in FEEDBACK.items():
        words = len(text.split())
        ms = per_feedback(locale, text)
        failed |= ms > 5
        print(f"{locale}: {ms:6.2f} ms per feedback of {words} words")
    for name, unit in HOSTILE.items():
        one, four = hostile(unit, 1 << 20), hostile(unit, 4 << 20)
        ratio = four / one if one else 0.0
        failed |= one > 5 or ratio > 6
        print(f"hostile {name:<13} 1 MB {one:5.2f} s   4 MB {four:5.2f} s   ratio {ratio:4.1f}")
    print("FAILED" if failed else "ok")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Check a follow-up before sending it: findings, a safe rewrite, the politeness profile.

Run it with ``python examples/check_tone.py``.
"""

from __future__ import annotations

import json

from followkit.tone import Checker, Config

DRAFT = """Hi Jordan,

Per my last email, I am still waiting for your reply. I spent hours preparing for this
interview, so I think I deserve an explanation. Why didn't you hire me?!

Please send me your feedback ASAP.

On Mon, Nov 23, 2026 at 10:00 AM Jordan Lee <jordan@acme.example> wrote:
> Thank you for interviewing with us. We have decided to move forward with another candidate.
"""

REVISED = """Hi Jordan,

Thank you for letting me know, and for the time you and the team spent with me. I enjoyed
our conversation about the data platform.

If you are able to share it, I would be grateful for feedback on one or two areas where I
could improve. I remain very interested in future opportunities with Acme Analytics.

Best regards,
Alex
"""


def main() -> None:
    checker = Checker("en")  # compile once, check many texts

    report = checker.check(DRAFT)
    print(report.format())
    print()
    print("After the safe rewrites:")
    print(checker.check(report.fixed()).format().splitlines()[-1])
    print()

    revised = checker.check(REVISED)
    print(f"Revised draft: ok={revised.ok}, score {revised.score}/100")
    print("Politeness strategies:", json.dumps(revised.profile.counts, sort_keys=True))
    print()

    # A team that tolerates "ASAP" but treats passive aggression as an error:
    lenient = Checker(
        "en", Config(disable=["pressure.asap"], severity={"passive-aggressive": "error"})
    )
    ids = [(f.rule_id, f.severity) for f in lenient.check(DRAFT).findings]
    print("With a team configuration:", ids[:2])


if __name__ == "__main__":
    main()

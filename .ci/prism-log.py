#!/usr/bin/env python3
"""Reads a Stoplight Prism log and lists the requests Prism refused (that did not pass its
validation). Every refused request must match one of the given regular expressions, which name
the suite's deliberate ones (its canary, and the excluded operations it shows Prism still
refuses); any other refusal is a contract violation, and the exit status is 1.

    python3 .ci/prism-log.py LOG [ALLOWED_ROUTE_REGEX ...]

A route reads `METHOD /path?query`, e.g. `POST /v2/apps/x/attachments`.
"""
import re
import sys


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    log, allowed = sys.argv[1], [re.compile(a) for a in sys.argv[2:]]
    route, validated, refused, unexpected = None, 0, 0, []
    with open(log, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            received = re.search(r"\[HTTP SERVER\] (\w+) (\S+)", line)
            if received:
                route = f"{received.group(1).upper()} {received.group(2)}"
            elif "passed the validation rules" in line:
                validated += 1
            elif "did not pass the validation rules" in line:
                refused += 1
                if not any(a.search(route or "") for a in allowed):
                    unexpected.append(route)
    print(
        f"{log}: {validated} requests validated, {refused} refused "
        f"({refused - len(unexpected)} of them deliberate)"
    )
    for route in unexpected:
        print(f"  refused, not deliberate: {route}")
    return 1 if unexpected or validated == 0 else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The hottest methods of a JFR recording, from `jfr print --json --events jdk.ExecutionSample,jdk.JavaMonitorEnter`:
by samples on top of the stack (self time), by samples anywhere on the stack (inclusive, each method once per sample),
and where threads waited for a monitor (JFR's profile settings record waits of 10 ms and more). Execution samples
only catch threads that run Java code, so few samples under load mean threads mostly wait: see the last table."""
import collections
import json
import sys

TOP = 20


def name(frame):
    method = frame["method"]
    return f"{method['type']['name'].replace('/', '.')}.{method['name']}"


def main():
    with open(sys.argv[1]) as f:
        events = json.load(f)["recording"]["events"]
    own, inclusive = collections.Counter(), collections.Counter()
    waits, waited_ms = collections.Counter(), collections.Counter()
    samples = 0
    for event in events:
        values = event["values"]
        frames = (values.get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        if event["type"] == "jdk.JavaMonitorEnter":
            where = f"{(values.get('monitorClass') or {}).get('name', '?').replace('/', '.')} in {name(frames[0])}"
            waits[where] += 1
            waited_ms[where] += duration_ms(values.get("duration"))
            continue
        samples += 1
        own[name(frames[0])] += 1
        inclusive.update({name(frame) for frame in frames})
    print(f"## Hot methods during the 64-connection cycle run (JFR, {samples:,} execution samples)")
    print()
    for title, counts in (("self: on top of the stack", own), ("inclusive: anywhere on the stack", inclusive)):
        print(f"| {title} | samples | share |")
        print("| --- | ---: | ---: |")
        for method, count in counts.most_common(TOP):
            print(f"| `{method}` | {count:,} | {100 * count / max(samples, 1):.1f}% |")
        print()
    if waits:
        print("| monitor waits >= 10 ms: lock class in method | waits | total ms |")
        print("| --- | ---: | ---: |")
        for where, count in waited_ms.most_common(TOP):
            print(f"| `{where}` | {waits[where]:,} | {count:,.0f} |")
        print()


def duration_ms(text):
    """JFR's JSON durations read like PT0.0123S."""
    if not text or not text.startswith("PT") or not text.endswith("S"):
        return 0.0
    body = text[2:-1]
    minutes = 0.0
    if "M" in body:
        m, body = body.split("M")
        minutes = float(m)
    return (minutes * 60 + float(body or 0)) * 1000


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Where the CPU went in a JFR recording, from `jfr print --json --stack-depth 256 --events
jdk.ExecutionSample,jdk.JavaMonitorEnter`: by layer (each sample counted once, in the innermost layer on its stack),
by samples on top of the stack (self time), by samples anywhere on the stack (inclusive, each method once per
sample), and where threads waited for a monitor (bench/cpu.jfc records waits of 10 ms and more). Execution samples
only catch threads that run Java code: time in system calls (socket writes, the audit file's writes) and in the
garbage collector is not in them."""
import collections
import json
import sys

TOP = 20

# Innermost first: a sample belongs to the first layer whose test matches a frame on its stack.
LAYERS = (
    ("cticache's audit writer thread (formats and logs the lines)", lambda m: m.startswith("org.cticache.audit.AuditLog.write")),
    ("Redis client (Jedis: encoding, pool, reading the reply)", lambda m: m.startswith("redis.clients.jedis.")),
    ("cticache's resource methods, without their Redis calls", lambda m: m.startswith("org.cticache.api.")
        and m.split(".")[-2].endswith("Resource")),
    ("Jersey writing the answer (Jackson, headers, the container's output)",
        lambda m: m == "org.glassfish.jersey.server.ServerRuntime$Responder.writeResponse"),
    ("Jersey: request set-up, routing, parameters, providers, filters",
        lambda m: m.startswith("org.glassfish.jersey.")),
    ("cticache's servlet filters (audit, security, header checks)",
        lambda m: m.startswith("org.cticache.") and m.endswith(".doFilter")),
    ("the container: HTTP parsing, Basic auth, dispatch, sockets", lambda m: m.startswith(("org.eclipse.jetty.", "org.apache."))),
)


def name(frame):
    method = frame["method"]
    return f"{method['type']['name'].replace('/', '.')}.{method['name']}"


def main():
    with open(sys.argv[1]) as f:
        events = json.load(f)["recording"]["events"]
    own, inclusive, layers = collections.Counter(), collections.Counter(), collections.Counter()
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
        methods = [name(frame) for frame in frames]
        inclusive.update(set(methods))
        layers[next((layer for layer, test in LAYERS if any(map(test, methods))), "other (JVM, other threads)")] += 1
    print(f"## Where the CPU went during the 64-connection cycle run (JFR, {samples:,} execution samples)")
    print()
    print("| layer (innermost on the stack) | samples | share |")
    print("| --- | ---: | ---: |")
    for layer, count in layers.most_common():
        print(f"| {layer} | {count:,} | {100 * count / max(samples, 1):.1f}% |")
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

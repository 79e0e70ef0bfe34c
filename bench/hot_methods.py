#!/usr/bin/env python3
"""Where the CPU went in a JFR recording, from the text of `jfr print --stack-depth 256 --events
jdk.ExecutionSample,jdk.JavaMonitorEnter` (its JSON is fifty times larger): by layer (each sample counted once, in
the innermost layer on its stack), by samples on top of the stack (self time), by samples anywhere on the stack
(inclusive, each method once per sample), and where threads waited for a monitor (bench/cpu.jfc records waits of
10 ms and more). Execution samples only catch threads that run Java code: time in system calls (socket writes, the
audit file's writes) and in the garbage collector is not in them."""
import collections
import re
import sys

TOP = 20

# Innermost first: a sample belongs to the first layer whose test matches a method on its stack.
LAYERS = (
    ("cticache's audit writer thread (formats and logs the lines)",
     lambda m: m.startswith("org.cticache.audit.AuditLog.write")),
    ("Redis client (Jedis: encoding, pool, reading the reply)", lambda m: m.startswith("redis.clients.jedis.")),
    ("cticache's resource methods, without their Redis calls",
     lambda m: m.startswith("org.cticache.api.") and m.split(".")[-2].endswith("Resource")),
    ("Jersey writing the answer (Jackson, headers, the container's output)",
     lambda m: m == "org.glassfish.jersey.server.ServerRuntime$Responder.writeResponse"),
    ("Jersey: request set-up, routing, parameters, providers, filters",
     lambda m: m.startswith("org.glassfish.jersey.")),
    ("cticache's servlet filters (audit, security, header checks)",
     lambda m: m.startswith("org.cticache.") and m.endswith(".doFilter")),
    ("the container: HTTP parsing, Basic auth, dispatch, sockets",
     lambda m: m.startswith(("org.eclipse.jetty.", "org.apache."))),
)
OTHER = "other (JVM, other threads)"

EVENT = re.compile(r"^(jdk\.\w+) \{$")
FRAME = re.compile(r"^\s+([\w.$<>]+)\(")
MONITOR_CLASS = re.compile(r"^\s+monitorClass = ([\w.$\[\]]+)")
DURATION = re.compile(r"^\s+duration = ([\d.,]+) (ns|us|ms|s)\b")
UNIT_MS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1000.0}


def events(lines):
    """(type, frames innermost first, monitor class, duration in ms) per event."""
    kind, frames, monitor, duration = None, [], "?", 0.0
    for line in lines:
        start = EVENT.match(line)
        if start:
            kind, frames, monitor, duration = start.group(1), [], "?", 0.0
        elif kind is None:
            continue
        elif line == "}\n" or line == "}":
            yield kind, frames, monitor, duration
            kind = None
        elif frame := FRAME.match(line):
            frames.append(frame.group(1))
        elif found := MONITOR_CLASS.match(line):
            monitor = found.group(1)
        elif found := DURATION.match(line):
            duration = float(found.group(1).replace(",", "")) * UNIT_MS[found.group(2)]


def main():
    own, inclusive, layers = collections.Counter(), collections.Counter(), collections.Counter()
    waits, waited_ms = collections.Counter(), collections.Counter()
    samples = 0
    with open(sys.argv[1]) as text:
        for kind, frames, monitor, duration in events(text):
            if not frames:
                continue
            if kind == "jdk.JavaMonitorEnter":
                where = f"{monitor} in {frames[0]}"
                waits[where] += 1
                waited_ms[where] += duration
                continue
            samples += 1
            own[frames[0]] += 1
            inclusive.update(set(frames))
            layers[next((layer for layer, test in LAYERS if any(map(test, frames))), OTHER)] += 1
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
        for where, total in waited_ms.most_common(TOP):
            print(f"| `{where}` | {waits[where]:,} | {total:,.0f} |")
        print()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A WAN between network namespaces, in user space.

Opens one TUN device per host, moves it into the host's namespace, gives it the host's address, and then
relays every IPv4 packet read from one device to the device that owns its destination address. A packet
between hosts of different sites is held for the one-way delay first; within a site it goes at once.
A site that is cut off loses every packet to and from it, silently, as in a real WAN cut: no RST, no ICMP.

    wan-relay.py ONE_WAY_DELAY_MS DEVICE,NAMESPACE,ADDRESS/PREFIX,SITE[~NEAR] ...

NAMESPACE "-" keeps the device in the relay's own namespace. SITE~NEAR is a location of its own with no delay
to site NEAR (an application server beside it). Commands, one per line on standard input: "cut SITE" (every
packet to or from SITE), "cut SITE-OTHER" (only those between the two), "heal SITE" or "heal SITE-OTHER",
"stats"; each is answered with one line starting with "ok". The relay prints "ready"
once every device is up, and exits when standard input closes: its devices vanish with it.
"""
import fcntl
import heapq
import os
import select
import socket
import struct
import subprocess
import sys
import time

TUNSETIFF = 0x400454CA
IFF_TUN = 0x0001
IFF_NO_PI = 0x1000


def ip(namespace, *args):
    command = ["ip"] + (["-n", namespace] if namespace != "-" else []) + list(args)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def open_device(name, namespace, address):
    fd = os.open("/dev/net/tun", os.O_RDWR | os.O_NONBLOCK)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TUN | IFF_NO_PI))
    if namespace != "-":
        # The open descriptor keeps serving the device after it moved to another namespace.
        ip("-", "link", "set", name, "netns", namespace)
    ip(namespace, "addr", "add", address, "dev", name)
    ip(namespace, "link", "set", name, "up")
    return fd


def main():
    delay = float(sys.argv[1]) / 1000.0
    hosts = {}
    home = {}
    fds = []
    for spec in sys.argv[2:]:
        name, namespace, address, site = spec.split(",")
        site, _, near = site.partition("~")
        fd = open_device(name, namespace, address)
        fds.append(fd)
        hosts[socket.inet_aton(address.split("/")[0])] = (fd, site)
        home[site] = near or site
    cut = set()
    held = []
    sequence = 0
    counts = {"relayed": 0, "dropped": 0, "unknown": 0}
    print("ready", flush=True)
    stdin = sys.stdin.fileno()
    watched = fds + [stdin]
    while True:
        now = time.monotonic()
        while held and held[0][0] <= now:
            _, _, fd, source, target, packet = heapq.heappop(held)
            deliver(fd, source, target, packet, cut, counts)
        timeout = max(0.0, held[0][0] - now) if held else None
        readable, _, _ = select.select(watched, [], [], timeout)
        for fd in readable:
            if fd == stdin:
                line = sys.stdin.readline()
                if not line:
                    return
                words = line.split()
                if words[:1] == ["cut"]:
                    cut.add(words[1])
                elif words[:1] == ["heal"]:
                    cut.discard(words[1])
                print("ok " + " ".join(words) + " " + " ".join(f"{k}={v}" for k, v in counts.items()), flush=True)
                continue
            while True:
                try:
                    packet = os.read(fd, 65536)
                except BlockingIOError:
                    break
                if len(packet) < 20 or packet[0] >> 4 != 4:
                    continue
                source = hosts.get(packet[12:16])
                target = hosts.get(packet[16:20])
                if source is None or target is None:
                    counts["unknown"] += 1
                    continue
                if home[source[1]] == home[target[1]]:
                    deliver(target[0], source[1], target[1], packet, cut, counts)
                else:
                    sequence += 1
                    heapq.heappush(held, (time.monotonic() + delay, sequence, target[0], source[1], target[1], packet))


def deliver(fd, source, target, packet, cut, counts):
    # Checked again on delivery: a packet in flight when the cut came is lost too.
    if source in cut or target in cut or source + "-" + target in cut or target + "-" + source in cut:
        counts["dropped"] += 1
        return
    try:
        os.write(fd, packet)
        counts["relayed"] += 1
    except OSError:
        counts["dropped"] += 1


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        pass

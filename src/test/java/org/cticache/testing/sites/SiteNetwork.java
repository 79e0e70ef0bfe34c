package org.cticache.testing.sites;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Three locations of a two-site deployment on one machine: a network namespace each for site A, site B and the
 * third location C, joined by a user-space WAN (wan-relay.py: a TUN device per host and a relay that holds each
 * packet between sites for the one-way delay), which can cut a site off silently. The test JVM's own namespace
 * is an application server in site B: no delay to B, the WAN's to A and C.
 */
public final class SiteNetwork implements AutoCloseable {

    /** A location; C holds only a Sentinel, the tie-breaker. */
    public enum Site {
        A(10), B(20), C(30);

        private final int host;

        Site(int host) {
            this.host = host;
        }
    }

    // Namespaces and devices are named <prefix><pid><site>: another test's or a benchmark's never clash with ours,
    // and a leftover of a JVM that died is recognised by its pid.
    private static final String PREFIX = "slt";
    private static final String RELAY = "org/cticache/testing/sites/wan-relay.py";
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3"
            : "python3";
    private static final int APPLICATION_HOST = 2;
    // The relay's name for the test JVM's location: next to B, so cutting the link between A and B leaves it be.
    private static final String APPLICATION = "app";

    private final String name;
    private final String subnet;
    private final Process relay;
    private final Writer commands;
    private final BufferedReader answers;
    private final Thread destroyAtExit;

    private SiteNetwork(String name, String subnet, Process relay) {
        this.name = name;
        this.subnet = subnet;
        this.relay = relay;
        this.commands = relay == null ? null
                : new OutputStreamWriter(relay.getOutputStream(), StandardCharsets.US_ASCII);
        this.answers = relay == null ? null
                : new BufferedReader(new InputStreamReader(relay.getInputStream(), StandardCharsets.US_ASCII));
        this.destroyAtExit = new Thread(this::destroy, "remove " + name);
        Runtime.getRuntime().addShutdownHook(destroyAtExit);
    }

    /**
     * Why this machine cannot build the network, or empty when it can: namespaces and TUN devices need root,
     * /dev/net/tun, the ip command and python3 for the relay.
     */
    public static Optional<String> whyUnusable() {
        if (!isRoot()) {
            return Optional.of("creating network namespaces and TUN devices needs root");
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) {
            return Optional.of("no /dev/net/tun, so no TUN device for the user-space WAN");
        }
        if (!runs("ip", "-V")) {
            return Optional.of("no ip command (iproute2) to create network namespaces");
        }
        if (!runs(PYTHON, "--version")) {
            return Optional.of("no python3 to run the WAN relay");
        }
        return Optional.empty();
    }

    /** Creates the namespaces and starts the relay with that round trip between any two locations. */
    public static SiteNetwork start(int roundTripMillis) {
        removeLeftovers();
        String name = PREFIX + ProcessHandle.current().pid();
        String subnet = freeSubnet();
        List<String> created = new ArrayList<>();
        try {
            for (Site site : Site.values()) {
                String namespace = name + site.name().toLowerCase();
                ip("netns", "add", namespace);
                created.add(namespace);
                ip("-n", namespace, "link", "set", "lo", "up");
            }
            List<String> command = new ArrayList<>(List.of(PYTHON, relayScript().toString(),
                    Double.toString(roundTripMillis / 2.0)));
            for (Site site : Site.values()) {
                String device = name + site.name().toLowerCase();
                command.add(device + "," + device + "," + subnet + site.host + "/24," + site.name());
            }
            command.add(name + "r,-," + subnet + APPLICATION_HOST + "/24," + APPLICATION + "~" + Site.B.name());
            // Should the relay and its devices go first, a late connection to a site's address must fail here
            // rather than follow the default route off the machine.
            ip("route", "add", "unreachable", subnet + "0/24", "metric", "4000");
            Process relay = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            SiteNetwork network = new SiteNetwork(name, subnet, relay);
            String ready = network.answers.readLine();
            if (!"ready".equals(ready)) {
                network.close();
                throw new IllegalStateException("the WAN relay did not start (" + ready + "): " + command);
            }
            return network;
        } catch (IOException e) {
            created.forEach(namespace -> ipQuietly("netns", "del", namespace));
            ipQuietly("route", "del", "unreachable", subnet + "0/24", "metric", "4000");
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            created.forEach(namespace -> ipQuietly("netns", "del", namespace));
            ipQuietly("route", "del", "unreachable", subnet + "0/24", "metric", "4000");
            throw e;
        }
    }

    /** The address of the hosts of a location; each host's servers listen on it, on ports of their own. */
    public String address(Site site) {
        return subnet + site.host;
    }

    /** A command to run in a location's namespace. */
    public ProcessBuilder in(Site site, List<String> command) {
        List<String> inNamespace = new ArrayList<>(List.of("ip", "netns", "exec", namespace(site)));
        inNamespace.addAll(command);
        return new ProcessBuilder(inNamespace);
    }

    /** From now on every packet to or from the site is lost, without an answer of any kind. */
    public void cut(Site site) {
        command("cut " + site.name());
    }

    /** Packets flow to and from the site again. */
    public void heal(Site site) {
        command("heal " + site.name());
    }

    /**
     * Every packet between the two sites is lost, silently; the application server (the test JVM) still reaches
     * both: a partition that leaves the application on both sides.
     */
    public void cut(Site site, Site other) {
        command("cut " + site.name() + "-" + other.name());
    }

    public void heal(Site site, Site other) {
        command("heal " + site.name() + "-" + other.name());
    }

    /** Packets relayed and dropped so far, as the relay counts them. */
    public String counts() {
        return command("stats");
    }

    /** Stops the relay (its TUN devices go with it), kills whatever still runs in the namespaces, removes them. */
    @Override
    public void close() {
        Runtime.getRuntime().removeShutdownHook(destroyAtExit);
        destroy();
    }

    @Override
    public String toString() {
        return "sites " + name + " on " + subnet + "0/24";
    }

    private synchronized String command(String line) {
        try {
            commands.write(line + "\n");
            commands.flush();
            String answer = answers.readLine();
            if (answer == null || !answer.startsWith("ok")) {
                throw new IllegalStateException("the WAN relay answered '" + answer + "' to '" + line + "'");
            }
            return answer.substring(answer.indexOf(' ', 3) + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("the WAN relay is gone", e);
        }
    }

    private String namespace(Site site) {
        return name + site.name().toLowerCase();
    }

    private void destroy() {
        if (relay != null) {
            try {
                commands.close();
                if (!relay.waitFor(5, TimeUnit.SECONDS)) {
                    relay.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (IOException e) {
                relay.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                relay.destroyForcibly();
            }
        }
        for (Site site : Site.values()) {
            removeNamespace(namespace(site));
        }
        ipQuietly("route", "del", "unreachable", subnet + "0/24", "metric", "4000");
    }

    /** Namespaces of this prefix whose JVM is gone: a run that was killed could not remove them. */
    private static void removeLeftovers() {
        for (String line : output("ip", "netns", "list").split("\n")) {
            String namespace = line.split(" ")[0];
            if (namespace.matches(PREFIX + "[0-9]+[abc]")) {
                long pid = Long.parseLong(namespace.substring(PREFIX.length(), namespace.length() - 1));
                if (ProcessHandle.of(pid).isEmpty()) {
                    removeNamespace(namespace);
                }
            }
        }
    }

    private static void removeNamespace(String namespace) {
        String pids = output("ip", "netns", "pids", namespace);
        for (String pid : pids.startsWith("exit ") ? new String[0] : pids.split("\\s+")) {
            if (!pid.isEmpty()) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(process -> {
                    process.destroyForcibly();
                    process.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(timeout -> process).join();
                });
            }
        }
        ipQuietly("netns", "del", namespace);
    }

    /** A 198.18.x.0/24 (the range set aside for benchmark networks) that no route of this namespace uses. */
    private static String freeSubnet() {
        String routes = output("ip", "-4", "route", "show");
        for (int i = 0; i < 250; i++) {
            int third = (int) ((ProcessHandle.current().pid() + i) % 250) + 1;
            String subnet = "198.18." + third + ".";
            if (!routes.contains(subnet)) {
                return subnet;
            }
        }
        throw new IllegalStateException("no free 198.18.x.0/24 subnet");
    }

    private static Path relayScript() {
        try {
            return Path.of(SiteNetwork.class.getClassLoader().getResource(RELAY).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void ip(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        String output = output(command.toArray(String[]::new));
        if (output.startsWith("exit ")) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static void ipQuietly(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        output(command.toArray(String[]::new));
    }

    /** What the command printed, or "exit N: ..." when it failed. */
    private static String output(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "exit timeout: " + output;
            }
            return process.exitValue() == 0 ? output : "exit " + process.exitValue() + ": " + output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.cticache.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/** A servlet container running as its own process, as an administrator starts it, with its console in a file. */
final class ContainerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path console;

    private ContainerProcess(Process process, Path console) {
        this.process = process;
        this.console = console;
    }

    static ContainerProcess start(List<String> command, Path directory, Map<String, String> environment,
                                  Path console) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().putAll(environment);
        try {
            ContainerProcess started = new ContainerProcess(builder.start(), console);
            // A test run that dies must not leave a container behind on the CI machine.
            Runtime.getRuntime().addShutdownHook(new Thread(started.process::destroyForcibly));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        }
    }

    /**
     * What a process listing shows of the container and the processes it started: each one's command line and
     * environment, as {@code ps e} reads them from /proc.
     */
    String listing() {
        StringBuilder listing = new StringBuilder();
        for (ProcessHandle handle : Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList()) {
            for (String part : List.of("cmdline", "environ")) {
                try {
                    listing.append(Files.readString(Path.of("/proc", Long.toString(handle.pid()), part))
                            .replace('\0', ' ')).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException("could not read /proc of the container's process " + handle.pid(),
                            e);
                }
            }
        }
        return listing.toString();
    }

    /** Waits until the URI answers 200, failing with the console's tail when the container dies or hangs. */
    void awaitHealthy(URI health, HttpClient http) {
        try {
            await("the container to answer " + health).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
                    .until(() -> answers(health, http));
        } catch (ConditionTimeoutException e) {
            close();
            throw new IllegalStateException("the container did not answer " + health + " within " + START_TIMEOUT
                    + ":\n" + tail(), e);
        }
    }

    /** Whether the URI answers 200 now; a container that has exited ends the wait at once. */
    private boolean answers(URI health, HttpClient http) throws InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException("the container exited with " + process.exitValue() + ":\n" + tail());
        }
        try {
            return http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    /** Everything the container wrote to its console so far. */
    String console() {
        try {
            return Files.readString(console);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail() {
        String text = console();
        return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    }

    /** Stops the way an init system does: SIGTERM, so the container shuts down its applications cleanly. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.cticache.testing;

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

    /** Waits until the URI answers 200, failing with the console's tail when the container dies or hangs. */
    void awaitHealthy(URI health, HttpClient http) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the container exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        close();
        throw new IllegalStateException("the container did not answer " + health + " within " + START_TIMEOUT
                + ":\n" + tail());
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

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

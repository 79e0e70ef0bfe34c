package org.cticache.it.monitoring;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cticache.testing.Api;
import org.cticache.testing.redis.LoopbackPorts;

/**
 * A real prometheus process on a free loopback port that scrapes one cticache every second, as the scrape
 * configuration of docs/monitoring.md does, and evaluates the shipped rules every second. Its configuration, data
 * and log are in target/, kept for a post-mortem until the next run.
 */
final class PrometheusServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final URI base;
    private final Path log;

    private PrometheusServer(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /**
     * Starts Prometheus scraping the cticache at {@code cticache} (its base URI, ending in /cticache/) as this user
     * (password = name), with these rules, and waits until it is ready.
     */
    static PrometheusServer start(URI cticache, String user, Path rules, Path directory) {
        Path program = PrometheusPackage.program("prometheus");
        try {
            deleteRecursively(directory);
            Files.createDirectories(directory);
            Path config = directory.resolve("prometheus.yml");
            // scrape_timeout may not exceed the interval; a scrape with Redis refusing connections answers at once.
            Files.writeString(config, """
                    global:
                      scrape_interval: 1s
                      scrape_timeout: 1s
                      evaluation_interval: 1s
                    rule_files:
                      - %s
                    scrape_configs:
                      - job_name: cticache
                        metrics_path: %smetrics
                        basic_auth:
                          username: %s
                          password: %s
                        static_configs:
                          - targets: ['%s']
                    """.formatted(rules, cticache.getPath(), user, user, cticache.getAuthority()));
            int port = LoopbackPorts.pickOne();
            Path log = directory.resolve("prometheus.log");
            Process process = new ProcessBuilder(program.toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port + "/"), log);
            try {
                await("Prometheus to be ready on port " + port).atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> !process.isAlive() || server.isReady());
                if (!process.isAlive()) {
                    throw new IllegalStateException("prometheus exited with " + process.exitValue() + ":\n"
                            + server.log());
                }
                return server;
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The active alerts: pending or firing, each with its labels, state and activeAt. */
    JsonNode alerts() {
        return get("api/v1/alerts").path("alerts");
    }

    /** The rule groups as loaded, each rule with its health and last error. */
    JsonNode ruleGroups() {
        return get("api/v1/rules").path("groups");
    }

    /** An instant query's result vector; fails on a query Prometheus rejects. */
    JsonNode query(String promql) {
        return get("api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("result");
    }

    /** Prometheus's own log so far, for a failure message. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private boolean isReady() {
        try {
            return HTTP.send(HttpRequest.newBuilder(base.resolve("-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = Api.JSON.readTree(response.body());
            if (response.statusCode() != 200 || !answer.path("status").asText().equals("success")) {
                throw new AssertionError("Prometheus answered " + response.statusCode() + " to " + path + ": "
                        + response.body());
            }
            return answer.path("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops Prometheus: TERM, and KILL if it has not stopped within 10 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}

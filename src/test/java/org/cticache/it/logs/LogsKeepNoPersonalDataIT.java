package org.cticache.it.logs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cticache.testing.Planted;
import org.cticache.testing.TestLogFile;
import org.junit.jupiter.api.Test;

/**
 * The last check of a test run (failsafe execution {@code logs}): every log of it, of the test JVMs and of each
 * stock container as the guides set it up, is searched for the call data AuditIT planted and the secrets the run's
 * deployments were given ({@link Planted}).
 */
// The audit lines with the masked number must be there, so that the search cannot pass by finding no logs.
class LogsKeepNoPersonalDataIT {

    private static final Path CONTAINERS = Path.of("target", "containers-run");
    private static final String AUDIT_LINE = "ani=" + Planted.MASKED_ANI + " ";
    private static final String OUTSIDE_CTICACHE = "GET /outside-cticache ";

    @Test
    void noLogOfTheRunHoldsThePlantedValueTheWholeAniOrASecret() {
        List<Path> logs = new ArrayList<>(logFiles(TestLogFile.DIRECTORY));
        logs.addAll(logFiles(CONTAINERS));
        assertFalse(logs.isEmpty(), "no logs found: run the integration tests first (mvn verify)");

        for (Path log : logs) {
            String text = read(log);
            assertFalse(text.contains(Planted.VALUE), () -> log + " holds the planted call data " + Planted.VALUE);
            assertFalse(text.contains(Planted.ANI), () -> log + " holds the whole planted ANI " + Planted.ANI);
            assertFalse(text.contains(Planted.REDIS_PASSWORD), () -> log + " holds the planted Redis password");
            assertFalse(text.contains(Planted.CRYPTO_KEY), () -> log + " holds the planted crypto key");
        }
    }

    @Test
    void theEmbeddedRunsLogAuditLinesWithTheMaskedAni() {
        assertAuditLineIn(logFiles(TestLogFile.DIRECTORY), TestLogFile.DIRECTORY);
    }

    @Test
    void eachStockContainerLogsAuditLinesAndItsAccessLogSkipsThem() {
        for (Path container : directories(CONTAINERS)) {
            List<Path> logs = logFiles(container);
            assertAuditLineIn(logs, container);
            // The container's own access or request log works (it has AuditIT's request outside cticache), so its
            // silence about the planted ANI means something: it skipped the audited calls, as the guides set it up.
            assertTrue(logs.stream().filter(LogsKeepNoPersonalDataIT::isRequestLog).map(LogsKeepNoPersonalDataIT::read)
                            .anyMatch(text -> text.contains(OUTSIDE_CTICACHE)),
                    () -> container + " has no access or request log with " + OUTSIDE_CTICACHE + ": " + logs);
        }
    }

    private static boolean isRequestLog(Path log) {
        String name = log.getFileName().toString();
        return name.startsWith("localhost_access_log") || name.endsWith(".request.log");
    }

    private static void assertAuditLineIn(List<Path> logs, Path where) {
        assertTrue(logs.stream().map(LogsKeepNoPersonalDataIT::read).anyMatch(text -> text.contains(AUDIT_LINE)),
                () -> "no audit line with '" + AUDIT_LINE + "' in " + where + ": " + logs);
    }

    /** The logs below a directory: *.log and *.txt files, leaving out the deployed applications. */
    private static List<Path> logFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.toString().contains("/webapps/") && !file.toString().contains("/work/"))
                    .filter(file -> file.toString().endsWith(".log") || file.toString().endsWith(".txt"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> directories(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            // Latin-1 reads any bytes; the planted strings are ASCII.
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.cticache.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.SimpleFormatter;

/**
 * The java.util.logging handler of the integration test JVMs (see src/test/resources/logging.properties): every
 * record, of the tests, the embedded Jetty and the cticache.war inside it, appended to one file that the last
 * check of a run searches for call data that must never be logged.
 */
public final class TestLogFile extends FileHandler {

    /** Where the integration test JVMs log, relative to the project directory they run in. */
    public static final Path DIRECTORY = Path.of("target", "test-logs");

    public static final Path FILE = DIRECTORY.resolve("integration-tests.log");

    public TestLogFile() throws IOException {
        super(Files.createDirectories(DIRECTORY).resolve(FILE.getFileName()).toString(), true);
        setEncoding(StandardCharsets.UTF_8.name());
        setFormatter(new SimpleFormatter());
        setLevel(Level.ALL);
    }
}

package org.cticache.it.monitoring;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.cticache.testing.Tools;

/**
 * The programs of the Debian package prometheus (promtool, prometheus), which check the monitoring files. Where it
 * is not installed, the tests that need it are skipped with a message that says how to install it; .ci/run
 * installs it.
 */
final class PrometheusPackage {

    private PrometheusPackage() {
    }

    /** The program on the PATH; skips the calling test when it is missing. */
    static Path program(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        Optional<Path> program = Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
        assumeTrue(program.isPresent(), () -> name + " is not on the PATH, so the monitoring files in "
                + MonitoringFiles.DIRECTORY + " go unchecked: apt-get install prometheus");
        return program.get();
    }

    /** Runs promtool with these arguments; fails the test with promtool's output unless it exits with 0. */
    static String promtool(String... arguments) {
        List<String> command = new ArrayList<>(List.of(program("promtool").toString()));
        command.addAll(List.of(arguments));
        return Tools.run(command, Map.of());
    }
}

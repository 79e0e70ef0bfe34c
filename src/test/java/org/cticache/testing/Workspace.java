package org.cticache.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where a standalone container's base directory lives: under target/, kept after the run for a post-mortem. */
final class Workspace {

    private Workspace() {
    }

    static Path fresh(String name) {
        Path directory = Targets.war().getParent().resolve("containers-run").resolve(name);
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> old = Files.walk(directory)) {
                    for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        return TestRedis.freePort();
    }
}

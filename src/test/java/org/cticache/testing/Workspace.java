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
        return emptied(Targets.war().getParent().resolve("containers-run").resolve(name));
    }

    /**
     * Puts the planted encryption key where a guide keeps its key file, before the guide runs: the guide makes a key
     * only where there is none, so the deployment encrypts with a key that the log test knows to look for.
     */
    static Path plantKey(Path keyFile) {
        try {
            Files.createDirectories(keyFile.getParent());
            return Files.writeString(keyFile, Planted.CRYPTO_KEY + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where a guide unpacks a container's distribution (its INSTALL_DIR) and keeps its script: beside the bases, so
     * that the search of the containers' logs does not read the distribution's files.
     */
    static Path install(String name) {
        return emptied(Targets.war().getParent().resolve("containers-install").resolve(name));
    }

    /** An emptied directory under target/ for a tool the tests run, such as a browser's profile. */
    static Path scratch(String name) {
        return emptied(Targets.war().getParent().resolve("scratch").resolve(name));
    }

    /** The distribution tarball that Maven took from Maven Central into the local repository. */
    static Path tarball(String groupPath, String artifact, String version) {
        String repository = System.getProperty("test.maven.repository");
        if (repository == null) {
            throw new IllegalStateException("system property test.maven.repository is not set; run through mvn verify");
        }
        Path tarball = Path.of(repository, groupPath, artifact, version, artifact + "-" + version + ".tar.gz");
        if (!Files.isRegularFile(tarball)) {
            throw new IllegalStateException("no " + tarball + " (mvn dependency:unpack@unpack-containers fetches it)");
        }
        return tarball;
    }

    private static Path emptied(Path directory) {
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

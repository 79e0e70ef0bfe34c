package org.cticache.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands of a deploy guide, run as an administrator would run them: the guide's {@code ```sh} blocks of the
 * chosen sections, in the guide's order, as one script in a fresh bash ({@code -euo pipefail}) whose environment
 * holds only a plain PATH, JAVA_HOME and the guide's own variables with this run's values. Blocks fenced otherwise
 * (sample output, file trees, alternatives) are not commands.
 */
final class GuideScript {

    /** A numbered heading, {@code ## 2. ...} or {@code ### 5a. ...}; an unnumbered one stays in its section. */
    private static final Pattern SECTION = Pattern.compile("^#{2,3} (\\d+[a-z]?)\\. ");
    private static final Pattern FENCE = Pattern.compile("^\\s*```(\\S*)\\s*$");
    private static final long TIMEOUT_SECONDS = 180;

    /** One runnable block and the section it stands in. */
    record Block(String section, String commands) {
    }

    private final Path guide;
    private final List<Block> blocks;

    private GuideScript(Path guide, List<Block> blocks) {
        this.guide = guide;
        this.blocks = List.copyOf(blocks);
    }

    /** The guide's runnable blocks; tests run in the project's directory. */
    static GuideScript of(String guide) {
        Path file = Path.of(guide);
        List<Block> blocks = new ArrayList<>();
        String section = "";
        StringBuilder block = null;
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher fence = FENCE.matcher(line);
                if (block == null && fence.matches()) {
                    block = fence.group(1).equals("sh") ? new StringBuilder() : new StringBuilder("#");
                } else if (block != null && fence.matches() && fence.group(1).isEmpty()) {
                    if (block.charAt(0) != '#') {
                        blocks.add(new Block(section, block.toString()));
                    }
                    block = null;
                } else if (block != null) {
                    block.append(line).append('\n');
                } else {
                    Matcher heading = SECTION.matcher(line);
                    if (heading.find()) {
                        section = heading.group(1);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (block != null) {
            throw new IllegalStateException(guide + " has a code block that is never closed");
        }
        return new GuideScript(file, blocks);
    }

    List<Block> blocks() {
        return blocks;
    }

    /** The runnable blocks of these sections, in the guide's order, as one script. */
    String script(Collection<String> sections) {
        StringBuilder script = new StringBuilder("# The ```sh blocks of " + guide + ", sections " + sections + "\n");
        for (Block block : blocks) {
            if (sections.contains(block.section())) {
                script.append("\n# --- section ").append(block.section()).append('\n').append(block.commands());
            }
        }
        if (script.indexOf("# --- section") < 0) {
            throw new IllegalArgumentException(guide + " has no runnable block in sections " + sections);
        }
        return script.toString();
    }

    /**
     * Runs the sections' blocks in {@code directory} with these variables, keeping the script and what it printed
     * in {@code transcript}.sh and .out; fails with that output when a command fails.
     */
    void run(Collection<String> sections, Map<String, String> variables, Path directory, Path transcript) {
        Path script = transcript.resolveSibling(transcript.getFileName() + ".sh");
        Path output = transcript.resolveSibling(transcript.getFileName() + ".out");
        try {
            Files.createDirectories(directory);
            Files.createDirectories(script.getParent());
            Files.writeString(script, script(sections));
            ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", script.toString())
                    .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
            Map<String, String> environment = builder.environment();
            environment.clear();
            environment.putAll(baseEnvironment());
            environment.putAll(variables);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(guide + " sections " + sections + " did not finish within "
                        + TIMEOUT_SECONDS + " s:\n" + Files.readString(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(guide + " sections " + sections + " failed with exit code "
                        + process.exitValue() + " (script " + script + "):\n" + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A login shell's basics: the JDK that runs the tests first on the PATH, as JAVA_HOME. */
    private static Map<String, String> baseEnvironment() {
        String javaHome = System.getProperty("java.home");
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", Path.of(javaHome, "bin") + ":/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
        environment.put("JAVA_HOME", javaHome);
        environment.put("HOME", System.getProperty("user.home"));
        environment.put("LANG", "C.UTF-8");
        return environment;
    }
}

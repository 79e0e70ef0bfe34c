package org.cticache.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deploy guides show the files that mvn verify and bench/run.sh deploy: every heredoc with which a guide writes
 * a file into {@code $CATALINA_BASE} or {@code $JETTY_BASE} holds exactly the file of src/deploy at that place, and
 * every file there is written by a guide, so neither side can drift; and the harness runs every command block.
 */
class DeployGuidesTest {

    private static final Map<String, String> GUIDES = Map.of("CATALINA_BASE", "docs/deploy-tomcat.md",
            "JETTY_BASE", "docs/deploy-jetty.md");
    /** {@code cat > "$BASE/file" <<EOF} (or {@code >>}, or {@code <<'EOF'}), the body, and {@code EOF}. */
    private static final Pattern HEREDOC = Pattern.compile(
            "^cat >>? \"\\$(CATALINA_BASE|JETTY_BASE)/([^\"]+)\" <<('?)EOF\\3\\n(.*?)^EOF$",
            Pattern.MULTILINE | Pattern.DOTALL);

    /** One file a guide writes. */
    private record Shown(String guide, Path file, boolean expands, String body) {
    }

    @Test
    void everyFileAGuideWritesIsTheDeployedFile() throws IOException {
        for (Shown shown : shown()) {
            assertEquals(Files.readString(shown.file()), shown.body(),
                    shown.guide() + " shows " + shown.file() + " otherwise than it is");
        }
    }

    @Test
    void everyDeployedFileIsWrittenByAGuide() throws IOException {
        try (Stream<Path> files = Files.walk(DeployFiles.ROOT)) {
            assertEquals(new TreeSet<>(files.filter(Files::isRegularFile).toList()),
                    new TreeSet<>(shown().stream().map(Shown::file).toList()));
        }
    }

    /**
     * The shell expands only the guide's variables in a heredoc, as the harness and the benchmark do: no other
     * {@code $}, backslash or backquote in an unquoted one, and no variable in a quoted one, which would stay
     * unexpanded. And the guide gives every variable its files use a value.
     */
    @Test
    void theShellWritesTheFilesAsTheTestsDo() throws IOException {
        for (Shown shown : shown()) {
            String guide = Files.readString(Path.of(shown.guide()));
            Matcher variable = DeployFiles.VARIABLE.matcher(shown.body());
            while (variable.find()) {
                assertTrue(shown.expands(), shown.file() + " is written unexpanded but has " + variable.group());
                assertTrue(Pattern.compile("(?m)^\\s*((export )?" + variable.group(1) + "=|: \"\\$\\{"
                                + variable.group(1) + ":=)").matcher(guide).find(),
                        shown.guide() + " gives " + variable.group() + " of " + shown.file() + " no value");
            }
            if (shown.expands()) {
                assertFalse(variable.replaceAll("").matches("(?s).*[$\\\\`].*"),
                        shown.file() + " has a $, \\ or ` that the shell would expand");
            }
        }
    }

    /** No command block of a guide escapes the tests: each stands in a section that the harness runs. */
    @Test
    void theTestsRunEveryCommandBlockOfTheGuides() {
        assertSectionsRun(StandaloneTomcat.GUIDE, StandaloneTomcat.SECTIONS_WITH_TLS);
        assertSectionsRun(StandaloneJetty.GUIDE, StandaloneJetty.SECTIONS);
    }

    private static void assertSectionsRun(String guide, List<String> sections) {
        List<GuideScript.Block> blocks = GuideScript.of(guide).blocks();
        assertFalse(blocks.isEmpty(), guide + " has no ```sh block");
        for (GuideScript.Block block : blocks) {
            assertTrue(sections.contains(block.section()), guide + " section " + block.section()
                    + " has a ```sh block that the tests do not run:\n" + block.commands());
        }
    }

    private static List<Shown> shown() throws IOException {
        List<Shown> shown = new ArrayList<>();
        for (Map.Entry<String, String> guide : GUIDES.entrySet()) {
            Matcher heredoc = HEREDOC.matcher(Files.readString(Path.of(guide.getValue())));
            while (heredoc.find()) {
                assertEquals(guide.getKey(), heredoc.group(1), guide.getValue() + " writes into the other base");
                Path file = DeployFiles.ROOT.resolve(guide.getKey().equals("CATALINA_BASE") ? "tomcat" : "jetty")
                        .resolve(heredoc.group(2));
                shown.add(new Shown(guide.getValue(), file, heredoc.group(3).isEmpty(), heredoc.group(4)));
            }
        }
        assertFalse(shown.isEmpty(), "no heredoc found in the guides");
        return shown;
    }
}

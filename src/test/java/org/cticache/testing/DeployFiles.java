package org.cticache.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One container's configuration files from src/deploy, the very files docs/deploy-tomcat.md and
 * docs/deploy-jetty.md write, with the guide's shell variables ({@code ${NAME}}) given this deployment's values,
 * as the guide's heredocs expand them.
 */
final class DeployFiles {

    /** Where the files live, mirroring CATALINA_BASE and JETTY_BASE; tests run in the project's directory. */
    static final Path ROOT = Path.of("src", "deploy");
    /** A shell variable as the files write it; {@code ${catalina.base}} and the like are the containers' own. */
    static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    private final Path directory;
    private final Map<String, String> variables;

    /** @param container the directory under src/deploy: tomcat or jetty */
    DeployFiles(String container, Map<String, String> variables) {
        this.directory = ROOT.resolve(container);
        this.variables = Map.copyOf(variables);
    }

    /** The file at {@code file} (relative to the base, e.g. conf/server.xml), its variables replaced. */
    String read(String file) {
        String text;
        try {
            text = Files.readString(directory.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (variable.find()) {
            String value = variables.get(variable.group(1));
            if (value == null) {
                throw new IllegalArgumentException(directory.resolve(file) + " needs a value for " + variable.group());
            }
            variable.appendReplacement(expanded, Matcher.quoteReplacement(value));
        }
        return variable.appendTail(expanded).toString();
    }

    /** Writes the file to the same place under {@code base}. */
    void install(String file, Path base) {
        write(base.resolve(file), read(file));
    }

    static void write(Path target, String text) {
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

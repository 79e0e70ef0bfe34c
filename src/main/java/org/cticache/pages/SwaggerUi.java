package org.cticache.pages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Where the swagger-ui webjar in the WAR keeps its files: a folder named by its version, as the webjar says. */
final class SwaggerUi {

    private static final String MAVEN_METADATA = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private SwaggerUi() {
    }

    /** The class path location of one of the webjar's files, such as {@code swagger-ui-bundle.js}. */
    static String file(String name) {
        return "META-INF/resources/webjars/swagger-ui/" + version() + "/" + name;
    }

    // Read from the webjar rather than written here, so that pom.xml alone says which Swagger UI the WAR carries.
    private static String version() {
        Properties metadata = new Properties();
        try {
            metadata.load(new ByteArrayInputStream(StaticFile.read(MAVEN_METADATA)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = metadata.getProperty("version");
        if (version == null) {
            throw new IllegalStateException(MAVEN_METADATA + " names no version");
        }
        return version;
    }
}

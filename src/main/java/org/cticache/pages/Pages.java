package org.cticache.pages;

import jakarta.ws.rs.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The pages the WAR serves to browsers, beside the API: their files are not API calls. */
public final class Pages {

    private Pages() {
    }

    /** The top-level paths of the pages, as their resources' {@code @Path} names them. */
    public static Set<String> resources() {
        return Stream.of(ApiDocsResource.class, StatusPageResource.class)
                .map(type -> type.getAnnotation(Path.class).value()).collect(Collectors.toUnmodifiableSet());
    }
}

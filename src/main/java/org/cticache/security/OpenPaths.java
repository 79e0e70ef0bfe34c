package org.cticache.security;

import jakarta.servlet.FilterConfig;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The paths, below the context path, that a security filter lets through: its {@code open-path} init parameter. */
final class OpenPaths {

    static final String PARAMETER = "open-path";

    private OpenPaths() {
    }

    /** The comma-separated paths of the filter's {@code open-path} parameter; none when it is absent. */
    static Set<String> of(FilterConfig config) {
        String paths = config.getInitParameter(PARAMETER);
        if (paths == null) {
            return Set.of();
        }
        return Arrays.stream(paths.split(",")).map(String::strip).filter(path -> !path.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}

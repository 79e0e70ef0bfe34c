package org.cticache.app;

import jakarta.servlet.ServletContext;
import java.util.HashMap;
import java.util.Map;

/** The web application's context parameters as the container gives them: Tomcat's {@code <Parameter>}s and the like. */
public final class ContextParameters {

    private ContextParameters() {
    }

    public static Map<String, String> of(ServletContext context) {
        Map<String, String> parameters = new HashMap<>();
        context.getInitParameterNames().asIterator()
                .forEachRemaining(name -> parameters.put(name, context.getInitParameter(name)));
        return parameters;
    }
}

package org.cticache.errors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Collections;
import org.cticache.core.Abbreviation;

/**
 * Answers a malformed Content-Type (415) or Accept (400) header with problem details. Jersey parses both
 * before any of its filters or mappers run and would answer a bare 400.
 */
public final class MalformedHeaderFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.isBlank() && !parses(contentType)) {
            Problem.of(415, "Content-Type '" + Abbreviation.of(contentType) + "' is malformed; use application/json")
                    .writeTo(request, response);
            return;
        }
        for (String accept : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
            for (String range : accept.split(",")) {
                if (!range.isBlank() && !parses(range)) {
                    Problem.of(400, "Accept header '" + Abbreviation.of(accept) + "' is malformed")
                            .writeTo(request, response);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean parses(String mediaType) {
        try {
            MediaType.valueOf(mediaType.strip());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

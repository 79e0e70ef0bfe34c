package org.cticache.api;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Finishes a success answer that carries call data (an allocation or a value): never stored by a cache on the way,
 * whatever the container adds for a protected resource (Tomcat says {@code private}), and typed as JSON when the
 * client leaves the choice to us (no Accept, {@code *}{@code /*} or {@code application/json}), so Jersey skips its
 * content negotiation: with three produced types it looks up the writers of each on every call, a measurable share
 * of a call's time. Any other Accept is negotiated by Jersey (XML for VoiceXML browsers, 406 for what we cannot
 * write).
 */
final class CallDataAnswer {

    static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private CallDataAnswer() {
    }

    static Response answer(Response.ResponseBuilder answer, List<String> accept) {
        answer.cacheControl(NO_STORE);
        if (accept.isEmpty() || accept.size() == 1 && leavesItToUs(accept.get(0).strip())) {
            answer.type(MediaType.APPLICATION_JSON_TYPE);
        }
        return answer.build();
    }

    private static boolean leavesItToUs(String accept) {
        return accept.isEmpty() || accept.equals(MediaType.WILDCARD) || accept.equals(MediaType.APPLICATION_JSON);
    }
}

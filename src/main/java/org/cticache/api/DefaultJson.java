package org.cticache.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Types a success answer as JSON when the client leaves the choice to us (no Accept, {@code *}{@code /*} or
 * {@code application/json}), so Jersey skips its content negotiation: with three produced types it looks up the
 * writers of each on every call, a measurable share of a call's time. Any other Accept is
 * negotiated by Jersey exactly as before (XML for VoiceXML browsers, 406 for what we cannot write).
 */
final class DefaultJson {

    private DefaultJson() {
    }

    static Response answer(Response.ResponseBuilder answer, List<String> accept) {
        if (accept.isEmpty() || accept.size() == 1 && leavesItToUs(accept.get(0).strip())) {
            answer.type(MediaType.APPLICATION_JSON_TYPE);
        }
        return answer.build();
    }

    private static boolean leavesItToUs(String accept) {
        return accept.isEmpty() || accept.equals(MediaType.WILDCARD) || accept.equals(MediaType.APPLICATION_JSON);
    }
}

package org.cticache.errors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Gives every problem answer of the JAX-RS layer the format the client's Accept prefers, in one place, so each
 * exception mapper builds its problem once and needs no Accept of its own (Jersey's content negotiation does not
 * apply to errors that happen before or outside a resource method); and closes the connection after an error to a
 * request with a body, as {@link Problem#hasBody} explains.
 */
public final class ProblemFormatFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem) {
            ProblemFormat format = ProblemFormat.preferredBy(request.getHeaders().get(HttpHeaders.ACCEPT));
            response.setEntity(response.getEntity(), response.getEntityAnnotations(),
                    MediaType.valueOf(format.contentType()));
            if (Problem.hasBody(request.getLength(), request.getHeaderString(Problem.TRANSFER_ENCODING))) {
                response.getHeaders().putSingle(Problem.CONNECTION, Problem.CLOSE);
            }
        }
    }
}

package org.cticache.errors;

import jakarta.inject.Provider;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.cticache.audit.AuditedCall;
import org.glassfish.jersey.server.ContainerRequest;

/** Answers a bug with 500 and a reference to the logged stack trace, never with the exception's text. */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    // Not a proxy of the servlet request, which hk2 cannot build across the container's and the WAR's class
    // loaders; the request's properties are its servlet attributes.
    @Context
    private Provider<ContainerRequest> request;

    @Override
    public Response toResponse(Throwable e) {
        return Problem.response(500, InternalErrors.logged(e,
                AuditedCall.requestIdOf(request.get().getProperty(AuditedCall.ATTRIBUTE)))).build();
    }
}

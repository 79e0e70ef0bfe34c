package org.cticache.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.cticache.audit.AuditedCall;

/** Answers a bug with 500 and a reference to the logged stack trace, never with the exception's text. */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable e) {
        // Mappers run on the thread of the call, which the audit filter has bound (a fresh id outside a call).
        return Problem.response(500, InternalErrors.logged(e, AuditedCall.current().requestId())).build();
    }
}

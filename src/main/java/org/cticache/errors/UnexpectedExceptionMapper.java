package org.cticache.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Answers a bug with 500 and a reference to the logged stack trace, never with the exception's text. */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable e) {
        return Problem.response(500, InternalErrors.logged(e)).build();
    }
}

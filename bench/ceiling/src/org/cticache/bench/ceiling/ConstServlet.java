package org.cticache.bench.ceiling;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The container's ceiling: a constant JSON body as large as cticache's GET answer, behind the same Basic auth. */
public final class ConstServlet extends HttpServlet {

    private static final byte[] BODY = ("{\"value\":\"" + "c".repeat(100) + "\"}").getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}

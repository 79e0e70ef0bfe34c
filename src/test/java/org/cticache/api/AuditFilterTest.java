package org.cticache.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cticache.audit.ApiCall;
import org.cticache.audit.AuditedCall;
import org.cticache.core.DnisPool;
import org.cticache.core.DnisPools;
import org.cticache.pages.Pages;
import org.cticache.testing.ContractSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The audit filter tells its listeners (the audit log, the request metrics) of API calls only: a page's files are
 * no API calls, but a refused page load is, so that guessed passwords show. The servlet request and response are
 * the few methods the filter uses, answered from maps; the containers run it for real in the integration tests.
 */
class AuditFilterTest {

    private final List<ApiCall> told = new CopyOnWriteArrayList<>();
    private final AuditFilter filter = new AuditFilter(
            new DnisPools(DnisPool.parse(DnisPools.DEFAULT, ContractSettings.DEFAULT_POOL), Map.of()),
            List.of(told::add), Pages.resources());

    @ParameterizedTest
    @CsvSource({"/cticache/docs/, 200", "/cticache/docs/swagger-ui-bundle.js, 200", "/cticache/docs, 302",
            "/cticache/docs/nosuch, 404", "/cticache/status, 200", "/cticache/status/status.js, 304",
            "/cticache/status/status.css, 200"})
    void aPageLoadIsNoApiCallAndIsLeftToTheAccessLog(String uri, int status) throws Exception {
        Exchange exchange = new Exchange(uri, status);
        filter.doFilter(exchange.request(), exchange.response(), (request, response) -> { });

        assertEquals(List.of(), told);
        assertNull(exchange.attributes.get(AuditedCall.ATTRIBUTE), "no audit line, so the access log keeps it");
        assertNotNull(exchange.headers.get(AuditedCall.REQUEST_ID_HEADER), "a request id on every answer");
    }

    @ParameterizedTest
    @CsvSource({"/cticache/status, 401", "/cticache/status/status.js, 403", "/cticache/pools, 200",
            "/cticache/docs/../pools, 200", "/cticache/docs/..;/metrics, 401", "/cticache/nosuch, 404"})
    void aRefusedPageLoadAndEveryOtherCallAreTold(String uri, int status) throws Exception {
        Exchange exchange = new Exchange(uri, status);
        filter.doFilter(exchange.request(), exchange.response(), (request, response) -> { });

        assertEquals(1, told.size());
        assertEquals(status, told.get(0).status());
        assertTrue(exchange.attributes.get(AuditedCall.ATTRIBUTE) instanceof AuditedCall);
    }

    @Test
    void thePagesAreTheDocsAndTheStatusPage() {
        assertEquals(Set.of("docs", "status"), Pages.resources());
    }

    /** One GET of a URI below /cticache, answered with a status by the rest of the chain. */
    private static final class Exchange {

        private final String uri;
        private final int status;
        private final Map<String, Object> attributes = new HashMap<>();
        private final Map<String, String> headers = new HashMap<>();

        Exchange(String uri, int status) {
            this.uri = uri;
            this.status = status;
        }

        HttpServletRequest request() {
            return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getRequestURI" -> uri;
                        case "getContextPath" -> "/cticache";
                        case "getMethod" -> "GET";
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "removeAttribute" -> attributes.remove((String) args[0]);
                        case "getHeader", "getRemoteUser" -> null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        HttpServletResponse response() {
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "getStatus" -> status;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}

package org.cticache.testing;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cticache.api.CtiCacheApplication;
import org.cticache.audit.ApiCall;
import org.cticache.audit.AuditedCall;
import org.cticache.core.CallTransfers;
import org.cticache.core.DnisPool;
import org.cticache.core.DnisPools;
import org.cticache.core.NumberPlan;
import org.cticache.core.PoolStatus;
import org.cticache.core.PoolWatch;
import org.cticache.core.TtlPolicy;
import org.cticache.crypto.EncryptedCallDataStore;
import org.cticache.crypto.ValueCipher;
import org.cticache.metrics.Metrics;
import org.cticache.security.BasicCredentials;
import org.cticache.security.Roles;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.inmemory.InMemoryTestContainerFactory;
import org.glassfish.jersey.test.spi.TestContainerFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The production Jersey application ({@link CtiCacheApplication}: resources, exception mappers, writers, role
 * check) in Jersey's in-memory test container over a {@link MemoryCallDataStore}: the HTTP edge in milliseconds, with
 * no port, servlet container or Redis. Tests speak to it through {@link Api}, as the integration tests speak to a
 * deployment, so every answer is held to the OpenAPI document here too. Two test filters stand in for what the
 * servlet container does in front of Jersey: the BASIC login of the test realm ({@link Deployment}'s users) and
 * the audit filter's binding of each call. The rest of the servlet layer (web.xml's constraints, the servlet
 * filters, the error page) is proven by the integration tests. Register it as an instance
 * {@code @RegisterExtension} field: each test gets a fresh application and store, and an {@link Api} parameter
 * speaks to them, as the integration tests' parameter speaks to a deployment.
 */
public final class InMemoryEdge implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    /** Where the application is served, as the WAR is deployed: the Location of an entry starts with it. */
    public static final String CONTEXT_PATH = "/cticache";
    /** Pool {@code rewriting}: 3 numbers, matched by DNIS alone. */
    public static final String REWRITING_POOL = "5550000011-5550000013";
    private static final int TTL_MAX = 3600;
    public static final int BODY_MAX = 16_384;
    /** cticache.pool.warn: its default. */
    public static final int POOL_WARN_PERCENT = 80;

    private static final URI BASE = URI.create("http://localhost" + CONTEXT_PATH + "/");
    // Every start of the application would log a line of JerseyTest's and a warning for each resource instance
    // (eclipse-ee4j/jersey#3700, cosmetic; deployments log it too): once per test, they would bury the build's
    // output. Held here, since java.util.logging keeps loggers only weakly.
    private static final List<Logger> QUIETED = List.of(quiet("org.glassfish.jersey.test", Level.WARNING),
            quiet("org.glassfish.jersey.internal.inject.Providers", Level.SEVERE));
    // The test realm: user -> password and roles, as Deployment's HashLoginService has them.
    private static final Map<String, Login> REALM = Map.of(
            Deployment.ADMIN, new Login("password", Set.of(Roles.ALL)),
            Deployment.WRITER, new Login(Deployment.WRITER, Set.of(Roles.WRITER)),
            Deployment.READER, new Login(Deployment.READER, Set.of(Roles.READER)),
            Deployment.MONITOR, new Login(Deployment.MONITOR, Set.of(Roles.MONITOR)),
            Deployment.NO_ROLE, new Login(Deployment.NO_ROLE, Set.of()));

    private final DnisPools pools = new DnisPools(DnisPool.parse(DnisPools.DEFAULT, ContractSettings.DEFAULT_POOL),
            Map.of("small", DnisPool.parse("small", ContractSettings.SMALL_POOL),
                    "intl", DnisPool.parse("intl", ContractSettings.INTL_POOL),
                    "rewriting", DnisPool.parse("rewriting", REWRITING_POOL).matchedByDnis()));
    private final List<ApiCall> calls = new CopyOnWriteArrayList<>();
    private MemoryCallDataStore store;
    private Metrics metrics;
    private JerseyTest container;
    private Api api;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        store = new MemoryCallDataStore();
        metrics = new Metrics();
        calls.clear();
        // Wrapped as a deployment wraps its store; switched off, it stores values as sent.
        CallTransfers transfers = new CallTransfers(new EncryptedCallDataStore(store, ValueCipher.off()), pools,
                new TtlPolicy(ContractSettings.TTL_DEFAULT, TTL_MAX));
        CtiCacheApplication application = new CtiCacheApplication(transfers, NumberPlan.separatorsOnly(),
                new PoolStatus(store, pools, new PoolWatch(pools, POOL_WARN_PERCENT / 100.0)), metrics, BODY_MAX,
                POOL_WARN_PERCENT, CONTEXT_PATH);
        application.register(new BasicLogin());
        application.register(new Audit(pools, calls));
        container = new InMemoryContainer(application);
        container.setUp();
        api = new Api(BASE, new InMemoryHttpClient(container.client()), Map.of());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            container.tearDown();
        } finally {
            metrics.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Api.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return api;
    }

    /** The store behind the application, to look into, to move its clock or to take it down. */
    public MemoryCallDataStore store() {
        return store;
    }

    /** The calls answered so far, in order, as the audit log's listeners are told of them. */
    public List<ApiCall> calls() {
        return List.copyOf(calls);
    }

    /** The last call answered; fails the test if there was none. */
    public ApiCall lastCall() {
        if (calls.isEmpty()) {
            throw new AssertionError("no call was answered");
        }
        return calls.get(calls.size() - 1);
    }

    private static Logger quiet(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }

    /** JerseyTest with the in-memory container, under the context path a deployment has. */
    private static final class InMemoryContainer extends JerseyTest {

        InMemoryContainer(Application application) {
            super(application);
        }

        @Override
        protected TestContainerFactory getTestContainerFactory() {
            return new InMemoryTestContainerFactory();
        }

        @Override
        protected URI getBaseUri() {
            return BASE;
        }

        @Override
        protected void configureClient(ClientConfig config) {
            // Send what a test asks for, also what a careful client would not (a PUT without a body).
            config.property(ClientProperties.SUPPRESS_HTTP_COMPLIANCE_VALIDATION, true);
            // Show a redirect as java.net.http.HttpClient does by default, rather than follow it.
            config.property(ClientProperties.FOLLOW_REDIRECTS, false);
        }
    }

    private record Login(String password, Set<String> roles) {
    }

    /**
     * What the container's BASIC login does before a call reaches Jersey: a user of the test realm with the right
     * password is the call's user, with that user's roles; anyone else stays anonymous, for the role check to refuse.
     */
    @PreMatching
    @Priority(Priorities.AUTHENTICATION)
    private static final class BasicLogin implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            BasicCredentials.of(request.getHeaderString(HttpHeaders.AUTHORIZATION)).ifPresent(credentials -> {
                Login login = REALM.get(credentials.user());
                if (login != null && login.password().equals(credentials.password())) {
                    request.setSecurityContext(new User(credentials.user(), login.roles()));
                }
            });
        }
    }

    private record User(String name, Set<String> roles) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return () -> name;
        }

        @Override
        public boolean isUserInRole(String role) {
            return roles.contains(role);
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public String getAuthenticationScheme() {
            return SecurityContext.BASIC_AUTH;
        }
    }

    /**
     * What the audit filter does around a call: binds an {@link AuditedCall} to the thread for the resources to
     * fill in, and once the call is answered puts its request id on the answer and records what the audit filter's
     * listeners would be told.
     */
    @PreMatching
    @Priority(Priorities.AUTHENTICATION - 100)
    private static final class Audit implements ContainerRequestFilter, ContainerResponseFilter {

        private static final String PROPERTY = AuditedCall.ATTRIBUTE;

        private final DnisPools pools;
        private final List<ApiCall> calls;

        Audit(DnisPools pools, List<ApiCall> calls) {
            this.pools = pools;
            this.calls = calls;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            String path = request.getUriInfo().getRequestUri().getRawPath();
            AuditedCall call = AuditedCall.begin(pools, request.getHeaderString(AuditedCall.REQUEST_ID_HEADER),
                    request.getMethod(), path.startsWith(CONTEXT_PATH) ? path.substring(CONTEXT_PATH.length()) : path);
            request.setProperty(PROPERTY, call);
            call.bind();
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            AuditedCall.release();
            if (request.getProperty(PROPERTY) instanceof AuditedCall call) {
                response.getHeaders().putSingle(AuditedCall.REQUEST_ID_HEADER, call.requestId());
                Principal user = request.getSecurityContext().getUserPrincipal();
                calls.add(call.completed(user == null ? null : user.getName(), response.getStatus(),
                        System.nanoTime()));
            }
        }
    }
}

package org.cticache.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A stock Apache Tomcat from its distribution, set up by running the commands of docs/deploy-tomcat.md
 * ({@link GuideScript}): the guide unpacks the tarball from Maven Central, builds its own CATALINA_BASE with its
 * server.xml (one pool of 8 request threads for every connector, a realm that keeps one salted SHA-256 hash per user
 * in tomcat-users.xml, an access log that leaves cticache's audited calls to the audit log, no JVM arguments in the
 * log), JVM options in setenv.sh, the settings and the Redis URI as {@code <Parameter>}s in the context file (mode
 * 600), the audit log in a file of its own and the WAR in webapps/. With {@code tls}, the guide also makes a keystore
 * and its password file and adds the HTTPS connector, and cticache.tls.required is on. Beyond the guide the tests
 * add only their own users and an environment variable with a test pool; Tomcat starts with {@code catalina.sh run}.
 */
public final class StandaloneTomcat extends StandaloneContainer {

    static final String GUIDE = "docs/deploy-tomcat.md";
    /** The sections of the guide that build the base; 5a adds HTTPS. */
    private static final List<String> SECTIONS = List.of("2", "3a", "4", "7");
    static final List<String> SECTIONS_WITH_TLS = List.of("2", "3a", "4", "5a", "7");
    /** The user of the manager application's text interface, for redeploys. */
    private static final String DEPLOYER = "deployer";
    /** The guide's users, by the variable that holds each one's password: in the tests, each one's name. */
    private static final Map<String, String> GUIDE_USERS = Map.of("IVR_PASSWORD", "ivr", "ROUTER_PASSWORD", "router",
            "OPS_PASSWORD", "ops", "PROMETHEUS_PASSWORD", guideMonitor(), "DEPLOYER_PASSWORD", DEPLOYER);
    /** The test realm's users beside the guide's, each with its role: every role web.xml declares, and one more. */
    private static final Map<String, String> TEST_USERS = Map.of(Deployment.ADMIN, "cticache",
            Deployment.WRITER, "cticache-writer", Deployment.READER, "cticache-reader",
            Deployment.MONITOR, "cticache-monitor", Deployment.NO_ROLE, "other");
    private static final String CONTEXT = "conf/Catalina/localhost/cticache.xml";
    /** The guide's default CRYPTO_KEY_FILE. */
    private static final String KEY_FILE = "conf/cticache.key";
    private static final String KEYSTORE = "conf/cticache.p12";

    private final int httpPort;
    private final boolean tls;

    private StandaloneTomcat(String name, Path base, ContainerProcess process, int httpPort, Api api, Api plainApi,
                             boolean tls) {
        super(name, base, process, api, plainApi, tls);
        this.httpPort = httpPort;
        this.tls = tls;
    }

    static StandaloneTomcat start(String name, Path home, TestRedis redis, boolean tls) {
        Path base = Workspace.fresh(name);
        Path install = Workspace.install(name);
        String version = home.getFileName().toString().replaceFirst("^apache-tomcat-", "");
        try {
            int httpPort = Workspace.freePort();
            int httpsPort = Workspace.freePort();
            Workspace.plantKey(base.resolve(KEY_FILE));
            GuideScript.of(GUIDE).run(tls ? SECTIONS_WITH_TLS : SECTIONS,
                    variables(version, install, base, redis, httpPort, httpsPort, tls), install,
                    install.resolve("guide"));
            Path catalinaHome = install.resolve("apache-tomcat-" + version);

            // Beyond the guide: the test users, after the guide's.
            Map<String, String> hashes = PasswordHashes.tomcat(catalinaHome,
                    TEST_USERS.keySet().stream().map(StandaloneTomcat::password).toList());
            Path users = base.resolve("conf/tomcat-users.xml");
            Files.writeString(users, Files.readString(users).replace("</tomcat-users>",
                    testUsers(hashes) + "</tomcat-users>"));

            Map<String, String> environment = new HashMap<>();
            environment.put("CATALINA_HOME", catalinaHome.toString());
            environment.put("CATALINA_BASE", base.toString());
            environment.put("JAVA_HOME", System.getProperty("java.home"));
            environment.put("CTICACHE_DNIS_POOL_SMALL", ContractSettings.SMALL_POOL);
            ContainerProcess process = ContainerProcess.start(
                    List.of("bash", catalinaHome.resolve("bin/catalina.sh").toString(), "run"), base, environment,
                    base.resolve("logs/console.log"));

            Api plain = new Api(URI.create("http://127.0.0.1:" + httpPort + "/cticache/"));
            HttpClient client = tls ? Api.client(Keystores.trusting(base.resolve(KEYSTORE),
                    Files.readString(base.resolve(KEYSTORE + ".password")).strip())) : Api.client(null);
            Api api = tls ? new Api(URI.create("https://127.0.0.1:" + httpsPort + "/cticache/"), client, Map.of())
                    : plain;
            process.awaitHealthy(api.base().resolve("health"), client);
            return new StandaloneTomcat(name, base, process, httpPort, api, plain, tls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The values of docs/deploy-tomcat.md's variables in this test: the tarball from the local Maven repository,
     * the install and base under target/, the current user as Tomcat's, connectors on 127.0.0.1 and free ports, the
     * guide's 8 request threads, the test Redis, its users' passwords their names, a certificate for 127.0.0.1.
     */
    private static Map<String, String> variables(String version, Path install, Path base, TestRedis redis,
                                                 int httpPort, int httpsPort, boolean tls) {
        Map<String, String> variables = new HashMap<>(Map.of("TOMCAT_VERSION", version,
                "TOMCAT_TARBALL", Workspace.tarball("org/apache/tomcat", "tomcat", version).toString(),
                "INSTALL_DIR", install.toString(), "CATALINA_BASE", base.toString(),
                "TOMCAT_USER", System.getProperty("user.name"), "WAR", Targets.war().toAbsolutePath().toString(),
                "LISTEN_ADDRESS", "127.0.0.1", "HTTP_PORT", String.valueOf(httpPort), "THREADS", "8",
                "REDIS_URI", redis.uri()));
        variables.put("TLS_REQUIRED", String.valueOf(tls));
        GUIDE_USERS.forEach(variables::put);
        if (tls) {
            variables.put("HTTPS_PORT", String.valueOf(httpsPort));
            variables.put("CERT_SAN", "ip:127.0.0.1");
        }
        return variables;
    }

    /** The test users' lines for tomcat-users.xml, after the guide's; Tomcat creates a role that a user names. */
    private static String testUsers(Map<String, String> hashes) {
        StringBuilder xml = new StringBuilder();
        TEST_USERS.forEach((user, role) -> xml.append("  <user username=\"").append(user).append("\" password=\"")
                .append(hashes.get(password(user))).append("\" roles=\"").append(role).append("\"/>\n"));
        return xml.toString();
    }

    private static String password(String user) {
        return user.equals(Deployment.ADMIN) ? "password" : user;
    }

    @Override
    public List<Path> secretFiles() {
        List<Path> files = new ArrayList<>(List.of(base().resolve("conf/tomcat-users.xml"), base().resolve(CONTEXT),
                base().resolve("staging/cticache.xml"), base().resolve(KEY_FILE)));
        if (tls) {
            files.add(base().resolve(KEYSTORE));
            files.add(base().resolve(KEYSTORE + ".password"));
        }
        return files;
    }

    /** Calls the manager application's text interface, e.g. {@code reload?path=/cticache}; returns its answer. */
    public String manager(String command) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/manager/text/" + command))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((DEPLOYER + ":" + DEPLOYER).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60)).build();
        try {
            return Api.client(null).send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The URL-encoded file: URLs of the staged WAR and context file, for a manager deploy. */
    public String stagedDeployParameters() {
        return "config=" + base().resolve("staging/cticache.xml").toUri() + "&war="
                + base().resolve("staging/cticache.war").toUri();
    }

    /** All that Tomcat logged so far: console and the per-host log, where leak warnings go. */
    @Override
    public String log() {
        StringBuilder log = new StringBuilder(process().console());
        try (Stream<Path> logs = Files.list(base().resolve("logs"))) {
            for (Path file : logs.filter(path -> path.getFileName().toString().startsWith("localhost.")).toList()) {
                log.append(Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return log.toString();
    }
}

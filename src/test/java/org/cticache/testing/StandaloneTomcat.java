package org.cticache.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A stock Apache Tomcat from its distribution, set up the way docs/deploy-tomcat.md tells an administrator, with
 * the guide's own files from src/deploy/tomcat: its own CATALINA_BASE with the guide's server.xml (one pool of 8
 * request threads for every connector, a realm that keeps one salted SHA-256 hash per user in tomcat-users.xml,
 * an access log that leaves cticache's audited calls to the audit log), settings through setenv.sh (system
 * properties), an environment variable and {@code <Parameter>}s in conf/Catalina/localhost/cticache.xml, the audit
 * log in a file of its own, the WAR in webapps/, started with {@code catalina.sh run}. With {@code tls}, it also
 * has the guide's HTTPS connector and runs with cticache.tls.required on.
 */
public final class StandaloneTomcat extends StandaloneContainer {

    /** The user of the manager application's text interface, for redeploys. */
    private static final String DEPLOYER = "deployer";
    /** The guide's users' passwords, by the variable that holds each one's hash: each one's name. */
    private static final Map<String, String> GUIDE_USERS = Map.of("IVR_HASH", "ivr", "ROUTER_HASH", "router",
            "OPS_HASH", "ops", "DEPLOYER_HASH", DEPLOYER);
    /** The test realm's users beside the guide's, each with its role: every role web.xml declares, and one more. */
    private static final Map<String, String> TEST_USERS = Map.of(Deployment.ADMIN, "cticache",
            Deployment.WRITER, "cticache-writer", Deployment.READER, "cticache-reader",
            Deployment.MONITOR, "cticache-monitor", Deployment.NO_ROLE, "other");
    private static final String CONTEXT = "conf/Catalina/localhost/cticache.xml";
    private static final String HTTPS_CONNECTOR = "conf/server-https-connector.xml";
    private static final String HTTPS_CONNECTOR_GOES_HERE = "the HTTPS connector of section 5 goes here";

    private final Path base;
    private final int httpPort;

    private StandaloneTomcat(String name, Path base, ContainerProcess process, int httpPort, Api api, Api plainApi,
                             boolean tls) {
        super(name, process, api, plainApi, tls);
        this.base = base;
        this.httpPort = httpPort;
    }

    static StandaloneTomcat start(String name, Path home, TestRedis redis, boolean tls) {
        Path base = Workspace.fresh(name);
        try {
            for (String directory : List.of("bin", "conf/Catalina/localhost", "logs", "temp", "webapps", "work",
                    "staging")) {
                Files.createDirectories(base.resolve(directory));
            }
            try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
                for (Path file : conf.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, base.resolve("conf").resolve(file.getFileName()));
                }
            }
            copyTree(home.resolve("webapps/manager"), base.resolve("webapps/manager"));

            int httpPort = Workspace.freePort();
            int httpsPort = Workspace.freePort();
            Map<String, String> hashes = PasswordHashes.tomcat(home, Stream.concat(GUIDE_USERS.values().stream(),
                    TEST_USERS.keySet().stream().map(StandaloneTomcat::password)).toList());
            Path keystore = tls ? Keystores.create(base.resolve("conf")) : null;
            configure(base, new DeployFiles("tomcat", variables(redis, httpPort, httpsPort, keystore, hashes)), tls,
                    testUsers(hashes));
            Files.copy(Targets.war(), base.resolve("webapps/cticache.war"));
            Files.copy(Targets.war(), base.resolve("staging/cticache.war"));

            Map<String, String> environment = new HashMap<>();
            environment.put("CATALINA_HOME", home.toString());
            environment.put("CATALINA_BASE", base.toString());
            environment.put("JAVA_HOME", System.getProperty("java.home"));
            environment.put("CTICACHE_DNIS_POOL_SMALL", ContractSettings.SMALL_POOL);
            ContainerProcess process = ContainerProcess.start(
                    List.of("bash", home.resolve("bin/catalina.sh").toString(), "run"), base, environment,
                    base.resolve("logs/console.log"));

            Api plain = new Api(URI.create("http://127.0.0.1:" + httpPort + "/cticache/"));
            Api api = tls ? new Api(URI.create("https://127.0.0.1:" + httpsPort + "/cticache/"),
                    Api.client(Keystores.trusting(keystore)), Map.of()) : plain;
            process.awaitHealthy(api.base().resolve("health"), Api.client(tls ? Keystores.trusting(keystore) : null));
            return new StandaloneTomcat(name, base, process, httpPort, api, plain, tls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The values of docs/deploy-tomcat.md's shell variables in this test: connectors on 127.0.0.1 and free ports, the
     * guide's 8 request threads, its users' passwords their names; the HTTPS connector's only with a keystore.
     */
    private static Map<String, String> variables(TestRedis redis, int httpPort, int httpsPort, Path keystore,
                                                 Map<String, String> hashes) {
        Map<String, String> variables = new HashMap<>(Map.of("LISTEN_ADDRESS", "127.0.0.1",
                "HTTP_PORT", String.valueOf(httpPort), "THREADS", "8",
                "REDIS_URI", redis.uri(), "TLS_REQUIRED", String.valueOf(keystore != null)));
        GUIDE_USERS.forEach((variable, password) -> variables.put(variable, hashes.get(password)));
        if (keystore != null) {
            variables.putAll(Map.of("HTTPS_PORT", String.valueOf(httpsPort), "KEYSTORE", keystore.toString(),
                    "KEYSTORE_PASSWORD", Keystores.PASSWORD));
        }
        return variables;
    }

    /** The guide's files in the base, as its sections 2 to 7 write them, and the test users in tomcat-users.xml. */
    private static void configure(Path base, DeployFiles files, boolean tls, String testUsers) throws IOException {
        String server = files.read("conf/server.xml");
        if (tls) {
            files.install(HTTPS_CONNECTOR, base);
            server = afterLineWith(server, HTTPS_CONNECTOR_GOES_HERE, files.read(HTTPS_CONNECTOR));
        }
        DeployFiles.write(base.resolve("conf/server.xml"), server);
        DeployFiles.write(base.resolve("conf/tomcat-users.xml"),
                files.read("conf/tomcat-users.xml").replace("</tomcat-users>", testUsers + "</tomcat-users>"));
        files.install("bin/setenv.sh", base);
        files.install(CONTEXT, base);
        DeployFiles.write(base.resolve("staging/cticache.xml"), files.read(CONTEXT));
        Files.writeString(base.resolve("conf/logging.properties"), files.read("conf/logging.properties"),
                StandardOpenOption.APPEND);
    }

    /** What sed's {@code r} command of docs/deploy-tomcat.md section 5a does: {@code part} after the marker's line. */
    private static String afterLineWith(String text, String marker, String part) {
        int marked = text.indexOf(marker);
        if (marked < 0) {
            throw new IllegalStateException("conf/server.xml has no line with '" + marker + "'");
        }
        int next = text.indexOf('\n', marked) + 1;
        return text.substring(0, next) + part + text.substring(next);
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
        return "config=" + base.resolve("staging/cticache.xml").toUri() + "&war="
                + base.resolve("staging/cticache.war").toUri();
    }

    /** All that Tomcat logged so far: console and the per-host log, where leak warnings go. */
    @Override
    public String log() {
        StringBuilder log = new StringBuilder(process().console());
        try (Stream<Path> logs = Files.list(base.resolve("logs"))) {
            for (Path file : logs.filter(path -> path.getFileName().toString().startsWith("localhost.")).toList()) {
                log.append(Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return log.toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}

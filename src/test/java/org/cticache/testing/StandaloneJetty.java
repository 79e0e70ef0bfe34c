package org.cticache.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.security.Credential;

/**
 * A stock Jetty 12 from jetty-home, set up by running the commands of docs/deploy-jetty.md ({@link GuideScript}):
 * the guide unpacks the tarball from Maven Central and builds a jetty-base with the ee10-deploy, http (8 request
 * threads, no server version), forwarded and requestlog modules (the request log leaves cticache's calls to its
 * audit log, which has a file of its own), the WAR with a context XML that binds a HashLoginService named cticache,
 * whose users have {@code MD5:} passwords, and the settings and the Redis URI in an override descriptor (mode 600).
 * Beyond the guide the tests add only their own users and an environment variable with a test pool. It stands
 * behind a pretend TLS-terminating load balancer: cticache.tls.required is on, and the tests' requests carry
 * {@code X-Forwarded-Proto: https}, which the forwarded module turns into a secure request.
 */
final class StandaloneJetty extends StandaloneContainer {

    static final String GUIDE = "docs/deploy-jetty.md";
    /** The sections of the guide that build the base; 6b (HTTPS in Jetty) is not tested. */
    static final List<String> SECTIONS = List.of("2", "3", "4a", "5", "6a", "7");
    /** The guide's users, by the variable that holds each one's password: in the tests, each one's name. */
    private static final Map<String, String> GUIDE_USERS = Map.of("IVR_PASSWORD", "ivr", "ROUTER_PASSWORD", "router",
            "OPS_PASSWORD", "ops", "PROMETHEUS_PASSWORD", guideMonitor());

    /** The guide's default CRYPTO_KEY_FILE. */
    private static final String KEY_FILE = "etc/cticache.key";

    private StandaloneJetty(String name, Path base, ContainerProcess process, Api api, Api plainApi) {
        super(name, base, process, api, plainApi, true);
    }

    static StandaloneJetty start(String name, Path home, TestRedis redis) {
        Path base = Workspace.fresh(name);
        Path install = Workspace.install(name);
        String version = home.getFileName().toString().replaceFirst("^jetty-home-", "");
        int port = Workspace.freePort();
        Map<String, String> variables = new HashMap<>(Map.of("JETTY_VERSION", version,
                "JETTY_TARBALL", Workspace.tarball("org/eclipse/jetty", "jetty-home", version).toString(),
                "INSTALL_DIR", install.toString(), "JETTY_BASE", base.toString(),
                "JETTY_USER", System.getProperty("user.name"), "WAR", Targets.war().toAbsolutePath().toString(),
                "LISTEN_ADDRESS", "127.0.0.1", "HTTP_PORT", String.valueOf(port), "THREADS", "8",
                "REDIS_URI", redis.uri()));
        GUIDE_USERS.forEach(variables::put);
        Workspace.plantKey(base.resolve(KEY_FILE));
        GuideScript.of(GUIDE).run(SECTIONS, variables, install, install.resolve("guide"));
        try {
            // Beyond the guide: the test users, after the guide's.
            Files.writeString(base.resolve("etc/cticache-realm.properties"), testUsers(), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The guide's start command (section 7), with the test pool in the environment.
        ContainerProcess process = ContainerProcess.start(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xms512m", "-Xmx512m", "-XX:+UseParallelGC",
                        "-Djava.util.logging.config.file=etc/cticache-logging.properties",
                        "-jar", install.resolve("jetty-home-" + version).resolve("start.jar").toString()),
                base, Map.of("CTICACHE_DNIS_POOL_SMALL", ContractSettings.SMALL_POOL), base.resolve("console.log"));
        URI root = URI.create("http://127.0.0.1:" + port + "/cticache/");
        process.awaitHealthy(root.resolve("health"), Api.client(null));
        return new StandaloneJetty(name, base, process,
                new Api(root, Api.client(null), Map.of("X-Forwarded-Proto", "https")), new Api(root));
    }

    /** The console, where Jetty and cticache log all but the audit log. */
    @Override
    public String log() {
        return process().console();
    }

    @Override
    public List<Path> secretFiles() {
        return List.of(base().resolve("etc/cticache-realm.properties"),
                base().resolve("etc/cticache-override-web.xml"), base().resolve(KEY_FILE));
    }

    /** The test realm's users, after the guide's, each password in the {@code MD5:} form of Jetty's password tool. */
    private static String testUsers() {
        return Deployment.ADMIN + ": " + Credential.MD5.digest("password") + ",cticache\n"
                + Deployment.WRITER + ": " + Credential.MD5.digest(Deployment.WRITER) + ",cticache-writer\n"
                + Deployment.READER + ": " + Credential.MD5.digest(Deployment.READER) + ",cticache-reader\n"
                + Deployment.MONITOR + ": " + Credential.MD5.digest(Deployment.MONITOR) + ",cticache-monitor\n"
                + Deployment.NO_ROLE + ": " + Credential.MD5.digest(Deployment.NO_ROLE) + ",other\n";
    }
}

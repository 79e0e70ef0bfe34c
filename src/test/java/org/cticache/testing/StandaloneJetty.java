package org.cticache.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.security.Credential;

/**
 * A stock Jetty 12 from jetty-home, set up the way docs/deploy-jetty.md tells an administrator, with the guide's own
 * files from src/deploy/jetty: a jetty-base with the ee10-deploy, http, forwarded and requestlog modules (the
 * request log leaves cticache's calls to its audit log, which has a file of its own) and 8 request threads, the WAR
 * with a context XML that binds a HashLoginService named cticache, whose users have {@code MD5:} passwords, and sets
 * the settings (an init parameter, and an override descriptor for those web.xml declares), plus a system property
 * and an environment variable. It stands behind a pretend TLS-terminating load balancer: cticache.tls.required is
 * on, and the tests' requests carry {@code X-Forwarded-Proto: https}, which the forwarded module turns into a secure
 * request.
 */
final class StandaloneJetty extends StandaloneContainer {

    /** The guide's files, in the order its sections write them. */
    private static final List<String> GUIDE_FILES = List.of("start.d/http.ini", "start.d/ee10-deploy.ini",
            "webapps/cticache.xml", "etc/cticache-realm.properties", "etc/cticache-override-web.xml",
            "start.d/forwarded.ini", "etc/cticache-logging.properties", "etc/cticache-requestlog.xml",
            "start.d/requestlog.ini");

    private StandaloneJetty(String name, ContainerProcess process, Api api, Api plainApi) {
        super(name, process, api, plainApi, true);
    }

    static StandaloneJetty start(String name, Path home, TestRedis redis) {
        Path base = Workspace.fresh(name);
        int port = Workspace.freePort();
        // The guide's users' passwords are their names, as the test users' are.
        DeployFiles files = new DeployFiles("jetty", Map.of("LISTEN_ADDRESS", "127.0.0.1",
                "HTTP_PORT", String.valueOf(port), "THREADS", "8", "IVR_HASH", Credential.MD5.digest("ivr"),
                "ROUTER_HASH", Credential.MD5.digest("router"), "OPS_HASH", Credential.MD5.digest("ops")));
        try {
            // As the guide's mkdir: the request log does not start without logs/.
            Files.createDirectories(base.resolve("logs"));
            GUIDE_FILES.forEach(file -> files.install(file, base));
            Files.writeString(base.resolve("etc/cticache-realm.properties"), testUsers(),
                    StandardOpenOption.APPEND);
            Files.copy(Targets.war(), base.resolve("webapps/cticache.war"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ContainerProcess process = ContainerProcess.start(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xms512m", "-Xmx512m", "-XX:+UseParallelGC",
                        "-Dcticache.redis.uri=" + redis.uri(), "-Dcticache.tls.required=true",
                        "-Djava.util.logging.config.file=etc/cticache-logging.properties",
                        "-jar", home.resolve("start.jar").toString()),
                base, Map.of("CTICACHE_DNIS_POOL_SMALL", ContractSettings.SMALL_POOL), base.resolve("console.log"));
        URI root = URI.create("http://127.0.0.1:" + port + "/cticache/");
        process.awaitHealthy(root.resolve("health"), Api.client(null));
        return new StandaloneJetty(name, process,
                new Api(root, Api.client(null), Map.of("X-Forwarded-Proto", "https")), new Api(root));
    }

    /** The console, where Jetty and cticache log all but the audit log. */
    @Override
    public String log() {
        return process().console();
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

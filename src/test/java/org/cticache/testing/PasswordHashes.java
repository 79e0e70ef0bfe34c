package org.cticache.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Password hashes made with the containers' own tools, as their administrators make them. */
final class PasswordHashes {

    // Low for tests: Tomcat hashes the password again on every Basic-authenticated request.
    // docs/deploy-tomcat.md discusses the production choice.
    static final int ITERATIONS = 1000;

    private PasswordHashes() {
    }

    /** Tomcat's bin/digest.sh for its SecretKeyCredentialHandler; maps each password to its stored form. */
    static Map<String, String> tomcat(Path home, List<String> passwords) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/digest.sh").toString(),
                "-a", "PBKDF2WithHmacSHA512", "-i", Integer.toString(ITERATIONS), "-s", "16", "-k", "256",
                "-h", "org.apache.catalina.realm.SecretKeyCredentialHandler"));
        command.addAll(passwords);
        String output = Tools.run(command, Map.of("JAVA_HOME", System.getProperty("java.home"),
                "CATALINA_HOME", home.toString()));
        Map<String, String> hashes = new HashMap<>();
        for (String line : output.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && passwords.contains(line.substring(0, colon))) {
                hashes.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        if (!hashes.keySet().containsAll(passwords)) {
            throw new IllegalStateException("digest.sh printed no hash for some passwords: " + output);
        }
        return hashes;
    }
}

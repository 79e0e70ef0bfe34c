package org.cticache.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Password hashes made with the containers' own tools, as their administrators make them. */
final class PasswordHashes {

    private PasswordHashes() {
    }

    /**
     * Tomcat's bin/digest.sh for the MessageDigestCredentialHandler of docs/deploy-tomcat.md (one salted SHA-256,
     * the parameters of its server.xml); maps each password to its stored form, {@code <salt>$1$<hash>}.
     */
    static Map<String, String> tomcat(Path home, List<String> passwords) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/digest.sh").toString(),
                "-a", "SHA-256", "-i", "1", "-s", "16",
                "-h", "org.apache.catalina.realm.MessageDigestCredentialHandler"));
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

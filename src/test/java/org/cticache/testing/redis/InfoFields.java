package org.cticache.testing.redis;

/** Reads one field of an INFO or CLUSTER INFO reply, both made of "name:value" lines. */
final class InfoFields {

    private InfoFields() {
    }

    /** The field's value, or an empty string when the reply has no such field. */
    static String get(String reply, String name) {
        String prefix = name + ":";
        return reply.lines().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip()).findFirst().orElse("");
    }
}

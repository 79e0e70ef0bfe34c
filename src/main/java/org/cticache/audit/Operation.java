package org.cticache.audit;

/** Names the API operation a request asks for, from its method and its path below the context root. */
final class Operation {

    static final String UNKNOWN = "unknown";

    private Operation() {
    }

    /** One of create, peek, take, peek-dnis, take-dnis, health, metrics, pools, openapi or unknown. */
    static String of(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (path.equals("/DNIS-ANI")) {
            return method.equals("POST") ? "create" : UNKNOWN;
        }
        if (isOneSegmentBelow(path, "/DNIS-ANI/")) {
            return read ? "peek" : method.equals("DELETE") ? "take" : UNKNOWN;
        }
        if (isOneSegmentBelow(path, "/DNIS/")) {
            return read ? "peek-dnis" : method.equals("DELETE") ? "take-dnis" : UNKNOWN;
        }
        if (!read) {
            return UNKNOWN;
        }
        return switch (path) {
            case "/health" -> "health";
            case "/metrics" -> "metrics";
            case "/pools" -> "pools";
            case "/openapi", "/openapi.json", "/openapi.yaml" -> "openapi";
            default -> UNKNOWN;
        };
    }

    private static boolean isOneSegmentBelow(String path, String parent) {
        return path.length() > parent.length() && path.startsWith(parent) && path.indexOf('/', parent.length()) < 0;
    }
}

package org.cticache.api;

/** Call data as IVRs send it, shared by the benchmarks that read requests and write answers. */
final class CallDataSamples {

    /** A JSON string whose text is 100 bytes: an IVR's key=value notes. */
    static final String STRING = "\"acct=4111222233334444;lang=en-US;intent=billing;auth=pin;attempts=2;queue=gold;"
            + "menu=1-3-2;sess=8f3a2\"";

    /** A JSON object of ten members, of every JSON type. */
    static final String OBJECT = "{\"account\":\"4111222233334444\",\"language\":\"en-US\",\"intent\":\"billing\","
            + "\"authenticated\":true,\"attempts\":2,\"balance\":1234.50,\"segment\":\"gold\",\"callback\":null,"
            + "\"menuPath\":[\"1\",\"3\",\"2\"],\"sessionId\":\"8f3a2c91-d7e4-4b6a-9c1e-3f5a7b9d2e10\"}";

    private CallDataSamples() {
    }

    /** The sample for a benchmark parameter: "string" or "object". */
    static String of(String kind) {
        return switch (kind) {
            case "string" -> STRING;
            case "object" -> OBJECT;
            default -> throw new IllegalArgumentException("no sample '" + kind + "'");
        };
    }
}

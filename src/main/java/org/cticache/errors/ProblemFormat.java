package org.cticache.errors;

import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The format of an error answer, chosen from the client's Accept header: problem+json unless the client prefers
 * XML, as a VoiceXML browser does, since it can read an XML answer but not a JSON one.
 */
public enum ProblemFormat {

    JSON("application/problem+json"),
    XML("application/problem+xml;charset=UTF-8"),
    /**
     * What a client that asks for text/xml gets: the RFC 9457 XML body under the type it asked for, since a
     * VoiceXML browser may refuse to parse a type it did not ask for (application/problem+xml is not text/xml).
     */
    TEXT_XML("text/xml;charset=UTF-8");

    /** The types each format satisfies, in the order that breaks a tie: JSON first, so it stays the default. */
    private static final List<Map.Entry<MediaType, ProblemFormat>> CANDIDATES = List.of(
            Map.entry(new MediaType("application", "problem+json"), JSON),
            Map.entry(MediaType.APPLICATION_JSON_TYPE, JSON),
            Map.entry(new MediaType("application", "problem+xml"), XML),
            Map.entry(MediaType.APPLICATION_XML_TYPE, XML),
            Map.entry(MediaType.TEXT_XML_TYPE, TEXT_XML));

    private final String contentType;

    ProblemFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The Content-Type of the answer. */
    public String contentType() {
        return contentType;
    }

    /**
     * The format the Accept headers prefer, by the rule Jersey applies to the successful answers. A type's quality
     * comes from the most specific range that matches it (RFC 9110, section 12.5.1). Between equal qualities, an
     * explicitly named type beats a wildcard, then the range named first in the header wins, then JSON. Missing,
     * unparseable or unsatisfiable Accept headers get JSON, as before XML existed.
     */
    public static ProblemFormat preferredBy(Iterable<String> acceptHeaders) {
        List<MediaType> ranges = ranges(acceptHeaders);
        ProblemFormat best = JSON;
        Match bestMatch = Match.NONE;
        for (Map.Entry<MediaType, ProblemFormat> candidate : CANDIDATES) {
            Match match = Match.of(candidate.getKey(), ranges);
            if (match.quality > 0 && match.betterThan(bestMatch)) {
                best = candidate.getValue();
                bestMatch = match;
            }
        }
        return best;
    }

    /** How the Accept header admits one type: its most specific matching range, and where that range stands. */
    private record Match(double quality, int specificity, int position) {

        static final Match NONE = new Match(0, -1, Integer.MAX_VALUE);

        static Match of(MediaType type, List<MediaType> ranges) {
            Match match = NONE;
            for (int i = 0; i < ranges.size(); i++) {
                int specificity = specificityOf(ranges.get(i), type);
                if (specificity > match.specificity) {
                    match = new Match(qualityOf(ranges.get(i)), specificity, i);
                }
            }
            return match;
        }

        boolean betterThan(Match other) {
            if (quality != other.quality) {
                return quality > other.quality;
            }
            if (specificity != other.specificity) {
                return specificity > other.specificity;
            }
            return position < other.position;
        }
    }

    private static List<MediaType> ranges(Iterable<String> acceptHeaders) {
        if (acceptHeaders == null) {
            return List.of();
        }
        List<MediaType> ranges = new ArrayList<>();
        for (String header : acceptHeaders) {
            for (String range : header.split(",")) {
                if (range.isBlank()) {
                    continue;
                }
                try {
                    ranges.add(MediaType.valueOf(range.strip()));
                } catch (IllegalArgumentException e) {
                    // MalformedHeaderFilter refuses such a header; its 400 is then negotiated from the rest.
                }
            }
        }
        return ranges;
    }

    /** 2 for an exact match, 1 for a type with any subtype, 0 for any type, -1 when the range does not match. */
    private static int specificityOf(MediaType range, MediaType type) {
        if (range.isWildcardType()) {
            return 0;
        }
        if (!range.getType().equalsIgnoreCase(type.getType())) {
            return -1;
        }
        if (range.isWildcardSubtype()) {
            return 1;
        }
        return range.getSubtype().equalsIgnoreCase(type.getSubtype()) ? 2 : -1;
    }

    private static double qualityOf(MediaType range) {
        String q = range.getParameters().get("q");
        if (q == null) {
            return 1;
        }
        try {
            double value = Double.parseDouble(q);
            return value >= 0 && value <= 1 ? value : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

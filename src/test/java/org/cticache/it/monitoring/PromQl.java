package org.cticache.it.monitoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the series selectors out of a PromQL expression, and series out of their text form, well enough to hold
 * the monitoring files to a scrape. Not a parser: it knows the expressions of docs/monitoring, and a construct it
 * does not know shows up as an unknown metric name, which fails the check rather than passing it.
 */
final class PromQl {

    /** Prometheus adds these to every series it scrapes; they are never in the exposition. */
    static final Set<String> TARGET_LABELS = Set.of("job", "instance");

    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
    // Grafana's template query, which is no PromQL: the label's values among the metric's series.
    private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\(\\s*(.+?)\\s*,\\s*(\\w+)\\s*\\)$");
    private static final Pattern SELECTOR = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][\\w:]*)\\s*(\\{[^}]*\\})?");
    private static final Pattern MATCHER = Pattern.compile("(\\w+)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

    private PromQl() {
    }

    /** One selector: the metric it names and its label matchers. */
    record Selector(String metric, List<LabelMatcher> matchers) {
    }

    /** {@code label op "value"}, op one of =, !=, =~, !~. */
    record LabelMatcher(String label, String op, String value) {

        /**
         * The values this matcher asks for by name: its value, or each alternative of a regular expression made of
         * nothing else ({@code "create|peek"}); empty when it asks for none by name (negated, a real pattern, a
         * Grafana variable).
         */
        List<String> namedValues() {
            boolean literal = value.matches("[\\w.+-]+(\\|[\\w.+-]+)*");
            if (op.equals("=") && literal && !value.contains("|")) {
                return List.of(value);
            }
            return op.equals("=~") && literal ? List.of(value.split("\\|")) : List.of();
        }
    }

    /** A series as Prometheus writes it, {@code name{label="value",...}}. */
    record Series(String name, Map<String, String> labels) {
    }

    /** The selectors of an expression (or of Grafana's {@code label_values(selector, label)}). */
    static List<Selector> selectors(String expression) {
        String promql = withoutGrouping(RANGE.matcher(asPromQl(expression)).replaceAll(" "));
        List<Selector> selectors = new ArrayList<>();
        Matcher selector = SELECTOR.matcher(promql);
        while (selector.find()) {
            String name = selector.group(1);
            boolean function = selector.group(2) == null && promql.substring(selector.end()).stripLeading()
                    .startsWith("(");
            if (!function && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
                selectors.add(new Selector(name, matchers(selector.group(2) == null ? "" : selector.group(2))));
            }
        }
        return selectors;
    }

    /** The labels an expression groups or matches by: {@code by (job, pool)}, {@code on (instance)}... */
    static Set<String> groupingLabels(String expression) {
        Set<String> labels = new TreeSet<>();
        Matcher grouping = GROUPING.matcher(asPromQl(expression));
        while (grouping.find()) {
            Arrays.stream(grouping.group(1).split(",")).map(String::strip).filter(label -> !label.isEmpty())
                    .forEach(labels::add);
        }
        return labels;
    }

    static Series series(String text) {
        int brace = text.indexOf('{');
        if (brace < 0) {
            return new Series(text.strip(), Map.of());
        }
        Map<String, String> labels = new LinkedHashMap<>();
        matchers(text.substring(brace)).forEach(label -> labels.put(label.label(), label.value()));
        return new Series(text.substring(0, brace).strip(), labels);
    }

    private static List<LabelMatcher> matchers(String braces) {
        List<LabelMatcher> matchers = new ArrayList<>();
        Matcher matcher = MATCHER.matcher(braces);
        while (matcher.find()) {
            matchers.add(new LabelMatcher(matcher.group(1), matcher.group(2), matcher.group(3)));
        }
        return matchers;
    }

    private static String asPromQl(String expression) {
        Matcher labelValues = LABEL_VALUES.matcher(expression.strip());
        return labelValues.matches()
                ? "count by (" + labelValues.group(2) + ") (" + labelValues.group(1) + ")" : expression;
    }

    private static String withoutGrouping(String promql) {
        return GROUPING.matcher(promql).replaceAll(" ");
    }
}

package com.convene.backend.ops;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Extracts the metric names a PromQL expression selects, enough for Grafana panel queries: string literals,
/// label matchers, range and offset durations, Grafana variables and `by`/`without`/`on`/`ignoring`/`group_*`
/// label lists are removed; what is left that looks like an identifier and is neither a function call nor a
/// keyword is a metric name.
final class PromQlMetricNames {

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern VARIABLES = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^\\]]*]");
    private static final Pattern LABEL_LISTS =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern OFFSETS = Pattern.compile("\\boffset\\s+-?\\w+");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "by", "without", "on",
            "ignoring", "group_left", "group_right", "offset", "inf", "nan", "e");

    private PromQlMetricNames() {
    }

    /// The metric names `expression` selects, in order of appearance.
    static Set<String> of(String expression) {
        String rest = STRINGS.matcher(expression).replaceAll("\"\"");
        rest = VARIABLES.matcher(rest).replaceAll("1m");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGES.matcher(rest).replaceAll(" ");
        rest = LABEL_LISTS.matcher(rest).replaceAll(" ");
        rest = OFFSETS.matcher(rest).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(rest);
        while (m.find()) {
            String word = m.group();
            boolean number = m.start() > 0 && Character.isDigit(rest.charAt(m.start() - 1));
            boolean call = rest.substring(m.end()).stripLeading().startsWith("(");
            if (!number && !call && !KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                names.add(word);
            }
        }
        return names;
    }
}

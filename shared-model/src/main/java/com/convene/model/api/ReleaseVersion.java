package com.convene.model.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/// A desktop release version as the installers carry it: one to four dot-separated numbers, optionally followed
/// by `-` and a pre-release qualifier (`0.1.0`, `1.2`, `2.0.0-SNAPSHOT`, `1.0.0-rc.1`).
///
/// Ordering follows Semantic Versioning 2.0.0 §11 where it applies: numbers compare numerically component by
/// component (a missing component counts as 0, so `1.2` equals `1.2.0`), and a version with a qualifier sorts
/// before the same numbers without one. Qualifiers compare as text (not the dot-wise rules of §11.4.1). Build
/// metadata (`+…`) is not accepted. Immutable.
///
/// @param numbers    the numeric components, 1–4 of them, each 0–999,999,999
/// @param qualifier  the pre-release qualifier without its `-`, or empty for a release
public record ReleaseVersion(List<Integer> numbers, String qualifier) implements Comparable<ReleaseVersion> {
    private static final Pattern SYNTAX = Pattern.compile("\\d{1,9}(\\.\\d{1,9}){0,3}(-[0-9A-Za-z.]{1,40})?");

    /// Checks the components.
    public ReleaseVersion {
        numbers = List.copyOf(numbers);
        Objects.requireNonNull(qualifier, "qualifier");
        if (numbers.isEmpty() || numbers.size() > 4 || numbers.stream().anyMatch(n -> n < 0)) {
            throw new IllegalArgumentException("1-4 non-negative numbers expected: " + numbers);
        }
    }

    /// Whether `text` is a version [#parse] accepts.
    public static boolean isValid(String text) {
        return text != null && SYNTAX.matcher(text).matches();
    }

    /// Parses `1.2.3` or `1.2.3-qualifier`.
    ///
    /// @throws IllegalArgumentException when `text` is not such a version
    public static ReleaseVersion parse(String text) {
        if (!isValid(text)) {
            throw new IllegalArgumentException("not a release version: " + text);
        }
        int dash = text.indexOf('-');
        String core = dash < 0 ? text : text.substring(0, dash);
        List<Integer> numbers = new ArrayList<>();
        for (String part : core.split("\\.")) {
            numbers.add(Integer.parseInt(part));
        }
        return new ReleaseVersion(numbers, dash < 0 ? "" : text.substring(dash + 1));
    }

    /// Whether this is a pre-release (has a qualifier).
    public boolean isPreRelease() {
        return !qualifier.isEmpty();
    }

    @Override
    public int compareTo(ReleaseVersion other) {
        int length = Math.max(numbers.size(), other.numbers.size());
        for (int i = 0; i < length; i++) {
            int a = i < numbers.size() ? numbers.get(i) : 0;
            int b = i < other.numbers.size() ? other.numbers.get(i) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        if (qualifier.isEmpty() || other.qualifier.isEmpty()) {
            return Boolean.compare(qualifier.isEmpty(), other.qualifier.isEmpty());
        }
        return qualifier.compareTo(other.qualifier);
    }

    /// Whether this version is newer than `other` ([#compareTo] greater than 0).
    public boolean isNewerThan(ReleaseVersion other) {
        return compareTo(other) > 0;
    }

    /// The version as written, e.g. `1.2.0-rc.1`.
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            text.append(i == 0 ? "" : ".").append(numbers.get(i));
        }
        return qualifier.isEmpty() ? text.toString() : text.append('-').append(qualifier).toString();
    }
}

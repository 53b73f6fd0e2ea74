package org.newsarchive.server;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of one request, read as the endpoint's options: a value, a repeated
 * value, a number in range or a flag, each refused with a 400 that names the parameter when it
 * is malformed. Unknown parameters are refused too: a misspelt {@code form=2023} must not
 * silently search every date.
 */
final class ApiParameters {

    private final Map<String, List<String>> values;

    ApiParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Refuses any parameter not in {@code known}. */
    ApiParameters allow(Set<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw ApiError.badParameter(name, "unknown parameter '" + name + "' (known: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
        return this;
    }

    /** Whether the request gives {@code name} at all, with or without a value. */
    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The one value of {@code name}, or null when absent; given twice is an error. */
    String text(String name) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty()) {
            return null;
        }
        if (list.size() > 1) {
            throw ApiError.badParameter(name, name + " is given " + list.size() + " times; give it once");
        }
        return list.get(0);
    }

    /** The one value of {@code name}, or {@code fallback} when absent or empty. */
    String text(String name, String fallback) {
        String value = text(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    /** Every value of a repeatable parameter, in order; each must be non-blank. */
    List<String> texts(String name) {
        List<String> list = values.getOrDefault(name, List.of());
        for (String value : list) {
            if (value.isBlank()) {
                throw ApiError.badParameter(name, name + " needs a value");
            }
        }
        return list;
    }

    /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
    int integer(String name, int fallback, int min, int max) {
        String value = text(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badParameter(name, name + " must be a whole number, not '" + value + "'");
        }
        if (number < min || number > max) {
            throw ApiError.badParameter(name, name + " must be from " + min + " to " + max + ", not " + number);
        }
        return number;
    }

    /** A flag: absent is false; present bare, {@code true}, {@code 1}, {@code yes} or {@code on} is true. */
    boolean flag(String name) {
        String value = text(name);
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "", "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw ApiError.badParameter(name, name + " must be true or false, not '" + value + "'");
        };
    }
}

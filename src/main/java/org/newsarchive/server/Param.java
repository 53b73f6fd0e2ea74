package org.newsarchive.server;

/**
 * One query parameter of an endpoint, as the OpenAPI description lists it.
 *
 * @param type       {@code string}, {@code integer} or {@code boolean}
 * @param repeatable whether it may be given more than once
 */
record Param(String name, String type, boolean repeatable, String description) {

    static Param text(String name, String description) {
        return new Param(name, "string", false, description);
    }

    static Param texts(String name, String description) {
        return new Param(name, "string", true, description);
    }

    static Param integer(String name, String description) {
        return new Param(name, "integer", false, description);
    }

    static Param flag(String name, String description) {
        return new Param(name, "boolean", false, description);
    }
}

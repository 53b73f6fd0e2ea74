package org.newsarchive.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may ask: the {@code Host} header must name this server (a page on another site that
 * re-points its own name at 127.0.0.1, DNS rebinding, sends its own name and is refused), the
 * bearer token must match when one is set (compared in constant time), and answers carry CORS
 * headers only for the one origin {@code --cors} names.
 */
final class RequestGuard {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Set<String> hosts;
    private final byte[] token;
    private final String cors;

    RequestGuard(ServerSettings settings) {
        Set<String> names = new HashSet<>();
        names.add("localhost");
        names.add(settings.host().toLowerCase(Locale.ROOT));
        settings.allowedHosts().forEach(h -> names.add(h.toLowerCase(Locale.ROOT)));
        try {
            names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException ignored) {
            // no name for this machine: IP literals and localhost still work
        }
        this.hosts = Set.copyOf(names);
        this.token = settings.token() == null ? null : settings.token().getBytes(StandardCharsets.UTF_8);
        this.cors = settings.cors();
    }

    /** Refuses a request from a foreign host name or without the token. */
    void check(ApiRequest request) {
        String host = request.header("host");
        if (host != null && !allowedHost(host)) {
            throw new ApiError(403, "forbidden-host", "this server does not answer to the host name '"
                    + host + "' (serve --allow-host adds names)");
        }
        if (token != null) {
            String given = request.header("authorization");
            byte[] presented = given != null && given.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? given.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
            if (!MessageDigest.isEqual(presented, token)) {
                throw ApiError.unauthorized();
            }
        }
    }

    /** A host name, an IPv4 literal or a bracketed IPv6 literal, with an optional port. */
    private boolean allowedHost(String header) {
        String value = header.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            return value.indexOf(']') > 0; // an IPv6 literal: no DNS name an attacker could re-point
        }
        int colon = value.lastIndexOf(':');
        String name = colon >= 0 ? value.substring(0, colon) : value;
        if (IPV4.matcher(name).matches()) {
            return true; // an IPv4 literal, likewise
        }
        return hosts.contains(name);
    }

    /** The CORS headers for a request from {@code origin}: none unless it is the allowed one. */
    Map<String, String> corsHeaders(String origin) {
        if (cors == null || origin == null || !(cors.equals("*") || cors.equalsIgnoreCase(origin))) {
            return Map.of();
        }
        return Map.of("Access-Control-Allow-Origin", cors.equals("*") ? "*" : origin,
                "Access-Control-Allow-Headers", "Authorization",
                "Vary", "Origin");
    }
}

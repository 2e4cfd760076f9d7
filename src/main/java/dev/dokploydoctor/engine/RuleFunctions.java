package dev.dokploydoctor.engine;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small pure functions rules may call (DRL: {@code import function dev.dokploydoctor.engine.RuleFunctions.overlap;}).
 * They only compare values; they never look at the host.
 */
public final class RuleFunctions {
    private RuleFunctions() {}

    /** Whether two lists of names share at least one entry. */
    public static boolean overlap(List<String> a, List<String> b) {
        for (String x : a) if (b.contains(x)) return true;
        return false;
    }

    /** Whether {@code address} is a loopback address (the app is unreachable from other containers). */
    public static boolean isLoopback(String address) {
        String a = address.trim().toLowerCase(Locale.ROOT);
        if (a.startsWith("[") && a.endsWith("]")) a = a.substring(1, a.length() - 1);
        return a.equals("localhost") || a.startsWith("127.") || a.equals("::1");
    }

    private static final Pattern ADDRESS_PORT = Pattern.compile(
            "^(?:[a-z][a-z0-9+.-]*://)?(localhost|\\[::1\\]|\\d{1,3}(?:\\.\\d{1,3}){3}):(\\d{2,5})(?:/.*)?$");

    /**
     * The port of an origin URL ("https://172.16.42.29:28117") whose host is the server's own address:
     * a loopback name or an IPv4 literal outside 172.17.0.0-172.31.255.255, the ranges Docker gives its
     * bridge networks (a container's own address there takes the container port). Such a target reaches
     * the app through a port published on the host, the host side of a ports: mapping; -1 otherwise
     * (a container or service name, dokploy-traefik, my-app).
     */
    public static long hostAddressPort(String origin) {
        if (origin == null) return -1;
        Matcher m = ADDRESS_PORT.matcher(origin.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) return -1;
        String host = m.group(1);
        if (host.startsWith("172.")) {
            int second = Integer.parseInt(host.split("\\.")[1]);
            if (second >= 17 && second <= 31) return -1;
        }
        return Long.parseLong(m.group(2));
    }

    /** Dotted version comparison ("v3.6.1", "1.44"); non-numeric parts are ignored. */
    public static boolean versionAtLeast(String version, String minimum) {
        return compareVersions(version, minimum) >= 0;
    }

    public static int compareVersions(String a, String b) {
        int[] x = parts(a);
        int[] y = parts(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? x[i] : 0;
            int q = i < y.length ? y[i] : 0;
            if (p != q) return Integer.compare(p, q);
        }
        return 0;
    }

    /** The first Traefik v3 release that negotiates the Docker API version (v2: 2.11.31). */
    public static final String TRAEFIK_NEGOTIATES_DOCKER_API = "3.6.1";

    /**
     * Whether this Traefik version talks to Docker Engine 29+ (minimum API 1.44): fixed in v3.6.1
     * and in v2.11.31 (traefik/traefik#12253, PRs 12255/12256).
     */
    public static boolean traefikSupportsDocker29(String traefikVersion) {
        if (versionAtLeast(traefikVersion, TRAEFIK_NEGOTIATES_DOCKER_API)) return true;
        return versionAtLeast(traefikVersion, "2.11.31") && !versionAtLeast(traefikVersion, "3.0.0");
    }

    /** Whether a version string has at least one number in it (so comparing it means something). */
    public static boolean isVersion(String v) { return v != null && v.matches(".*\\d.*"); }

    private static int[] parts(String v) {
        String cleaned = v == null ? "" : v.replaceAll("^[^0-9]*", "").replaceAll("[^0-9.].*$", "");
        if (cleaned.isEmpty()) return new int[0];
        String[] s = cleaned.split("\\.");
        int[] out = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            try {
                out[i] = s[i].isEmpty() ? 0 : Integer.parseInt(s[i]);
            } catch (NumberFormatException e) {
                out[i] = 0;
            }
        }
        return out;
    }
}

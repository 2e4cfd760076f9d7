package dev.dokploydoctor.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TCP sockets in LISTEN state, read from /proc/net/tcp and /proc/net/tcp6 (hex, little-endian
 * words) or from `netstat -tln` output (the probe), or from the netstat or ss rows a user pastes
 * ({@link #pasted}). Docker's embedded DNS listener (127.0.0.11) is left out: it lives in every
 * container on a user-defined network and is not the app.
 */
public final class ListenSockets {
    static final String ALL = "0.0.0.0";
    static final String LOOPBACK = "127.0.0.1";
    private static final String DOCKER_DNS = "127.0.0.11";

    public record Socket(String address, int port) {
        public boolean wildcard() { return address.equals(ALL) || address.equals("::"); }
        boolean loopback() { return address.startsWith("127.") || address.equals("::1"); }
    }

    private static final Pattern PROC_LINE = Pattern.compile("^\\s*\\d+:\\s+([0-9A-Fa-f]+):([0-9A-Fa-f]{4})\\s+[0-9A-Fa-f]+:[0-9A-Fa-f]{4}\\s+([0-9A-Fa-f]{2})\\b");
    /** Proto Recv-Q Send-Q Local Foreign LISTEN [PID/Program | -] (net-tools netstat). */
    private static final Pattern NETSTAT_LINE = Pattern.compile("^tcp6?\\s+\\d+\\s+\\d+\\s+(\\S+):(\\d{1,5})\\s+\\S+\\s+LISTEN\\b");
    /** [Netid] State Recv-Q Send-Q Local Peer [users:(...)] (iproute2 ss). */
    private static final Pattern SS_LINE = Pattern.compile("^(?:tcp\\s+)?LISTEN\\s+\\d+\\s+\\d+\\s+(\\S+):(\\d{1,5})\\s+\\S+");

    private ListenSockets() {}

    /** Parse /proc/net/tcp{,6} text, or netstat -tln text; either may be concatenated. */
    static List<Socket> parse(String text) {
        List<Socket> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher p = PROC_LINE.matcher(line);
            if (p.find()) {
                if (!p.group(3).equalsIgnoreCase("0A")) continue;   // 0A = TCP_LISTEN
                add(out, new Socket(hexAddress(p.group(1)), Integer.parseInt(p.group(2), 16)));
                continue;
            }
            row(out, NETSTAT_LINE, line);
        }
        return out;
    }

    /** The LISTEN rows of netstat -tln[p] or ss -ltn[p] as a user pastes them, in order; ports outside 1-65535 left out. */
    public static List<Socket> pasted(String text) {
        List<Socket> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!row(out, NETSTAT_LINE, line)) row(out, SS_LINE, line);
        }
        out.removeIf(s -> s.port() == 0 || s.port() > 65535);
        return out;
    }

    private static boolean row(List<Socket> out, Pattern pattern, String line) {
        Matcher n = pattern.matcher(line.trim());
        if (!n.find()) return false;
        add(out, new Socket(normalise(n.group(1)), Integer.parseInt(n.group(2))));
        return true;
    }

    private static void add(List<Socket> out, Socket s) {
        if (!s.address().equals(DOCKER_DNS) && !out.contains(s)) out.add(s);
    }

    /** Ports that have a listener, in order. */
    static List<Integer> ports(List<Socket> sockets) {
        return new ArrayList<>(new TreeSet<>(sockets.stream().map(Socket::port).toList()));
    }

    /** The address the app listens on for {@code port}: 0.0.0.0 for all interfaces, 127.0.0.1 for loopback only, else the IP. */
    static String effectiveAddress(List<Socket> sockets, int port) {
        List<Socket> onPort = sockets.stream().filter(s -> s.port() == port).toList();
        if (onPort.isEmpty()) return null;
        if (onPort.stream().anyMatch(Socket::wildcard)) return ALL;
        if (onPort.stream().allMatch(Socket::loopback)) return LOOPBACK;
        return onPort.stream().filter(s -> !s.loopback()).findFirst().orElse(onPort.get(0)).address();
    }

    /** 8 hex digits = IPv4 (little-endian); 32 = IPv6 (four little-endian 32-bit words). */
    static String hexAddress(String hex) {
        if (hex.length() == 8) {
            long v = Long.parseLong(hex, 16);
            return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
        }
        if (hex.length() == 32) {
            byte[] b = new byte[16];
            for (int word = 0; word < 4; word++) {
                for (int i = 0; i < 4; i++) {
                    int at = word * 8 + (3 - i) * 2;
                    b[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
                }
            }
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) zeroPrefix &= b[i] == 0;
            if (zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {   // ::ffff:a.b.c.d
                return (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
            }
            boolean allZero = true;
            for (byte x : b) allZero &= x == 0;
            if (allZero) return "::";
            boolean loop = b[15] == 1;
            for (int i = 0; i < 15; i++) loop &= b[i] == 0;
            if (loop) return "::1";
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 16; i += 2) {
                if (i > 0) sb.append(':');
                sb.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff)));
            }
            return sb.toString();
        }
        return hex.toLowerCase(Locale.ROOT);
    }

    private static String normalise(String address) {
        String a = address;
        if (a.startsWith("[") && a.endsWith("]")) a = a.substring(1, a.length() - 1);   // ss: [::1]
        int zone = a.indexOf('%');   // ss: 127.0.0.53%lo
        if (zone > 0) a = a.substring(0, zone);
        if (a.equals("*")) return ALL;   // ss: *:3000
        if (a.isEmpty() || a.equals("::") || a.equals(":::") || a.equals(":")) return "::";
        if (a.startsWith("::ffff:")) return a.substring(7);
        return a;
    }
}

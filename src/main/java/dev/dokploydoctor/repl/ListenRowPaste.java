package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.FactSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer to "Which address does the app listen on inside its container?": the LISTEN rows of
 * {@code netstat -tln[p]} or {@code ss -ltn[p]} pasted as they are. The question asks for a look inside the
 * container, so a row pasted to it is the container's, whatever its PID/Program column shows: run by a
 * user who does not own the socket (not root), netstat prints "-" there (net-tools netstat.c), and the
 * catalog, which reads such a row in a text where it cannot tell whose it is, leaves it alone. Docker's
 * embedded DNS listener (127.0.0.11) is in every container on a user-defined network and is not the app.
 */
final class ListenRowPaste {
    private ListenRowPaste() {}

    /** Proto Recv-Q Send-Q Local Foreign LISTEN [PID/Program | -] (net-tools netstat). */
    private static final Pattern NETSTAT_ROW = Pattern.compile("(?m)^\\s*tcp6?\\s+\\d+\\s+\\d+\\s+(\\S+):(\\d{1,5})\\s+\\S+\\s+LISTEN\\b");
    /** [Netid] State Recv-Q Send-Q Local Peer [users:(...)] (iproute2 ss). */
    private static final Pattern SS_ROW = Pattern.compile("(?m)^\\s*(?:tcp\\s+)?LISTEN\\s+\\d+\\s+\\d+\\s+(\\S+):(\\d{1,5})\\s+\\S+");
    private static final String DOCKER_DNS = "127.0.0.11";

    private record Row(String address, int port) {
        boolean wildcard() { return address.equals("0.0.0.0") || address.equals("::"); }
    }

    /** The asked fact is the app's listen address. */
    static boolean asks(FactSpec spec) {
        return spec.key().equals("app.listen_address") || spec.key().equals("app.listen_bound");
    }

    /**
     * The address of the app's listening socket in the pasted rows; null when the answer holds no LISTEN row.
     * Rows of several ports are narrowed to the app's port when it is known ({@code app.listen_port}, else
     * {@code domain.port}); still several, the user is asked which. A wildcard row on the port (0.0.0.0, ::)
     * wins, as the kernel accepts on it whatever else is bound.
     */
    static Reply read(String answer, Function<String, Object> known) {
        List<Row> rows = rows(answer);
        if (rows.isEmpty()) return null;
        Set<Integer> ports = new TreeSet<>();
        rows.forEach(r -> ports.add(r.port()));
        Integer port = null;
        if (ports.size() == 1) port = ports.iterator().next();
        else for (String key : List.of("app.listen_port", "domain.port")) {
            if (known.apply(key) instanceof Number n && ports.contains(n.intValue())) { port = n.intValue(); break; }
        }
        if (port == null)
            return new Reply.Invalid("those rows listen on several ports (" + String.join(", ", ports.stream().map(String::valueOf).toList())
                    + "): type the address of the app's own port (or ? if you don't know)");
        int p = port;
        List<Row> onPort = rows.stream().filter(r -> r.port() == p).toList();
        String address = onPort.stream().filter(Row::wildcard).map(Row::address).findFirst().orElse(onPort.get(0).address());
        Set<String> others = new LinkedHashSet<>();
        onPort.forEach(r -> others.add(r.address()));
        if (onPort.stream().noneMatch(Row::wildcard) && others.size() > 1)
            return new Reply.Invalid("those rows bind port " + p + " to " + String.join(" and ", others) + ": type the app's address (or ? if you don't know)");
        return new Reply.Value(address, true);
    }

    private static List<Row> rows(String answer) {
        List<Row> rows = new ArrayList<>();
        for (Pattern p : List.of(NETSTAT_ROW, SS_ROW)) {
            Matcher m = p.matcher(answer);
            while (m.find()) {
                String address = normalise(m.group(1));
                int port = Integer.parseInt(m.group(2));
                if (address.equals(DOCKER_DNS) || port == 0 || port > 65535) continue;
                Row r = new Row(address, port);
                if (!rows.contains(r)) rows.add(r);
            }
        }
        return rows;
    }

    private static String normalise(String address) {
        String a = address;
        if (a.startsWith("[") && a.endsWith("]")) a = a.substring(1, a.length() - 1);
        int zone = a.indexOf('%');   // ss: 127.0.0.53%lo
        if (zone > 0) a = a.substring(0, zone);
        if (a.equals("*") || a.equals("0.0.0.0")) return "0.0.0.0";
        if (a.isEmpty() || a.equals("::") || a.equals(":::") || a.equals(":")) return "::";
        if (a.startsWith("::ffff:")) return a.substring(7);
        return a;
    }
}

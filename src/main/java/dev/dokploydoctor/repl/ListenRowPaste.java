package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.probe.ListenSockets;
import dev.dokploydoctor.probe.ListenSockets.Socket;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The answer to "Which address does the app listen on inside its container?": the LISTEN rows of
 * {@code netstat -tln[p]} or {@code ss -ltn[p]} pasted as they are. The question asks for a look inside the
 * container, so a row pasted to it is the container's, whatever its PID/Program column shows: run by a
 * user who does not own the socket (not root), netstat prints "-" there (net-tools netstat.c), and the
 * catalog, which reads such a row in a text where it cannot tell whose it is, leaves it alone. The rows are
 * read as the probe reads netstat's ({@link ListenSockets#pasted}: Docker's DNS listener left out).
 */
final class ListenRowPaste {
    private ListenRowPaste() {}

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
        List<Socket> rows = ListenSockets.pasted(answer);
        if (rows.isEmpty()) return null;
        Set<Integer> ports = new TreeSet<>();
        rows.forEach(r -> ports.add(r.port()));
        Integer port = portOf(ports, known);
        if (port == null)
            return new Reply.Invalid("those rows listen on several ports (" + String.join(", ", ports.stream().map(String::valueOf).toList())
                    + "): type the address of the app's own port (or ? if you don't know)");
        int p = port;
        List<Socket> onPort = rows.stream().filter(r -> r.port() == p).toList();
        String address = onPort.stream().filter(Socket::wildcard).map(Socket::address).findFirst().orElse(onPort.get(0).address());
        Set<String> others = new LinkedHashSet<>();
        onPort.forEach(r -> others.add(r.address()));
        if (onPort.stream().noneMatch(Socket::wildcard) && others.size() > 1)
            return new Reply.Invalid("those rows bind port " + p + " to " + String.join(" and ", others) + ": type the app's address (or ? if you don't know)");
        return new Reply.Value(address, true);
    }

    /** The port of the app's row in the pasted rows (the one {@link #read} took the address from); null when none or not one. */
    static Long port(String answer, Function<String, Object> known) {
        Set<Integer> ports = new TreeSet<>();
        ListenSockets.pasted(answer).forEach(r -> ports.add(r.port()));
        Integer p = portOf(ports, known);
        return p == null ? null : p.longValue();
    }

    private static Integer portOf(Set<Integer> ports, Function<String, Object> known) {
        if (ports.size() == 1) return ports.iterator().next();
        for (String key : List.of("app.listen_port", "domain.port")) {
            if (known.apply(key) instanceof Number n && ports.contains(n.intValue())) return n.intValue();
        }
        return null;
    }
}

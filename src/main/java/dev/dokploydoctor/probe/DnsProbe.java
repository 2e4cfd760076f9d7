package dev.dokploydoctor.probe;

import com.github.dockerjava.api.model.Container;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * Resolves each compose sibling's service name from inside the routed container, with whatever
 * the image has (getent, else nslookup). Without either, it says so and compares networks instead:
 * Docker's DNS only answers names of containers on a shared network.
 */
final class DnsProbe implements Probe {
    private static final Pattern NSLOOKUP_ANSWER = Pattern.compile("(?m)^Name:[ \\t]*\\S+[ \\t]*\\R[ \\t\\r\\n]*Address(?:[ \\t]+\\d+)?:[ \\t]*\\S+");

    /** How one name resolved: the command and its output are the evidence. */
    record Lookup(String name, boolean resolved, String command, String output) {}

    @Override public String name() { return "dns"; }

    /** Whether nslookup's output holds an answer (a Name: line, then an Address line). */
    static boolean answered(CharSequence nslookup) { return NSLOOKUP_ANSWER.matcher(nslookup).find(); }

    @Override public void run(ProbeContext ctx, Findings f) throws Exception {
        HostSnapshot s = ctx.snapshot();
        HostSnapshot.Routed r = s.routed();
        if (r == null) throw new Skip("no routed container (" + s.routedNote() + ")");
        if (r.siblings().isEmpty()) throw new Skip(r.name() + " has no compose siblings to resolve");
        if (!Containers.running(r.inspect())) throw new CouldNotCheck(r.name() + " is not running, so nothing can be resolved from inside it");
        DockerAccess docker = ctx.docker();
        // every sibling at once: getent first; where the image has no getent, nslookup
        List<Callable<Lookup>> byGetent = new ArrayList<>();
        for (Container sib : r.siblings()) byGetent.add(() -> getent(docker, r, Containers.dnsName(sib)));
        List<Lookup> lookups = new ArrayList<>(ctx.parallel(byGetent));
        List<Callable<Lookup>> byNslookup = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < lookups.size(); i++) {
            if (lookups.get(i) != null) continue;
            String name = Containers.dnsName(r.siblings().get(i));
            missing.add(i);
            byNslookup.add(() -> nslookup(docker, r, name));
        }
        List<Lookup> second = ctx.parallel(byNslookup);
        for (int j = 0; j < missing.size(); j++) lookups.set(missing.get(j), second.get(j));
        if (lookups.stream().allMatch(java.util.Objects::isNull)) {
            networkFallback(r, f);
            return;
        }
        for (Lookup l : lookups) {
            if (l == null) throw new CouldNotCheck("getent and nslookup both failed to run in " + r.name() + " for some names");
            f.observe((l.resolved() ? "resolves " : "does not resolve ") + l.name() + ": " + l.command());
        }
        List<Lookup> failed = lookups.stream().filter(l -> !l.resolved()).toList();
        if (failed.isEmpty()) {
            f.fact("app.dns_failure", false, String.join("\n", lookups.stream().map(DnsProbe::evidence).toList()));
        } else {
            f.fact("app.dns_failure", true, String.join("\n", failed.stream().map(DnsProbe::evidence).toList()));
        }
    }

    private static String evidence(Lookup l) {
        return "$ " + l.command() + "\n" + (l.output().isBlank() ? "(no output)" : l.output());
    }

    /** getent hosts NAME: exit 0 with a line = resolved, exit 2 = not found; null when getent is missing. */
    private static Lookup getent(DockerAccess docker, HostSnapshot.Routed r, String name) throws InterruptedException {
        DockerAccess.ExecResult x = docker.exec(r.inspect().getId(), r.name(), "getent", "hosts", name);
        if (x.commandMissing()) return null;
        return new Lookup(name, x.exitCode() == 0 && !x.stdout().isBlank(), x.command() + "  (exit " + x.exitCode() + ")", x.output());
    }

    /** nslookup NAME: resolved when it prints a Name/Address answer; null when nslookup is missing. */
    private static Lookup nslookup(DockerAccess docker, HostSnapshot.Routed r, String name) throws InterruptedException {
        DockerAccess.ExecResult x = docker.exec(r.inspect().getId(), r.name(), "nslookup", name);
        if (x.commandMissing() && !x.output().contains("Server:")) return null;
        boolean resolved = x.exitCode() == 0 && answered(x.stdout());
        return new Lookup(name, resolved, x.command() + "  (exit " + x.exitCode() + ")", x.output());
    }

    /** No resolver tool in the image: Docker's DNS answers only names on a shared network, so compare networks. */
    private static void networkFallback(HostSnapshot.Routed r, Findings f) {
        Set<String> app = new HashSet<>(Containers.networks(r.inspect()));
        List<String> unreachable = new ArrayList<>();
        for (Container sib : r.siblings()) {
            if (Collections.disjoint(app, Containers.networks(sib)) || !Containers.running(sib)) unreachable.add(Containers.dnsName(sib));
        }
        f.observe(r.name() + " has neither getent nor nslookup; compared networks instead");
        f.fact("app.dns_failure", !unreachable.isEmpty(), "inferred, not resolved: the image has neither getent nor nslookup. "
                + (unreachable.isEmpty() ? "every sibling runs and shares a network with " + r.name()
                : String.join(", ", unreachable) + " runs on no network " + r.name() + " is on " + app + " (or is stopped), so Docker's DNS cannot answer it"));
    }
}

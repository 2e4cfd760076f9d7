package dev.dokploydoctor.probe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.dokploydoctor.probe.TestHost.*;
import static org.junit.jupiter.api.Assertions.*;

/** Issue 9 item 15: a misspelt --service or --project names what exists, and is not taken as "nothing runs". */
class TargetNotFoundTest {
    @RegisterExtension final TestHost h = TestHost.perTest();

    @Test void misspeltServiceNamesTheServicesOfTheProject() {
        h.container(h.app + "-web-1", compose(h.app, "web", null), "sleep", "3600");
        h.container(h.app + "-postgres-1", compose(h.app, "postgres", null), "sleep", "3600");

        ProbeReport r = h.probe(new ProbeTarget("wbe", h.app, null));
        assertEquals(List.of("no service wbe in project " + h.app + "; it has postgres, web: the app was not checked"),
                r.gaps().stream().filter(g -> g.contains("wbe")).toList(), Reports.dump(r));
        assertTrue(r.facts().stream().noneMatch(f -> f.getKey().equals("containers.running")),
                "a typo is not evidence that nothing runs: " + Reports.dump(r));
    }

    @Test void misspeltProjectSaysSo() {
        h.container(h.app + "-web-1", compose(h.app, "web", null), "sleep", "3600");

        ProbeReport r = h.probe(new ProbeTarget("web", h.app + "x", null));
        assertTrue(r.gaps().stream().anyMatch(g -> g.startsWith("no compose project " + h.app + "x on this host; projects: ")
                && g.contains(h.app)), Reports.dump(r));
    }
}

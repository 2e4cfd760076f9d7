package dev.dokploydoctor.probe;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dokploydoctor.probe.TestHost.*;
import static org.junit.jupiter.api.Assertions.*;

/** Issue 9 item 15: a misspelt --service or --project names what exists, and is not taken as "nothing runs". */
class TargetNotFoundTest {
    TestHost h;
    String app;

    @BeforeEach void open() {
        h = TestHost.open();
        app = "shop-" + h.run;
    }

    @AfterEach void close() {
        if (h != null) h.close();
    }

    @Test void misspeltServiceNamesTheServicesOfTheProject() {
        h.container(app + "-web-1", compose(app, "web", null), "sleep", "3600");
        h.container(app + "-postgres-1", compose(app, "postgres", null), "sleep", "3600");

        ProbeReport r = h.probe(new ProbeTarget("wbe", app, null));
        assertEquals(List.of("no service wbe in project " + app + "; it has postgres, web: the app was not checked"),
                r.gaps().stream().filter(g -> g.contains("wbe")).toList(), Reports.dump(r));
        assertTrue(r.facts().stream().noneMatch(f -> f.getKey().equals("containers.running")),
                "a typo is not evidence that nothing runs: " + Reports.dump(r));
    }

    @Test void misspeltProjectSaysSo() {
        h.container(app + "-web-1", compose(app, "web", null), "sleep", "3600");

        ProbeReport r = h.probe(new ProbeTarget("web", app + "x", null));
        assertTrue(r.gaps().stream().anyMatch(g -> g.startsWith("no compose project " + app + "x on this host; projects: ")
                && g.contains(app)), Reports.dump(r));
    }
}

package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Effort;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FactType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplyAndCommandTest {
    static FactSpec spec(FactType type, String... values) {
        return new FactSpec("k.x", type, List.of(values), "?", null, null, null, "f", 1);
    }

    static Object value(String answer, FactSpec spec) {
        return assertInstanceOf(Reply.Value.class, Reply.parse(answer, spec)).value();
    }

    @Test
    void answersAreTypedByTheQuestionsKind() {
        FactSpec bool = spec(FactType.BOOL);
        assertEquals(true, value("Yes", bool));
        assertEquals(false, value("n", bool));
        assertInstanceOf(Reply.Invalid.class, Reply.parse("blue", bool));
        assertInstanceOf(Reply.Unknown.class, Reply.parse("maybe", bool), "a bare maybe says nothing either way");

        FactSpec choice = spec(FactType.ENUM, "done", "error", "running");
        assertEquals("error", value("2", choice));
        assertEquals("running", value("RUN", choice));
        assertTrue(assertInstanceOf(Reply.Invalid.class, Reply.parse("4", choice)).message().contains("1) done  2) error  3) running"));
        FactSpec ambiguous = spec(FactType.ENUM, "full", "flexible");
        assertInstanceOf(Reply.Invalid.class, Reply.parse("f", ambiguous));

        assertEquals(502L, value("502 Bad Gateway", spec(FactType.INT)));
        assertInstanceOf(Reply.Invalid.class, Reply.parse("lots", spec(FactType.INT)));
        assertEquals(List.of("dokploy-network", "app_default"), value("dokploy-network, app_default", spec(FactType.LIST)));
        assertInstanceOf(Reply.Invalid.class, Reply.parse("  ", spec(FactType.STRING)));
    }

    /** user17 uf13: "1.52" (the Docker API version) at the list/map menu was read as choice 1. */
    @Test
    void aVersionOrADecimalAtAMenuIsNoChoiceByNumber() {
        FactSpec menu = spec(FactType.ENUM, "list", "map");
        for (String a : List.of("1.52", "it prints 1.52", "2.11.31", "1,5", "1:30")) {
            assertTrue(!(Reply.parse(a, menu) instanceof Reply.Value), a + " -> " + Reply.parse(a, menu));
        }
        // a menu of what the user sees (effort seen): there "I think" is their memory, not a guess of a command's output
        assertEquals("list", value("1. list I think", menu.withEffort(Effort.SEEN)), "a number, a dot and a word is still the choice");
        assertEquals("map", value("2, it's key: value", menu));
    }

    /** user17 uf11: a list with a remark after it was refused at the networks question. */
    @Test
    void aListOfNetworksWithARemarkAfterItIsTheList() {
        FactSpec list = spec(FactType.LIST);
        assertEquals(List.of("myapp_default", "dokploy-network"),
                value("myapp_default and dokploy-network, I added dokploy-network in the compose", list));
        assertEquals(List.of("app_default", "dokploy-network"), value("app_default, dokploy-network; dokploy adds that one itself", list));
        assertInstanceOf(Reply.Invalid.class, Reply.parse("myapp_default, I also added traefik_net", list),
                "a remark that names another network leaves the list open");
    }

    /** user17 uf10: "it's the only site on this traefik" was refused at "Do all compose domains ... fail the same way?". */
    @Test
    void theOnlySiteToAQuestionAboutAllOfThemTellsNeither() {
        FactSpec all = new FactSpec("fault.all_domains", FactType.BOOL, List.of(),
                "Do all compose domains on this server fail the same way (not just this one)?", null, null, null, "f", 1);
        for (String a : List.of("it's the only site on this traefik", "there are no other domains", "just this one app"))
            assertInstanceOf(Reply.Unknown.class, Reply.parse(a, all), a);
        assertInstanceOf(Reply.Invalid.class, Reply.parse("it's the only site on this traefik", spec(FactType.BOOL)),
                "to another yes/no question it answers nothing asked");
    }

    @Test
    void questionMarkOrUnknownIsAlwaysAllowed() {
        for (String a : List.of("?", "unknown", "Don't know", "idk")) {
            assertInstanceOf(Reply.Unknown.class, Reply.parse(a, spec(FactType.INT)), a);
            assertInstanceOf(Reply.Unknown.class, Reply.parse(a, spec(FactType.ENUM, "a", "b")), a);
        }
    }

    @Test
    void commandsAreParsedStrictly() {
        assertEquals(new Command("how", null), Command.parse("how"));
        assertEquals(new Command("why-not", "multi-container-isolation"), Command.parse("why-not multi-container-isolation"));
        assertEquals(new Command("change", "http.status"), Command.parse("change http.status"));
        assertEquals(new Command("quit", null), Command.parse("exit"));
        assertEquals(new Command("save", null), Command.parse("save"), "a missing argument gets a usage line");
        assertNull(Command.parse("how should I route this service?"), "a sentence is not a command");
        assertNull(Command.parse("change everything"), "change takes a fact key");
        assertNull(Command.parse("yes"));
        assertTrue(Command.help().contains("why-not <cause>"));
    }

    /** user15 uc17: 'back' at a number question was refused as a number, 'fix' at the first prompt read as a symptom. */
    @Test
    void backUndoesAndFixExplains() {
        assertEquals(new Command("undo", null), Command.parse("back"));
        assertEquals(new Command("explain", null), Command.parse("fix"));
        assertEquals(new Command("explain", "wrong-container-port"), Command.parse("fix wrong-container-port"));
        assertNull(Command.parse("fix the port please"), "a sentence is still not a command");
    }

    /** user24 s1: "just a normal app with nixpacks" to "a DokPloy Application or a Docker Compose service?" was no choice. */
    @Test
    void anAppOrANixpacksBuildIsTheApplicationChoice() {
        FactSpec kind = spec(FactType.ENUM, "application", "compose");
        for (String a : List.of("just a normal app with nixpacks", "it's an app", "nixpacks", "built with buildpacks"))
            assertEquals("application", value(a, kind), a);
        // the near misses: a choice named in full wins over the short form, a negated one names nothing
        assertEquals("compose", value("a compose app", kind));
        assertEquals("compose", value("it's a docker compose app, not nixpacks", kind));
        assertTrue(!(Reply.parse("not an app, I think", kind) instanceof Reply.Value), "a negated app is no application");
        assertTrue(!(Reply.parse("the app is on the stack", spec(FactType.ENUM, "running", "error")) instanceof Reply.Value),
                "the short form belongs to the application choice only");
    }
}

package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 16.2: a rule that does anything but our DSL is an unsafe-rule error; our own shapes are not. */
class RuleSafetyTest {
    static final String HEAD = "package dokploy.rules;\ndialect \"mvel\"\nimport dev.dokploydoctor.knowledge.Fact;\n"
            + "import function dev.dokploydoctor.engine.Conclude.support;\n";

    static List<RuleSafety.Unsafe> check(String body) {
        return RuleSafety.check(HEAD + body);
    }

    static String rule(String when, String then) {
        return "rule \"x: y\"\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    @Test void javaInARuleIsFlagged() {
        List<String> evil = List.of(
                rule("Fact(key == \"a\")", "System.exit(0);"),
                rule("Fact(key == \"a\")", "Runtime.getRuntime().exec(\"touch /tmp/x\");"),
                rule("Fact(key == \"a\")", "new ProcessBuilder(\"sh\").start();"),
                rule("Fact(key == \"a\")", "java.nio.file.Files.delete(java.nio.file.Path.of(\"/x\"));"),
                rule("Fact(key == \"a\")", "drools.getKieRuntime().halt();"),
                rule("Fact(key == \"a\")", "support(drools, 0.5); new java.net.Socket(\"evil\", 80);"),
                rule("eval(Runtime.getRuntime() != null)", "support(drools, 0.5);"),
                rule("Fact(key == \"a\", text == String.valueOf(java.lang.System.getenv(\"HOME\")))", "support(drools, 0.5);"),
                rule("Fact(key == \"a\")", "retract($f);"),
                "function void boom() { System.exit(1); }\n" + rule("Fact(key == \"a\")", "support(drools, 0.5);"),
                "global java.io.File out;\n" + rule("Fact(key == \"a\")", "support(drools, 0.5);"),
                "import java.io.File;\n" + rule("Fact(key == \"a\")", "support(drools, 0.5);"));
        for (String drl : evil) {
            List<RuleSafety.Unsafe> f = check(drl);
            assertFalse(f.isEmpty(), "not flagged:\n" + drl);
        }
    }

    @Test void ourOwnShapesPass() {
        String ok = rule("$a : Fact(key == \"app.networks\")\n    $d : Fact(key == \"dependency.networks\", RuleFunctions.overlap(list, $a.getList()) == false)\n"
                        + "    Fact(key == \"http.status\", num in (502, 504))\n    not Fact(key == \"x\")\n    eval(!RuleFunctions.isLoopback($a.getText()))",
                "support(drools, 0.5);\n    refute(drools, -0.2);\n    need(drools, \"http.status\", \"System.exit(1) in a string is text\");\n"
                        + "    insertLogical(new Fact(\"dependency.shares_network\", false, Fact.DERIVED, \"app on \" + $a.getText()));   // Runtime in a comment");
        assertEquals(List.of(), check("import dev.dokploydoctor.engine.RuleFunctions;\nimport function dev.dokploydoctor.engine.Conclude.refute;\n"
                + "import function dev.dokploydoctor.engine.Conclude.need;\n" + ok));
    }

    /** The stack rules' one global: declared as it is and called as refute only; anything else on it is Java. */
    @Test void theCausesNeedingGlobalMayOnlyRefute() {
        String global = "global dev.dokploydoctor.engine.CausesNeeding causesNeeding;\n";
        assertEquals(List.of(), check(global + rule("Fact(key == \"traefik.used\", flag == false)", "causesNeeding.refute(drools, \"traefik\", 0.9);")));
        for (String drl : List.of(
                global + rule("Fact(key == \"a\")", "causesNeeding.getClass();"),
                global + rule("Fact(key == \"a\")", "causesNeeding.of(\"traefik\").clear();"),
                "global dev.dokploydoctor.engine.CausesNeeding other;\n" + rule("Fact(key == \"a\")", "support(drools, 0.5);"),
                "global java.util.List causesNeeding;\n" + rule("Fact(key == \"a\")", "support(drools, 0.5);"))) {
            assertFalse(check(drl).isEmpty(), "not flagged:\n" + drl);
        }
    }

    /** The scan itself is linear: a huge comment, blank lines, an identifier or unclosed quotes cost a pass, not a crash. */
    @Test void adversarialRuleTextIsScannedInOnePass() {
        List<String> inputs = List.of("/*" + "x".repeat(1_000_000) + "*/" + rule("Fact(key == \"a\")", "System.exit(0);"),
                "\n".repeat(500_000) + rule("Fact(key == \"a\")", "System.exit(0);"),
                "\"" + "\\\"".repeat(300_000) + "\n" + rule("Fact(key == \"a\")", "System.exit(0);"),
                "/*".repeat(300_000) + "\n" + rule("Fact(key == \"a\")", "System.exit(0);"),
                "a".repeat(1_000_000) + " ".repeat(100_000) + "\n" + rule("Fact(key == \"a\")", "System.exit(0);"));
        long t0 = System.nanoTime();
        for (String drl : inputs) {
            List<RuleSafety.Unsafe> f = check(drl);
            assertTrue(f.stream().anyMatch(x -> x.what().contains("System")), "System.exit after the adversarial text not flagged: " + f);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 20_000, "5 adversarial rule files of ~1 MB took " + ms + " ms");
    }

    @Test void theUnsafeLineIsTheLineOfTheCall() {
        List<RuleSafety.Unsafe> f = check("/* a\n comment */\n" + rule("Fact(key == \"a\")", "System.exit(0);"));
        assertEquals(11, f.get(0).line(), f.toString()); // 4 header lines, 2 comment lines, rule, when, Fact, then: the call is line 11
    }
}

package dev.dokploydoctor.authoring;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 16.2: a rule that does anything but our DSL is an unsafe-rule error; our own shapes are not. */
class RuleSafetyTest {
    static final String HEAD = "package dokploy.rules;\ndialect \"mvel\"\nimport dev.dokploydoctor.knowledge.Fact;\n"
            + "import function dev.dokploydoctor.engine.Conclude.support;\n";

    static List<Finding> check(String body) {
        List<Finding> out = new ArrayList<>();
        RuleSafety.check("x.drl", HEAD + body, out);
        return out;
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
            List<Finding> f = check(drl);
            assertFalse(f.isEmpty(), "not flagged:\n" + drl);
            assertTrue(f.stream().allMatch(x -> x.check().equals("unsafe-rule") && x.severity() == Finding.Severity.ERROR), f.toString());
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
}

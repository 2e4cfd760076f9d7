package dev.dokploydoctor.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report typed in haste reads as the same report: a component's name one letter off ("Trafik",
 * "cloudfared", "postgrs", "dokloy") or a status spoken in words ("five-oh-two") loses no right
 * diagnosis of a regression case and creates none (meta14: on dev, the typos cost 19 of 70 text-alone
 * rights and the spoken statuses 8 of 18; the catalog's entries read the names and numbers as written).
 * Only words of prose change: not a name joined to others (dokploy-traefik, postgres:5432), not a
 * quoted log line.
 */
class MisspeltProseMetamorphicTest {
    private static final Map<String, String> TYPOS = Map.of("traefik", "trafik", "cloudflared", "cloudfared",
            "postgres", "postgrs", "dokploy", "dokloy");
    private static final Pattern NAME = Pattern.compile("(?<![\\w./:@=-])(traefik|cloudflared|postgres|dokploy)(?![\\w/:@=-]|\\.\\w)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STATUS = Pattern.compile("(?<![\\w./:@=-])([45])0(\\d)(?![\\w/:@=-]|\\.\\d)");
    private static final String[] DIGITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

    private static final List<Metamorphic.Transform> HASTE = List.of(
            new Metamorphic.Transform("names one letter off", t -> inProse(t, MisspeltProseMetamorphicTest::typos)),
            new Metamorphic.Transform("statuses spoken", t -> inProse(t, MisspeltProseMetamorphicTest::spoken)));

    @Test
    void aReportTypedInHasteKeepsItsDiagnosis() {
        new Metamorphic().run((c, before) -> c.text() != null && !c.text().isBlank(), HASTE,
                        (c, before, after) -> {
                            String created = Metamorphic.NONE_CREATED.broken(c, before, after);
                            if (created != null) return created;
                            return Metamorphic.right(before, c) && !Metamorphic.right(after, c) ? "lost" : null;
                        })
                .assertHolds(250, "diagnoses changed");
    }

    /** The text with {@code change} applied to its lines of prose (not a log line, not a quoted or code span); null when nothing changed. */
    private static String inProse(String text, java.util.function.UnaryOperator<String> change) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) out.append('\n');
            if (line.matches(".*(level=|msg=|\\d\\d:\\d\\d:\\d\\d|\\b(?:ERR|ERROR|WARN|INFO|INF|WRN|DBG)\\b).*|^\\s*[\\[{<#|].*")) {
                out.append(line);
                continue;
            }
            out.append(outsideQuotes(line, change));
        }
        String changed = out.toString();
        return changed.equals(text) ? null : changed;
    }

    private static String outsideQuotes(String line, java.util.function.UnaryOperator<String> change) {
        Matcher quoted = Pattern.compile("`[^`]*`|\"[^\"]*\"").matcher(line);
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (quoted.find()) {
            out.append(change.apply(line.substring(at, quoted.start()))).append(quoted.group());
            at = quoted.end();
        }
        return out.append(change.apply(line.substring(at))).toString();
    }

    private static String typos(String prose) {
        return NAME.matcher(prose).replaceAll(m -> {
            String typed = TYPOS.get(m.group(1).toLowerCase(java.util.Locale.ROOT));
            return Character.isUpperCase(m.group(1).charAt(0)) ? Character.toUpperCase(typed.charAt(0)) + typed.substring(1) : typed;
        });
    }

    private static String spoken(String prose) {
        return STATUS.matcher(prose).replaceAll(m -> DIGITS[m.group(1).charAt(0) - '0'] + "-oh-" + DIGITS[m.group(2).charAt(0) - '0']);
    }
}

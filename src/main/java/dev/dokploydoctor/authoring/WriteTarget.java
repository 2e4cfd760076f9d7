package dev.dokploydoctor.authoring;

import dev.dokploydoctor.knowledge.Knowledge;

import java.nio.file.Path;

/**
 * Where {@code rules new} and {@code learn} write: the checkout in the working directory when run
 * inside one, else the user's folder ($XDG_CONFIG_HOME/dokploy-doctor); {@code --rules} and
 * {@code --knowledge} override either half. In the user's folder a rule goes to
 * {@code my-<layer>.drl}: a file named like a bundled one would replace the bundled rules, not add to them.
 */
public record WriteTarget(Path rules, Path knowledge, boolean userRules, boolean userKnowledge, String label) {

    public static WriteTarget resolve(Path rulesFlag, Path knowledgeFlag, Path workingDir) {
        Knowledge.Layer checkout = Knowledge.checkout(workingDir);
        Path userDir = userDir();
        Path rules = rulesFlag != null ? rulesFlag : checkout != null ? checkout.rules() : userDir.resolve("rules");
        Path knowledge = knowledgeFlag != null ? knowledgeFlag : checkout != null ? checkout.knowledge() : userDir.resolve("knowledge");
        boolean userRules = rulesFlag == null && checkout == null;
        boolean userKnowledge = knowledgeFlag == null && checkout == null;
        String label = rulesFlag != null || knowledgeFlag != null ? "the folders given on the command line"
                : checkout != null ? "the checkout in " + Display.path(workingDir.toAbsolutePath().normalize())
                : "your folder " + userDir;
        return new WriteTarget(rules, knowledge, userRules, userKnowledge, label);
    }

    /** The same folder {@link Knowledge#user()} reads. */
    static Path userDir() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("dokploy-doctor");
    }

    /** Whether anything goes to the user's folder (which --no-user-rules would then not read). */
    public boolean usesUserFolder() { return userRules || userKnowledge; }

    public Path ruleFile(String layer) { return rules.resolve((userRules ? "my-" : "") + layer + ".drl"); }
    public Path causeFile(String cause) { return knowledge.resolve("causes").resolve(cause + ".yaml"); }
    public Path caseDir(String cause) { return knowledge.resolve("cases").resolve(cause); }
}

package dev.dokploydoctor.authoring;

import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;

import java.nio.file.Path;

/**
 * Where {@code rules new} and {@code learn} write: the knowledge folder of the checkout in the
 * working directory when run inside one, else the user's folder ($XDG_CONFIG_HOME/dokploy-doctor);
 * {@code --knowledge} overrides either. Everything about a cause goes into its folder
 * {@code causes/<id>/}: cause.yaml, rules.drl, cases/. In the user's folder a rule for a cause that
 * is already known goes to {@code my-rules.drl}: a rules.drl there would replace the bundled one.
 */
public record WriteTarget(Path knowledge, boolean user, String label) {

    public static WriteTarget resolve(Path knowledgeFlag, Path workingDir) {
        Knowledge.Layer checkout = Layers.isOwnCheckout(workingDir) ? Layers.checkout(workingDir) : null;   // as loading does
        Path userDir = userDir();
        Path knowledge = knowledgeFlag != null ? knowledgeFlag : checkout != null ? checkout.knowledge() : userDir.resolve("knowledge");
        boolean user = knowledgeFlag == null && checkout == null;
        String label = knowledgeFlag != null ? "the folder given on the command line"
                : checkout != null ? "the checkout in " + Display.path(workingDir.toAbsolutePath().normalize())
                : "your folder " + userDir;
        return new WriteTarget(knowledge, user, label);
    }

    /** The same folder {@link Knowledge#user()} reads. */
    static Path userDir() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("dokploy-doctor");
    }

    /** Whether anything goes to the user's folder (which --no-user-rules would then not read). */
    public boolean usesUserFolder() { return user; }

    public Path causeDir(String cause) { return knowledge.resolve("causes").resolve(cause); }
    public Path causeFile(String cause) { return causeDir(cause).resolve(Knowledge.CAUSE_FILE); }
    public Path caseDir(String cause) { return causeDir(cause).resolve("cases"); }

    /** The rule file a new rule for {@code cause} goes to. */
    public Path ruleFile(String cause, Knowledge loaded) {
        Cause known = loaded.cause(cause);
        boolean below = known != null && known.file() != null
                && !Path.of(known.file()).toAbsolutePath().normalize().startsWith(knowledge.toAbsolutePath().normalize());
        return causeDir(cause).resolve(user && below ? "my-rules.drl" : "rules.drl");
    }
}

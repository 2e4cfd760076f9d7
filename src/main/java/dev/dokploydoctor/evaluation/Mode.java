package dev.dokploydoctor.evaluation;

/** The three ways a field report is run: what batch makes of it, and what the REPL gets out of the user. */
public enum Mode {
    TEXT_AND_FACTS("text+facts", "batch with the reporter's text and facts"),
    TEXT("text", "batch with the text alone"),
    INTERVIEW("interview", "simulated interview: the REPL's planner asks, answers come from truth");

    private final String label;
    private final String title;

    Mode(String label, String title) {
        this.label = label;
        this.title = title;
    }

    public String label() { return label; }
    public String title() { return title; }

    public static Mode fromLabel(String label) {
        for (Mode m : values()) if (m.label.equals(label)) return m;
        return null;
    }
}

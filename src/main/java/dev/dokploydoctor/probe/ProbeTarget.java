package dev.dokploydoctor.probe;

/**
 * What to look at: a container name, or a compose service name with its project (DokPloy appName),
 * and/or the public URL. Any part may be null; probes do what they can with the rest.
 */
public record ProbeTarget(String service, String project, String url) {
    public static final ProbeTarget NONE = new ProbeTarget(null, null, null);

    /** The gap when no app is named: said whether or not Docker could be reached. */
    public static final String APP_NOT_NAMED =
            "the app was not checked (no --service or --url): add --service NAME, with --project APP for a compose service";

    public boolean namesAnApp() { return service != null || url != null; }
}

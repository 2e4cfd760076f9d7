package dev.dokploydoctor.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny stand-in for DokPloy's REST API on 127.0.0.1, answering the documented JSON shapes
 * (stack-internals §3) for one compose app, and 401 {"message":"Unauthorized"} without the key.
 */
final class DokployStub implements AutoCloseable {
    static final String KEY = "dkp_TESTKEY_9f8e7d6c5b4a39281706";

    private final HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();

    DokployStub(String appName, String host, int port, String domainType) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        answer("/api/user.get", """
                {"id":"mem1","organizationId":"org1","userId":"usr1","role":"admin","createdAt":"2025-01-01T00:00:00.000Z",
                 "canCreateProjects":false,"canCreateServices":false,"canDeleteProjects":false,"canAccessToAPI":true,
                 "user":{"id":"usr1","email":"ops@example.test","apiKeys":[{"id":"k1","name":"doctor","key":"hashed-key-value"}]}}""");
        answer("/api/project.all", """
                [{"projectId":"prj1","name":"Shop","description":null,"organizationId":"org1","createdAt":"2025-01-01","env":"",
                  "environments":[{"environmentId":"env1","name":"production","isDefault":true,
                    "applications":[],
                    "compose":[{"composeId":"other1","name":"blog","composeStatus":"done"},{"composeId":"cmp1","name":"shop","composeStatus":"error"}],
                    "postgres":[]}],
                  "projectTags":[]}]""");
        answer("/api/compose.one", ex -> {
            String id = ex.getRequestURI().getQuery();
            if (id.equals("composeId=other1")) return """
                    {"composeId":"other1","name":"blog","appName":"blog-x1y2z3","composeType":"docker-compose","composeStatus":"done","domains":[]}""";
            return """
                    {"composeId":"cmp1","name":"shop","appName":"%s","composeType":"docker-compose","sourceType":"github",
                     "composePath":"./docker-compose.yml","suffix":"","randomize":false,"isolatedDeployment":false,"composeStatus":"error",
                     "domains":[{"domainId":"dom1","host":"%s","https":true,"port":%d,"customEntrypoint":null,"path":"/",
                       "serviceName":"web","domainType":"%s","uniqueConfigKey":12,"createdAt":"2025-01-02","composeId":"cmp1",
                       "customCertResolver":null,"applicationId":null,"previewDeploymentId":null,"certificateType":"letsencrypt",
                       "internalPath":"/","stripPath":false,"middlewares":[],"forwardAuthEnabled":false,"enabled":true}],
                     "deployments":[{"deploymentId":"dep1","title":"first","status":"done","createdAt":"2025-01-01T10:00:00.000Z"},
                       {"deploymentId":"dep2","title":"redeploy","status":"error","createdAt":"2025-01-03T10:00:00.000Z",
                        "errorMessage":"Domain \\"%s\\" is attached to service \\"web\\" which does not exist in the compose"}]}"""
                    .formatted(appName, host, port, domainType, host);
        });
        server.start();
    }

    String url() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    private interface Body { String of(HttpExchange ex); }

    private void answer(String path, String json) { answer(path, ex -> json); }

    private void answer(String path, Body body) {
        server.createContext(path, ex -> {
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
            if (!KEY.equals(ex.getRequestHeaders().getFirst("x-api-key"))) send(ex, 401, "{\"message\":\"Unauthorized\"}");
            else send(ex, 200, body.of(ex));
        });
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    @Override public void close() { server.stop(0); }
}

#!/usr/bin/env python3
"""Generate batch cases for the benchmarks: deterministic (seeded), realistic mixes of the
symptom facts and texts of knowledge/examples/field-notes.yaml and knowledge/causes/*/rules.drl.

  gen_cases.py --n 100000 --seed 42 --out cases.jsonl                       mixed: facts, text, invalid
  gen_cases.py --n 100000 --seed 42 --facts-only --out f.jsonl --clips f.clp   same facts for both engines

Mixed mode: ~60% facts only, ~20% text only, ~18% text plus facts, ~2% invalid lines (malformed
JSON, unknown key, wrong type, bad enum value, not an object). Facts-only mode writes only valid
fact cases, and with --clips the same cases as CLIPS commands for bench/clips.

Each case comes from a scenario (one per cause of the rule base, advice, vague symptoms,
healthy services): its telling facts are drawn with high probability, supporting facts with
lower, sometimes a refuting fact (a near miss), plus unrelated noise facts a real report has.
"""
import argparse
import json
import random
import sys

# ---- value helpers -----------------------------------------------------------------------------

DEPS = ["postgres", "redis", "db", "mysql", "mongo", "mariadb", "n8n-postgres", "cache", "api", "worker"]
APPS = ["shop", "n8n", "blog", "plausible", "umami", "gitea", "nextcloud", "ghost", "chatwoot", "metabase"]
HOSTS = ["example.com", "my-lab.dev", "acme.io", "home.example.org", "apps.test"]


def pick(*options):
    return lambda r, ctx: r.choice(options)


def const(v):
    return lambda r, ctx: v


def project(r):
    return f"{r.choice(APPS)}-{r.randrange(16 ** 6):06x}"


class Ctx:
    """Names shared by one case's facts and text (its project, dependency, host, ports)."""

    def __init__(self, r):
        self.project = project(r)
        self.app = self.project.split('-')[0]
        self.dep = r.choice(DEPS)
        self.host = f"{self.app}.{r.choice(HOSTS)}"
        self.port = r.choice([3000, 8080, 5678, 80, 8000, 2368, 9000, 5000])
        self.other_port = r.choice([p for p in [3000, 8080, 5678, 80, 8000, 2368, 9000, 5000] if p != self.port])


def nets_dokploy(r, c):
    return ["dokploy-network"]


def nets_default(r, c):
    return [f"{c.project}_default"]


def nets_both(r, c):
    both = ["dokploy-network", f"{c.project}_default"]
    r.shuffle(both)
    return both



# ---- scenarios -------------------------------------------------------------------------------
# core: drawn with p=0.85 each; extra: p=0.4 each; refute: one of them with p=0.15 (near miss).

SCENARIOS = {
    "multi-container-isolation": dict(
        weight=8,
        core={"app.dns_failure": const(True), "service.kind": const("compose"), "http.status": pick(502, 502, 504, 500)},
        extra={"service.has_dependencies": const(True), "domain.just_added": const(True),
               "app.networks": nets_dokploy, "dependency.networks": nets_default, "dependency.running": const(True),
               "dependency.name": lambda r, c: c.dep},
        refute={"dependency.shares_network": const(True), "service.has_dependencies": const(False)},
        texts=["Bad Gateway after adding a domain to my compose app.\napp-1  | Error: getaddrinfo EAI_AGAIN {c.dep}",
               "after adding a domain my docker-compose app returns 502; logs: getaddrinfo ENOTFOUND {c.dep}",
               "psql: error: could not translate host name \"{c.dep}\" to address: Name or service not known",
               "nginx: [emerg] host not found in upstream \"{c.dep}\" in /etc/nginx/conf.d/default.conf:12",
               "Bad Gateway since I added the domain. The app can't connect to the database: EAI_AGAIN {c.dep}"]),
    "traefik-not-on-dokploy-network": dict(
        weight=6,
        core={"http.status": const(504), "traefik.on_dokploy_network": const(False)},
        extra={"traefik.recreated": const(True), "fault.all_domains": const(True), "upstream.timeout": const(True),
               "http.body": const("Gateway Timeout")},
        refute={"traefik.on_dokploy_network": const(True)},
        texts=["New domains added via DokPloy return 504 Gateway Timeout.",
               "after restarting traefik all my domains give Gateway Timeout",
               "traefik log: '502 Bad Gateway' error=\"dial tcp 10.0.1.{c.port}:80: i/o timeout\" and the site shows 504",
               "Gateway Timeout on every domain since Traefik was recreated"]),
    "tunnel-to-websecure-without-cert": dict(
        weight=5,
        core={"tunnel.service": pick("https://localhost:443", "https://localhost", "https://127.0.0.1:443", "https://dokploy-traefik:443"),
              "http.status": const(404)},
        extra={"letsencrypt.failing": const(True), "tunnel.used": const(True), "http.body": const("404 page not found"),
               "route.via": const("traefik")},
        refute={"tunnel.service": const("http://localhost:80")},
        texts=["Wildcard tunnel route to https://localhost:443 returns 404 page not found",
               "cloudflared ingress service: https://localhost:443 and every host gives 404 page not found. "
               "traefik: Unable to obtain ACME certificate for domains \"{c.host}\"",
               "Cloudflare tunnel to https://dokploy-traefik:443, the site shows 404 page not found"]),
    "host-port-conflict": dict(
        weight=5,
        core={"host.port_conflict": const(True), "deploy.status": const("error")},
        extra={"host.port": lambda r, c: c.port, "deploy.error": lambda r, c: f"Bind for 0.0.0.0:{c.port} failed: port is already allocated"},
        refute={"host.port_conflict": const(False)},
        texts=["Deploy failed: Error response from daemon: driver failed programming external connectivity on endpoint\n"
               "sandbox-2-{c.app}-1: Bind for 0.0.0.0:{c.port} failed: port is already allocated",
               "Error starting userland proxy: listen tcp4 0.0.0.0:{c.port}: bind: address already in use",
               "deployment failed: port is already allocated"]),
    "deploy-error-but-containers-created": dict(
        weight=5,
        core={"deploy.status": const("error"), "containers.running": const(True)},
        extra={"service.kind": const("compose"), "host.port_conflict": const(False)},
        refute={"containers.running": const(False)},
        texts=["compose deploy shows error, but the containers are running",
               "DokPloy deployment failed with error status but docker ps shows the containers are up",
               "deploy status: error, yet containers started successfully"]),
    "sqlite-with-queue-mode": dict(
        weight=4,
        core={"app.queue_mode": const(True), "database.kind": const("sqlite")},
        extra={"containers.running": const(True)},
        refute={"database.kind": const("postgres")},
        texts=["n8n in queue mode with workers, DB_TYPE=sqlite; executions fail with SQLITE_BUSY: database is locked",
               "EXECUTIONS_MODE=queue and DB_TYPE=sqlite, workers crash with database is locked"]),
    "admin-role-missing-permissions": dict(
        weight=4,
        core={"user.action_denied": const(True), "user.role": pick("admin", "admin", "member")},
        extra={},
        refute={"user.role": const("owner")},
        texts=["I added a user as admin but they can't create projects",
               "made him an admin in DokPloy, still UNAUTHORIZED when he tries to create a service",
               "user with admin role cannot delete applications"]),
    "wrong-domain-type": dict(
        weight=5,
        core={"service.kind": const("compose"), "domain.type": const("application")},
        extra={"domain.created_via": const("api"), "http.status": const(404), "domain.service_name": const("")},
        refute={"domain.type": const("compose")},
        texts=["Domain added via the API with domainType application doesn't route to my compose service",
               "created the domain with domain.create (domainType: \"application\") for a docker compose stack: 404 page not found"]),
    "https-redirect-loop-behind-tunnel": dict(
        weight=5,
        core={"http.redirect_loop": const(True), "domain.https": const(True), "tunnel.used": const(True)},
        extra={"cloudflare.ssl_mode": pick("full", "strict"), "route.via": const("traefik")},
        refute={"domain.https": const(False)},
        texts=["New domain through Cloudflare tunnel and Traefik: ERR_TOO_MANY_REDIRECTS, https: true on the domain",
               "cloudflared tunnel to http://localhost:80, the browser says redirected you too many times; HTTPS switch is on"]),
    "domain-change-not-redeployed": dict(
        weight=5,
        core={"domain.changed_since_deploy": const(True), "service.kind": const("compose"), "http.status": const(404)},
        extra={"traefik.router_present": const(False), "http.body": const("404 page not found")},
        refute={"domain.changed_since_deploy": const(False)},
        texts=["Added a domain in DokPloy to my compose service but the URL returns 404 page not found; didn't redeploy",
               "changed the host of my docker-compose domain, not redeployed yet, now 404"]),
    "external-compose-without-network": dict(
        weight=5,
        core={"compose.networks_declared": const(False), "compose.editable": const(False), "service.kind": const("compose")},
        extra={"http.status": pick(404, 504), "app.networks": nets_default},
        refute={"app.networks": nets_both, "compose.networks_declared": const(True)},
        texts=["Service from an external GitHub repo returns 404 via Traefik; its docker-compose.yml has no network config",
               "third-party compose project without networks section, Gateway Timeout through Traefik"]),
    "traefik-network-label-missing": dict(
        weight=5,
        core={"app.networks": nets_both, "traefik.docker_network_label": const(""), "http.status": pick(502, 504)},
        extra={"http.intermittent": const(True), "traefik.provider_network": const("")},
        refute={"traefik.docker_network_label": const("dokploy-network")},
        texts=["intermittent 502 Bad Gateway: some deployments but not others",
               "traefik: Could not find network named \"default\" for container \"/{c.app}-web-1\". Maybe you're missing the project's prefix in the label? Defaulting to first available network.",
               "Gateway Timeout randomly, container is on two networks"]),
    "wrong-container-port": dict(
        weight=4,
        core={"domain.port": lambda r, c: c.port, "app.listen_port": lambda r, c: c.other_port, "http.status": const(502)},
        extra={"upstream.connection_refused": const(True), "http.body": const("Bad Gateway")},
        refute={"app.listen_port": lambda r, c: c.port},
        texts=["Bad Gateway; app logs: Server listening on port {c.other_port}, domain port is {c.port}",
               "502 from traefik: dial tcp 10.0.1.7:{c.port}: connect: connection refused"]),
    "app-listens-on-localhost": dict(
        weight=4,
        core={"app.listen_address": pick("127.0.0.1", "localhost", "::1"), "http.status": const(502)},
        extra={"upstream.connection_refused": const(True), "app.listen_port": lambda r, c: c.port,
               "app.listen_bound": pick("127.0.0.1", "0.0.0.0", "::")},
        refute={"app.listen_address": const("0.0.0.0")},
        texts=["Bad Gateway. app log: listening on http://127.0.0.1:{c.port}",
               "502, the server binds to localhost only; ECONNREFUSED"]),
    "cloudflare-flexible-ssl-loop": dict(
        weight=4,
        core={"http.redirect_loop": const(True), "cloudflare.ssl_mode": const("flexible"), "tunnel.used": const(False)},
        extra={"domain.https": const(True), "cloudflare.proxied": const(True)},
        refute={"cloudflare.ssl_mode": const("full")},
        texts=["ERR_TOO_MANY_REDIRECTS, Cloudflare SSL/TLS mode is Flexible, orange cloud DNS record to my server",
               "redirect loop on {c.host}, ssl set to flexible"]),
    "container-unhealthy": dict(
        weight=4,
        core={"container.health": pick("unhealthy", "unhealthy", "starting"), "http.status": pick(404, 503)},
        extra={"containers.running": const(True), "http.body": pick("404 page not found", "no available server")},
        refute={"container.health": const("healthy")},
        texts=["404 page not found although docker ps shows Up 2 hours (unhealthy)",
               "traefik: Filtering unhealthy or starting container {c.app}-web-1, the site says no available server"]),
    "tunnel-not-connected": dict(
        weight=4,
        core={"cloudflare.error": const(1033), "http.status": const(530)},
        extra={"tunnel.connected": const(False), "tunnel.used": const(True)},
        refute={"tunnel.connected": const(True)},
        texts=["Cloudflare Error 1033: Argo Tunnel error when opening {c.host}",
               "HTTP 530 with error code: 1033"]),
    "docker-api-too-new-for-traefik": dict(
        weight=3,
        core={"traefik.docker_api_error": const(True), "http.status": const(404)},
        extra={"docker.api_version": pick("1.52", "1.51", "1.44"), "traefik.version": pick("v3.1.2", "v2.11.10", "v3.6.2", "3.0.4"),
               "fault.all_domains": const(True)},
        refute={"traefik.version": const("v3.6.1")},
        texts=["after upgrading Docker every compose domain gives 404 page not found. traefik log: "
               "Error response from daemon: client version 1.24 is too old. Minimum supported API version is 1.44",
               "all my domains 404 since the docker update; traefik v3.1.2, API version: 1.52"]),
    "dependency-not-running": dict(
        weight=3,
        core={"dependency.running": const(False), "app.dns_failure": const(True)},
        extra={"dependency.shares_network": const(True), "service.kind": const("compose"), "dependency.name": lambda r, c: c.dep},
        refute={"dependency.running": const(True)},
        texts=["getaddrinfo ENOTFOUND {c.dep}; docker ps shows {c.dep} Exited (1)"]),
    "tunnel-origin-unreachable": dict(
        weight=3,
        core={"tunnel.origin_unreachable": const(True), "tunnel.used": const(True), "http.status": const(502)},
        extra={"cloudflared.in_docker": const(True), "tunnel.service": pick("http://localhost:80", "http://127.0.0.1:3000"),
               "tunnel.connected": const(True)},
        refute={"tunnel.origin_unreachable": const(False)},
        texts=["cloudflared: ERR error=\"Unable to reach the origin service. The service may be down or it may not be "
               "responding to traffic from cloudflared: dial tcp [::1]:80: connect: connection refused\" originService=http://localhost:80"]),
    "compose-labels-map-ignored": dict(
        weight=3,
        core={"compose.labels_form": const("map"), "service.kind": const("compose"), "http.status": const(404)},
        extra={"dokploy.version": pick("v0.26.6", "v0.28.3", "0.29.1"), "traefik.router_present": const(False),
               "domain.host": lambda r, c: c.host},
        refute={"compose.labels_form": const("list"), "dokploy.version": const("v0.30.2")},
        texts=["my docker-compose service with labels as a map gets 404 page not found on DokPloy v0.28.3"]),
    "letsencrypt-rate-limited": dict(
        weight=2,
        core={"letsencrypt.rate_limited": const(True), "letsencrypt.failing": const(True)},
        extra={"domain.https": const(True), "domain.certificate": const("letsencrypt")},
        refute={"letsencrypt.rate_limited": const(False)},
        texts=["traefik: Unable to obtain ACME certificate for domains \"{c.host}\": 429 urn:ietf:params:acme:error:rateLimited: "
               "too many certificates (5) already issued for this exact set of domains in the last 168h0m0s"]),
    "app-binds-container-hostname": dict(
        weight=2,
        core={"app.binds_container_hostname": const(True), "http.status": pick(502, 504)},
        extra={"http.intermittent": const(True), "app.networks": nets_both, "app.listen_bound": pick("10.0.1.7", "172.18.0.4")},
        refute={"app.listen_bound": const("0.0.0.0")},
        texts=["Next.js standalone: Listening on http://{c.app}-web-1:{c.port}, intermittent 502"]),
    "tunnel-origin-tls-error": dict(
        weight=2,
        core={"tunnel.origin_tls_error": const(True), "tunnel.used": const(True), "http.status": const(502)},
        extra={"tunnel.service": pick("https://localhost:443", "https://dokploy-traefik:443"), "tunnel.origin_unreachable": const(True)},
        refute={"tunnel.origin_tls_error": const(False)},
        texts=["cloudflared: Unable to reach the origin service: x509: certificate is valid for TRAEFIK DEFAULT CERT, not localhost"]),
    "route-advice": dict(
        weight=4,
        core={"user.goal": const("route-advice"), "compose.editable": pick(True, False)},
        extra={"compose.can_add_networks": pick(True, False), "service.needs_own_port": pick(True, False)},
        refute={},
        texts=[]),  # advice is asked through user.goal, a fact
    "vague-symptom": dict(
        weight=8,
        core={"http.status": pick(502, 504, 404, 500, 503)},
        extra={"tunnel.used": pick(True, False), "service.kind": pick("compose", "application"),
               "domain.just_added": const(True), "http.body": pick("Bad Gateway", "404 page not found", "Gateway Timeout")},
        refute={},
        texts=["my site is down with a 502", "getting 404 page not found on {c.host}", "Gateway Timeout",
               "the URL shows Bad Gateway since this morning"]),
    "healthy": dict(
        weight=3,
        core={"containers.running": const(True), "deploy.status": const("done")},
        extra={"container.health": pick("healthy", "none"), "traefik.on_dokploy_network": const(True),
               "traefik.router_present": const(True)},
        refute={},
        texts=["everything deployed fine, just checking", "deploy done, containers running"]),
}

NOISE = {
    "service.name": lambda r, c: f"{c.app}-web",
    "service.project": lambda r, c: c.project,
    "domain.host": lambda r, c: c.host,
    "domain.certificate": pick("none", "letsencrypt", "custom"),
    "route.via": pick("traefik", "direct"),
    "cloudflare.proxied": pick(True, False),
    "tunnel.remote_managed": pick(True, False),
    "logs": lambda r, c: f"{c.app}-web-1  | server started",
    "domain.https": pick(True, False),
    "host.port": lambda r, c: c.port,
    "dokploy.version": pick("v0.26.6", "v0.30.2", "v0.31.0"),
    "fault.reported": const(True),
}

INVALID = [
    lambda i, c: '{"id": "%s", "facts": {"http.status": 502' % i,                               # truncated JSON
    lambda i, c: json.dumps({"id": i, "facts": {"http.stauts": 502}}),                           # unknown key (typo)
    lambda i, c: json.dumps({"id": i, "facts": {"http.status": "Bad Gatway"}}),                 # not an int
    lambda i, c: json.dumps({"id": i, "facts": {"service.kind": "swarm"}}),                     # not an allowed value
    lambda i, c: json.dumps({"id": i, "facts": {"app.dns_failure": "maybe"}}),                  # not a bool
    lambda i, c: json.dumps([i, 502]),                                                            # not a case object
]


def build_facts(r, name, ctx, keep_core=0.85, keep_extra=0.4, near_miss=0.15, noise=0.3):
    s = SCENARIOS[name]
    facts = {}
    for key, gen in s["core"].items():
        if r.random() < keep_core:
            facts[key] = gen(r, ctx)
    if not facts and s["core"]:  # never an empty scenario case
        key = r.choice(sorted(s["core"]))
        facts[key] = s["core"][key](r, ctx)
    for key, gen in s["extra"].items():
        if r.random() < keep_extra:
            facts[key] = gen(r, ctx)
    if s["refute"] and r.random() < near_miss:
        key = r.choice(sorted(s["refute"]))
        facts[key] = s["refute"][key](r, ctx)
    for key, gen in NOISE.items():
        if key not in facts and r.random() < noise / 3:
            facts[key] = gen(r, ctx)
    return facts


def clips_value(key, v):
    if isinstance(v, bool):
        return f"(assert-bool {key} {'TRUE' if v else 'FALSE'})"
    if isinstance(v, int):
        return f"(assert-int {key} {v})"
    if isinstance(v, list):
        return f"(assert-list {key} {' '.join(clips_string(x) for x in v)})"
    return f"(assert-str {key} {clips_string(v)})"


def clips_string(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True, help="JSONL output ('-' for stdout)")
    ap.add_argument("--facts-only", action="store_true", help="valid fact cases only (engine comparison)")
    ap.add_argument("--clips", help="also write the cases as CLIPS commands (needs --facts-only)")
    args = ap.parse_args()
    if args.clips and not args.facts_only:
        sys.exit("--clips needs --facts-only: CLIPS gets no text extraction")

    r = random.Random(args.seed)
    names = sorted(SCENARIOS)
    weights = [SCENARIOS[n]["weight"] for n in names]
    out = sys.stdout if args.out == "-" else open(args.out, "w", buffering=1 << 20)
    clips = open(args.clips, "w", buffering=1 << 20) if args.clips else None
    for i in range(args.n):
        case_id = f"case-{i + 1:07d}"
        name = r.choices(names, weights)[0]
        ctx = Ctx(r)
        roll = 1.0 if args.facts_only else r.random()
        if roll < 0.02:
            out.write(r.choice(INVALID)(case_id, ctx) + "\n")
            continue
        texts = SCENARIOS[name]["texts"]
        if roll < 0.22 and texts:  # text only
            case = {"id": case_id, "text": r.choice(texts).format(c=ctx)}
        elif roll < 0.40 and texts:  # text plus a few facts
            facts = build_facts(r, name, ctx, keep_core=0.4, keep_extra=0.2)
            case = {"id": case_id, "text": r.choice(texts).format(c=ctx), "facts": facts}
        else:
            facts = build_facts(r, name, ctx)
            case = {"id": case_id, "facts": facts}
        out.write(json.dumps(case, separators=(",", ":")) + "\n")
        if clips:
            clips.write("(reset)\n")
            for key, v in case["facts"].items():
                clips.write(clips_value(key, v) + "\n")
            clips.write(f"(run)\n(report \"{case_id}\")\n")
    if clips:
        clips.write("(exit)\n")
        clips.close()
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()

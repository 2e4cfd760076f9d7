"""DRL `matches` patterns (Java String.matches: the whole string) as CLIPS tests.

CLIPS 6.30 has no regular expressions, so each pattern becomes an equivalent test:
- a finite language (literals, (a|b) groups, [0-7] classes, ? on a char or group) -> (member$ ?s (create$ ...)),
  i.e. a lookup among every string the pattern accepts;
- a finite prefix followed by .* -> a str-index prefix test;
- .* finite .* -> a str-index test (the text contains one of the strings);
- anything else must be written by hand in runtime.clp and named in NAMED below.
"""

MAX_EXPANSION = 500

# regex -> CLIPS deffunction (in runtime.clp) taking the string
NAMED = {
    r"https?://(localhost|127\.0\.0\.1)(:\d+)?/?": "local-http-origin-p",
    r".*[a-z0-9-]\.[a-z][a-z0-9-]*.*": "dotted-name-p",
    r"(https?://)?[a-z0-9_-]+(:\d+)?/?": "container-origin-p",
    r"(https?://)?(localhost|127\.0\.0\.1)(:\d+)?/?": "local-origin-p",
    r"[a-z0-9][a-z0-9_-]*": "bare-name-p",
    r"(localhost|127\.[0-9.]+|\[?::1\]?)(:[0-9]+)?": "loopback-name-p",
    r"http://(localhost|127\.0\.0\.1|[a-z0-9_-]+)(:\d+)?/?": "http-local-or-container-origin-p",
    r"http://[a-z0-9_-]*traefik[a-z0-9_-]*(:\d+)?/?": "http-traefik-origin-p",
    r".*network [0-9a-f]{12,64} not found.*": "network-id-not-found-p",
}


class Unsupported(Exception):
    pass


def _parse_alternatives(p, i):
    """Parse alternatives until ')' or end; return (set of strings, index)."""
    alternatives = []
    current = {""}
    while i < len(p) and p[i] != ')':
        if p[i] == '|':
            alternatives.append(current)
            current = {""}
            i += 1
            continue
        atom, i = _parse_atom(p, i)
        if i < len(p) and p[i] == '?':
            atom = atom | {""}
            i += 1
        elif i < len(p) and p[i] in '*+{':
            raise Unsupported(p)
        current = {a + b for a in current for b in atom}
        if len(current) > MAX_EXPANSION:
            raise Unsupported(p)
    alternatives.append(current)
    return set().union(*alternatives), i


def _parse_atom(p, i):
    c = p[i]
    if c == '(':
        j = i + 1
        if p.startswith('?:', j):
            j += 2
        inner, j = _parse_alternatives(p, j)
        if j >= len(p) or p[j] != ')':
            raise Unsupported(p)
        return inner, j + 1
    if c == '\\':
        if i + 1 >= len(p) or p[i + 1].isalnum():
            raise Unsupported(p)  # \d, \w, \s ... are classes, not literals
        return {p[i + 1]}, i + 2
    if c == '[':  # a class of literal characters and ranges ([0-7], [45]): each one of them
        j = p.find(']', i + 1)
        body = p[i + 1:j] if j > i + 1 else ''
        if not body or body[0] == '^' or '\\' in body or '[' in body:
            raise Unsupported(p)
        chars, k = set(), 0
        while k < len(body):
            if k + 2 < len(body) and body[k + 1] == '-':
                chars |= {chr(x) for x in range(ord(body[k]), ord(body[k + 2]) + 1)}
                k += 3
            else:
                chars.add(body[k])
                k += 1
        return chars, j + 1
    if c in '.[]{}^$*+?':
        raise Unsupported(p)
    return {c}, i + 1


def _strings(regex):
    strings, end = _parse_alternatives(regex, 0)
    if end != len(regex):
        raise Unsupported(regex)
    return sorted(strings)


def _quote(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def clips_test(regex):
    """A function of a CLIPS variable reference giving the test expression, or None."""
    if regex in NAMED:
        fn = NAMED[regex]
        return lambda ref: f"({fn} {ref})"
    try:
        if regex.startswith('.*') and regex.endswith('.*') and len(regex) > 4:
            needles = _strings(regex[2:-2])
            if "" in needles:
                return lambda ref: "TRUE"

            def contains_test(ref):
                tests = ' '.join(f"(str-index {_quote(x)} {ref})" for x in needles)
                return tests if len(needles) == 1 else f"(or {tests})"
            return contains_test
        if regex.endswith('.*'):
            prefixes = _strings(regex[:-2])
            if prefixes == [""]:
                return lambda ref: "TRUE"
            def prefix_test(ref):
                tests = ' '.join(f"(eq (str-index {_quote(x)} {ref}) 1)" for x in prefixes)
                return tests if len(prefixes) == 1 else f"(or {tests})"
            return prefix_test
        strings = _strings(regex)
        values = ' '.join(_quote(x) for x in strings)
        return lambda ref: f"(member$ {ref} (create$ {values}))"
    except Unsupported:
        return None


# Implications' `matches` (facts.yaml; Java Matcher.matches, CASE_INSENSITIVE, groups as $1):
# regex -> CLIPS deffunction (in runtime.clp) giving (create$ whole $1 $2 ...) or FALSE.
IMPLICATION_NAMED = {
    r"^[a-z0-9_-]+$": "groups-bare-name",
    r"^\[?([0-9a-z.:*-]*?)\]?:(\d{1,5})$": "groups-address-port",
    r"^(localhost|127\.\d+\.\d+\.\d+|::1|0\.0\.0\.0|::|\*)$": "groups-loopback-bound",
    r"^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\]|0\.0\.0\.0|::|\[::\]|\*)$": "groups-socket-bound",
    r".+,.+": "groups-several-items",
    r"[^,]+": "groups-one-item",
    r"[45]\d\d": "groups-error-status",
    r"^(?:[a-z0-9-]+\.){3,}(?:com|net|org|io|dev|app|xyz|me|tech|cloud|site|online|info|tld)$": "groups-multilevel-host",
}


def implication_groups(regex):
    """A function of a CLIPS string expression giving (create$ text groups...) or FALSE, or None."""
    if regex in IMPLICATION_NAMED:
        fn = IMPLICATION_NAMED[regex]
        return lambda ref: f"({fn} {ref})"
    body = regex[1:] if regex.startswith('^') else regex  # a whole match (Matcher.matches): ^ and $ add nothing
    if body.endswith('$') and not body.endswith('\\$'):
        body = body[:-1]
    if '(' in body.replace('(?:', ''):
        return None  # groups: write it by hand
    try:
        strings = sorted({x.lower() for x in _strings(body)})
    except Unsupported:
        return None
    values = ' '.join(_quote(x) for x in strings)
    return lambda ref: f"(groups-one-of {ref} (create$ {values}))"

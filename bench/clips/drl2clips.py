#!/usr/bin/env python3
"""Translate the DRL rule base (knowledge/causes/*/rules.drl, knowledge/shared/*.drl) into CLIPS defrules, one for one.

The DRL uses a small, regular subset (see src/main/java/dev/dokploydoctor/knowledge/Fact.java):
patterns on one generic Fact type, `not`, `or`, `eval(RuleFunctions...)`, and a consequence
that only calls insertLogical(new Evidence|Need|Fact ...). This script translates exactly that
subset and stops with file:line for anything else, so the CLIPS program can never silently
drift from the rules it is compared with.

Also emits, from knowledge/, what the engine reads besides the rules: which causes are advice
(knowledge/causes/<id>/cause.yaml `kind: advice`) and which fact values are symptoms (facts.yaml).

Usage: drl2clips.py KNOWLEDGE_DIR > rules.clp
"""
import glob
import itertools
import os
import re
import sys

import regexes  # the `matches` patterns: finite languages, prefixes, or named CLIPS functions


class TranslationError(Exception):
    pass


# ---- tokenizer -------------------------------------------------------------------------------

TOKEN = re.compile(r'''
    (?P<ws>\s+)
  | (?P<comment>//[^\n]*)
  | (?P<string>"(?:[^"\\]|\\.)*")
  | (?P<number>-?\d+(?:\.\d+)?)
  | (?P<var>\$[A-Za-z_]\w*)
  | (?P<name>[A-Za-z_][\w]*)
  | (?P<op>==|!=|>=|<=|&&|\|\||[><!(),.:;+])
''', re.VERBOSE)


def tokenize(text, line0):
    tokens, pos, line = [], 0, line0
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            raise TranslationError(f"line {line}: cannot read {text[pos:pos + 20]!r}")
        kind = m.lastgroup
        value = m.group()
        if kind not in ('ws', 'comment'):
            if kind == 'string':
                value = re.sub(r'\\(.)', lambda e: {'n': '\n', 't': '\t'}.get(e.group(1), e.group(1)), value[1:-1])
            tokens.append((kind, value, line))
        line += m.group().count('\n')
        pos = m.end()
    return tokens


class Tokens:
    def __init__(self, tokens, where):
        self.t, self.i, self.where = tokens, 0, where

    def peek(self, k=0):
        return self.t[self.i + k] if self.i + k < len(self.t) else ('eof', None, None)

    def next(self):
        tok = self.peek()
        self.i += 1
        return tok

    def expect(self, value):
        kind, v, line = self.next()
        if v != value:
            self.fail(f"expected {value!r}, found {v!r}", line)
        return v

    def accept(self, value):
        if self.peek()[1] == value:
            self.i += 1
            return True
        return False

    def fail(self, message, line=None):
        line = line if line is not None else self.peek()[2]
        raise TranslationError(f"{self.where}:{line}: {message}")


# ---- conditions --------------------------------------------------------------------------------

FIELDS = ('flag', 'num', 'text', 'lower', 'size', 'list')
FUNCTIONS = {  # RuleFunctions.<name> -> CLIPS deffunction in runtime.clp
    'isLoopback': 'is-loopback', 'isVersion': 'is-version', 'versionAtLeast': 'version-at-least',
    'traefikSupportsDocker29': 'traefik-supports-docker29', 'overlap': 'overlap',
    'hostAddressPort': 'host-address-port',
}
COMPARISONS = {'>': '>', '>=': '>=', '<': '<', '<=': '<=', '==': '=', '!=': '<>'}  # a call's number compared
ACCESSORS = {  # $var.<accessor> -> slot
    'getText': 'text', 'text': 'text', 'getLower': 'lower', 'lower': 'lower', 'getNum': 'num',
    'num': 'num', 'getList': 'list', 'list': 'list', 'getSize': 'size', 'size': 'size',
    'getFlag': 'flag', 'flag': 'flag',
}


def clips_literal(kind, value, tk):
    if kind == 'string':
        return '"' + value.replace('\\', '\\\\').replace('"', '\\"') + '"'
    if kind == 'number':
        return value
    if kind == 'name' and value in ('true', 'false'):
        return 'TRUE' if value == 'true' else 'FALSE'
    tk.fail(f"unsupported literal {value!r}")


class Translator:
    def __init__(self, where):
        self.where = where
        self.counter = 0
        self.bound = {}  # $var -> prefix of its slot variables

    def fresh(self, slot):
        self.counter += 1
        return f"?v{self.counter}-{slot}"

    def value(self, tk):
        """A literal, or a reference to a slot of a bound pattern ($label.getText())."""
        kind, v, line = tk.next()
        if kind == 'var':
            if v not in self.bound:
                tk.fail(f"{v} is not bound before this pattern", line)
            tk.expect('.')
            _, accessor, _ = tk.next()
            if tk.accept('('):
                tk.expect(')')
            if accessor not in ACCESSORS:
                tk.fail(f"unsupported accessor {v}.{accessor}", line)
            slot = ACCESSORS[accessor]
            return ('$?' if slot == 'list' else '?') + self.bound[v] + '-' + slot
        return clips_literal(kind, v, tk)

    def call(self, tk, slot_vars):
        """RuleFunctions.f(args) -> (f args); `text`/`lower` args are the pattern's own slots."""
        tk.expect('RuleFunctions')
        tk.expect('.')
        _, name, line = tk.next()
        if name not in FUNCTIONS:
            tk.fail(f"RuleFunctions.{name} has no CLIPS translation (add it to runtime.clp and FUNCTIONS)", line)
        tk.expect('(')
        args = []
        while not tk.accept(')'):
            kind, v, _ = tk.peek()
            if kind == 'name' and v in FIELDS and slot_vars is not None:
                tk.next()
                args.append(slot_vars(v))
            else:
                args.append(self.value(tk))
            tk.accept(',')
        return f"({FUNCTIONS[name]} {' '.join(args)})"

    def pattern(self, tk, binding=None):
        """Fact(key == "k", constraints...) -> (obs (key k) (slot constraint)...)."""
        tk.expect('Fact')
        tk.expect('(')
        key = None
        key_tests = []  # key != "k", key matches "re": constraints on a variable bound to the key
        source_tests = []  # source == "s", source != "s"
        origin_tests, origin_var = [], [None]  # origin (not) matches "re"
        slots = {}  # slot -> list of constraint strings (joined with &)
        prefix = binding[1:] if binding else None
        named = {}

        def slot_var(slot):
            if slot not in named:
                named[slot] = ('?' + prefix + '-' + slot) if prefix else self.fresh(slot)
            return named[slot]

        def add(slot, constraint):
            slots.setdefault(slot, []).append(constraint)

        def predicate(slot, expr_of_var):
            var = slot_var(slot)
            ref = ('$' + var) if slot == 'list' else var
            add(slot, ':' + expr_of_var(ref))

        never = False  # a test on the fact's evidence text: the bench's fact cases carry none
        while not tk.accept(')'):
            negate = tk.accept('!')
            kind, v, line = tk.peek()
            if negate and v == '(':  # !(a && evidence matches "re"): a conjunction with an evidence test is false here
                tk.next()
                depth, on_evidence = 1, False
                while depth:
                    _, w, _ = tk.next()
                    depth += (w == '(') - (w == ')')
                    on_evidence |= w == 'evidence'
                if not on_evidence:
                    tk.fail("!(...) is translated only around a test of the evidence text", line)
            elif v == 'evidence':  # evidence matches "re": no fact case has evidence text, so never true
                tk.next()
                tk.expect('matches')
                tk.next()
                never = True
            elif v == 'RuleFunctions':
                expr = self.call(tk, lambda s: ('$' + slot_var(s)) if s == 'list' else slot_var(s))
                if tk.peek()[1] in COMPARISONS:  # RuleFunctions.hostAddressPort(text) > 0
                    op = COMPARISONS[tk.next()[1]]
                    expr = f"({op} {expr} {self.value(tk)})"
                if negate:
                    expr = f"(not {expr})"
                # attach the test to the slot the function reads
                used = [s for s in FIELDS if s in named and slot_var(s) in expr]
                slot = used[0] if used else 'text'
                slot_var(slot)
                add(slot, ':' + expr)
            elif negate:
                tk.fail("'!' only before RuleFunctions calls", line)
            elif v == 'key':
                tk.next()
                if tk.accept('in'):  # key in ("a", "b"): either key, CLIPS's | between literals
                    tk.expect('(')
                    names = []
                    while not tk.accept(')'):
                        k, keyname, kl = tk.next()
                        if k != 'string':
                            tk.fail("key in (...) takes string literals", kl)
                        names.append(keyname)
                        tk.accept(',')
                    key = '|'.join(names)
                elif tk.accept('matches'):  # a test on a variable bound to the key
                    k, regex, rl = tk.next()
                    test = regexes.clips_test(regex) if k == 'string' else None
                    if test is None:
                        tk.fail(f"no CLIPS translation for key regex {regex!r} (add it to regexes.py)", rl)
                    key_tests.append(':' + test(slot_var('key')))
                elif tk.accept('!='):
                    k, keyname, kl = tk.next()
                    if k != 'string':
                        tk.fail("key must be compared with a string literal", kl)
                    key_tests.append('~' + keyname)
                else:
                    tk.expect('==')
                    k, keyname, kl = tk.next()
                    if k != 'string':
                        tk.fail("key must be compared with a string literal", kl)
                    key = keyname
            elif v in FIELDS:
                tk.next()
                self.constraint(tk, v, add, predicate, line)
            elif v == 'origin':  # origin matches "text.*" / origin not matches "...": a test on the obs's origin slot
                tk.next()
                negated = tk.accept('not')
                tk.expect('matches')
                k, regex, rl = tk.next()
                test = regexes.clips_test(regex) if k == 'string' else None
                if test is None:
                    tk.fail(f"no CLIPS translation for origin regex {regex!r} (add it to regexes.py)", rl)
                var = origin_var[0] = origin_var[0] or self.fresh('origin')
                origin_tests.append(':' + (f"(not {test(var)})" if negated else test(var)))
            elif v == 'source':  # source == "user" / source != "user": the obs's source slot (a symbol)
                tk.next()
                equal = tk.accept('==')
                if not equal:
                    tk.expect('!=')
                k, name, sl = tk.next()
                if k != 'string':
                    tk.fail("source must be compared with a string literal", sl)
                source_tests.append(name if equal else '~' + name)
            else:
                tk.fail(f"unsupported constraint starting with {v!r}", line)
            if not tk.accept(','):
                tk.accept('&&')  # a && b between two whole constraints: both hold, as with a comma
        if key_tests:
            key = '&'.join([key or slot_var('key')] + key_tests)
        if key is None:
            tk.fail("a Fact pattern must name its key")
        if binding:
            # a bound pattern exposes its slots to later patterns
            for slot in ('text', 'num', 'list'):
                slot_var(slot)
            self.bound[binding] = prefix
        parts = [f"(key {key})"]
        for slot in FIELDS:
            cs = slots.get(slot, [])
            if slot in named:
                var = named[slot]
                if slot == 'list':
                    var = '$' + var
                parts.append(f"({slot} {'&'.join([var] + cs)})")
            elif cs:
                parts.append(f"({slot} {'&'.join(cs)})")
        if source_tests:
            parts.append(f"(source {'&'.join(source_tests)})")
        if never:
            origin_var[0] = origin_var[0] or self.fresh('origin')
            origin_tests.append(':(eq 1 2)')
        if origin_tests:
            parts.append(f"(origin {'&'.join([origin_var[0]] + origin_tests)})")
        return f"(obs {' '.join(parts)})"

    def constraint(self, tk, field, add, predicate, line):
        negated_op = tk.accept('not')
        kind, op, _ = tk.next()
        if op in ('in',):
            tk.expect('(')
            values = []
            while not tk.accept(')'):
                values.append(self.value(tk))
                tk.accept(',')
            if negated_op:
                add(field, '&'.join('~' + x for x in values))
            else:
                add(field, '|'.join(values))
        elif op == 'contains':
            if field != 'list':
                tk.fail("contains is supported on list only", line)
            item = self.value(tk)
            if negated_op:
                predicate('list', lambda ref: f"(not (member$ {item} {ref}))")
            else:
                predicate('list', lambda ref: f"(member$ {item} {ref})")
        elif negated_op:
            tk.fail(f"'not {op}' is not supported", line)
        elif op == 'matches':
            k, regex, rl = tk.next()
            if k != 'string':
                tk.fail("matches needs a string literal", rl)
            test = regexes.clips_test(regex)
            if test is None:
                tk.fail(f"no CLIPS translation for regex {regex!r} (add it to regexes.py)", rl)
            predicate(field, test)
        elif op in ('==', '!='):
            v = self.value(tk)
            if field == 'list':
                tk.fail("compare lists with contains", line)
            add(field, v if op == '==' else '~' + v)
        elif op in ('>', '>=', '<', '<='):
            v = self.value(tk)
            predicate(field, lambda ref: f"({op} {ref} {v})")
        else:
            tk.fail(f"unsupported operator {op!r}", line)

    def element(self, tk):
        kind, v, line = tk.peek()
        if v == 'not':
            tk.next()
            if tk.peek()[1] == '(':
                parts = self.alternatives(tk)
                if len(parts) == 1:
                    return f"(not {parts[0]})"
                # "none of A, B..." is "not A and not B": CLIPS's `not` takes one element, not an `or`
                return '(and ' + ' '.join(f'(not {p})' for p in parts) + ')'
            return f"(not {self.pattern(tk)})"
        if v == 'exists':
            tk.next()
            if tk.peek()[1] != '(':
                return f"(exists {self.element(tk)})"
            parts = self.alternatives(tk)
            if len(parts) == 1:
                return f"(exists {parts[0]})"
            # CLIPS allows no `or` under `exists`: "one of A, B... exists" is "not all of them absent"
            return '(not (and ' + ' '.join(f'(not {p})' for p in parts) + '))'
        if v == 'eval':
            tk.next()
            tk.expect('(')
            negate = tk.accept('!')
            expr = self.call(tk, None)
            tk.expect(')')
            return f"(test {'(not ' + expr + ')' if negate else expr})"
        if v == '(':
            parts = self.alternatives(tk)
            return parts[0] if len(parts) == 1 else f"(or {' '.join(parts)})"
        if kind == 'var' and tk.peek(1)[1] == ':':
            tk.next()
            tk.next()
            return self.pattern(tk, binding=v)
        if v == 'Fact':
            return self.pattern(tk)
        tk.fail(f"unsupported condition starting with {v!r}", line)

    def alternatives(self, tk):
        """( A or B and C or ... ) -> [A, (and B C), ...]: `and` binds tighter than `or`, as in DRL"""
        tk.expect('(')
        parts = [self.conjunction(tk)]
        while tk.accept('or'):
            parts.append(self.conjunction(tk))
        tk.expect(')')
        return parts

    def conjunction(self, tk):
        parts = [self.element(tk)]
        while tk.accept('and'):
            parts.append(self.element(tk))
        return parts[0] if len(parts) == 1 else f"(and {' '.join(parts)})"

    def lhs(self, tk):
        out = []
        while tk.peek()[0] != 'eof':
            parts = [self.element(tk)]
            while tk.accept('or'):  # infix: `A or B` between two conditions of the rule
                parts.append(self.element(tk))
            out.append(parts[0] if len(parts) == 1 else f"(or {' '.join(parts)})")
        return out

    def rhs(self, tk, own_cause):
        """support/refute/need(drools, ...) (the cause is the rule's own unless named) and
        insertLogical(new Evidence|Need|Fact(...)); statements are ';'-separated."""
        out = []
        while tk.peek()[0] != 'eof':
            _, verb, line = tk.next()
            if verb in ('support', 'refute', 'need'):
                tk.expect('(')
                args = self.args(tk)
                tk.expect(')')
                tk.expect(';')
                if not args or args[0] != ('name', 'drools'):
                    tk.fail(f"{verb}(drools, ...) expected", line)
                own = 3 if verb == 'need' else 2
                if len(args) == own + 1:
                    cause = args[2][1] if verb == 'need' else args[1][1]
                elif len(args) == own and own_cause:
                    cause = own_cause
                else:
                    tk.fail(f"{verb}: wrong arguments, or the rule's name does not start with its cause", line)
                if verb == 'need':
                    out.append(('need', args[1][1], cause))
                else:
                    cf = float(args[-1][1])
                    out.append(('evidence', cause, -cf if verb == 'refute' else cf))
                continue
            if verb == 'causesNeeding':  # causesNeeding.refute(drools, "layer", cf): every cause that needs the layer
                tk.expect('.')
                _, method, _ = tk.next()
                tk.expect('(')
                args = self.args(tk)
                tk.expect(')')
                tk.expect(';')
                if method == 'hold' and len(args) == 2 and args[0] == ('name', 'drools') and args[1][0] == 'string':
                    # causesNeeding.hold(drools, "layer"): every cause that needs the layer held below a diagnosis
                    # (engine/CausesNeeding.hold, Evidence.hold: no certainty of its own)
                    layer = args[1][1]
                    if layer not in CAUSE_NEEDS:
                        tk.fail(f"causesNeeding: no cause needs the layer '{layer}'", line)
                    for cause, _ in CAUSE_NEEDS[layer]:
                        out.append(('hold', cause))
                    continue
                if method != 'refute' or len(args) != 3 or args[0] != ('name', 'drools') or args[1][0] != 'string':
                    tk.fail("causesNeeding.refute(drools, \"layer\", cf) or causesNeeding.hold(drools, \"layer\") expected", line)
                layer, cf = args[1][1], float(args[2][1])
                if layer not in CAUSE_NEEDS:
                    tk.fail(f"causesNeeding: no cause needs the layer '{layer}'", line)
                for cause, tie in CAUSE_NEEDS[layer]:  # as engine/CausesNeeding: the weaker of the rule's cf and the cause's tie
                    out.append(('evidence', cause, -min(cf, tie)))
                continue
            if verb != 'insertLogical':
                tk.fail(f"{verb}: only support, refute, need, causesNeeding.refute/hold and insertLogical are supported", line)
            tk.expect('(')
            tk.expect('new')
            _, cls, line = tk.next()
            tk.expect('(')
            if cls == 'Fact' and tk.peek()[0] == 'string' and tk.peek(1)[1] == ',' and tk.peek(2)[1] == 'RuleFunctions':
                key = tk.next()[1]  # new Fact("k", RuleFunctions.f($t.getText()), ...): its value computed
                tk.expect(',')
                value = ('call', self.call(tk, None))
                tk.expect(',')
                self.args(tk)
                tk.expect(')')
                tk.expect(')')
                tk.expect(';')
                out.append(('fact', key, value))
                continue
            args = self.args(tk)
            tk.expect(')')
            tk.expect(')')
            tk.expect(';')
            if cls == 'Evidence':
                if len(args) != 3 or args[0] != ('name', 'drools'):
                    tk.fail("Evidence(drools, cause, cf) expected", line)
                out.append(('evidence', args[1][1], args[2][1]))
            elif cls == 'Need':
                if len(args) < 3 or args[0] != ('name', 'drools'):
                    tk.fail("Need(drools, key, cause, why) expected", line)
                out.append(('need', args[1][1], args[2][1]))
            elif cls == 'Fact':
                if len(args) < 2 or args[0][0] != 'string':
                    tk.fail("Fact(\"key\", value, source, evidence) expected", line)
                out.append(('fact', args[0][1], args[1]))
            else:
                tk.fail(f"insertLogical(new {cls}) is not supported", line)
        return out

    def args(self, tk):
        """Top-level arguments; each is (kind, value) of its first token (string concatenations keep the first)."""
        args, depth, current = [], 0, None
        while True:
            kind, v, line = tk.peek()
            if kind == 'eof':
                tk.fail("unterminated argument list")
            if depth == 0 and v == ')':
                break
            tk.next()
            if v == '(':
                depth += 1
            elif v == ')':
                depth -= 1
            if depth == 0 and v == ',':
                args.append(current)
                current = None
                continue
            if current is None:
                current = (kind, v)
        if current is not None:
            args.append(current)
        return args


# ---- rules ------------------------------------------------------------------------------------

RULE = re.compile(r'^rule\s+"((?:[^"\\]|\\.)*)"(.*?)^when\b(.*?)^then\b(.*?)^end\b', re.S | re.M)
# AnswerSpace.FACT: a Fact pattern on a key; with `not ` before it, a guard (not tested)
FACT_KEY = re.compile(r'(\bnot\s+)?Fact\s*\(\s*key\s*==\s*"([a-z0-9_.]+)"')


def without_comments(drl):
    """AnswerSpace.withoutComments: // and /* */ comments outside strings removed."""
    out, i, in_string = [], 0, False
    while i < len(drl):
        c = drl[i]
        if in_string:
            out.append(c)
            if c == '\\' and i + 1 < len(drl):
                i += 1
                out.append(drl[i])
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
            out.append(c)
        elif drl.startswith('//', i):
            while i < len(drl) and drl[i] != '\n':
                i += 1
            continue
        elif drl.startswith('/*', i):
            end = drl.find('*/', i + 2)
            i = len(drl) if end < 0 else end + 2
            continue
        else:
            out.append(c)
        i += 1
    return ''.join(out)


def tested_keys(when):
    """The keys a rule tests for presence (AnswerSpace.testedKeysOf): its evidence rests on their facts."""
    keys = []
    for m in FACT_KEY.finditer(without_comments(when)):
        if m.group(1) is None and m.group(2) not in keys:
            keys.append(m.group(2))
    return keys


def assert_derived(key, arg, where):
    """A rule's insertLogical(new Fact(key, value, Fact.DERIVED, ...)): its own observation, "derived:<key>"."""
    kind, v = arg
    if kind == 'name' and v in ('true', 'false'):
        return f"(derive-bool {key} {'TRUE' if v == 'true' else 'FALSE'})"
    if kind == 'number':
        return f"(derive-int {key} {v})"
    if kind == 'string':
        return f'(derive-str {key} "{v}")'
    if kind == 'call':  # a RuleFunctions call giving a number (hostAddressPort)
        return f"(derive-int {key} {v})"
    raise TranslationError(f"{where}: derived fact {key} needs a literal value")


def translate_file(path):
    text = open(path, encoding='utf-8').read()
    rules = []
    for m in RULE.finditer(text):
        name, attributes, when, then = m.groups()
        line = text.count('\n', 0, m.start()) + 1
        where = os.path.relpath(path)
        if attributes.strip():
            raise TranslationError(f"{where}:{line}: rule attributes are not supported: {attributes.strip()}")
        t = Translator(where)
        when_line = line + m.group(0)[:m.start(3) - m.start()].count('\n')
        lhs = t.lhs(Tokens(tokenize(when, when_line), where))
        then_line = line + m.group(0)[:m.start(4) - m.start()].count('\n')
        own_cause = name.split(': ', 1)[0] if ': ' in name else None
        rhs = t.rhs(Tokens(tokenize(then, then_line), where), own_cause)
        rules.append((name, line, lhs, rhs, where, tested_keys(when)))
    declared = len(re.findall(r'^rule\s+"', text, re.M))
    if declared != len(rules):
        raise TranslationError(f"{path}: {declared} rules declared, {len(rules)} parsed")
    return rules


def clips_rule(name, line, lhs, rhs, where, keys):
    escaped = name.replace('\\', '\\\\').replace('"', '\\"')
    slug = re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')
    actions = []
    for item in rhs:
        if item[0] == 'evidence':
            actions.append(f'(assert (evidence (cause {item[1]}) (rule "{escaped}") (cf {float(item[2])}) (keys {" ".join(keys)})))')
        elif item[0] == 'hold':
            actions.append(f'(assert (evidence (cause {item[1]}) (rule "{escaped}") (cf 0.0) (hold TRUE) (keys {" ".join(keys)})))')
        elif item[0] == 'need':
            actions.append(f"(assert (need (key {item[1]}) (cause {item[2]})))")
        else:
            actions.append(assert_derived(item[1], item[2], where))
    body = '\n      '.join(lhs)
    acts = '\n   '.join(actions)
    return (f";; {where}:{line}  {name}\n"
            f"(defrule {slug}\n   (logical\n      {body})\n   =>\n   {acts})\n")


# ---- knowledge: advice causes and symptom values ---------------------------------------------

def rule_files(knowledge):
    """The DRL files the engine loads: knowledge/causes/<id>/*.drl and knowledge/shared/*.drl."""
    files = sorted(glob.glob(os.path.join(knowledge, 'causes', '*', '*.drl')))
    return files + sorted(glob.glob(os.path.join(knowledge, 'shared', '*.drl')))


# layer -> [(cause, tie)] from each cause.yaml's `needs: {layer: cf, ...}` (engine/CausesNeeding), in the causes' order
CAUSE_NEEDS = {}


def cause_needs(knowledge):
    needs = {}
    for f in sorted(glob.glob(os.path.join(knowledge, 'causes', '*', 'cause.yaml'))):
        m = re.search(r'^needs:\s*\{([^}]*)\}', open(f, encoding='utf-8').read(), re.M)
        if not m:
            continue
        for part in m.group(1).split(','):
            layer, cf = (x.strip() for x in part.split(':'))
            needs.setdefault(layer, []).append((os.path.basename(os.path.dirname(f)), float(cf)))
    return needs


def advice_causes(knowledge):
    out = []
    for f in sorted(glob.glob(os.path.join(knowledge, 'causes', '*', 'cause.yaml'))):
        text = open(f, encoding='utf-8').read()
        if re.search(r'^kind:\s*["\']?advice["\']?\s*(#.*)?$', text, re.M):
            out.append(os.path.basename(os.path.dirname(f)))
    return out


def symptom_specs(knowledge):
    """facts.yaml entries with `symptom:`, read without a YAML library (the file is regular)."""
    specs, key, ftype = [], None, None
    for line in open(os.path.join(knowledge, 'facts.yaml'), encoding='utf-8'):
        m = re.match(r'^  ([a-z][\w.-]*):\s*$', line)
        if m:
            key, ftype = m.group(1), None
            continue
        m = re.match(r'^    type:\s*(\w+)', line)
        if m:
            ftype = m.group(1)
            continue
        m = re.match(r'^    symptom:\s*(.+?)\s*$', line)
        if m and key:
            specs.append((key, ftype, m.group(1).strip('"\'')))
    return specs


def symptom_function(specs):
    """(symptom-p ?key ?f): mirrors FactSpec.isSymptom for this vocabulary."""
    branches = []
    for key, ftype, spec in specs:
        if spec == 'any':
            test = 'TRUE'
        elif ftype == 'int':
            m = re.match(r'^(>=|>)?\s*(-?\d+)$', spec)
            if not m:
                raise TranslationError(f"facts.yaml: {key}: symptom {spec!r} not understood")
            op = m.group(1) or '='
            test = f"(and (integerp ?num-value) ({op} ?num-value {m.group(2)}))"
        else:
            options = [o.strip().strip('"\'').lower() for o in spec.strip('[]').split(',') if o.strip()]
            test = '(member$ ?lower (create$ ' + ' '.join(f'"{o}"' for o in options) + '))'
        branches.append(f"      (case {key} then {test})")
    return ("(deffunction symptom-p (?key ?num-value ?lower)\n   (switch ?key\n"
            + '\n'.join(branches) + "\n      (default FALSE)))\n")


# ---- knowledge: implications (facts.yaml), Implications.apply --------------------------------

def yaml_scalar(text):
    """One YAML scalar of this regular file: 'single' ('' inside), "double", or plain up to a comment."""
    text = text.strip()
    if text.startswith("'"):
        out, i = [], 1
        while i < len(text):
            if text[i] == "'":
                if text.startswith("''", i):
                    out.append("'")
                    i += 2
                    continue
                return ''.join(out), text[i + 1:]
            out.append(text[i])
            i += 1
        raise TranslationError(f"facts.yaml: unterminated quote in {text!r}")
    if text.startswith('"'):
        m = re.match(r'"((?:[^"\\]|\\.)*)"', text)
        if not m:
            raise TranslationError(f"facts.yaml: unterminated quote in {text!r}")
        return re.sub(r'\\(.)', r'\1', m.group(1)), text[m.end():]
    m = re.match(r'([^#,}]*?)\s*(?=$|#|,|})', text)
    return m.group(1), text[m.end():]


def fact_types(knowledge):
    """key -> (type, enum values) from facts.yaml."""
    types, key = {}, None
    for line in open(os.path.join(knowledge, 'facts.yaml'), encoding='utf-8'):
        m = re.match(r'^  ([a-z][\w.-]*):\s*$', line)
        if m:
            key = m.group(1)
            types[key] = [None, []]
            continue
        m = re.match(r'^    type:\s*(\w+)', line)
        if m and key:
            types[key][0] = m.group(1)
        m = re.match(r'^    values:\s*\[(.*)\]', line)
        if m and key:
            types[key][1] = [v.strip().strip('"\'') for v in m.group(1).split(',') if v.strip()]
        if re.match(r'^\S', line):
            key = None
    return types


def implications(knowledge):
    """The implications: list of facts.yaml, as (when, matches or None, answered, [(key, value)], line)."""
    out, inside, current = [], False, None
    for n, line in enumerate(open(os.path.join(knowledge, 'facts.yaml'), encoding='utf-8'), 1):
        if re.match(r'^implications:', line):
            inside = True
            continue
        if inside and re.match(r'^\S', line) and not line.startswith('#'):
            break
        if not inside:
            continue
        m = re.match(r'^  (- |  )(when|matches|answered|then):\s*(.*)$', line)
        if not m:
            continue
        field, rest = m.group(2), m.group(3)
        if m.group(1) == '- ':
            current = {'when': None, 'matches': None, 'answered': False, 'then': [], 'line': n}
            out.append(current)
        if field == 'then':
            rest = rest.strip()
            if not rest.startswith('{'):
                raise TranslationError(f"facts.yaml:{n}: then: {{key: value}} expected")
            rest = rest[1:]
            while True:
                rest = rest.lstrip(' ,')
                if rest.startswith('}'):
                    break
                km = re.match(r'([a-z][\w.-]*):\s*', rest)
                if not km:
                    raise TranslationError(f"facts.yaml:{n}: cannot read {rest!r}")
                value, rest = yaml_scalar(rest[km.end():])
                current['then'].append((km.group(1), value))
        else:
            value, _ = yaml_scalar(rest)
            current[field] = (value == 'true') if field == 'answered' else value
    return out


def group_expr(value):
    """A then-value with $n groups as a CLIPS string expression over ?g (group 0 first)."""
    parts = re.split(r'\$(\d)', value)
    exprs = []
    for i, part in enumerate(parts):
        if i % 2:
            exprs.append(f"(nth$ {int(part) + 1} ?g)")
        elif part:
            exprs.append('"' + part.replace('\\', '\\\\').replace('"', '\\"') + '"')
    return exprs[0] if len(exprs) == 1 else f"(str-cat {' '.join(exprs)})"


def coerced(key, value, types, where):
    """(CLIPS type, CLIPS value) of a then-value without groups, as FactSpec.coerce; None: skipped."""
    ftype, values = types.get(key, (None, []))
    if ftype == 'bool':
        v = value.strip().lower()
        if v in ('true', 'yes', 'y', '1', 'on'):
            return 'bool', 'TRUE'
        if v in ('false', 'no', 'n', '0', 'off'):
            return 'bool', 'FALSE'
        return None
    if ftype == 'int':
        return ('int', str(int(value.strip()))) if re.fullmatch(r'[+-]?\d+', value.strip()) else None
    if ftype == 'enum':
        for v in values:
            if v.lower() == value.strip().lower():
                return 'str', '"' + v + '"'
        return None
    if ftype == 'string':
        return 'str', '"' + value.replace('\\', '\\\\').replace('"', '\\"') + '"'
    raise TranslationError(f"{where}: implied key {key} of type {ftype} is not supported")


def implications_function(entries, types):
    """(imply): Implications.apply on the case's facts, to a fixed point (4 rounds at most), fired
    first by a rule of the highest salience, so the rules see the implied facts as the engine's do."""
    body = []
    for e in entries:
        where = f"facts.yaml:{e['line']}"
        guard = ['(neq ?f FALSE)']
        if e['answered']:
            guard.append('(eq (fact-slot-value ?f source) user)')
        lines = [f"      ;; {where}: {e['when']}" + (f" matches {e['matches']}" if e['matches'] else ''),
                 f"      (bind ?f (obs-of {e['when']}))",
                 f"      (if {guard[0] if len(guard) == 1 else '(and ' + ' '.join(guard) + ')'} then",
                 "         (bind ?src-source (fact-slot-value ?f source))",
                 "         (bind ?src-origin (fact-slot-value ?f origin))"]
        if e['matches'] is not None:
            test = regexes.implication_groups(e['matches'])
            if test is None:
                raise TranslationError(f"{where}: no CLIPS translation for pattern {e['matches']!r} (add it to regexes.py)")
            lines.append(f"         (bind ?g {test('(fact-slot-value ?f text)')})")
        else:
            lines.append("         (bind ?g (create$ (fact-slot-value ?f text)))")
        lines.append("         (if (neq ?g FALSE) then")
        for key, value in e['then']:
            if '$' in value and e['matches'] is not None:
                ftype = types.get(key, (None,))[0]
                expr = group_expr(value)
                if ftype == 'string':
                    lines.append(f"            (if (imply-fact {e['when']} ?src-source ?src-origin {key} str {expr}) then (bind ?changed TRUE))")
                elif ftype == 'int':
                    lines.append(f"            (bind ?n (coerce-int {expr}))")
                    lines.append(f"            (if (and (neq ?n FALSE) (imply-fact {e['when']} ?src-source ?src-origin {key} int ?n)) then (bind ?changed TRUE))")
                else:
                    raise TranslationError(f"{where}: a group into {key} of type {ftype} is not supported")
            else:
                c = coerced(key, value, types, where)
                if c is None:
                    continue  # FactSpec.coerce refuses it: the engine skips it too
                lines.append(f"            (if (imply-fact {e['when']} ?src-source ?src-origin {key} {c[0]} {c[1]}) then (bind ?changed TRUE))")
        lines[-1] += '))'
        body.extend(lines)
    return ("(deffunction imply ()\n   (loop-for-count (?round 1 4) do\n      (bind ?changed FALSE)\n"
            + '\n'.join(body) + "\n      (if (not ?changed) then (break))))\n\n"
            "(defrule implications\n   (declare (salience 10000))\n   (initial-fact)\n   =>\n   (imply))\n")


def main():
    if len(sys.argv) != 2 or sys.argv[1].startswith('-'):
        sys.exit("usage: drl2clips.py KNOWLEDGE_DIR > rules.clp")
    knowledge = sys.argv[1]
    try:
        files = rule_files(knowledge)
        CAUSE_NEEDS.update(cause_needs(knowledge))
        rules = list(itertools.chain.from_iterable(translate_file(f) for f in files))
        slugs = [re.sub(r'[^a-z0-9]+', '-', r[0].lower()).strip('-') for r in rules]
        dup = {s for s in slugs if slugs.count(s) > 1}
        if dup:
            raise TranslationError(f"rule names collide after translation: {sorted(dup)}")
        out = [f";; Generated by bench/clips/drl2clips.py from {len(files)} DRL files: {len(rules)} rules.\n"
               ";; Do not edit: regenerate (bench/run.sh does).\n"]
        advice = advice_causes(knowledge)
        out.append("(deffunction advice-p (?cause)\n   (integerp (member$ ?cause (create$ "
                   + ' '.join(advice) + "))))\n")
        out.append(symptom_function(symptom_specs(knowledge)))
        entries = implications(knowledge)
        out.append(implications_function(entries, fact_types(knowledge)))
        out.extend(clips_rule(*r) for r in rules)
        sys.stdout.write('\n'.join(out))
        sys.stderr.write(f"drl2clips: {len(rules)} rules from {len(files)} files, "
                         f"{len(advice)} advice causes, {len(entries)} implications\n")
    except TranslationError as e:
        sys.exit(f"drl2clips: {e}")


if __name__ == '__main__':
    main()

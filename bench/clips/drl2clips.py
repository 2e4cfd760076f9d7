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
}
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

        while not tk.accept(')'):
            negate = tk.accept('!')
            kind, v, line = tk.peek()
            if v == 'RuleFunctions':
                expr = self.call(tk, lambda s: ('$' + slot_var(s)) if s == 'list' else slot_var(s))
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
                tk.expect('==')
                k, keyname, kl = tk.next()
                if k != 'string':
                    tk.fail("key must be compared with a string literal", kl)
                key = keyname
            elif v in FIELDS:
                tk.next()
                self.constraint(tk, v, add, predicate, line)
            else:
                tk.fail(f"unsupported constraint starting with {v!r}", line)
            tk.accept(',')
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
            if tk.accept('('):
                inner = self.element(tk)
                tk.expect(')')
                return f"(not {inner})"
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
        """( A or B or ... ) -> [A, B, ...]"""
        tk.expect('(')
        parts = [self.element(tk)]
        while tk.accept('or'):
            parts.append(self.element(tk))
        tk.expect(')')
        return parts

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
            if verb != 'insertLogical':
                tk.fail(f"{verb}: only support, refute, need and insertLogical are supported", line)
            tk.expect('(')
            tk.expect('new')
            _, cls, line = tk.next()
            tk.expect('(')
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


def assert_derived(key, arg, where):
    kind, v = arg
    if kind == 'name' and v in ('true', 'false'):
        return f"(assert-bool {key} {'TRUE' if v == 'true' else 'FALSE'})"
    if kind == 'number':
        return f"(assert-int {key} {v})"
    if kind == 'string':
        return f'(assert-str {key} "{v}")'
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
        rules.append((name, line, lhs, rhs, where))
    declared = len(re.findall(r'^rule\s+"', text, re.M))
    if declared != len(rules):
        raise TranslationError(f"{path}: {declared} rules declared, {len(rules)} parsed")
    return rules


def clips_rule(name, line, lhs, rhs, where):
    escaped = name.replace('\\', '\\\\').replace('"', '\\"')
    slug = re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')
    actions = []
    for item in rhs:
        if item[0] == 'evidence':
            actions.append(f'(assert (evidence (cause {item[1]}) (rule "{escaped}") (cf {float(item[2])})))')
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


def main():
    if len(sys.argv) != 2 or sys.argv[1].startswith('-'):
        sys.exit("usage: drl2clips.py KNOWLEDGE_DIR > rules.clp")
    knowledge = sys.argv[1]
    try:
        files = rule_files(knowledge)
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
        out.extend(clips_rule(*r) for r in rules)
        sys.stdout.write('\n'.join(out))
        sys.stderr.write(f"drl2clips: {len(rules)} rules from {len(files)} files, "
                         f"{len(advice)} advice causes\n")
    except TranslationError as e:
        sys.exit(f"drl2clips: {e}")


if __name__ == '__main__':
    main()

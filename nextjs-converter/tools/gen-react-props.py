#!/usr/bin/env python3
"""Generates src/main/resources/dev/sandboxorchestrator/nextjs/react-props.txt from @types/react/index.d.ts.

Usage: python3 tools/gen-react-props.py <path to node_modules/@types/react/index.d.ts> > react-props.txt

Output lines:
  E <tag> <Interface>          intrinsic element and its props interface ("SVG" for SVGProps)
  I <Interface> <Parent,...>   an attributes interface and what it extends
  P <propName> <kind>          a prop of the last I line
Kinds: flags S (any string), N (number), O (boolean), X (something else, e.g. a function), then "|" and the
string literals the type allows, "|"-separated.
"""
import re
import sys

src = open(sys.argv[1]).read()

aliases = {}
for m in re.finditer(r'^\s*(?:export )?type (\w+)\s*=\s*(.*?);\s*$', src, re.S | re.M):
    name, body = m.group(1), m.group(2)
    if '\n' in body and body.count(';') > 0:
        continue
    aliases[name] = body

def split_union(t):
    parts, depth, cur = [], 0, ''
    for ch in t:
        if ch in '([{<':
            depth += 1
        elif ch in ')]}>':
            depth -= 1
        if ch == '|' and depth == 0:
            parts.append(cur)
            cur = ''
        else:
            cur += ch
    parts.append(cur)
    return [p.strip() for p in parts if p.strip()]

def kind(t, seen=()):
    flags, lits = set(), []
    for p in split_union(t):
        p = re.sub(r'//.*', '', p).strip()
        if p in ('undefined', 'null', 'never'):
            continue
        if p in ('string', '(string & {})', 'string & {}', 'any'):
            flags.add('S')
        elif p == 'number':
            flags.add('N')
        elif p == 'boolean' or p == 'true' or p == 'false':
            flags.add('O')
        elif re.fullmatch(r'"[^"]*"', p) or re.fullmatch(r"'[^']*'", p):
            lits.append(p[1:-1])
        elif re.fullmatch(r'`.*`', p):
            flags.add('S')
        elif re.fullmatch(r'[A-Za-z_]\w*', p) and p in aliases and p not in seen:
            f, l = kind(aliases[p], seen + (p,))
            flags |= set(f)
            lits += l
        else:
            flags.add('X')
    return ''.join(sorted(flags)), lits

out = []
m = re.search(r'interface IntrinsicElements \{(.*?)\n        \}', src, re.S)
for line in m.group(1).splitlines():
    em = re.match(r'\s*"?([\w-]+)"?: React\.(?:DetailedHTMLProps<React\.(\w+)<|SVGProps<|(\w+)<)', line)
    if em:
        tag = em.group(1)
        iface = em.group(2) or ('SVG' if 'SVGProps' in line else em.group(3))
        out.append('E %s %s' % (tag, iface))

for im in re.finditer(r'\n    interface (\w+Attributes)(?:<T>)?(?: extends ([^{]+))?\s*\{(.*?)\n    \}', src, re.S):
    name, ext, body = im.group(1), im.group(2) or '', im.group(3)
    parents = [re.sub(r'<.*', '', p).strip() for p in ext.split(',') if p.strip()]
    out.append('I %s %s' % (name, ','.join(parents) or '-'))
    body = re.sub(r'/\*.*?\*/', '', body, flags=re.S)
    for pm in re.finditer(r'^\s*("?[\w-]+"?)\?:\s*(.*?);\s*$', body, re.S | re.M):
        prop = pm.group(1).strip('"')
        f, l = kind(' '.join(pm.group(2).split()))
        out.append('P %s %s' % (prop, f + '|' + '|'.join(l) if l else f + '|'))
print('\n'.join(out))

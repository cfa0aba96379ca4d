#!/usr/bin/env python3
"""The ten largest C# source files under src/ and the ten longest methods (lines from signature to closing brace).
   python3 scripts/code-sizes.py [REV]   -- REV: a git revision to measure instead of the working tree (issue 33's before/after)."""
import re, subprocess, sys

SIG = re.compile(r'^\s*(?:(?:public|private|protected|internal|static|async|override|virtual|sealed|new|partial|unsafe|extern)\s+)+'
                 r'[\w<>\[\],.?() ]+?\s+(\w+)\s*(?:<[^>]*>)?\s*\(')

def files(rev):
    if rev:
        out = subprocess.run(['git', 'ls-tree', '-r', '--name-only', rev, 'src'], capture_output=True, text=True, check=True).stdout
        names = [n for n in out.split('\n') if n.endswith('.cs') and '/obj/' not in n and '/bin/' not in n]
        return {n: subprocess.run(['git', 'show', f'{rev}:{n}'], capture_output=True, text=True).stdout for n in names}
    out = subprocess.run(['git', 'ls-files', 'src'], capture_output=True, text=True, check=True).stdout
    return {n: open(n, encoding='utf-8').read() for n in out.split('\n') if n.endswith('.cs')}

def methods(name, text):
    lines = text.split('\n')
    for i, line in enumerate(lines):
        m = SIG.match(line)
        if not m or line.rstrip().endswith(';') or '=>' in line.split('(')[0] or re.search(r'\b(class|record|struct|interface)\b', line):
            continue
        depth, started = 0, False
        for j in range(i, min(len(lines), i + 2000)):
            if j > i + 3 and not started:
                break
            depth += lines[j].count('{') - lines[j].count('}')
            started = started or '{' in lines[j]
            if '=>' in lines[j] and not started:
                break
            if started and depth <= 0:
                yield (j - i + 1, f'{name.split("/")[-1][:-3]}.{m.group(1)}')
                break

def main():
    rev = sys.argv[1] if len(sys.argv) > 1 else None
    src = files(rev)
    print('largest files (lines):')
    for n, t in sorted(src.items(), key=lambda kv: -kv[1].count('\n'))[:10]:
        print(f'  {t.count(chr(10)):5}  {n}')
    print('longest methods (lines):')
    for length, name in sorted((m for n, t in src.items() for m in methods(n, t)), reverse=True)[:10]:
        print(f'  {length:5}  {name}')

main()

#!/usr/bin/env python3
"""Derives data/traditional.txt, the Traditional-only characters that `speechgen check` reports
and `bank lint` refuses (src/script.rs embeds the file).

Source: OpenCC's dictionary (Apache-2.0), as shipped in the npm package `opencc`:
  npm install --ignore-scripts opencc@1.4.2
  python3 data/gen_traditional.py node_modules/opencc/data/dictionary

A character is Traditional-only when OpenCC's t2s changes it (TSCharacters.txt: its first
candidate is another character) and it never stands in correct Simplified text:
- dropped when the character is one of its own candidates (乾 → 干|乾, 於 → 于|於, 徵 → 征|徵):
  Simplified keeps it in some words (乾坤, 於姓, 宫商角徵羽);
- dropped when an OpenCC phrase keeps it unchanged (TSPhrases.txt: 濛 in 八濛山), except for the
  data slips listed in STILL_TRADITIONAL.
Output: pairs of a Traditional character and its t2s Simplified form (會会), in code-point order,
32 pairs to a line; a line starting with # is a comment.
"""
import os
import sys

STILL_TRADITIONAL = set("計")  # 不可貲計 → 不可赀計 is a slip in TSPhrases, 計 is Traditional


def read(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            k, v = line.rstrip("\n").split("\t", 1)
            out[k] = v.split()
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    d = sys.argv[1]
    chars = read(os.path.join(d, "TSCharacters.txt"))
    phrases = read(os.path.join(d, "TSPhrases.txt"))
    changed = {k for k, v in chars.items() if len(k) == 1 and v and v[0] != k}
    keep = {k for k in changed if k in chars[k]}
    for k, cands in phrases.items():
        for cand in cands:
            keep.update(a for a, b in zip(k, cand) if a == b and a in changed)
    keep -= STILL_TRADITIONAL
    table = sorted(c for c in changed - keep if len(chars[c][0]) == 1)
    with open("data/traditional.txt", "w", encoding="utf-8") as f:
        f.write(f"# {len(table)} Traditional-only characters from OpenCC TSCharacters/TSPhrases; made by data/gen_traditional.py\n")
        pairs = [c + chars[c][0] for c in table]
        for i in range(0, len(pairs), 32):
            f.write("".join(pairs[i : i + 32]) + "\n")
    print(f"{len(table)} characters; kept as Simplified: {''.join(sorted(keep))}", file=sys.stderr)


if __name__ == "__main__":
    main()

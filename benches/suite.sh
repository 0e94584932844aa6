#!/usr/bin/env bash
# The benchmark suite of issue 5, with its peers in the same run.
#
#   benches/suite.sh 10k        # a few minutes
#   benches/suite.sh 100k       # under ~20 minutes
#   benches/suite.sh 1m         # by hand: ~5 GB of corpus, keep 10 GB free
#   SUITE_ONLY="typing" benches/suite.sh 1m   # some parts again, on the
#                               # index of the last full run at that size
#   SUITE_COLD_RUNS=20 SUITE_ONLY="typing" benches/suite.sh 1m   # as root: also
#                               # type one pass from a dropped page cache, 20
#                               # times, while another build indexes
#
# Parts: parse index queries domain grouping app launch typing (all by default). A
# partial run writes bench-data/results-SIZE-only.md and keeps the full table.
#
# Builds release, generates the corpus (byline-gen, seed 1, cached under
# $CARGO_TARGET_DIR/bench-data, default target/bench-data), installs the
# peers there if missing (tantivy-cli and, when the system has none, ripgrep
# and hyperfine, from crates.io), measures, prints one markdown table and
# writes it to bench-data/results-SIZE.md. Every latency is "p50 / p99 over
# n runs"; the ratio column is peer ÷ byline, so above 1 byline is faster
# (or smaller). Timings never fail: the script fails only when a step cannot
# run at all.
set -euo pipefail

size=${1:-10k}
case $size in
10k) articles=10000 ;;
100k) articles=100000 ;;
1m | 1M) articles=1000000 size=1m ;;
*[!0-9]* | '') echo "usage: $0 10k|100k|1m|N" >&2 && exit 2 ;;
*) articles=$size ;;
esac
root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
data=$target/bench-data
peers=$target/peers
corpus=$data/corpus-$size
work=$data/run-$size
out=$data/results-$size.md
byline=$target/release/byline
# One run of `byline index` per corpus at 100k and above (grouping is the long part).
index_runs=$((articles <= 10000 ? 3 : 1))
query_repeat=$((articles <= 10000 ? 50 : 30))
# A p99 of about a hundred keys is the slowest key or the one before it:
# from 100k on, the typing queries are typed three times over.
typing_passes=$((articles <= 10000 ? 1 : 3))
cold_runs=${SUITE_COLD_RUNS:-0}
[[ $cold_runs =~ ^[0-9]+$ ]] || { echo "SUITE_COLD_RUNS is a number of runs" >&2 && exit 2; }
started=$(date +%s)
# The revision measured, read before anything is built (commits may land during a run).
revision=$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- src benches Cargo.toml Cargo.lock || echo +changes)

only=${SUITE_ONLY:-}
want() { [ -z "$only" ] || [[ " $only " == *" $1 "* ]]; }
step() { echo "==> [$(($(date +%s) - started)) s] $*" >&2; }
if want typing && ((cold_runs > 0)) && [ ! -w /proc/sys/vm/drop_caches ]; then
	echo "SUITE_COLD_RUNS drops the page cache: run as root" >&2 && exit 2
fi

step "build (release)"
# `cargo bench` builds byline and byline-gen too, in target/release. The
# suite binary is called directly from then on: editing the sources while
# the suite runs does not rebuild anything under it.
suite_bin=$(cd "$root" && cargo bench -q --bench suite --no-run --message-format=json |
	sed -n 's/.*"executable":"\([^"]*\/suite-[^"]*\)".*/\1/p' | tail -n 1)
suite() { "$suite_bin" "$@"; }

step "peers"
mkdir -p "$peers"
export PATH=$peers/bin:$PATH
if ! [ -x "$peers/bin/tantivy" ]; then
	# The newest tantivy-cli first; older ones if it does not build with this toolchain.
	for v in 0.24.0 0.22.0; do
		CARGO_TARGET_DIR=$peers/build cargo install -q tantivy-cli --version "=$v" --root "$peers" && break
	done
fi
# Pinned: the newest releases may need a newer rustc than this machine's.
# ripgrep needs PCRE2 for the AND question (two lookaheads).
rg --pcre2-version >/dev/null 2>&1 || cargo install -q ripgrep --version "=15.2.0" --locked --features pcre2 --root "$peers"
command -v hyperfine >/dev/null || cargo install -q hyperfine --version "=1.20.0" --locked --root "$peers"
for tool in /usr/bin/time script tmux; do
	command -v $tool >/dev/null || { echo "$0: needs $tool (apt-get install time bsdutils tmux)" >&2 && exit 2; }
done

if ! [ -f "$corpus/done" ]; then
	step "generate $articles articles"
	"$target/release/byline-gen" --articles "$articles" --seed 1 --out "$corpus" --format shards --shard-size 1000 --force >&2
	touch "$corpus/done"
fi
jsonl=$data/corpus-$size.jsonl
if [ -z "$only" ]; then
	rm -rf "$work" && mkdir -p "$work/index"
	rows=$work/rows.md
else
	want index && { echo "$0: the index part runs only in a full run" >&2 && exit 2; }
	[ -d "$work/home-1" ] || { echo "$0: no index of a full run at $size in $work" >&2 && exit 2; }
	rows=$work/rows-only.md out=$data/results-$size-only.md
	rm -f "$rows"
fi

if want parse; then
	step "parse throughput"
	suite parse "$corpus/shards" >>"$rows"
fi
if [ -z "$only" ] && ! [ -f "$jsonl" ]; then
	step "export the articles as tantivy-cli JSON lines"
	suite export "$corpus/shards" "$jsonl.tmp" && mv "$jsonl.tmp" "$jsonl"
fi

# tantivy-cli's schema: the same fields and tokenizer choices as byline
# (English stemming with positions for title and body). The date is a fast
# field but not indexed: tantivy-cli searches every indexed field by
# default, and a word is no date.
tantivy_schema='{"index_settings":{"docstore_compression":"lz4","docstore_blocksize":16384},"segments":[],"opstamp":0,"schema":[
{"name":"title","type":"text","options":{"indexing":{"record":"position","fieldnorms":true,"tokenizer":"en_stem"},"stored":true,"fast":false}},
{"name":"body","type":"text","options":{"indexing":{"record":"position","fieldnorms":true,"tokenizer":"en_stem"},"stored":true,"fast":false}},
{"name":"outlet","type":"text","options":{"indexing":{"record":"position","fieldnorms":true,"tokenizer":"default"},"stored":true,"fast":false}},
{"name":"date","type":"date","options":{"indexed":false,"fieldnorms":false,"fast":true,"stored":true,"precision":"seconds"}},
{"name":"url","type":"text","options":{"indexing":null,"stored":true,"fast":false}}]}'

for i in $([ -z "$only" ] && seq 1 $index_runs); do
	step "index run $i/$index_runs: byline, then tantivy-cli"
	rm -rf "$work/home-$i" "$work/tantivy-$i"
	/usr/bin/time -v -o "$work/index/byline-$i.time" env BYLINE_HOME="$work/home-$i" \
		"$byline" index --json "$corpus/shards" >"$work/index/byline-$i.json" 2>"$work/index/byline-$i.log"
	mkdir -p "$work/tantivy-$i" && echo "$tantivy_schema" >"$work/tantivy-$i/meta.json"
	# Two indexing threads and byline's writer heap (128 MB), as byline uses.
	/usr/bin/time -v -o "$work/index/tantivy-$i.time" \
		tantivy index -i "$work/tantivy-$i" -f "$jsonl" -t 2 -m 134217728 >"$work/index/tantivy-$i.log" 2>&1
	if [ "$i" -gt 1 ]; then rm -rf "$work/home-$i" "$work/tantivy-$i"; fi
done
# The same articles one file each (.txt, .md, small .jsonl), as a reader's
# own archive is laid out: up to 100k (a million files is by hand).
files=$data/files-$size
if [ -z "$only" ] && [ "$articles" -le 100000 ]; then
	if ! [ -f "$files/done" ]; then
		step "generate $articles articles, one file each"
		"$target/release/byline-gen" --articles "$articles" --seed 1 --out "$files" --format files --force >&2
		touch "$files/done"
	fi
	step "index run: byline, one file per article"
	rm -rf "$work/home-files"
	/usr/bin/time -v -o "$work/index/files-1.time" env BYLINE_HOME="$work/home-files" \
		"$byline" index --json "$files/files" >"$work/index/files-1.json" 2>"$work/index/files-1.log"
	rm -rf "$work/home-files"
fi
home=$work/home-1
tindex=$work/tantivy-1
[ -n "$only" ] || {
	echo "articles $articles"
	echo "byline_input $(du -sb "$corpus/shards" | cut -f1)"
	echo "tantivy_input $(stat -c %s "$jsonl")"
	echo "byline_index $(du -sbc "$home"/data/index-v* | tail -n 1 | cut -f1)"
	if [ -d "$files/files" ]; then
		echo "files_input $(du -sb "$files/files" | cut -f1)"
		echo "files_count $(find "$files/files" -type f | wc -l)"
	fi
	echo "tantivy_index $(du -sb "$tindex" | cut -f1)"
} >"$work/index/sizes"
[ -n "$only" ] || suite report-index "$work/index" >>"$rows"

if want queries; then
	step "query latency: byline, tantivy-cli, ripgrep"
	suite questions "$home" >"$work/questions.tsv"
	suite search "$home" --tantivy "$(command -v tantivy)" --tantivy-index "$tindex" --corpus "$corpus/shards" \
		--repeat "$query_repeat" >>"$rows"
fi

if want domain; then
	step "related, compare"
	suite domain "$home" >>"$rows"
fi

if want grouping; then
	step "grouping against the planted events"
	suite grouping "$home" "$corpus" >>"$rows"
fi

if want app; then
	step "keystrokes and frames, in-process"
	suite app "$home" >>"$rows"
fi

want launch && step "launch to first frame (hyperfine, in a pty)"
pty() { printf "script -qec 'stty cols 110 rows 30; %s' /dev/null" "$1"; }
want launch && hyperfine -N --style none --warmup 3 --runs 30 --export-json "$work/launch-base.json" "$(pty true)" >&2
for what in $(want launch && echo 1 results); do
	hyperfine -N --style none --warmup 3 --runs 30 --export-json "$work/launch-$what.json" \
		"$(pty "env BYLINE_HOME=$home BYLINE_BENCH_EXIT_AFTER_FIRST_FRAME=$what $byline")" >&2
done
if want launch; then
	suite report-launch "$work/launch-1.json" "$work/launch-base.json" "first frame" >>"$rows"
	suite report-launch "$work/launch-results.json" "$work/launch-base.json" "first frame with results" >>"$rows"
fi

if want typing; then
	step "keystrokes in a real terminal (tmux), idle and while indexing"
	rm -f "$work/keys-idle.log" "$work/keys-indexing.log" # the app appends
	suite typing "$home" >"$work/typing.txt"
	sock=byline-bench-$$
	# type_queries LOG LABEL PASSES: the typing queries, PASSES times over,
	# then (with a LABEL) browse and report the memory held.
	type_queries() {
		local log=$1 label=$2 passes=$3
		tmux -L "$sock" new-session -d -s k -x 110 -y 30 \
			"env BYLINE_HOME=$home BYLINE_BENCH_KEYLOG=$log $byline"
		sleep 3
		for ((pass = 0; pass < passes; pass++)); do
			while read -r query; do
				for ((c = 0; c < ${#query}; c++)); do
					tmux -L "$sock" send-keys -t k -l -- "${query:c:1}"
					sleep 0.15
				done
				sleep 0.5
				tmux -L "$sock" send-keys -t k C-u
				sleep 0.5
			done <"$work/typing.txt"
		done
		# Browse: a search, and an article open, then the memory it holds.
		if [ -n "$label" ]; then
			tmux -L "$sock" send-keys -t k -l -- "$(head -n 1 "$work/typing.txt")"
			sleep 1
			tmux -L "$sock" send-keys -t k Enter
			sleep 1.5
			suite report-rss "$(tmux -L "$sock" display -p -t k '#{pane_pid}')" "$label" >>"$rows"
		fi
		tmux -L "$sock" send-keys -t k C-c
		sleep 0.5
		tmux -L "$sock" kill-server 2>/dev/null || true
	}
	type_queries "$work/keys-idle.log" "$articles articles, after a search and an article" "$typing_passes"
	# `byline index` over and over on the same corpus in another home, in its
	# own process group, for as long as the typing lasts.
	setsid bash -c 'while :; do rm -rf "$0"; BYLINE_HOME="$0" "$1" index "$2" >/dev/null 2>&1; done' \
		"$work/home-bg" "$byline" "$corpus/shards" &
	indexer=$!
	# However the script ends from here, the other build ends with it.
	trap 'kill -- "-$indexer" 2>/dev/null || true' EXIT
	sleep 1
	type_queries "$work/keys-indexing.log" "while \`byline index\` runs" "$typing_passes"
	# The harshest case: nothing of the index in the page cache, and the
	# other build reading and writing beside it. One log for all the runs.
	rm -f "$work/keys-cold.log"
	for ((run = 0; run < cold_runs; run++)); do
		sync
		echo 3 >/proc/sys/vm/drop_caches
		type_queries "$work/keys-cold.log" "" 1
	done
	kill -- "-$indexer" 2>/dev/null || true
	trap - EXIT
	wait "$indexer" 2>/dev/null || true
	sleep 1 # its `byline index` child gets the signal too, and ends
	rm -rf "$work/home-bg"
	suite report-keylog "$work/keys-idle.log" "" >>"$rows"
	suite report-keylog "$work/keys-indexing.log" ", while \`byline index\` runs on another home" >>"$rows"
	if ((cold_runs > 0)); then
		suite report-keylog "$work/keys-cold.log" \
			", while \`byline index\` runs, from a dropped page cache ($cold_runs runs of one pass)" >>"$rows"
	fi
fi

total=$(($(date +%s) - started))
{
	echo "### $articles articles ($size)"
	echo
	echo "$(date -u +%Y-%m-%d), byline $revision, $(nproc) cores," \
		"$(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr); suite run took ${total} s."
	echo "Peers: $(tantivy --version 2>/dev/null || echo tantivy-cli 0.24.0), $(rg --version | head -n 1)," \
		"$(hyperfine --version). Latencies are p50 / p99 over n runs; the ratio is peer ÷ byline (above 1: byline faster or smaller)."
	echo
	echo "| what | byline | peer | ratio | target (issue 5) |"
	echo "| --- | --- | --- | --- | --- |"
	cat "$rows"
} >"$out"
cat "$out"
step "done: $out"

#!/usr/bin/env bash
# A plain install reads every input format (issue 10): build the wheel, install it with NO
# extras into a fresh venv outside the source tree (so nothing can import src/ by accident),
# and analyse the bundled HTML page, RSS feed and WARC with that install. Fails when any of
# them is not analysed. A dev install brings extra packages along and would hide a missing
# dependency (lxml_html_clean, once): this is the check that cannot be hidden.
#
# Usage: scripts/check_plain_install.sh [PYTHON]   (default python3; needs PyPI reachable)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${1:-python3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-plain.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

echo "plain install: building the wheel"
"$PY" -m venv "$WORK/build"
"$WORK/build/bin/python" -m pip install --quiet --upgrade pip
"$WORK/build/bin/python" -m pip wheel --quiet --no-deps --wheel-dir "$WORK/dist" "$ROOT"
WHEEL="$(ls "$WORK"/dist/newsgraph-*.whl)"

echo "plain install: installing $(basename "$WHEEL") with no extras into a fresh venv"
"$PY" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --quiet --upgrade pip
"$WORK/venv/bin/python" -m pip install --quiet "$WHEEL"

cd "$WORK"   # outside the source tree: only the installed package can be imported
WHERE="$("$WORK/venv/bin/python" -c 'import newsgraph; print(newsgraph.__file__)')"
case "$WHERE" in
  "$WORK/venv/"*) ;;
  *) echo "plain install: FAILED, newsgraph was imported from $WHERE, not from the venv"; exit 1 ;;
esac

status=0
for sample in maiduguri-bombings.html world-feed.rss kunduz-capture.warc.gz; do
  out="$WORK/${sample%%.*}.jsonl"
  if ! "$WORK/venv/bin/newsgraph" analyze "$ROOT/samples/$sample" -o "$out" --quiet 2> "$WORK/err.txt"; then
    echo "plain install: FAILED on $sample:"; tail -5 "$WORK/err.txt"; status=1; continue
  fi
  n="$(grep -c '"entities"' "$out" || true)"
  if [ "$n" -lt 1 ]; then
    echo "plain install: FAILED, $sample gave no analysed article"; tail -5 "$WORK/err.txt"; status=1
  else
    echo "plain install: $sample -> $n analysed article(s)"
  fi
done
# The web desk is an extra: without it, `serve` names the extra (and the wheel ships its templates/assets).
if "$WORK/venv/bin/newsgraph" serve --db "$WORK/none.db" > /dev/null 2> "$WORK/serve.txt"; then
  echo "plain install: FAILED, serve ran without the serve extra"; status=1
elif ! grep -q "newsgraph\[serve\]" "$WORK/serve.txt"; then
  echo "plain install: FAILED, serve without the extra did not name it:"; cat "$WORK/serve.txt"; status=1
else
  echo "plain install: serve without the extra says: $(tr -s ' \n' ' ' < "$WORK/serve.txt" | cut -c1-120)"
fi
for f in api/templates/story.html api/static/app.js api/static/world.svg; do
  if ! "$WORK/venv/bin/python" -c "import zipfile,sys; sys.exit('newsgraph/$f' not in zipfile.ZipFile('$WHEEL').namelist())"; then
    echo "plain install: FAILED, the wheel lacks newsgraph/$f"; status=1
  fi
done
exit "$status"

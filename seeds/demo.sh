#!/usr/bin/env bash
# Post both reference articles to a running service (make run) and print each quote as
#   speaker (role): "quote"
# Usage: bash seeds/demo.sh [BASE_URL]   (default http://127.0.0.1:8000)
set -euo pipefail
base=${1:-${QUOTES_URL:-http://127.0.0.1:8000}}
here=$(cd "$(dirname "$0")" && pwd)
auth=()
if [ -n "${QUOTES_API_KEY:-}" ]; then auth=(-H "Authorization: Bearer $QUOTES_API_KEY"); fi

for article in "$here"/*.txt; do
  echo "== $(basename "$article")"
  curl -fsS "${auth[@]}" -H "Content-Type: text/plain; charset=utf-8" --data-binary "@$article" "$base/v1/quotes" |
    python3 -c '
import json, sys
for quote in json.load(sys.stdin)["quotes"]:
    speaker = quote["speaker"]
    if speaker is None:
        who = "(unattributed)"
    elif speaker.get("role"):
        who = "%s (%s)" % (speaker["name"], speaker["role"])
    else:
        who = speaker["name"]
    print("%s [%s]: \"%s\"" % (who, quote["kind"], quote["text"]))
'
  echo
done

#!/usr/bin/env bash
# Calls the hub's API with a signed request, as the SDK would. Usage:
#   scripts/hub-curl.sh METHOD PATH [JSON-BODY]
# Environment: HUB_URL (default http://localhost:8080), HUB_CLIENT_ID and HUB_CLIENT_SECRET (default: the
# sandbox demo client). Needs curl, openssl and xxd or od.
set -euo pipefail
method=${1:?method}; path=${2:?path}; body=${3:-}
url=${HUB_URL:-http://localhost:8080}
client=${HUB_CLIENT_ID:-sandbox-demo}
secret=${HUB_CLIENT_SECRET:-sandbox-demo-secret-0123456789abcdef}
timestamp=$(date +%s)
nonce=$(openssl rand -hex 16)
body_hash=$(printf '%s' "$body" | openssl dgst -sha256 -r | cut -d' ' -f1)
canonical=$(printf '%s\n%s\n%s\n%s\n%s' "$method" "$path" "$timestamp" "$nonce" "$body_hash")
signature=$(printf '%s' "$canonical" | openssl dgst -sha256 -hmac "$secret" -binary | openssl base64 -A)
args=(-sS -X "$method" "$url$path" -H "X-Hub-Client-Id: $client" -H "X-Hub-Timestamp: $timestamp"
      -H "X-Hub-Nonce: $nonce" -H "X-Hub-Signature: $signature")
if [ -n "$body" ]; then
  args+=(-H "Content-Type: application/json" --data-binary "$body")
fi
curl "${args[@]}"
echo

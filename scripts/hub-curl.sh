#!/usr/bin/env bash
# Calls the hub's API with a signed request, as the SDK would. Usage:
#   scripts/hub-curl.sh METHOD PATH [JSON-BODY]
# Environment: HUB_URL (default http://localhost:8080), HUB_CLIENT_ID and HUB_CLIENT_SECRET (default: the
# sandbox demo client), HUB_OFFICER_ID (optional: the officer to act for on the staff API, sent as
# X-Hub-Officer-Id and signed as the canonical string's sixth line, ADR 0911). Needs curl and openssl.
set -euo pipefail
method=${1:?method}; path=${2:?path}; body=${3:-}
url=${HUB_URL:-http://localhost:8080}
client=${HUB_CLIENT_ID:-sandbox-demo}
secret=${HUB_CLIENT_SECRET:-sandbox-demo-secret-0123456789abcdef}
timestamp=$(date +%s)
nonce=$(openssl rand -hex 16)
body_hash=$(printf '%s' "$body" | openssl dgst -sha256 -r | cut -d' ' -f1)
canonical=$(printf '%s\n%s\n%s\n%s\n%s' "$method" "$path" "$timestamp" "$nonce" "$body_hash")
officer=${HUB_OFFICER_ID:-}
if [ -n "$officer" ]; then
  canonical=$(printf '%s\nx-hub-officer-id:%s' "$canonical" "$officer")
fi
signature=$(printf '%s' "$canonical" | openssl dgst -sha256 -hmac "$secret" -binary | openssl base64 -A)
args=(-sS -X "$method" "$url$path" -H "X-Hub-Client-Id: $client" -H "X-Hub-Timestamp: $timestamp"
      -H "X-Hub-Nonce: $nonce" -H "X-Hub-Signature: $signature")
if [ -n "$officer" ]; then
  args+=(-H "X-Hub-Officer-Id: $officer")
fi
if [ -n "$body" ]; then
  args+=(-H "Content-Type: application/json" --data-binary "$body")
fi
curl "${args[@]}"
echo

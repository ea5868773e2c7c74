#!/usr/bin/env bash
# Conformance against Cloudflare's OpenAPI spec (../shared/openapi):
#  0. the committed spec extract the unit tests read is what the script writes from the official spec;
#  with Stoplight Prism as the oracle:
#  1. proxy mode in front of a running local gateway: the official SDK's calls go through Prism, which
#     checks our requests and the local gateway's answers;
#  2. mock mode: the server (BFF) in Cloudflare mode sends every /api route's upstream request to Prism,
#     which checks them against the spec.
# Each step writes $REPORTS/step-*.json ({name, passed, failed}) for the closing line.
set -uo pipefail
REPORTS=${1:?reports dir}
ORACLE=../shared/oracle/ci-oracle.sh
SPEC=../shared/openapi/cloudflare-ai-gateway.openapi.json
FIXTURE=src/test-support/spec/cloudflare-ai-gateway.subset.json
status=0

step() { # name passed failed
  printf '{"name":"%s","passed":%d,"failed":%d}\n' "$1" "$2" "$3" > "$REPORTS/step-$(echo "$1" | tr -c 'a-z0-9' '-').json"
}

# 0. The spec extract: regenerate it from the official spec; any difference from the committed one fails.
if node --import tsx src/test-support/spec/extract-spec.ts "$SPEC" "$REPORTS/spec-subset.json" > "$REPORTS/spec-subset.log" 2>&1 &&
    diff -u "$FIXTURE" "$REPORTS/spec-subset.json" > "$REPORTS/spec-subset.diff"; then
  step "spec extract matches the official spec" 1 0
else
  echo "The committed $FIXTURE differs from what the official spec gives (regenerate it and commit):"
  cat "$REPORTS/spec-subset.log"; head -n 40 "$REPORTS/spec-subset.diff"
  step "spec extract matches the official spec" 0 1; status=1
fi

# 1. Local gateway behind Prism (proxy mode).
INFO="$REPORTS/local-gateway.json"
rm -f "$INFO"  # a file left by an earlier run would name a gateway that is gone
PORT=0 INFO_FILE="$INFO" node --import tsx src/local-gateway/conformance/serve.ts > "$REPORTS/local-gateway.log" 2>&1 &
GW_PID=$!
for _ in $(seq 1 300); do [ -s "$INFO" ] && break; kill -0 "$GW_PID" 2>/dev/null || break; sleep 0.1; done
if [ -s "$INFO" ]; then
  UPSTREAM=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).baseURL)' "$INFO")
  if ORACLE_MODE=proxy ORACLE_UPSTREAM="$UPSTREAM" LOCAL_GATEWAY_INFO_FILE="$INFO" \
      bash "$ORACLE" node --import tsx src/local-gateway/conformance/run-sdk-through-oracle.ts > "$REPORTS/oracle-proxy.log" 2>&1; then
    calls=$(grep -o 'Conformance: [0-9]*' "$REPORTS/oracle-proxy.log" | grep -o '[0-9]*' || echo 1)
    step "oracle proxy: local gateway" "${calls:-1}" 0
    tail -1 "$REPORTS/oracle-proxy.log"
  else
    cat "$REPORTS/oracle-proxy.log"; step "oracle proxy: local gateway" 0 1; status=1
  fi
else
  echo "The local gateway for the conformance check did not start:"; cat "$REPORTS/local-gateway.log"
  step "oracle proxy: local gateway" 0 1; status=1
fi
kill "$GW_PID" 2>/dev/null; wait "$GW_PID" 2>/dev/null

# 2. The server's upstream requests against Prism (mock mode).
if ORACLE_MODE=mock bash "$ORACLE" ./node_modules/.bin/vitest run src/server/conformance \
    --reporter=default --reporter=json --outputFile.json="$REPORTS/oracle-mock.json" > "$REPORTS/oracle-mock.log" 2>&1; then
  tail -5 "$REPORTS/oracle-mock.log"
else
  cat "$REPORTS/oracle-mock.log"; status=1
fi
if [ -s "$REPORTS/oracle-mock.json" ]; then
  node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(r.numPassedTests+" "+r.numFailedTests)' "$REPORTS/oracle-mock.json" |
    { read -r p f; step "oracle mock: server requests" "$p" "$f"; }
else
  step "oracle mock: server requests" 0 1
fi
exit $status

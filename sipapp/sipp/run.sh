#!/usr/bin/env bash
# One command for the sipapp's SIP scenarios with sipp (sip-tester): against the test peer in the
# tests, or against a real drachtio-server in front of a running sipapp.
#
#   sipapp/sipp/run.sh <scenario> <host:port> [extra sipp options]
#
# Scenarios: caller-hangs-up (answered, BYE from the caller after HOLD_MS), load (caller-hangs-up
# CALLS times, RATE a second, at most CALLS at once). Settings from the environment:
#   CALLER=13800000000 HOLD_MS=2000 CALLS=20 RATE=10
#   LOCAL_IP=127.0.0.5 SERVICE=12345 OUT=<dir for sipp's statistics and error log>
#   SIPP_TRACE=<file for every SIP message sent and received>
# Exit status: sipp's (0: every call went as the scenario says). sipp picks free SIP and media ports.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
scenario="${1:?usage: run.sh <scenario> <host:port> [sipp options]}"
target="${2:?usage: run.sh <scenario> <host:port> [sipp options]}"
shift 2
out="${OUT:-$(mktemp -d)}"
mkdir -p "$out"
calls=1 limit=1 rate=1
source="$here/$scenario.xml"
if [[ "$scenario" == load ]]; then
  source="$here/caller-hangs-up.xml"
  calls="${CALLS:-20}" limit="${CALLS:-20}" rate="${RATE:-10}"
fi
[[ "${HOLD_MS:-2000}" =~ ^[0-9]{1,6}$ ]] || { echo "HOLD_MS is milliseconds" >&2; exit 2; }
[[ -f "$source" ]] || { echo "no scenario $scenario in $here" >&2; exit 2; }
# sipp reads no keywords in a pause: the scenario's copy gets the number.
file="$out/$scenario.xml"
sed -e "s|\[hold_ms\]|${HOLD_MS:-2000}|g" "$source" > "$file"
cd "$out"
exec sipp "$target" -sf "$file" -s "${SERVICE:-12345}" -i "${LOCAL_IP:-127.0.0.5}" \
  -m "$calls" -l "$limit" -r "$rate" \
  -key caller "${CALLER:-13800000000}" \
  -nostdin -timeout 240s -timeout_error \
  -trace_stat -stf "$out/stats.csv" -fd 1 -trace_err -error_file "$out/errors.log" \
  -trace_screen -screen_file "$out/screen.log" ${SIPP_TRACE:+-trace_msg -message_file "$SIPP_TRACE"} "$@"

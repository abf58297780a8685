#!/usr/bin/env bash
# One command for the sipapp's SIP scenarios with sipp (sip-tester): against the test peer in the
# tests, or against a real drachtio-server in front of a running sipapp.
#
#   sipapp/sipp/run.sh <scenario> <host:port> [extra sipp options]
#
# Scenarios (each file says its messages):
#   caller-hangs-up  answered, BYE from the caller after HOLD_MS
#   load             caller-hangs-up CALLS times, RATE a second, at most CALLS at once
#   keys             answered, then KEYS as RFC 2833 telephone-events (a capture made by dtmf-pcap.mjs,
#                    played by sipp); the IVR follows its menu and hangs up (its BYE answered 200)
#   hold             answered, re-INVITE a=sendonly then a=sendrecv (each answered 200 with an SDP),
#                    then BYE from the caller after HOLD_MS: the call survives being held
#   cancel           INVITE, 180 Ringing, CANCEL before the answer: 200 to the CANCEL, 487 to the INVITE
#   malformed        an INVITE with a broken SDP (488), then one without Contact (400); nothing answered
#   answers          the other way round: sipp is the citizen's phone, listening on <host:port> (the
#                    dialer's SIPAPP_OUTBOUND_GATEWAY) for one call: 180, 200, then KEYS after the ACK;
#                    the dialer hangs up (its BYE answered 200)
# Settings from the environment:
#   CALLER=13800000000 HOLD_MS=2000 CALLS=20 RATE=10 KEYS=251 (digits, * and #)
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
[[ "${KEYS:-251}" =~ ^[0-9*#]{1,20}$ ]] || { echo "KEYS is 1 to 20 of 0-9, * and #" >&2; exit 2; }
[[ -f "$source" ]] || { echo "no scenario $scenario in $here" >&2; exit 2; }
# sipp reads no keywords in a pause or a pcap's name: the scenario's copy gets the values.
file="$out/$scenario.xml"
if [[ "$scenario" == keys || "$scenario" == answers ]]; then
  node "$here/dtmf-pcap.mjs" "${KEYS:-251}" "$out/keys.pcap"
fi
sed -e "s|\[hold_ms\]|${HOLD_MS:-2000}|g" -e "s|\[keys_pcap\]|$out/keys.pcap|g" "$source" > "$file"
cd "$out"
# A UAS listens on the target; a UAC sends to it from LOCAL_IP.
if [[ "$scenario" == answers ]]; then
  where=(-i "${target%:*}" -p "${target##*:}")
else
  where=("$target" -i "${LOCAL_IP:-127.0.0.5}")
fi
exec sipp "${where[@]}" -sf "$file" -s "${SERVICE:-12345}" \
  -m "$calls" -l "$limit" -r "$rate" \
  -key caller "${CALLER:-13800000000}" \
  -nostdin -timeout 240s -timeout_error \
  -trace_stat -stf "$out/stats.csv" -fd 1 -trace_err -error_file "$out/errors.log" \
  -trace_screen -screen_file "$out/screen.log" ${SIPP_TRACE:+-trace_msg -message_file "$SIPP_TRACE"} "$@"

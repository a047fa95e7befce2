#!/usr/bin/env bash
# Install the helpline's files into an Asterisk 22: the one way, used by ops/runbook.md, ops/compose.yaml
# and the real-Asterisk tests (org.helpline.testing.RealAsterisk).
#
#   ops/asterisk/install.sh [--prompts DIR] ETC_DIR DATA_DIR
#
#   ETC_DIR   Asterisk's configuration directory (astetcdir, /etc/asterisk): config/asterisk/*.conf and
#             dialplan/extensions.conf go there, dialplan/*.conf into ETC_DIR/dialplan/ (the #include
#             paths are relative to it), and manager_secret.conf is written from HELPLINE_AMI_PASSWORD.
#   DATA_DIR  Asterisk's data directory (astdatadir, /var/lib/asterisk): prompts into
#             sounds/<lang>/helpline/, the hold music into moh/helpline/ (musiconhold.conf names it
#             relative to this directory).
#   --prompts DIR  prompts rendered before by ops/prompts/render.sh DIR; without it they are rendered
#             now (needs espeak-ng and sox).
#
# Stock files the loaded modules also read (indications.conf, ...) are not ours: keep Asterisk's samples
# in ETC_DIR (make samples) and install over them. Checks pjsip.conf before copying (see check_identify).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
prompts=""
if [ "${1:-}" = "--prompts" ]; then prompts=$2; shift 2; fi
[ $# -eq 2 ] || { echo "usage: $0 [--prompts DIR] ETC_DIR DATA_DIR" >&2; exit 2; }
etc=$1
data=$2
[ -n "${HELPLINE_AMI_PASSWORD:-}" ] || { echo "install.sh: set HELPLINE_AMI_PASSWORD (letters and digits)" >&2; exit 2; }
[[ $HELPLINE_AMI_PASSWORD =~ ^[A-Za-z0-9]+$ ]] \
  || { echo "install.sh: HELPLINE_AMI_PASSWORD must be letters and digits only (';' starts a comment)" >&2; exit 2; }

# A phone whose REGISTER comes from an address a trunk's identify matches is taken for the trunk
# (endpoint_identifier_order = ip,username) and refused with 403, without a word in the log. Phones are
# never on a trunk's address, so an identify may match single hosts only, never a network.
check_identify() {
  local bad
  bad=$(awk '/^\[/ { section=$0 } /^[ \t]*match[ \t]*=/ {
           sub(/;.*/, ""); sub(/^[^=]*=[ \t]*/, ""); n=split($0, parts, /[ \t]*,[ \t]*/)
           for (i = 1; i <= n; i++) if (parts[i] ~ /\// && parts[i] !~ /\/(32|255\.255\.255\.255)$/) print section " match " parts[i]
         }' "$repo/config/asterisk/pjsip.conf")
  if [ -n "$bad" ]; then
    echo "install.sh: pjsip.conf: an identify matches a whole network: $bad" >&2
    echo "install.sh: a phone registering from inside it would be taken for that trunk and refused (403):" >&2
    echo "install.sh: list the carrier's signalling hosts one by one (ops/runbook.md, section 2)" >&2
    exit 1
  fi
}
check_identify

mkdir -p "$etc/dialplan" "$data/moh/helpline"
install -m 644 "$repo"/config/asterisk/*.conf "$repo/dialplan/extensions.conf" "$etc/"
install -m 644 "$repo"/dialplan/*.conf "$etc/dialplan/"
rm -f "$etc/dialplan/extensions.conf"
(umask 027; printf 'secret = %s\n' "$HELPLINE_AMI_PASSWORD" > "$etc/manager_secret.conf")

if [ -z "$prompts" ]; then
  prompts=$(mktemp -d)
  trap 'rm -rf "$prompts"' EXIT
  "$repo/ops/prompts/render.sh" "$prompts" >/dev/null
fi
# Each wav, and its G.711 copies (render.sh makes them: Asterisk then plays the caller's codec as it is,
# without transcoding) unless the wav is newer (a recording put in its place): then only the wav, so a
# stale copy can never be what callers hear.
install_sounds() { # FROM_DIR TO_DIR
  mkdir -p "$2"
  for wav in "$1"/*.wav; do
    install -m 644 "$wav" "$2/"
    for codec in ulaw alaw; do
      copy=${wav%.wav}.$codec
      rm -f "$2/$(basename "$copy")"
      if [ -f "$copy" ] && [ ! "$wav" -nt "$copy" ]; then
        install -m 644 "$copy" "$2/"
      fi
    done
  done
}
for dir in "$prompts"/*/; do
  lang=$(basename "$dir")
  [ "$lang" = moh ] && continue
  install_sounds "${dir%/}" "$data/sounds/$lang/helpline"
done
install_sounds "$prompts/moh" "$data/moh/helpline"
echo "install.sh: installed into $etc and $data"

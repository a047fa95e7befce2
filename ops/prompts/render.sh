#!/usr/bin/env bash
# Render the helpline's sound prompts and hold music with espeak-ng and sox.
#
#   ops/prompts/render.sh [OUT_DIR]        (default: ops/prompts/out)
#
# Reads every <lang>.txt beside this script ("name|text" lines, see ro.txt) and
# writes OUT_DIR/<lang>/<name>.wav: 8 kHz, mono, 16-bit signed PCM, with the
# same sound beside it as <name>.ulaw and <name>.alaw (G.711, the carrier
# trunk's codecs): Asterisk plays the copy in the caller's codec as it is,
# where the wav would be transcoded for every caller, every 20 ms. Mount OUT_DIR/<lang> as
# /var/lib/asterisk/sounds/<lang>/helpline and OUT_DIR/moh as
# /var/lib/asterisk/moh/helpline (ops/compose.yaml does).
# Synthetic voices are a stand-in: real recordings with the same names and
# format can replace any file.
# Needs: bash, espeak-ng, sox (Debian: apt-get install espeak-ng sox).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/out}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for tool in espeak-ng sox; do
  command -v "$tool" >/dev/null || { echo "render.sh: $tool is not installed" >&2; exit 1; }
done

# Every file the dialplan can play (dialplan/*.conf; DialplanFilesTest checks
# this list). Asterisk skips a missing file with a WARNING, and the caller
# hears nothing (or the English file), so a language without all of them is
# an error.
required=(welcome lang-choice danger-question urgent-advice hold-intro duress-tip
          advice please-hold closed neutral pos-many wait-long)
for n in $(seq 1 99); do required+=("pos-$n"); done
for n in $(seq 0 60); do required+=("wait-$n"); done

# espeak-ng voice per language code; other codes use the code itself.
voice_for() {
  case "$1" in
    en) echo en-gb ;;
    *)  echo "$1" ;;
  esac
}

# text -> 8 kHz mono 16-bit wav, band-limited to the telephone range,
# normalised, with a short lead-in and tail so words are not clipped.
render() { # voice text outfile
  espeak-ng -v "$1" -s 145 -w "$tmp/raw.wav" -- "$2"
  sox "$tmp/raw.wav" -r 8000 -c 1 -b 16 -e signed-integer "$3" \
      gain -6 highpass 200 lowpass 3400 norm -3 pad 0.15 0.35
  g711 "$3"
}

# wav -> the same sound in G.711 u-law and A-law beside it
g711() { # wav
  sox "$1" -t ul "${1%.wav}.ulaw"
  sox "$1" -t al "${1%.wav}.alaw"
}

status=0
shopt -s nullglob
for txt in "$here"/*.txt; do
  lang=$(basename "$txt" .txt)
  voice=$(voice_for "$lang")
  mkdir -p "$out/$lang"
  count=0
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in ''|'#'*) continue ;; esac
    name=${line%%|*}
    text=${line#*|}
    if [[ $name =~ ^(.*)\{([0-9]+)\.\.([0-9]+)\}(.*)$ ]]; then
      for n in $(seq "${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}"); do
        render "$voice" "${text//\{n\}/$n}" "$out/$lang/${BASH_REMATCH[1]}$n${BASH_REMATCH[4]}.wav"
        count=$((count + 1))
      done
    else
      render "$voice" "$text" "$out/$lang/$name.wav"
      count=$((count + 1))
    fi
  done < "$txt"
  missing=()
  for name in "${required[@]}"; do
    [ -s "$out/$lang/$name.wav" ] || missing+=("$name")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "render.sh: $lang is missing: ${missing[*]}" >&2
    status=1
  fi
  echo "render.sh: $lang: $count files in $out/$lang"
done

# Hold music: a slow, quiet progression of soft chords (C, Am, F, G), made
# here so no third-party recording or licence is involved. 32 s, looped by
# Asterisk.
mkdir -p "$out/moh"
chords=("C4 E4 G4" "A3 C4 E4" "F3 A3 C4" "G3 B3 D4")
parts=()
for i in 0 1 2 3 4 5 6 7; do
  set -- ${chords[$((i % 4))]}
  sox -n -r 8000 -c 3 -b 16 "$tmp/chord$i.wav" synth 4 sine "$1" sine "$2" sine "$3" \
      remix - tremolo 0.2 20 fade q 0.8 4 0.8 vol 0.25
  parts+=("$tmp/chord$i.wav")
done
sox "${parts[@]}" -r 8000 -c 1 -b 16 -e signed-integer "$out/moh/helpline-hold.wav" norm -14
g711 "$out/moh/helpline-hold.wav"
echo "render.sh: music in $out/moh"

exit $status

#!/usr/bin/env bash
# Installs what Switchboard needs on a Debian/Ubuntu machine, once: a JDK 17 and Maven to build and run,
# plus (with --test) what the tests and the installer smoke test need (Xvfb, GTK for JavaFX, jpackage tools,
# audio encoders).
# Safe to run again: it installs only what is missing. Needs root or sudo for apt-get.
set -euo pipefail

want_test=false
[ "${1:-}" = "--test" ] && want_test=true

packages=()
command -v javac >/dev/null 2>&1 || packages+=(openjdk-17-jdk)
command -v mvn >/dev/null 2>&1 || packages+=(maven)
# JavaFX needs GTK 3 and a few X libraries to open a window.
# espeak-ng speaks the text-to-speech sounds on Linux.
runtime_pkgs=(libgtk-3-0 libxtst6 libgl1 libglib2.0-0 fonts-inter espeak-ng)
# lame, vorbis-tools and flac write the MP3, OGG and FLAC test audio the sound conversion tests read.
test_pkgs=(xvfb xauth x11-utils xdotool imagemagick fakeroot binutils python3 lame vorbis-tools flac)
check=("${runtime_pkgs[@]}")
$want_test && check+=("${test_pkgs[@]}")
for p in "${check[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || packages+=("$p")
done

if [ ${#packages[@]} -gt 0 ]; then
    echo "Installing: ${packages[*]}"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}"
fi

#!/usr/bin/env bash
# Fuzzes every Jazzer target of the fuzz module (docs/fuzzing.md, docs/decisions/094), one after another (the CI
# machine has 2 cores), each in its own JVM for CONVENE_FUZZ_SECONDS seconds (default 60).
#
# Usage: bash scripts/fuzz.sh [extra maven args]
#   CI (called by scripts/test-inside.sh):  bash scripts/fuzz.sh
#   a hand run of 10 minutes per target:     CONVENE_FUZZ_SECONDS=600 bash scripts/fuzz.sh
#   one target:                              bash scripts/fuzz.sh -Dtest=StunParserFuzzTest
# A crash fails the run; Jazzer writes the crashing input next to the target's checked-in corpus
# (fuzz/src/test/resources/.../<Target>Inputs/<method>/crash-*), where plain `mvn verify` replays it from then on.
# Inputs that found new coverage go to fuzz/.cifuzz-corpus (not checked in; docs/fuzzing.md says how to keep them).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

seconds="${CONVENE_FUZZ_SECONDS:-60}"
targets='*FuzzTest'
for arg in "$@"; do
  case "$arg" in -Dtest=*) targets="${arg#-Dtest=}" ;; esac
done
echo "convene: fuzzing ${targets} for ${seconds} s each" >&2
start=$(date +%s)
# JAZZER_FUZZ=1 turns the @FuzzTest methods from corpus replay into fuzzing; Jazzer fuzzes one test per JVM, so
# surefire forks a new JVM for each test class (reuseForks=false). -am builds sfu and shared-model from this tree.
JAZZER_FUZZ=1 mvn -B -o -ntp -pl fuzz -am test -Dtest="$targets" -Dsurefire.failIfNoSpecifiedTests=false \
  -DreuseForks=false -Djazzer.max_duration="${seconds}s" "$@"
echo "convene: fuzzing done in $(( $(date +%s) - start )) s" >&2

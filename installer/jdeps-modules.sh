#!/usr/bin/env bash
# Which JDK modules the app's jars need, by jdeps: the list for --add-modules in
# installer/jpackage/app-image.args.
#   installer/jdeps-modules.sh          print the modules jdeps finds (comma-separated)
#   installer/jdeps-modules.sh --check  also compare with app-image.args; exit 1 naming every
#                                       module jdeps finds that the bundled runtime lacks
# Reads the jpackage input (target/installer/input/, made by `mvn -Pinstaller package`) or else
# target/memberdesk.jar and target/lib/*.jar (made by `mvn -B -q -DskipTests package`).
# jdeps sees only compile-time references: modules loaded by name at run time (jdk.crypto.ec,
# jdk.zipfs) are added by hand in app-image.args, and this check never asks to remove a module.
set -euo pipefail
unset CDPATH
repo="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
args_file="$repo/installer/jpackage/app-image.args"
check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: installer/jdeps-modules.sh [--check]" >&2; exit 2 ;;
esac

input="$repo/target/installer/input"
[ -f "$input/memberdesk.jar" ] && [ -d "$input/lib" ] || input="$repo/target"
[ -f "$input/memberdesk.jar" ] && [ -d "$input/lib" ] || {
  echo "jdeps-modules: target/memberdesk.jar or target/lib/ is missing; run mvn -B -q -DskipTests package first" >&2
  exit 1
}
command -v zip >/dev/null 2>&1 || { echo "jdeps-modules: zip not found (apt-get install zip)" >&2; exit 1; }
command -v jdeps >/dev/null 2>&1 || { echo "jdeps-modules: jdeps not found (it comes with the JDK)" >&2; exit 1; }

# The app runs on the class path, so analyse every jar as a plain jar: drop module-info.class,
# or jdeps would resolve the modular ones as modules and stop at split packages between them.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$input/memberdesk.jar" "$input"/lib/*.jar "$work/"
for j in "$work"/*.jar; do
  zip -q -d "$j" 'module-info.class' 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true
done
found="$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 "$work"/*.jar | tail -n 1)"
case "$found" in
  java.base*) ;;
  *) echo "jdeps-modules: jdeps did not answer with a module list: $found" >&2; exit 1 ;;
esac
echo "$found"

if $check; then
  configured="$(sed -e 's/#.*//' "$args_file" | tr -s ' \t' '\n\n' | grep -A1 -x -- '--add-modules' | tail -n 1)"
  [ -n "$configured" ] || { echo "jdeps-modules: no --add-modules in $args_file" >&2; exit 1; }
  # --print-module-deps prints a minimal set (java.desktop brings java.xml, java.sql brings
  # java.logging, ...): it is covered when each of its modules is configured.
  missing=""
  for m in ${found//,/ }; do
    case ",$configured," in *",$m,"*) ;; *) missing="$missing $m" ;; esac
  done
  if [ -n "$missing" ]; then
    echo "jdeps-modules: the jars need module(s)$missing, missing from --add-modules in installer/jpackage/app-image.args" >&2
    exit 1
  fi
  echo "jdeps-modules: every module jdeps finds is in the bundled runtime"
fi

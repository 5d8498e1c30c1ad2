#!/usr/bin/env bash
# CI check of the installer (Linux; run it as root after the tests; about two minutes):
#   1. builds the app image and the .deb:  mvn -B -q -Pinstaller -DskipTests package
#   2. checks that the bundled runtime holds every JDK module the jars need (installer/jdeps-modules.sh,
#      run alongside the steps below)
#   3. runs <app-image>/bin/MemberDesk --version as a machine without a JDK would (empty
#      environment, nothing on the PATH, no JAVA_HOME) and checks, from the JVM's own log, that it
#      ran on the image's bundled runtime
#   4. checks the .deb: control fields, and in its listing the launcher, the icon, the desktop
#      entry (which must pass desktop-file-validate) and the runtime
#   5. installs it with dpkg -i, runs the installed launcher the same way (--version, then the
#      command line on a temp data directory: demo seed, a query, a user error's exit code) and
#      checks the menu entry, `memberdesk` on the PATH, and that nothing was written under /opt
#   6. removes it with dpkg -r and checks that it is gone
# It installs xdg-utils, desktop-file-utils, fakeroot and zip when missing, and creates the XDG
# folders that xdg-desktop-menu (the package's postinst) needs on a bare machine.
# Exit 0 when all passed; otherwise 1 and a line "ci-check: FAILED: ..." that says what.
set -euo pipefail
unset CDPATH
repo="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

check_start=$(date +%s)
fail() { echo "ci-check: FAILED: $*" >&2; exit 1; }
step() { echo "== [$(( $(date +%s) - check_start )) s] $*"; }

[ "$(uname -s)" = Linux ] || fail "this check builds and installs a .deb: run it on Debian or Ubuntu"
[ "$(id -u)" = 0 ] || fail "run it as root: it installs and removes the memberdesk package"
for tool in java mvn dpkg dpkg-deb apt-get unzip; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool not found"
done
[ -x "$(dirname "$(readlink -f "$(command -v java)")")/jpackage" ] \
  || fail "the JDK on the PATH has no jpackage (a full JDK 17 or newer is needed, not a JRE)"

tmp="$(mktemp -d)"
installed_by_us=false
jdeps_pid=""
cleanup() {
  if $installed_by_us; then dpkg -r memberdesk >/dev/null 2>&1 || true; fi
  if [ -n "$jdeps_pid" ]; then kill "$jdeps_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$tmp/empty-path" "$tmp/home"

step "system packages for building and installing the .deb"
missing=()
for pkg in xdg-utils desktop-file-utils fakeroot zip; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >"$tmp/apt.log" 2>&1; then
    apt-get update -q >>"$tmp/apt.log" 2>&1 || true
    apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$tmp/apt.log" 2>&1 \
      || { cat "$tmp/apt.log" >&2; fail "could not install ${missing[*]}"; }
  fi
fi
# The postinst's xdg-desktop-menu fails ("No writable system menu directory found") and leaves
# the package half-configured unless these exist; a desktop machine has them already.
mkdir -p /etc/xdg/menus /usr/share/desktop-directories

step "build the app image and the .deb: mvn -B -q -Pinstaller -DskipTests package"
build_start=$(date +%s)
# (sed: Maven 3.8 prints colour resets even in batch mode.)
mvn -B -q -Dstyle.color=never -Pinstaller -DskipTests package 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' \
  || fail "the installer build failed (Maven's output above)"
build_seconds=$(( $(date +%s) - build_start ))

version="$(unzip -p target/memberdesk.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')"
[ -n "$version" ] || fail "target/memberdesk.jar has no Implementation-Version"
expected="MemberDesk $version"
image="$repo/target/installer/app-image/MemberDesk"
deb="$repo/target/installer/memberdesk_${version}-1_$(dpkg --print-architecture).deb"
[ -x "$image/bin/MemberDesk" ] || fail "no app image launcher at $image/bin/MemberDesk"
[ -f "$deb" ] || fail "no .deb at $deb"

step "modules of the bundled runtime against jdeps: started alongside (result at the end)"
installer/jdeps-modules.sh --check >"$tmp/jdeps.log" 2>&1 &
jdeps_pid=$!

# run_bare RUNTIME_DIR COMMAND [ARG]...: runs COMMAND as on a machine without a JDK (empty
# environment, an empty directory as the PATH, no JAVA_HOME), stdout to $tmp/out, stderr to
# $tmp/err, exit code in $rc. The JVM logs the libraries it loads to a file (stdout stays the
# command's own): libjava.so must come from RUNTIME_DIR, the bundled runtime.
run_bare() {
  local runtime="$1"; shift
  local log="$tmp/jvm-os.log"
  rm -f "$log"
  rc=0
  env -i PATH="$tmp/empty-path" HOME="$tmp/home" JAVA_TOOL_OPTIONS="-Xlog:os=info:file=$log" \
    "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
  if ! grep -q "shared library load of $runtime/lib/libjava.so" "$log" 2>/dev/null; then
    cat "$tmp/err" >&2
    fail "$* did not run on the bundled runtime $runtime (JVM log: $(grep -m1 'libjava.so' "$log" 2>/dev/null || echo none))"
  fi
}

expect_version() {  # RUNTIME_DIR LAUNCHER
  local started=$(date +%s%N)
  run_bare "$1" "$2" --version
  local millis=$(( ($(date +%s%N) - started) / 1000000 ))
  [ "$rc" = 0 ] || { cat "$tmp/err" >&2; fail "$2 --version exited with $rc"; }
  [ "$(cat "$tmp/out")" = "$expected" ] || fail "$2 --version printed '$(cat "$tmp/out")', expected '$expected'"
  echo "$2 --version: $(cat "$tmp/out") (bundled runtime, no JDK on the PATH, ${millis} ms)"
}

step "app image: --version with its bundled runtime"
expect_version "$image/lib/runtime" "$image/bin/MemberDesk"
grep -qx 'java-options=-Xmx512m' "$image/lib/app/MemberDesk.cfg" || fail "the launcher config lacks -Xmx512m"

step ".deb: control fields and listing"
[ "$(dpkg-deb -f "$deb" Package)" = memberdesk ] || fail "package name is not memberdesk"
[ "$(dpkg-deb -f "$deb" Version)" = "$version-1" ] || fail "package version is not $version-1"
dpkg-deb -f "$deb" Depends | grep -qw xdg-utils || fail "the package does not depend on xdg-utils"
dpkg-deb --contents "$deb" >"$tmp/listing"
for path in ./opt/memberdesk/bin/MemberDesk \
            ./opt/memberdesk/lib/MemberDesk.png \
            ./opt/memberdesk/lib/memberdesk-MemberDesk.desktop \
            ./opt/memberdesk/lib/app/memberdesk.jar \
            ./opt/memberdesk/lib/app/MemberDesk.cfg \
            ./opt/memberdesk/lib/runtime/lib/server/libjvm.so; do
  grep -q " $path\$" "$tmp/listing" || fail "the .deb does not contain $path"
  echo "listed: $path"
done
grep -q '^-rwxr-xr-x .* \./opt/memberdesk/bin/MemberDesk$' "$tmp/listing" || fail "the launcher is not executable in the .deb"
mkdir -p "$tmp/deb"
dpkg-deb -x "$deb" "$tmp/deb"
cmp -s "$tmp/deb/opt/memberdesk/lib/MemberDesk.png" assets/app-icon/memberdesk-256.png \
  || fail "the packaged icon is not assets/app-icon/memberdesk-256.png"
desktop="$tmp/deb/opt/memberdesk/lib/memberdesk-MemberDesk.desktop"
desktop-file-validate "$desktop" || fail "the desktop entry does not validate (above)"
grep -qx 'Exec=/opt/memberdesk/bin/MemberDesk' "$desktop" || fail "the desktop entry does not run /opt/memberdesk/bin/MemberDesk"
grep -qx 'Icon=/opt/memberdesk/lib/MemberDesk.png' "$desktop" || fail "the desktop entry does not show the packaged icon"
grep -q '^Categories=.*Office' "$desktop" || fail "the desktop entry is not in the Office menu group"
wm_class="$(sed -n 's/^StartupWMClass=//p' "$desktop")"
unzip -l target/memberdesk.jar "${wm_class//.//}.class" >/dev/null 2>&1 \
  || fail "StartupWMClass=$wm_class in installer/jpackage/linux/resources/MemberDesk.desktop names no class of the app: set it to the JavaFX Application class"
echo "desktop entry: valid; Exec, Icon, Categories and StartupWMClass as expected"

step "install: dpkg -i"
# A package with maintainer scripts stays known to dpkg after dpkg -r (state "config-files"):
# only an installed (or half-installed) one is in the way.
before="$(dpkg-query -W -f='${Status}' memberdesk 2>/dev/null || true)"
case "$before" in
  ""|*not-installed|*config-files) ;;
  *) echo "memberdesk is on this machine already ($before; left over from an earlier run?): purging it first"
     dpkg --purge memberdesk >/dev/null || fail "could not remove the memberdesk package found before this check" ;;
esac
installed_by_us=true
dpkg -i "$deb" >"$tmp/dpkg.log" 2>&1 || { cat "$tmp/dpkg.log" >&2; fail "dpkg -i $deb failed"; }
status="$(dpkg-query -W -f='${Status}' memberdesk)"
[ "$status" = "install ok installed" ] || fail "after dpkg -i the package status is '$status'"
[ -f /usr/share/applications/memberdesk-MemberDesk.desktop ] || fail "the postinst did not add the menu entry"
[ "$(readlink -f /usr/bin/memberdesk)" = /opt/memberdesk/bin/MemberDesk ] || fail "/usr/bin/memberdesk does not lead to the launcher"
echo "installed: $status; menu entry and /usr/bin/memberdesk in place"
touch "$tmp/installed-stamp"

step "installed launcher: --version and the command line with the bundled runtime"
expect_version /opt/memberdesk/lib/runtime /opt/memberdesk/bin/MemberDesk
expect_version /opt/memberdesk/lib/runtime /usr/bin/memberdesk
data="$tmp/data"
run_bare /opt/memberdesk/lib/runtime /opt/memberdesk/bin/MemberDesk --data-dir "$data" demo seed --json
[ "$rc" = 0 ] || { cat "$tmp/err" >&2; fail "MemberDesk --data-dir DIR demo seed --json exited with $rc"; }
head -c 1 "$tmp/out" | grep -q '[{[]' || fail "demo seed --json printed no JSON: $(head -c 200 "$tmp/out")"
[ -f "$data/memberdesk.db" ] || fail "demo seed wrote no database in the data directory"
echo "demo seed --json: exit 0, $(wc -c <"$tmp/out") bytes of JSON, $data/memberdesk.db written"
run_bare /opt/memberdesk/lib/runtime /opt/memberdesk/bin/MemberDesk --data-dir "$data" contacts find dana --json
[ "$rc" = 0 ] || { cat "$tmp/err" >&2; fail "contacts find dana --json exited with $rc"; }
grep -q '"dana.whitfield@example.com"' "$tmp/out" || fail "contacts find dana --json did not find the demo contact: $(head -c 200 "$tmp/out")"
echo "contacts find dana --json: found dana.whitfield@example.com"
run_bare /opt/memberdesk/lib/runtime /opt/memberdesk/bin/MemberDesk --data-dir "$data" contacts add --email not-an-email --name X
[ "$rc" = 1 ] || fail "a user error (malformed email) exited with $rc through the launcher, expected 1"
echo "contacts add with a malformed email: exit 1 ($(grep -v '^Picked up' "$tmp/err" | head -n 1))"
written="$(find /opt/memberdesk -newer "$tmp/installed-stamp" | head -n 5)"
[ -z "$written" ] || fail "the app wrote into its install directory: $written"

step "remove: dpkg -r memberdesk"
dpkg -r memberdesk >"$tmp/dpkg.log" 2>&1 || { cat "$tmp/dpkg.log" >&2; fail "dpkg -r memberdesk failed"; }
installed_by_us=false
[ ! -e /opt/memberdesk/bin/MemberDesk ] || fail "the launcher is still there after dpkg -r"
[ ! -e /usr/bin/memberdesk ] && [ ! -L /usr/bin/memberdesk ] || fail "/usr/bin/memberdesk is still there after dpkg -r"
[ ! -e /usr/share/applications/memberdesk-MemberDesk.desktop ] || fail "the menu entry is still there after dpkg -r"
echo "removed: launcher, /usr/bin/memberdesk and menu entry gone"

step "modules of the bundled runtime against jdeps: result"
if ! wait "$jdeps_pid"; then
  jdeps_pid=""
  cat "$tmp/jdeps.log" >&2
  fail "the bundled runtime lacks a module the jars need (installer/jdeps-modules.sh --check, above)"
fi
jdeps_pid=""
tail -n 1 "$tmp/jdeps.log"

echo "ci-check: installer build ${build_seconds} s; .deb $(du -m "$deb" | cut -f1) MB ($(basename "$deb")); app image $(du -sm "$image" | cut -f1) MB"
echo "ci-check: passed in $(( $(date +%s) - check_start )) s"

#!/usr/bin/env bash
# Installs kubeplan every way the README documents, on fresh global prefixes,
# and runs it once each way:
#
#   - from a git URL (served on 127.0.0.1 by `git daemon`, as a remote would be),
#     the default branch and the release tag, with each npm of NPM_VERSIONS;
#   - from a tarball made with `npm pack`;
#   - as a pre-commit hook, with each pre-commit of PRE_COMMIT_COMMANDS.
#
# It needs the npm registry (dependencies, and the npm versions it tries) and
# git; pre-commit is tried when it is installed. Usage:
#
#   scripts/check-install.sh [git-ref]        # default: HEAD of this clone
#   NPM_VERSIONS="10 11" PRE_COMMIT_COMMANDS="pre-commit" scripts/check-install.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
REF="${1:-HEAD}"
NPM_VERSIONS="${NPM_VERSIONS-10 11}"
PRE_COMMIT_COMMANDS="${PRE_COMMIT_COMMANDS-pre-commit}"
PORT="${GIT_DAEMON_PORT:-9418}"
WORK="$(mktemp -d)"
DAEMON=""
cleanup() {
  if [ -n "$DAEMON" ]; then kill "$DAEMON" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

passed=0
failed=0
pass() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAILED: $1 (log: $2)"; tail -n 20 "$2" | sed 's/^/    /'; failed=$((failed + 1)); }

# A copy of the repository at REF, with the release tag of its package.json version.
VERSION="$(git -C "$ROOT" show "$REF:package.json" | node -e 'process.stdin.on("data", (d) => process.stdout.write(JSON.parse(d).version))')"
TAG="v$VERSION"
git clone --quiet --no-local "$ROOT" "$WORK/repo/kubeplan"
git -C "$WORK/repo/kubeplan" checkout --quiet "$(git -C "$ROOT" rev-parse "$REF")"
git -C "$WORK/repo/kubeplan" tag -f "$TAG" >/dev/null
git -C "$WORK/repo/kubeplan" checkout --quiet -B main
git daemon --export-all --base-path="$WORK/repo" --listen=127.0.0.1 --port="$PORT" --reuseaddr "$WORK/repo" &
DAEMON=$!
sleep 1
URL="git://127.0.0.1:$PORT/kubeplan"

# The installed command must run and report the sample's typo (exit 1 with its finding).
check_runs() {
  local bin="$1" log="$2"
  local out
  out="$("$bin" validate "$ROOT/samples/typos/enums.yaml" 2>>"$log")" && return 1
  echo "$out" >>"$log"
  grep -q 'did you mean "Always"' <<<"$out"
}

for version in $NPM_VERSIONS; do
  npm install --silent --prefix "$WORK/npm-$version" "npm@$version" >/dev/null 2>&1
  NPM="$WORK/npm-$version/node_modules/.bin/npm"
  for spec in "$URL" "$URL#$TAG"; do
    prefix="$(mktemp -d "$WORK/global-XXXX")"
    log="$prefix.log"
    name="npm $($NPM --version) install --global $spec"
    if "$NPM" install --global --prefix "$prefix" "$spec" >"$log" 2>&1 && check_runs "$prefix/bin/kubeplan" "$log"; then pass "$name"; else fail "$name" "$log"; fi
  done
done

# A tarball, as `npm pack` makes it in a clone.
(cd "$WORK/repo/kubeplan" && npm install --silent >/dev/null 2>&1 && npm run --silent compile && npm pack --silent --pack-destination "$WORK" >/dev/null)
prefix="$WORK/global-tarball"
log="$prefix.log"
if npm install --global --prefix "$prefix" "$WORK/kubeplan-$VERSION.tgz" >"$log" 2>&1 && check_runs "$prefix/bin/kubeplan" "$log"; then pass "npm install --global kubeplan-$VERSION.tgz"; else fail "tarball" "$log"; fi

# pre-commit: a repository with a broken manifest and files that are not manifests.
project="$WORK/project"
mkdir -p "$project/k8s" "$project/chart/templates"
cp "$ROOT/samples/typos/enums.yaml" "$project/k8s/deploy.yaml"
printf 'apiVersion: v2\nname: web\nversion: 1.0.0\n' >"$project/chart/Chart.yaml"
printf 'replicas: 2\n' >"$project/chart/values.yaml"
printf 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "web.fullname" . }}\n' >"$project/chart/templates/service.yaml"
printf 'resources: [k8s/deploy.yaml]\n' >"$project/kustomization.yaml"
printf '{"name": "project"}\n' >"$project/package.json"
cat >"$project/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $WORK/repo/kubeplan
    rev: $TAG
    hooks:
      - id: kubeplan-validate
EOF
git -C "$project" init --quiet
git -C "$project" add -A
for command in $PRE_COMMIT_COMMANDS; do
  if ! command -v "$command" >/dev/null; then
    echo "skipped: $command is not installed"
    continue
  fi
  log="$WORK/pre-commit-$(basename "$command").log"
  name="$command $("$command" --version | awk '{print $2}') run --all-files"
  # The broken Deployment fails the hook; nothing else is reported.
  if (cd "$project" && PRE_COMMIT_HOME="$WORK/pre-commit-home-$passed$failed" "$command" run --all-files) >"$log" 2>&1; then
    fail "$name: the hook passed a broken manifest" "$log"
  elif grep -q 'did you mean "Always"' "$log" && ! grep -q 'Chart.yaml\|values.yaml\|templates/service.yaml\|kustomization.yaml\|package.json' "$log"; then
    pass "$name"
  else
    fail "$name" "$log"
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

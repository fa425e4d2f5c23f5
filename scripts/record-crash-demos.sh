#!/usr/bin/env bash
# Re-records the crash-loop demos (crashloop, init-crash, mixed) on a real kind cluster, so that
# their sessions carry what the crashed containers really wrote: `podlife record` captures the log
# of every container that terminates or restarts as LOG entries (SESSION-FORMAT.md "Container
# logs"). Then rebuilds demo-fixtures/ with scripts/make-demos.mjs; the other demos stay as they are.
#
# The demos in demo-fixtures/ today come from captures whose kubelet was simulated: no container
# ran, so no log exists to put in them, and none may be made up. This script is how to get real
# ones. It needs docker, kind, kubectl and a built podlife (npm ci); it was written on a machine
# without a cluster and has not been run there.
#
# Usage: scripts/record-crash-demos.sh [KIND_NODE_IMAGE]   (default kindest/node:v1.32.2)
set -euo pipefail
cd "$(dirname "$0")/.."

image="${1:-kindest/node:v1.32.2}"
cluster=podlife-demos
workloads=scripts/demo-workloads
work="$(mktemp -d)"
trap 'kind delete cluster --name "$cluster" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

podlife() { node dist/bundle/cli.js "$@"; }

# Two nodes, as the captures' cluster had.
kind create cluster --name "$cluster" --image "$image" --wait 120s --config - <<'KIND'
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
  - role: control-plane
  - role: worker
KIND
kubectl config use-context "kind-$cluster"
kubectl wait --for=condition=Ready node --all --timeout=120s
# Pulled beforehand, so that the scenarios' timing is the containers', not the registry's.
for pulled in python:3.12-slim busybox:1.36.1 nginx:1.27.3 fluent/fluent-bit:3.2.2 postgres:17-alpine; do
	docker pull -q "$pulled" >/dev/null
	kind load docker-image --name "$cluster" "$pulled"
done

# The demos not re-recorded here are rebuilt from the captures they came from.
cp test/fixtures/captures/*.ndjson "$work/"

# record NAME DURATION COMMAND…: records namespace default while COMMAND runs the scenario, then
# clears the scenario away and checks that the session holds logs.
record() {
	local name=$1 duration=$2
	shift 2
	podlife record "$work/$name.ndjson" --force --no-ui --logs crashes -n default --duration "$duration" &
	local recorder=$!
	sleep 2
	"$@"
	wait "$recorder"
	kubectl delete pods,jobs -n default -l podlife.demo/scenario --wait=true --timeout=120s
	kubectl delete -n default -f "$workloads/postgres.yaml" --ignore-not-found --wait=true
	local logs
	logs=$(grep -c '"type":"LOG"' "$work/$name.ndjson" || true)
	if [ "$logs" -eq 0 ]; then
		echo "record-crash-demos: $name.ndjson holds no LOG entry: does this podlife record capture logs (--logs)?" >&2
		exit 1
	fi
	echo "$name.ndjson: $(wc -l <"$work/$name.ndjson") lines, $logs LOG entries"
}

crashloop() { kubectl create -n default -f "$workloads/crashloop.yaml"; }
init_crash() {
	kubectl create -n default -f "$workloads/init-crash.yaml"
	# The init container fails until postgres answers: three runs or so, with back-off 10 s and 20 s.
	sleep 35
	kubectl create -n default -f "$workloads/postgres.yaml"
}
mixed() {
	# One workload every 1.5 s, in the file's order.
	awk -v dir="$work" 'BEGIN {n = 0; file = dir "/mixed-0.yaml"} /^---$/ {n++; file = dir "/mixed-" n ".yaml"; next} {print > file}' "$workloads/mixed.yaml"
	for part in "$work"/mixed-*.yaml; do
		kubectl create -n default -f "$part"
		sleep 1.5
	done
}

record crashloop 100s crashloop
record init-crash 60s init_crash
record mixed 100s mixed

node scripts/make-demos.mjs "$work"
git status --short demo-fixtures
echo 'Replay them (npx podlife demo crashloop), check the README quick tour against them, and commit.'

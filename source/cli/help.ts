// The --help text: every command and flag, with an example each.

export const HELP = `
Usage
  $ podlife [cluster flags]                 watch the pods of the current cluster
  $ podlife demo [NAME]                     replay a bundled demo session (no cluster needed)
  $ podlife replay FILE [replay flags]      replay a recorded session
  $ podlife record FILE [cluster flags]     record what the cluster does into a session file
  $ podlife check [cluster flags]           print unhealthy pods; exit 3 if any is failing
  $ podlife serve FILE [--port P]           serve a session as a Kubernetes API server on loopback

Cluster flags (as kubectl)
  --kubeconfig PATH          kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)
  --context NAME             kubeconfig context to use
  -n, --namespace NS         namespace to watch (default: the context's namespace)
  -A, --all-namespaces       watch every namespace
  -l, --selector SEL         label selector, e.g. -l app=web,tier!=db
  --field-selector SEL       field selector, e.g. --field-selector spec.nodeName=kind-worker

Output flags
  -o, --output FORMAT        table | json | ndjson (replay also: timeline, check); without it, the TUI
  --at DURATION|end          replay: the moment to print (default: end), e.g. --at 1m30s
  --pod NAMESPACE/NAME       replay --output timeline: the pod whose transitions to print
  --watch-for DURATION       live headless: watch this long before printing (ndjson: stream this long)
  --for DURATION             check: watch this long before judging (default: until synced)
  --status-compat VERSION    print STATUS like API server VERSION (1.29 … 1.36, latest);
                             default: the session's or cluster's serverVersion
  --no-color                 no colour (NO_COLOR is honoured too)

Replay flags
  --speed N                  playback speed, 0.25 … 64 (default 1)
  --paused                   start paused
  --loop                     start over at the end
  --lenient                  skip bad lines of a session instead of stopping (they are counted)

Record flags
  --duration DURATION        stop after this long (default: until Ctrl-C)
  --no-ui                    no TUI: a progress line on stderr
  --no-redact                keep env values, managedFields and last-applied annotations
  --force                    replace FILE if it exists (default: refuse)

Serve flags
  --port P                   port on 127.0.0.1 (default: a free one)
  --kubeconfig-out PATH      where to write a kubeconfig that points at the server

Demo flags
  --list                     list the bundled sessions with their titles

Examples
  $ podlife demo
  $ podlife demo crashloop
  $ podlife demo --list
  $ podlife replay session.ndjson.gz --speed 8
  $ podlife replay session.ndjson --output table --at 1m30s
  $ podlife replay session.ndjson --output ndjson > columns.ndjson
  $ podlife replay session.ndjson --output timeline --pod default/web-7d4f9
  $ podlife replay session.ndjson --output check
  $ podlife -A
  $ podlife -n kube-system -l k8s-app=kube-dns
  $ podlife -A --output ndjson --watch-for 60s
  $ podlife record boot.ndjson --duration 2m --no-ui
  $ podlife check -n default --for 30s
  $ podlife serve boot.ndjson --port 6443

Exit codes: 0 ok, 1 failure (one-line message), 2 usage error, 3 check found failing pods.
`;
